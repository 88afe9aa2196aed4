package io.riskpulse.gateway.grpc;

import io.riskpulse.api.v1.CheckOrderRequest;
import io.riskpulse.api.v1.CheckOrderResponse;
import io.riskpulse.api.v1.PreTradeServicePowerApi;
import io.riskpulse.gateway.grpc.security.Rpc;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.pretrade.OrderRequest;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * {@code riskpulse.v1.PreTradeService}: the portfolio's pre-trade check for one order. The portfolio's desk is
 * known after its first call (see {@link PortfolioDesks}), so a check costs one ask. Fails closed as the check
 * itself does. Thread-safe (stateless).
 */
public final class PreTradeGrpcService implements PreTradeServicePowerApi {

  private final Calls calls;
  private final PortfolioClient portfolios;
  private final PortfolioGrpcService portfolioService;

  public PreTradeGrpcService(Calls calls, PortfolioClient portfolios, PortfolioGrpcService portfolioService) {
    this.calls = calls;
    this.portfolios = portfolios;
    this.portfolioService = portfolioService;
  }

  @Override
  public CompletionStage<CheckOrderResponse> checkOrder(CheckOrderRequest in, Metadata metadata) {
    return calls.unary(Rpc.CHECK_ORDER, metadata, in, principal -> {
      String id = Fields.id("portfolio_id", in.getPortfolioId());
      OrderRequest order = new OrderRequest(id, Fields.optionalId("strategy", in.getStrategy()),
          Fields.id("cl_ord_id", in.getClOrdId()), Fields.id("symbol", in.getSymbol()), Fields.side("side", in.getSide()),
          Fields.positive("quantity", in.getQuantity()), Fields.positive("price", in.getPrice()));
      return portfolioService.authorizedDesk(principal, Rpc.CHECK_ORDER, id)
          .thenCompose(desk -> portfolios.checkOrder(order))
          .thenApply(ProtoMapper::decision);
    });
  }
}

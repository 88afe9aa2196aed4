package io.riskpulse.gateway.grpc;

import io.riskpulse.api.v1.AuditHead;
import io.riskpulse.api.v1.Detection;
import io.riskpulse.api.v1.GetAuditHeadRequest;
import io.riskpulse.api.v1.GetDetectionRequest;
import io.riskpulse.api.v1.GetPortfolioRequest;
import io.riskpulse.api.v1.ListPortfoliosRequest;
import io.riskpulse.api.v1.ListPortfoliosResponse;
import io.riskpulse.api.v1.Portfolio;
import io.riskpulse.api.v1.PortfolioServicePowerApi;
import io.riskpulse.api.v1.PortfolioSummary;
import io.riskpulse.api.v1.PortfolioUpdate;
import io.riskpulse.api.v1.ProposedTrade;
import io.riskpulse.api.v1.WatchPortfolioRequest;
import io.riskpulse.api.v1.WhatIfRequest;
import io.riskpulse.api.v1.WhatIfResponse;
import io.riskpulse.gateway.grpc.security.Access;
import io.riskpulse.gateway.grpc.security.Principal;
import io.riskpulse.gateway.grpc.security.Rpc;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioDirectory;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.WhatIfResult;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * {@code riskpulse.v1.PortfolioService}: one portfolio's state, a desk's list, watches and what-ifs, each
 * authorized on the portfolio's desk. Thread-safe (stateless besides the shared desk cache).
 */
public final class PortfolioGrpcService implements PortfolioServicePowerApi {

  /** Snapshots read at once when listing a desk. */
  private static final int LIST_PARALLELISM = 8;

  private final ActorSystem<?> system;
  private final Calls calls;
  private final PortfolioClient portfolios;
  private final PortfolioDirectory directory;
  private final PortfolioDesks desks;
  private final PortfolioWatch watch;
  /** How old a kept snapshot GetPortfolio may answer with ({@code riskpulse.grpc.read-max-age}). */
  private final Duration readMaxAge;

  /**
   * @param readMaxAge how old a snapshot GetPortfolio may answer with ({@link PortfolioClient#recentSnapshot});
   *     zero always asks the entity
   */
  public PortfolioGrpcService(ActorSystem<?> system, Calls calls, PortfolioClient portfolios,
      PortfolioDirectory directory, PortfolioDesks desks, PortfolioWatch watch, Duration readMaxAge) {
    this.system = system;
    this.calls = calls;
    this.portfolios = portfolios;
    this.directory = directory;
    this.desks = desks;
    this.watch = watch;
    this.readMaxAge = readMaxAge;
  }

  @Override
  public CompletionStage<Portfolio> getPortfolio(GetPortfolioRequest in, Metadata metadata) {
    return calls.unary(Rpc.GET_PORTFOLIO, metadata, in, principal -> {
      String id = Fields.id("portfolio_id", in.getPortfolioId());
      return portfolios.recentSnapshot(id, readMaxAge).thenApply(snapshot -> {
        authorizeOpened(principal, Rpc.GET_PORTFOLIO, id, snapshot);
        return ProtoMapper.portfolio(snapshot);
      });
    });
  }

  @Override
  public CompletionStage<AuditHead> getAuditHead(GetAuditHeadRequest in, Metadata metadata) {
    return calls.unary(Rpc.GET_AUDIT_HEAD, metadata, in, principal -> {
      String id = Fields.id("portfolio_id", in.getPortfolioId());
      return authorizedDesk(principal, Rpc.GET_AUDIT_HEAD, id)
          .thenCompose(desk -> portfolios.auditHead(id))
          .thenApply(head -> AuditHead.newBuilder().setPortfolioId(head.portfolioId()).setVersion(head.version())
              .setStateHash(head.stateHash()).setChainHead(head.chainHead()).build());
    });
  }

  @Override
  public CompletionStage<Detection> getDetection(GetDetectionRequest in, Metadata metadata) {
    return calls.unary(Rpc.GET_DETECTION, metadata, in, principal -> {
      String id = Fields.id("portfolio_id", in.getPortfolioId());
      return authorizedDesk(principal, Rpc.GET_DETECTION, id)
          .thenCompose(desk -> portfolios.detection(id))
          .thenApply(ProtoMapper::detection);
    });
  }

  /** NOT_FOUND when never opened, PERMISSION_DENIED when on another desk. */
  private void authorizeOpened(Principal principal, Rpc rpc, String id, PortfolioSnapshot snapshot) {
    Optional<String> desk = desks.learn(snapshot);
    if (desk.isEmpty()) {
      throw GrpcErrors.notFound("portfolio " + id + " does not exist");
    }
    Access.requireDesk(principal, rpc, desk.get());
  }

  /** Completes once the portfolio is known to be opened and on one of the principal's desks. */
  CompletionStage<String> authorizedDesk(Principal principal, Rpc rpc, String id) {
    return desks.deskOf(id).thenApply(desk -> {
      if (desk.isEmpty()) {
        throw GrpcErrors.notFound("portfolio " + id + " does not exist");
      }
      Access.requireDesk(principal, rpc, desk.get());
      return desk.get();
    });
  }

  @Override
  public CompletionStage<ListPortfoliosResponse> listPortfolios(ListPortfoliosRequest in, Metadata metadata) {
    return calls.unary(Rpc.LIST_PORTFOLIOS, metadata, in, principal -> {
      String desk = Fields.id("desk", in.getDesk());
      Access.requireDesk(principal, Rpc.LIST_PORTFOLIOS, desk);
      return directory.portfolioIds().thenCompose(ids -> Source.from(ids)
          // Portfolios already known to be on another desk are not read again.
          .filter(id -> desks.known(id).map(desk::equals).orElse(true))
          .mapAsyncUnordered(LIST_PARALLELISM, portfolios::snapshot)
          .filter(snapshot -> desks.learn(snapshot).map(desk::equals).orElse(false))
          .map(ProtoMapper::summary)
          .runWith(Sink.seq(), system))
          .thenApply(summaries -> ListPortfoliosResponse.newBuilder()
              .addAllPortfolios(summaries.stream().sorted(Comparator.comparing(PortfolioSummary::getPortfolioId))
                  .toList())
              .build());
    });
  }

  @Override
  public Source<PortfolioUpdate, NotUsed> watchPortfolio(WatchPortfolioRequest in, Metadata metadata) {
    return calls.stream(Rpc.WATCH_PORTFOLIO, metadata, principal -> {
      String id = Fields.id("portfolio_id", in.getPortfolioId());
      if (in.getResumeAfterVersion() < 0) {
        throw GrpcErrors.invalidArgument("resume_after_version", "must be 0 or a version received before");
      }
      return Source.completionStageSource(authorizedDesk(principal, Rpc.WATCH_PORTFOLIO, id)
              .thenApply(desk -> watch.updates(id, in.getResumeAfterVersion())))
          .mapMaterializedValue(done -> NotUsed.getInstance());
    });
  }

  @Override
  public CompletionStage<WhatIfResponse> whatIf(WhatIfRequest in, Metadata metadata) {
    return calls.unary(Rpc.WHAT_IF, metadata, in, principal -> {
      String id = Fields.id("portfolio_id", in.getPortfolioId());
      if (in.getTradesCount() == 0) {
        throw GrpcErrors.invalidArgument("trades", "at least one trade is required");
      }
      Map<String, Double> changes = new LinkedHashMap<>();
      for (int i = 0; i < in.getTradesCount(); i++) {
        ProposedTrade trade = in.getTrades(i);
        String field = "trades[" + i + "]";
        String symbol = Fields.id(field + ".symbol", trade.getSymbol());
        double quantity = Fields.positive(field + ".quantity", trade.getQuantity());
        double signed = Fields.side(field + ".side", trade.getSide()) == io.riskpulse.model.portfolio.Side.BUY
            ? quantity : -quantity;
        changes.merge(symbol, signed, Double::sum);
      }
      changes.values().removeIf(change -> change == 0); // a buy and a sell of the same size trade nothing
      if (changes.isEmpty()) {
        throw GrpcErrors.invalidArgument("trades", "the trades cancel out: nothing would change");
      }
      return authorizedDesk(principal, Rpc.WHAT_IF, id)
          .thenCompose(desk -> portfolios.whatIf(id, changes))
          .thenApply(PortfolioGrpcService::whatIfResponse);
    });
  }

  private static WhatIfResponse whatIfResponse(WhatIfResult result) {
    if (!result.rejection().isEmpty()) {
      throw GrpcErrors.invalidArgument("trades", result.rejection());
    }
    WhatIfResponse.Builder b = WhatIfResponse.newBuilder()
        .setBefore(ProtoMapper.risk(result.before())).setAfter(ProtoMapper.risk(result.after()))
        .setGrossExposureBefore(result.grossExposureBefore()).setGrossExposureAfter(result.grossExposureAfter())
        .setNetExposureBefore(result.netExposureBefore()).setNetExposureAfter(result.netExposureAfter());
    result.breachesAfter().forEach(breach -> b.addBreachesAfter(ProtoMapper.breach(breach)));
    return b.build();
  }
}

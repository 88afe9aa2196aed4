package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.CheckOrderRequest;
import io.riskpulse.api.v1.Side;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse ctl check-order ...}: asks the node whether it would accept an order, as an OMS does before
 * sending it. A rejection is an answer, not a failure: the decision and every failed check are printed on
 * stdout, and the exit code ({@link CtlExitCodes#REJECTED}) lets a script branch on it.
 */
@Command(name = "check-order", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Pre-trade check of an order: ACCEPTED, or REJECTED with every failed check and its numbers. "
        + "Fails closed (an unanswered portfolio, a stale price or an unconfirmed kill switch rejects).",
        "Needs a trader (or above) of the desk. The client order id must be new for the portfolio.",
        "Exit 0 when ACCEPTED, 6 when REJECTED."})
public final class CheckOrderCommand implements Callable<Integer> {

  @ParentCommand CtlCommand ctl;
  @Spec CommandSpec spec;

  @Option(names = "--portfolio", required = true, paramLabel = "ID", description = "The portfolio.")
  String portfolio;

  @Option(names = "--symbol", required = true, paramLabel = "SYMBOL", description = "The instrument.")
  String symbol;

  @Option(names = "--side", required = true, paramLabel = "buy|sell", converter = CtlConverters.Sides.class,
      description = "buy or sell.")
  Side side;

  @Option(names = "--qty", required = true, paramLabel = "N", converter = CtlConverters.Numbers.class,
      description = "Quantity, instrument units, above zero.")
  Double quantity;

  @Option(names = "--price", required = true, paramLabel = "PX", converter = CtlConverters.Numbers.class,
      description = "Limit price, instrument currency per unit, above zero.")
  Double price;

  @Option(names = "--strategy", paramLabel = "NAME", description = "The strategy sending it, if any.")
  String strategy;

  @Option(names = "--cl-ord-id", paramLabel = "ID",
      description = "Client order id, unique per portfolio. Default: a new one, ctl-<12 hex digits>.")
  String clOrdId;

  @Override
  public Integer call() {
    CheckOrderRequest request = CheckOrderRequest.newBuilder().setPortfolioId(portfolio)
        .setStrategy(strategy == null ? "" : strategy)
        .setClOrdId(clOrdId != null ? clOrdId : "ctl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
        .setSymbol(symbol).setSide(side).setQuantity(quantity).setPrice(price).build();
    return ctl.call(spec).unary(clients -> clients.preTrade().checkOrder(request),
        response -> PreTradeView.checkOrder(request, response),
        response -> response.getAccepted() ? CtlExitCodes.OK : CtlExitCodes.REJECTED);
  }
}

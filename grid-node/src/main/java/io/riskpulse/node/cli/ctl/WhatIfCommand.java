package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.ProposedTrade;
import io.riskpulse.api.v1.WhatIfRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code riskpulse ctl what-if --portfolio P --trade SYMBOL:buy|sell:QTY...}: risk after proposed trades. */
@Command(name = "what-if", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Risk and exposures of a portfolio as they would be after the proposed trades, beside the "
        + "figures now, and the limits it would breach. Changes nothing. Needs a trader (or above) of the desk.",
        "Example: what-if --portfolio P-1 --trade SPY:buy:100 --trade TLT:sell:50"})
public final class WhatIfCommand implements Callable<Integer> {

  @ParentCommand CtlCommand ctl;
  @Spec CommandSpec spec;

  @Option(names = "--portfolio", required = true, paramLabel = "ID", description = "The portfolio.")
  String portfolio;

  @Option(names = "--trade", required = true, arity = "1..*", paramLabel = "SYMBOL:buy|sell:QTY",
      converter = CtlConverters.Trades.class,
      description = "A proposed trade, quantity in instrument units above zero; repeat for more.")
  List<ProposedTrade> trades;

  @Override
  public Integer call() {
    WhatIfRequest request = WhatIfRequest.newBuilder().setPortfolioId(portfolio).addAllTrades(trades).build();
    return ctl.call(spec).unary(clients -> clients.portfolios().whatIf(request),
        response -> PreTradeView.whatIf(request, response));
  }
}

package io.riskpulse.node.cli.ctl;

import static io.riskpulse.node.cli.ctl.Formats.amount;
import static io.riskpulse.node.cli.ctl.Formats.price;
import static io.riskpulse.node.cli.ctl.Formats.quantity;

import io.riskpulse.api.v1.CheckFailure;
import io.riskpulse.api.v1.CheckOrderRequest;
import io.riskpulse.api.v1.CheckOrderResponse;
import io.riskpulse.api.v1.ProposedTrade;
import io.riskpulse.api.v1.WhatIfRequest;
import io.riskpulse.api.v1.WhatIfResponse;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * Text of pre-trade answers: a check's decision with every failed check and its numbers, and a what-if's
 * figures before and after the proposed trades. Amounts in the node's reporting currency. Stateless.
 */
final class PreTradeView {

  private PreTradeView() {}

  /** The decision on {@code order}, then each failed check. */
  static String checkOrder(CheckOrderRequest order, CheckOrderResponse response) {
    StringBuilder text = new StringBuilder(response.getAccepted() ? "ACCEPTED" : "REJECTED").append(": ")
        .append(order.getPortfolioId()).append(' ').append(order.getSide().name().toLowerCase(Locale.ROOT))
        .append(' ').append(quantity(order.getQuantity())).append(' ').append(order.getSymbol()).append(" at ")
        .append(price(order.getPrice())).append("   cl-ord-id ").append(order.getClOrdId());
    if (!order.getStrategy().isEmpty()) {
      text.append("   strategy ").append(order.getStrategy());
    }
    text.append('\n');
    if (!response.getNote().isEmpty()) {
      text.append("note: ").append(response.getNote()).append('\n');
    }
    if (response.getFailuresCount() > 0) {
      TextTable failures = new TextTable().left("CHECK").right("VALUE").right("LIMIT").left("DETAIL");
      for (CheckFailure f : response.getFailuresList()) {
        failures.row(f.getCheck(), amount(f.getValue()), amount(f.getLimit()), f.getDetail());
      }
      text.append(failures.render());
    }
    return text.toString();
  }

  /** Figures before and after the trades, the change, and the breaches after. */
  static String whatIf(WhatIfRequest request, WhatIfResponse r) {
    String trades = request.getTradesList().stream().map(PreTradeView::trade).collect(Collectors.joining(", "));
    StringBuilder text = new StringBuilder("What-if on ").append(request.getPortfolioId()).append(": ")
        .append(trades).append(" (nothing is changed)\n");
    TextTable table = new TextTable().left("").right("BEFORE").right("AFTER").right("CHANGE");
    row(table, "gross exposure", r.getGrossExposureBefore(), r.getGrossExposureAfter(), Formats::amount);
    row(table, "net exposure", r.getNetExposureBefore(), r.getNetExposureAfter(), Formats::amount);
    row(table, "VaR 99% 1-day", r.getBefore().getValueAtRisk99(), r.getAfter().getValueAtRisk99(),
        Formats::amount);
    row(table, "ES 97.5% 1-day", r.getBefore().getExpectedShortfall975(), r.getAfter().getExpectedShortfall975(),
        Formats::amount);
    row(table, "worst stress loss", r.getBefore().getWorstStressLoss(), r.getAfter().getWorstStressLoss(),
        Formats::amount);
    row(table, "days to liquidate", r.getBefore().getMaxDaysToLiquidate(), r.getAfter().getMaxDaysToLiquidate(),
        Formats::days);
    text.append(table.render());
    r.getAfter().getProblemsList().forEach(p -> text.append("problem after: ").append(p).append('\n'));
    return text.append(ControlView.breaches("Breaches after the trades", r.getBreachesAfterList())).toString();
  }

  private static void row(TextTable table, String label, double before, double after, DoubleFunction<String> f) {
    table.row(label, f.apply(before), f.apply(after), f.apply(after - before));
  }

  private static String trade(ProposedTrade t) {
    return t.getSide().name().toLowerCase(Locale.ROOT) + " " + quantity(t.getQuantity()) + " " + t.getSymbol();
  }
}

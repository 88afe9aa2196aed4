package io.riskpulse.node.cli.ctl;

import static io.riskpulse.node.cli.ctl.Formats.amount;
import static io.riskpulse.node.cli.ctl.Formats.instant;

import io.riskpulse.api.v1.Aggregate;
import io.riskpulse.api.v1.AggregateMember;
import io.riskpulse.api.v1.ScopeLimitsState;

/**
 * Text of a desk's or the firm's aggregate: VaR and ES of the summed scenario vectors beside the sum of the
 * members' own VaR (the difference is the diversification benefit), exposures, P&L, the members, and the
 * scope's own limits with their breaches. Amounts in the node's reporting currency. Stateless.
 */
final class AggregateView {

  private AggregateView() {}

  static String aggregate(Aggregate a) {
    String title = a.getScope().equals("firm") ? "Firm" : "Desk " + a.getId();
    StringBuilder text = new StringBuilder(title).append("   ").append(a.getPortfolioCount())
        .append(" portfolio(s)   as of ").append(instant(a.getAsOfMillis())).append("\n\n");
    text.append(new TextTable().left("").right("")
        .row("VaR 99% 1-day", amount(a.getValueAtRisk99()))
        .row("ES 97.5% 1-day", amount(a.getExpectedShortfall975()))
        .row("sum of member VaR 99%", amount(a.getSumOfMemberVar99()))
        .row("diversification benefit", amount(a.getSumOfMemberVar99() - a.getValueAtRisk99()))
        .row("gross exposure", amount(a.getGrossExposure()))
        .row("net exposure", amount(a.getNetExposure()))
        .row("intraday P&L", amount(a.getIntradayPnl()))
        .render());
    a.getProblemsList().forEach(problem -> text.append("problem: ").append(problem).append('\n'));
    if (a.getMembersCount() > 0) {
      TextTable members = new TextTable().left(a.getScope().equals("firm") ? "DESK" : "PORTFOLIO")
          .right("VAR 99%").right("GROSS").right("NET").right("INTRADAY P&L").left("PROBLEMS");
      for (AggregateMember m : a.getMembersList()) {
        members.row(m.getMemberId(), amount(m.getValueAtRisk99()), amount(m.getGrossExposure()),
            amount(m.getNetExposure()), amount(m.getIntradayPnl()), String.join("; ", m.getProblemsList()));
      }
      text.append('\n').append(members.render());
    }
    text.append('\n').append(limits(a.getLimits()));
    return text.toString();
  }

  private static String limits(ScopeLimitsState state) {
    if (!state.getLimitsSet()) {
      return "Limits: none set\n";
    }
    return "Limits (set by " + state.getSetBy() + ": " + state.getSetReason() + "):\n"
        + ControlView.limits(state.getLimits()) + "\n" + ControlView.breaches("Breaches", state.getBreachesList())
        + ControlView.breaches("Warnings", state.getWarningsList());
  }
}

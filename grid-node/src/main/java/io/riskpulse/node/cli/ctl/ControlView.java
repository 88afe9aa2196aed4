package io.riskpulse.node.cli.ctl;

import static io.riskpulse.node.cli.ctl.Formats.amount;
import static io.riskpulse.node.cli.ctl.Formats.days;
import static io.riskpulse.node.cli.ctl.Formats.instant;
import static io.riskpulse.node.cli.ctl.Formats.orDash;
import static io.riskpulse.node.cli.ctl.Formats.percent;
import static io.riskpulse.node.cli.ctl.Formats.quantity;

import io.riskpulse.api.v1.CommandResult;
import io.riskpulse.api.v1.Halt;
import io.riskpulse.api.v1.LimitBreach;
import io.riskpulse.api.v1.Limits;
import io.riskpulse.api.v1.ListHaltsResponse;
import io.riskpulse.api.v1.Scope;
import io.riskpulse.api.v1.ScopeKind;
import java.util.List;
import java.util.Locale;

/**
 * Text of the controls: limits, limit breaches and warnings, halts, and the result of a command (set limits,
 * halt, resume). Amounts in the node's reporting currency; breach values in the unit of their kind (percent for
 * CONCENTRATION, days for liquidity, the currency otherwise). Stateless.
 */
final class ControlView {

  private ControlView() {}

  /** The limits that are set, one per row; {@code no limits} when none is. */
  static String limits(Limits l) {
    TextTable table = new TextTable().left("LIMIT").right("VALUE");
    if (l.hasMaxGrossExposure()) {
      table.row("max gross exposure", amount(l.getMaxGrossExposure()));
    }
    if (l.hasMaxNetExposure()) {
      table.row("max net exposure", amount(l.getMaxNetExposure()));
    }
    if (l.hasMaxPositionNotional()) {
      table.row("max position notional", amount(l.getMaxPositionNotional()));
    }
    if (l.hasMaxConcentrationPct()) {
      table.row("max concentration %", percent(l.getMaxConcentrationPct()));
    }
    if (l.hasConcentrationMinGross()) {
      table.row("concentration from gross", amount(l.getConcentrationMinGross()));
    }
    if (l.hasMaxIntradayLoss()) {
      table.row("max intraday loss", amount(l.getMaxIntradayLoss()));
    }
    if (l.hasMaxDrawdown()) {
      table.row("max drawdown", amount(l.getMaxDrawdown()));
    }
    if (l.hasMaxOrderQuantity()) {
      table.row("max order quantity", quantity(l.getMaxOrderQuantity()));
    }
    if (l.hasMaxOrderNotional()) {
      table.row("max order notional", amount(l.getMaxOrderNotional()));
    }
    if (l.hasMaxVar()) {
      table.row("max VaR 99%", amount(l.getMaxVar()));
    }
    if (l.hasMaxExpectedShortfall()) {
      table.row("max ES 97.5%", amount(l.getMaxExpectedShortfall()));
    }
    if (l.hasMaxStressLoss()) {
      table.row("max stress loss", amount(l.getMaxStressLoss()));
    }
    if (l.hasMaxDaysToLiquidate()) {
      table.row("max days to liquidate", days(l.getMaxDaysToLiquidate()));
    }
    if (table.isEmpty() && !l.getHaltOnBreach()) {
      return "no limits\n";
    }
    table.row("halt on breach", l.getHaltOnBreach() ? "yes" : "no");
    return table.render();
  }

  /** Breaches (or warnings) as a table, under {@code title}; one line saying "none" when there are none. */
  static String breaches(String title, List<LimitBreach> breaches) {
    if (breaches.isEmpty()) {
      return title + ": none\n";
    }
    TextTable table = new TextTable().left("KIND").left("SYMBOL").right("VALUE").right("LIMIT").left("SINCE")
        .left("DETAIL");
    for (LimitBreach b : breaches) {
      table.row(b.getKind(), orDash(b.getSymbol()), amount(b.getValue()), amount(b.getLimit()),
          instant(b.getAtMillis()), b.getDetail());
    }
    return title + ":\n" + table.render();
  }

  /** The halts in force, as a table. */
  static String halts(ListHaltsResponse response) {
    return halts(response.getHaltsList());
  }

  /** Halts as a table; {@code no halts in force} when there are none. */
  static String halts(List<Halt> halts) {
    if (halts.isEmpty()) {
      return "no halts in force\n";
    }
    TextTable table = new TextTable().left("HALT").left("SCOPE").left("BY").left("SINCE").left("REASON");
    for (Halt h : halts) {
      table.row(orDash(h.getHaltId()), scope(h.getScope()), h.getBy(), instant(h.getAtMillis()), h.getReason());
    }
    return table.render();
  }

  /** {@code desk rates}, {@code portfolio P-1}, {@code firm}. */
  static String scope(Scope scope) {
    String kind = scope.getKind().name().toLowerCase(Locale.ROOT);
    return scope.getKind() == ScopeKind.FIRM || scope.getId().isEmpty() ? kind : kind + " " + scope.getId();
  }

  /** What the node did with a command, and who it journaled as the author. */
  static String result(String what, CommandResult result) {
    StringBuilder text = new StringBuilder(result.getOutcome()).append(": ").append(what);
    if (!result.getBy().isEmpty()) {
      text.append(" (by ").append(result.getBy()).append(')');
    }
    text.append('\n');
    if (!result.getHaltId().isEmpty()) {
      text.append("halt id: ").append(result.getHaltId()).append('\n');
    }
    if (!result.getDetail().isEmpty()) {
      text.append(result.getDetail()).append('\n');
    }
    return text.toString();
  }
}

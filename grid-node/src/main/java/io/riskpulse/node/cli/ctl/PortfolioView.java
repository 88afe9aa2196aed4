package io.riskpulse.node.cli.ctl;

import static io.riskpulse.node.cli.ctl.Formats.amount;
import static io.riskpulse.node.cli.ctl.Formats.days;
import static io.riskpulse.node.cli.ctl.Formats.instant;
import static io.riskpulse.node.cli.ctl.Formats.orDash;
import static io.riskpulse.node.cli.ctl.Formats.percent;
import static io.riskpulse.node.cli.ctl.Formats.price;
import static io.riskpulse.node.cli.ctl.Formats.quantity;

import io.riskpulse.api.v1.AuditHead;
import io.riskpulse.api.v1.Change;
import io.riskpulse.api.v1.ListPortfoliosResponse;
import io.riskpulse.api.v1.Portfolio;
import io.riskpulse.api.v1.PortfolioSummary;
import io.riskpulse.api.v1.PortfolioUpdate;
import io.riskpulse.api.v1.Position;
import io.riskpulse.api.v1.RiskMeasures;
import java.util.Map;

/**
 * Text of portfolios: one portfolio in full (status, P&L, exposures, positions, risk, limits, breaches), a
 * desk's list, and the updates of a watch. Amounts in the portfolio's reporting currency, quantities in
 * instrument units (negative = short), prices in the instrument's currency. Stateless.
 */
final class PortfolioView {

  private PortfolioView() {}

  /** Where a portfolio's journal stands: one line per figure. */
  static String auditHead(AuditHead head) {
    return "portfolio   " + head.getPortfolioId() + "\n"
        + "version     " + head.getVersion() + "\n"
        + "state hash  " + head.getStateHash() + "\n"
        + "chain head  " + head.getChainHead();
  }

  /** One portfolio in full. */
  static String portfolio(Portfolio p) {
    StringBuilder text = new StringBuilder("Portfolio ").append(p.getPortfolioId()).append(": ")
        .append(p.getStatus()).append("   desk ").append(orDash(p.getDesk())).append("   trader ")
        .append(orDash(p.getTrader())).append("   version ").append(p.getVersion()).append("   as of ")
        .append(instant(p.getAsOfMillis())).append('\n');
    if (p.getStatus().equals("HALTED")) {
      text.append("Halted by ").append(orDash(p.getHaltedBy())).append(" at ").append(instant(p.getHaltedAtMillis()))
          .append(": ").append(p.getHaltReason()).append('\n');
    }
    if (p.getReduceOnly()) {
      text.append("Reduce-only: an open breach blocks orders that increase a position.\n");
    }
    text.append("Amounts in ").append(orDash(p.getReportingCurrency())).append(".\n\n");
    text.append(new TextTable().left("").right("")
        .row("cash", amount(p.getCash()))
        .row("realized P&L", amount(p.getRealizedPnl()))
        .row("unrealized P&L", amount(p.getUnrealizedPnl()))
        .row("total P&L", amount(p.getTotalPnl()))
        .row("intraday P&L", amount(p.getIntradayPnl()))
        .row("peak P&L", amount(p.getPeakPnl()))
        .row("drawdown", amount(p.getDrawdown()))
        .row("gross exposure", amount(p.getGrossExposure()))
        .row("net exposure", amount(p.getNetExposure()))
        .row("executions", Long.toString(p.getExecutionCount()))
        .row("trading day", orDash(p.getTradingDay()))
        .render());
    text.append('\n').append(positions(p));
    if (p.hasRisk()) {
      text.append('\n').append(risk(p.getRisk()));
    }
    text.append("\nLimits:\n").append(ControlView.limits(p.getLimits()));
    text.append('\n').append(ControlView.breaches("Breaches", p.getBreachesList()));
    text.append(ControlView.breaches("Warnings", p.getWarningsList()));
    if (p.getDisabledStrategiesCount() > 0) {
      TextTable disabled = new TextTable().left("STRATEGY").left("WHY");
      p.getDisabledStrategiesMap().forEach(disabled::row);
      text.append("\nDisabled strategies:\n").append(disabled.render());
    }
    return text.toString();
  }

  private static String positions(Portfolio p) {
    if (p.getPositionsCount() == 0) {
      return "Positions: none\n";
    }
    TextTable table = new TextTable().left("SYMBOL").right("QUANTITY").right("AVG COST").right("MARK")
        .right("NOTIONAL").right("UNREALIZED P&L").right("REALIZED P&L").right("CONC %");
    for (Position position : p.getPositionsList()) {
      table.row(position.getSymbol(), quantity(position.getQuantity()), price(position.getAverageCost()),
          position.getMarked() ? price(position.getMarkPrice()) : "unmarked",
          position.getMarked() ? amount(position.getNotional()) : Formats.NOT_AVAILABLE,
          amount(position.getUnrealizedPnl()), amount(position.getRealizedPnl()),
          percent(position.getConcentrationPct()));
    }
    String unmarked = p.getUnmarkedPositions() == 0 ? ""
        : p.getUnmarkedPositions() + " position(s) without a usable price: not in the totals.\n";
    return "Positions:\n" + table.render() + unmarked;
  }

  /** Risk measures, their scenario losses and why a figure is missing. */
  static String risk(RiskMeasures r) {
    StringBuilder text = new StringBuilder("Risk");
    if (!r.getScenarioSetId().isEmpty()) {
      text.append(" (scenario set ").append(r.getScenarioSetId()).append(", as of ")
          .append(instant(r.getAsOfMillis())).append(')');
    }
    text.append(":\n").append(new TextTable().left("").right("").left("")
        .row("VaR 99% 1-day", amount(r.getValueAtRisk99()), "")
        .row("ES 97.5% 1-day", amount(r.getExpectedShortfall975()), "")
        .row("worst stress loss", amount(r.getWorstStressLoss()), orDash(r.getWorstStressScenario()))
        .row("days to liquidate", days(r.getMaxDaysToLiquidate()), orDash(r.getLeastLiquidSymbol()))
        .render());
    if (r.getStressLossByScenarioCount() > 0) {
      TextTable stress = new TextTable().left("STRESS SCENARIO").right("LOSS");
      for (Map.Entry<String, Double> e : r.getStressLossByScenarioMap().entrySet()) {
        stress.row(e.getKey(), amount(e.getValue()));
      }
      text.append(stress.render());
    }
    r.getProblemsList().forEach(problem -> text.append("problem: ").append(problem).append('\n'));
    return text.toString();
  }

  /** A desk's portfolios, one row each. */
  static String list(String desk, ListPortfoliosResponse response) {
    if (response.getPortfoliosCount() == 0) {
      return "no portfolios on desk " + desk + "\n";
    }
    TextTable table = new TextTable().left("PORTFOLIO").left("STATUS").left("TRADER").right("TOTAL P&L")
        .right("INTRADAY P&L").right("GROSS").right("NET").right("VAR 99%").right("BREACHES").right("VERSION");
    for (PortfolioSummary s : response.getPortfoliosList()) {
      table.row(s.getPortfolioId(), s.getStatus(), orDash(s.getTrader()), amount(s.getTotalPnl()),
          amount(s.getIntradayPnl()), amount(s.getGrossExposure()), amount(s.getNetExposure()),
          amount(s.getValueAtRisk99()), Integer.toString(s.getBreaches()), Long.toString(s.getVersion()));
    }
    return table.render();
  }

  /** One update of a watch: the figures now on one line, then each journal change it carries. */
  static String update(PortfolioUpdate u) {
    Portfolio p = u.getPortfolio();
    StringBuilder text = new StringBuilder(instant(p.getAsOfMillis())).append("  ").append(p.getPortfolioId())
        .append("  v").append(u.getVersion()).append("  ").append(p.getStatus())
        .append("  total P&L ").append(amount(p.getTotalPnl()))
        .append("  intraday P&L ").append(amount(p.getIntradayPnl()))
        .append("  gross ").append(amount(p.getGrossExposure()))
        .append("  net ").append(amount(p.getNetExposure()))
        .append("  VaR 99% ").append(p.hasRisk() ? amount(p.getRisk().getValueAtRisk99()) : Formats.NOT_AVAILABLE)
        .append("  breaches ").append(p.getBreachesCount())
        .append(u.getInitial() ? "  (initial)" : "").append('\n');
    if (u.getChangesCount() > 0) {
      TextTable changes = new TextTable().left("").left("").left("").left("");
      for (Change c : u.getChangesList()) {
        changes.row("  v" + c.getVersion(), instant(c.getAtMillis()), c.getType(), c.getDetail());
      }
      text.append(changes.render());
    }
    return text.toString();
  }
}

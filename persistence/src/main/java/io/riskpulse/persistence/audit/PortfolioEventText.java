package io.riskpulse.persistence.audit;

import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioEvent;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyCleared;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyDetected;
import io.riskpulse.model.portfolio.PortfolioEvent.DayRolled;
import io.riskpulse.model.portfolio.PortfolioEvent.ExecutionApplied;
import io.riskpulse.model.portfolio.PortfolioEvent.HaltDispatched;
import io.riskpulse.model.portfolio.PortfolioEvent.Halted;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitBreached;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitCleared;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitWarned;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitsSet;
import io.riskpulse.model.portfolio.PortfolioEvent.PeakPnlRaised;
import io.riskpulse.model.portfolio.PortfolioEvent.PortfolioOpened;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceApproved;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceDispatched;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceProposed;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceRejected;
import io.riskpulse.model.portfolio.PortfolioEvent.Resumed;
import io.riskpulse.model.portfolio.PortfolioEvent.RulesSet;
import io.riskpulse.model.portfolio.PortfolioEvent.StrategyDisabled;
import io.riskpulse.model.portfolio.PortfolioEvent.StrategyEnabled;
import io.riskpulse.model.portfolio.PortfolioEvent.WarningCleared;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One line per portfolio event for an auditor: what happened, with the figures, the limit and who decided.
 *
 * <p>Thread-safety: stateless.
 */
public final class PortfolioEventText {

  private PortfolioEventText() {}

  /** The line for {@code event}. */
  public static String describe(PortfolioEvent event) {
    if (event instanceof PortfolioOpened e) {
      return String.format(Locale.ROOT, "opened for desk %s, trader %s, cash %,.2f %s, by %s", e.desk(), e.trader(),
          e.initialCash(), e.cashCurrency(), e.by());
    }
    if (event instanceof ExecutionApplied e) {
      Execution x = e.execution();
      return String.format(Locale.ROOT, "fill %s: %s %s %s @ %s %s (strategy %s)", x.executionId(), x.side(),
          plain(x.quantity()), x.symbol(), plain(x.price()), e.currency() == null ? "" : e.currency(),
          x.strategy());
    }
    if (event instanceof LimitsSet e) {
      return "limits set by " + e.by() + ": " + e.reason();
    }
    if (event instanceof LimitBreached e) {
      return "limit breached: " + e.breach().describe();
    }
    if (event instanceof LimitCleared e) {
      return "limit " + e.key() + " back within its level";
    }
    if (event instanceof LimitWarned e) {
      return "limit warning: " + e.warning().describe();
    }
    if (event instanceof WarningCleared e) {
      return "warning " + e.key() + " cleared";
    }
    if (event instanceof Halted e) {
      return "halted by " + e.by() + ": " + e.reason() + (e.haltId() == null ? "" : " (halt " + e.haltId() + ")");
    }
    if (event instanceof HaltDispatched e) {
      return "halt " + e.haltId() + " handed to the OMS gateway";
    }
    if (event instanceof Resumed e) {
      return "resumed by " + e.by() + ": " + e.reason();
    }
    if (event instanceof StrategyDisabled e) {
      return "strategy " + e.strategy() + " disabled: " + e.reason();
    }
    if (event instanceof StrategyEnabled e) {
      return "strategy " + e.strategy() + " re-enabled by " + e.by() + ": " + e.reason();
    }
    if (event instanceof AnomalyDetected e) {
      return "anomaly " + e.signal().describe() + (e.signal().attribution().isEmpty() ? ""
          : " attribution " + e.signal().attribution()) + "; action " + e.action();
    }
    if (event instanceof RulesSet e) {
      return (e.rules().isBlank() ? "rules returned to the node's defaults" : "rules set (" + e.rules().lines().count()
          + " lines)") + " by " + e.by() + ": " + e.reason();
    }
    if (event instanceof AnomalyCleared e) {
      return "anomaly " + e.key() + " ended: " + e.reason();
    }
    if (event instanceof DayRolled e) {
      return String.format(Locale.ROOT, "trading day %s began (P&L at the roll %,.2f)",
          LocalDate.ofEpochDay(e.tradingDay()), e.startOfDayPnl());
    }
    if (event instanceof PeakPnlRaised e) {
      return String.format(Locale.ROOT, "intraday peak P&L raised to %,.2f", e.peakPnl());
    }
    if (event instanceof RebalanceProposed e) {
      return "rebalance " + e.rebalanceId() + " proposed (" + e.plan().orders().size() + " orders): " + e.reason();
    }
    if (event instanceof RebalanceApproved e) {
      return "rebalance " + e.rebalanceId() + " approved by " + e.by() + ": " + e.reason();
    }
    if (event instanceof RebalanceRejected e) {
      return "rebalance " + e.rebalanceId() + " rejected by " + e.by() + ": " + e.reason();
    }
    if (event instanceof RebalanceDispatched e) {
      return "rebalance " + e.rebalanceId() + " handed to the OMS gateway";
    }
    return event.toString();
  }

  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}

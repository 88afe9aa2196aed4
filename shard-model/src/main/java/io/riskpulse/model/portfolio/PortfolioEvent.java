package io.riskpulse.model.portfolio;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.limits.LimitAction;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.risk.rebalance.RebalancePlan;

/**
 * The journal of a portfolio: everything it knew and did, in order. Times are epoch milliseconds of the
 * node's clock when the event was decided. Event classes are never changed incompatibly: add nullable fields.
 */
public sealed interface PortfolioEvent extends CborSerializable {

  /** When the event was decided, epoch milliseconds. */
  long atMillis();

  /** The portfolio opened with {@code initialCash} in {@code cashCurrency} (the reporting currency then). */
  record PortfolioOpened(
      String portfolioId, String desk, String trader, double initialCash, String cashCurrency, Limits limits,
      String by, long atMillis)
      implements PortfolioEvent {}

  /**
   * A fill was applied; {@code atMillis} is when it was applied, the execution carries venue time.
   * {@code currency} is the instrument's price currency as the reference said then: the cash it moved.
   */
  record ExecutionApplied(Execution execution, String currency, long atMillis) implements PortfolioEvent {}

  record LimitsSet(Limits limits, String by, String reason, long atMillis) implements PortfolioEvent {}

  /** A limit went beyond its level. Persisted once per breach episode (see {@link LimitCleared}). */
  record LimitBreached(LimitBreach breach) implements PortfolioEvent {
    @Override
    public long atMillis() {
      return breach.atMillis();
    }
  }

  /** A continuous limit that was breached is back within its level; ends the breach episode. */
  record LimitCleared(String key, long atMillis) implements PortfolioEvent {}

  /**
   * The portfolio was halted, by an operator or by the limit monitor.
   *
   * @param haltId the id the OMS gateway cancels under (idempotency key); {@code null} in journals written before
   *     halts were handed to the gateway, which are never handed over again
   */
  record Halted(String by, String reason, long atMillis, String haltId) implements PortfolioEvent {

    /** A halt from a journal written before halt ids existed. */
    public Halted(String by, String reason, long atMillis) {
      this(by, reason, atMillis, null);
    }
  }

  /** The halt {@code haltId} was handed to the OMS gateway, which journaled it: it is no longer ours to resend. */
  record HaltDispatched(String haltId, long atMillis) implements PortfolioEvent {}

  /**
   * A limit passed its warning level (a share of the limit, see {@link io.riskpulse.model.limits.LimitPolicy})
   * without breaching. Persisted once per warning episode (see {@link WarningCleared}).
   */
  record LimitWarned(LimitBreach warning) implements PortfolioEvent {
    @Override
    public long atMillis() {
      return warning.atMillis();
    }
  }

  /** A warning episode ended: the value fell back below the warning level less the hysteresis, or breached. */
  record WarningCleared(String key, long atMillis) implements PortfolioEvent {}

  /**
   * The repeated-execution throttle (MiFID II RTS 6 Art 15(3)) disabled a strategy: its orders are rejected until
   * a person re-enables it ({@link StrategyEnabled}).
   */
  record StrategyDisabled(String strategy, String reason, long atMillis) implements PortfolioEvent {}

  /** A person re-enabled a strategy the throttle had disabled. */
  record StrategyEnabled(String strategy, String by, String reason, long atMillis) implements PortfolioEvent {}

  record Resumed(String by, String reason, long atMillis) implements PortfolioEvent {}

  /**
   * A new trading day began for the portfolio: intraday P&amp;L is measured from {@code startOfDayPnl} (the
   * total P&amp;L since opening, at the roll) and the intraday peak starts again at 0.
   *
   * @param tradingDay the new trading day, days since 1970-01-01
   */
  record DayRolled(long tradingDay, double startOfDayPnl, long atMillis) implements PortfolioEvent {}

  /**
   * The intraday peak P&amp;L rose; the drawdown is measured from it. Persisted with executions and, between
   * executions, when prices lift the peak by at least the configured step.
   */
  record PeakPnlRaised(double peakPnl, long atMillis) implements PortfolioEvent {}

  /**
   * Orders that would bring the portfolio back within its exposure and concentration limits, computed when one
   * of them broke (see {@link io.riskpulse.model.risk.rebalance.Rebalancer}); waiting for a person to approve
   * or reject them unless the node sends them at once.
   *
   * @param rebalanceId stable id ({@code rebalance-<portfolio>-<sequence number>}), the OMS idempotency key
   * @param reason the breaches that prompted it
   */
  record RebalanceProposed(String rebalanceId, RebalancePlan plan, String reason, long atMillis)
      implements PortfolioEvent {}

  /** A proposal was approved: its orders go to the OMS gateway. */
  record RebalanceApproved(String rebalanceId, String by, String reason, long atMillis) implements PortfolioEvent {}

  /** A proposal was rejected (or superseded): nothing is sent. */
  record RebalanceRejected(String rebalanceId, String by, String reason, long atMillis) implements PortfolioEvent {}

  /** The approved rebalance was handed to the OMS gateway, which journaled it. */
  record RebalanceDispatched(String rebalanceId, long atMillis) implements PortfolioEvent {}

  /**
   * A detector found an anomaly whose episode was not open: the finding with its score, threshold, explanation and
   * attribution, and the action the detection policy gave it then (what a replay applies, whatever the policy is
   * now). Persisted once per episode (see {@link AnomalyCleared}).
   */
  record AnomalyDetected(DetectionSignal signal, LimitAction action, long atMillis) implements PortfolioEvent {}

  /**
   * The portfolio's event-pattern rules were replaced by a person ({@code rules} blank: back to the node's
   * defaults). The text is journaled whole, so a replay runs the rules that were in force.
   */
  record RulesSet(String rules, String by, String reason, long atMillis) implements PortfolioEvent {}

  /** An anomaly episode ended: its detector found nothing of it for the quiet period. */
  record AnomalyCleared(String key, String reason, long atMillis) implements PortfolioEvent {}
}

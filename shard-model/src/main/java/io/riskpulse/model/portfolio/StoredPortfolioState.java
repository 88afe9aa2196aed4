package io.riskpulse.model.portfolio;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.detect.DetectorsState;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import java.util.List;
import java.util.Map;

/**
 * The snapshot-store form of {@link PortfolioState}: immutable, so it can be serialized on another thread
 * while the entity carries on. Field meanings as in {@link PortfolioState}.
 *
 * @param recentExecutionIds the dedup window, oldest first, in snapshots written before {@code recentExecutions};
 *     empty in newer ones
 * @param recentExecutionFingerprints content fingerprints of those ids, same order (older snapshots only)
 * @param activeWarnings warning episodes open
 * @param disabledStrategies strategies disabled by the repeated-execution throttle, with why
 * @param undispatchedHalt the halt not yet handed to the OMS gateway, or {@code null}
 * @param pendingRebalance the rebalance proposal waiting for approval, or {@code null}
 * @param undispatchedRebalance the approved rebalance not yet handed to the OMS gateway, or {@code null}
 * @param chainHead the hash (hex) of the journal's event the snapshot was taken after, where the entity's hash
 *     chain resumes ({@link io.riskpulse.model.journal.HashChain}); {@code null} in snapshots written before the
 *     chain, and in the form the state hash is computed over
 * @param activeAnomalies anomaly episodes open (detectors' findings not yet quiet)
 * @param rules the portfolio's own event-pattern rules, {@code ""} for the node's defaults
 * @param detectors what the detectors learned that the journal cannot rebuild (rule windows, strategy models);
 *     {@code null} in the form the state hash is computed over, which a replay must reproduce
 * @param recentExecutions the dedup window with its fingerprints, packed; {@code null} in snapshots written before
 *     it (they hold the two lists above)
 *     <p>Collections missing from an older snapshot read as empty, so adding one is a compatible change.
 */
public record StoredPortfolioState(
    String portfolioId,
    PortfolioStatus status,
    String desk,
    String trader,
    Map<String, Double> cashByCurrency,
    Limits limits,
    String haltedBy,
    String haltReason,
    long haltedAtMillis,
    double peakPnl,
    long tradingDay,
    double startOfDayPnl,
    long breachCount,
    long executionCount,
    List<Position> positions,
    List<LimitBreach> activeBreaches,
    List<String> recentExecutionIds,
    List<Integer> recentExecutionFingerprints,
    List<LimitBreach> activeWarnings,
    Map<String, String> disabledStrategies,
    ActiveHalt undispatchedHalt,
    PortfolioEvent.RebalanceProposed pendingRebalance,
    RebalanceInstruction undispatchedRebalance,
    String chainHead,
    List<PortfolioEvent.AnomalyDetected> activeAnomalies,
    String rules,
    DetectorsState detectors,
    PackedExecutionIds recentExecutions)
    implements CborSerializable {

  /** A snapshot without warnings, disabled strategies and halt hand-off: the fields before they existed. */
  public StoredPortfolioState(String portfolioId, PortfolioStatus status, String desk, String trader,
      Map<String, Double> cashByCurrency, Limits limits, String haltedBy, String haltReason, long haltedAtMillis,
      double peakPnl, long tradingDay, double startOfDayPnl, long breachCount, long executionCount,
      List<Position> positions, List<LimitBreach> activeBreaches, List<String> recentExecutionIds,
      List<Integer> recentExecutionFingerprints) {
    this(portfolioId, status, desk, trader, cashByCurrency, limits, haltedBy, haltReason, haltedAtMillis, peakPnl,
        tradingDay, startOfDayPnl, breachCount, executionCount, positions, activeBreaches, recentExecutionIds,
        recentExecutionFingerprints, null, null, null, null, null, null, null, null, null, null);
  }

  /** This state with the chain head {@code hex}. */
  public StoredPortfolioState withChainHead(String hex) {
    return new StoredPortfolioState(portfolioId, status, desk, trader, cashByCurrency, limits, haltedBy, haltReason,
        haltedAtMillis, peakPnl, tradingDay, startOfDayPnl, breachCount, executionCount, positions, activeBreaches,
        recentExecutionIds, recentExecutionFingerprints, activeWarnings, disabledStrategies, undispatchedHalt,
        pendingRebalance, undispatchedRebalance, hex, activeAnomalies, rules, detectors, recentExecutions);
  }

  /** This state with the detectors' learned state {@code learned}. */
  public StoredPortfolioState withDetectors(DetectorsState learned) {
    return new StoredPortfolioState(portfolioId, status, desk, trader, cashByCurrency, limits, haltedBy, haltReason,
        haltedAtMillis, peakPnl, tradingDay, startOfDayPnl, breachCount, executionCount, positions, activeBreaches,
        recentExecutionIds, recentExecutionFingerprints, activeWarnings, disabledStrategies, undispatchedHalt,
        pendingRebalance, undispatchedRebalance, chainHead, activeAnomalies, rules, learned, recentExecutions);
  }

  public StoredPortfolioState {
    cashByCurrency = cashByCurrency == null ? Map.of() : cashByCurrency;
    positions = positions == null ? List.of() : positions;
    activeBreaches = activeBreaches == null ? List.of() : activeBreaches;
    recentExecutionIds = recentExecutionIds == null ? List.of() : recentExecutionIds;
    recentExecutionFingerprints = recentExecutionFingerprints == null ? List.of() : recentExecutionFingerprints;
    activeWarnings = activeWarnings == null ? List.of() : activeWarnings;
    disabledStrategies = disabledStrategies == null ? Map.of() : disabledStrategies;
    activeAnomalies = activeAnomalies == null ? List.of() : activeAnomalies;
    rules = rules == null ? "" : rules;
  }
}

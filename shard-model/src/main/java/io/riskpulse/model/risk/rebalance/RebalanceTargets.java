package io.riskpulse.model.risk.rebalance;

/**
 * The levels a rebalance must bring the portfolio back to, reporting currency (percent for concentration); each
 * {@code null} when not constrained. Callers pass each limit less its hysteresis, so the breach episode ends.
 *
 * @param maxGrossExposure Σ |notional|
 * @param maxNetExposure |Σ notional|
 * @param maxPositionNotional |notional| of any one instrument
 * @param maxConcentrationPct 100 &times; |notional| / gross of any one instrument, judged only while gross is at
 *     least {@code concentrationMinGross}
 * @param concentrationMinGross gross below which concentration is not judged; {@code null} means 0
 */
public record RebalanceTargets(Double maxGrossExposure, Double maxNetExposure, Double maxPositionNotional,
    Double maxConcentrationPct, Double concentrationMinGross) {}

package io.riskpulse.model.risk.exposure;

/**
 * How concentrated a book is, from each position's share s_i = |notional_i| / gross. Immutable.
 *
 * @param largestSymbol the position with the largest |notional| ({@code ""} for a flat book)
 * @param largestShare its share of gross exposure, fraction in [0, 1]
 * @param herfindahl Herfindahl-Hirschman index Σ s_i², in [1/n, 1] for n positions: 1 is a single position,
 *     1/n n equal ones; 0 for a flat book
 * @param effectivePositions 1 / herfindahl, the number of equal positions with the same concentration;
 *     0 for a flat book
 */
public record Concentration(
    String largestSymbol, double largestShare, double herfindahl, double effectivePositions) {

  /** A flat book. */
  public static final Concentration NONE = new Concentration("", 0, 0, 0);
}

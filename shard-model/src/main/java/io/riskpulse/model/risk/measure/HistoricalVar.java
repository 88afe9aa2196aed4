package io.riskpulse.model.risk.measure;

import java.util.Objects;

/**
 * Historical-simulation VaR and expected shortfall read from a scenario P&amp;L vector (one P&amp;L per
 * historical scenario, reporting currency, e.g. from {@code ScenarioSet.portfolioPnl} or
 * {@link ScenarioPnlVector}). Stateless; the methods taking a scratch array allocate nothing, so they are safe on
 * the hot path, and are thread-safe as long as each thread passes its own scratch. Each of VaR and ES is one pass
 * that keeps the {@code n - k + 1} largest losses in a bounded heap ({@code TailHeap}): O(n) on average.
 *
 * <p>Quantile rule (no interpolation): with losses {@code L_s = -pnl_s} of {@code n} scenarios sorted ascending
 * {@code L_(1) <= ... <= L_(n)}, {@code VaR_c = L_(k)} with {@code k = ceil(c * n)} ({@link Confidence#varRank}).
 * With 500 scenarios: 99% is {@code L_(495)}, the 6th largest loss; 97.5% is {@code L_(488)}, the 13th largest;
 * 95% is {@code L_(475)}, the 26th largest. This is the empirical-distribution quantile: the smallest loss
 * {@code x} with at least a fraction {@code c} of scenarios losing {@code <= x}.
 *
 * <p>Expected shortfall is the mean of the {@code n - k + 1} largest losses {@code L_(k), ..., L_(n)}, VaR
 * included, counted by rank (when several scenarios tie with VaR, only as many as the rank needs are counted).
 * It is therefore always &ge; VaR.
 *
 * <p>A NaN anywhere in the vector (an unpriced position) makes VaR and ES NaN rather than a number computed from
 * the other scenarios: a limit judged on NaN breaches, so missing data fails closed.
 *
 * <p>Horizon: 1 day (one daily scenario each). {@link TailRisk#scaledTo} gives the {@code sqrt(10)} 10-day
 * figure, an approximation for historical P&amp;L (see there); overlapping 10-day scenarios are not built here.
 */
public final class HistoricalVar {

  private HistoricalVar() {}

  /**
   * 1-day VaR: {@code L_(k)}, reporting currency, loss positive. One pass, no allocation.
   *
   * @param pnl scenario P&amp;L, first {@code n} entries used, left unchanged
   * @param scratch at least {@code n - k + 1} long (n is always enough), overwritten
   */
  public static double valueAtRisk(double[] pnl, int n, Confidence confidence, double[] scratch) {
    int tail = tailSize(pnl, n, confidence, scratch);
    return TailHeap.collect(pnl, n, tail, scratch) ? scratch[0] : Double.NaN;
  }

  /**
   * 1-day expected shortfall: mean of {@code L_(k)..L_(n)}, reporting currency, loss positive. One pass, no
   * allocation.
   *
   * @param pnl scenario P&amp;L, first {@code n} entries used, left unchanged
   * @param scratch at least {@code n - k + 1} long (n is always enough), overwritten
   */
  public static double expectedShortfall(double[] pnl, int n, Confidence confidence, double[] scratch) {
    int tail = tailSize(pnl, n, confidence, scratch);
    return TailHeap.collect(pnl, n, tail, scratch) ? TailHeap.sum(scratch, tail) / tail : Double.NaN;
  }

  /** 1-day VaR and ES of a whole P&amp;L vector (allocates its scratch; for reporting, not the hot path). */
  public static TailRisk tailRisk(double[] pnl, Confidence confidence) {
    double[] scratch = new double[pnl.length];
    return new TailRisk(confidence, 1, valueAtRisk(pnl, pnl.length, confidence, scratch),
        expectedShortfall(pnl, pnl.length, confidence, scratch));
  }

  /**
   * The index of a scenario whose loss is the VaR ({@code -pnl[s] == VaR}); the first such index when several
   * tie. Used for historical attribution. O(n), no allocation.
   */
  public static int varScenario(double[] pnl, int n, Confidence confidence, double[] scratch) {
    double var = valueAtRisk(pnl, n, confidence, scratch);
    for (int s = 0; s < n; s++) {
      if (-pnl[s] == var) {
        return s;
      }
    }
    throw new IllegalArgumentException("no scenario at the VaR loss " + var + ": NaN in the P&L vector");
  }

  /** {@code n - k + 1}, after checking the arrays. */
  private static int tailSize(double[] pnl, int n, Confidence confidence, double[] scratch) {
    int tail = n - confidence.varRank(n) + 1;
    Objects.checkFromIndexSize(0, n, pnl.length);
    Objects.checkFromIndexSize(0, tail, scratch.length);
    return tail;
  }
}

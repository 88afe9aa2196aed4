package io.riskpulse.model.risk.measure;

/**
 * Incremental VaR of a proposed trade (what-if): {@code VaR(w + dw) - VaR(w)}, reporting currency, positive when
 * the trade adds risk. Stateless and thread-safe.
 *
 * <p>Computed by full recomputation, never by adding up marginals: VaR is not additive, and
 * {@code dw . marginal} is only its first-order approximation, good for small trades. For a live portfolio the
 * allocation-free historical version is {@link ScenarioPnlVector#incrementalVar}.
 */
public final class IncrementalVar {

  private IncrementalVar() {}

  /**
   * Delta-normal incremental VaR over {@code h} days (see {@link ParametricVar}).
   *
   * @param exposures current exposures {@code w}
   * @param tradeExposures exposures the trade adds, {@code dw}, same indices
   */
  public static double parametric(double[] exposures, double[] tradeExposures, double[][] covariance,
      Confidence confidence, int horizonDays) {
    if (tradeExposures.length != exposures.length) {
      throw new IllegalArgumentException(exposures.length + " exposures but " + tradeExposures.length
          + " trade exposures");
    }
    double[] after = exposures.clone();
    for (int i = 0; i < after.length; i++) {
      after[i] += tradeExposures[i];
    }
    return ParametricVar.valueAtRisk(after, covariance, confidence, horizonDays)
        - ParametricVar.valueAtRisk(exposures, covariance, confidence, horizonDays);
  }

  /**
   * Historical 1-day incremental VaR from scenario P&amp;L vectors (see {@link HistoricalVar}).
   *
   * @param pnl the portfolio's scenario P&amp;L
   * @param tradePnl the trade's scenario P&amp;L over the same scenarios
   */
  public static double historical(double[] pnl, double[] tradePnl, Confidence confidence) {
    int n = pnl.length;
    if (tradePnl.length != n) {
      throw new IllegalArgumentException(n + " scenarios but a trade vector of " + tradePnl.length);
    }
    double[] after = new double[n];
    for (int s = 0; s < n; s++) {
      after[s] = pnl[s] + tradePnl[s];
    }
    double[] scratch = new double[n];
    return HistoricalVar.valueAtRisk(after, n, confidence, scratch)
        - HistoricalVar.valueAtRisk(pnl, n, confidence, scratch);
  }
}

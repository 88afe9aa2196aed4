package io.riskpulse.model.risk.measure;

import io.riskpulse.model.history.ScenarioSet;

/**
 * Marginal and component VaR/ES: how much each position contributes to the portfolio's measure. Stateless and
 * thread-safe; allocates its result (reporting, not per-execution, work).
 *
 * <p>Exposures {@code w_i} are P&amp;L per unit of move of factor {@code i} ({@link ScenarioSet#exposure}), in the
 * reporting currency; amounts are in the reporting currency, loss positive.
 *
 * <ul>
 *   <li>{@link #parametricVar}: delta-normal, {@code MVaR_i = z_c sqrt(h) (Sigma w)_i / sigma_p},
 *       {@code CVaR_i = w_i MVaR_i}; O(n&sup2;). Exact derivatives of {@link ParametricVar#valueAtRisk}.
 *   <li>{@link #historicalVar}: the P&amp;L of each position in the scenario that sets the historical VaR
 *       ({@code MVaR_i = -shock_i(s*)}). This is the derivative of historical VaR as long as the VaR scenario does
 *       not change, so it is noisy (one scenario) and jumps when another scenario takes the VaR rank.
 *   <li>{@link #historicalExpectedShortfall}: the same averaged over the {@code n - k + 1} tail scenarios of
 *       {@link HistoricalVar}; smoother, and the usual choice for historical attribution.
 * </ul>
 *
 * <p>Horizon: 1 day for the historical ones; {@code h} days by {@code sqrt(h)} for the parametric one (see
 * {@link TailRisk#scaledTo} for when that holds).
 */
public final class RiskAttribution {

  private RiskAttribution() {}

  /**
   * Delta-normal marginal and component VaR. When {@code sigma_p} is 0 (no exposure, or a perfect hedge) VaR is 0
   * and the marginals are undefined: they are NaN.
   */
  public static RiskContributions parametricVar(double[] exposures, double[][] covariance, Confidence confidence,
      int horizonDays) {
    int n = exposures.length;
    double[] sigmaW = new double[n];
    ParametricVar.multiply(covariance, exposures, sigmaW);
    double variance = 0;
    for (int i = 0; i < n; i++) {
      variance += exposures[i] * sigmaW[i];
    }
    double sigma = Math.sqrt(variance);
    double scale = confidence.z() * ParametricVar.horizonScale(horizonDays);
    double[] marginal = new double[n];
    double[] component = new double[n];
    for (int i = 0; i < n; i++) {
      marginal[i] = sigma > 0 ? scale * sigmaW[i] / sigma : Double.NaN;
      component[i] = sigma > 0 ? exposures[i] * marginal[i] : 0;
    }
    return new RiskContributions(confidence, horizonDays, scale * sigma, marginal, component);
  }

  /** Historical VaR split by the positions' P&amp;L in the VaR scenario (the first one when several tie). */
  public static RiskContributions historicalVar(ScenarioSet scenarios, double[] exposures, Confidence confidence) {
    double[] pnl = portfolioPnl(scenarios, exposures);
    int n = pnl.length;
    int scenario = HistoricalVar.varScenario(pnl, n, confidence, new double[n]);
    double[] marginal = new double[exposures.length];
    double[] component = new double[exposures.length];
    for (int i = 0; i < exposures.length; i++) {
      marginal[i] = -scenarios.shock(i, scenario);
      component[i] = exposures[i] * marginal[i];
    }
    return new RiskContributions(confidence, 1, -pnl[scenario], marginal, component);
  }

  /** Historical ES split by the positions' mean P&amp;L over the tail scenarios that define ES. */
  public static RiskContributions historicalExpectedShortfall(ScenarioSet scenarios, double[] exposures,
      Confidence confidence) {
    double[] pnl = portfolioPnl(scenarios, exposures);
    int n = pnl.length;
    int k = confidence.varRank(n);
    double var = HistoricalVar.valueAtRisk(pnl, n, confidence, new double[n]);
    int tailSize = n - k + 1;
    int beyond = 0;
    for (double p : pnl) {
      beyond += -p > var ? 1 : 0;
    }
    int tiesToTake = tailSize - beyond;
    int[] tail = new int[tailSize];
    int taken = 0;
    for (int s = 0; s < n; s++) {
      double loss = -pnl[s];
      if (loss > var || (loss == var && tiesToTake-- > 0)) {
        tail[taken++] = s;
      }
    }
    double[] marginal = new double[exposures.length];
    double[] component = new double[exposures.length];
    double total = 0;
    for (int s : tail) {
      total -= pnl[s];
    }
    for (int i = 0; i < exposures.length; i++) {
      double sum = 0;
      for (int s : tail) {
        sum += scenarios.shock(i, s);
      }
      marginal[i] = -sum / tailSize;
      component[i] = exposures[i] * marginal[i];
    }
    return new RiskContributions(confidence, 1, total / tailSize, marginal, component);
  }

  private static double[] portfolioPnl(ScenarioSet scenarios, double[] exposures) {
    if (exposures.length != scenarios.instrumentCount()) {
      throw new IllegalArgumentException(exposures.length + " exposures for " + scenarios.instrumentCount()
          + " instruments");
    }
    double[] pnl = new double[scenarios.scenarioCount()];
    for (int i = 0; i < exposures.length; i++) {
      scenarios.addExposurePnl(i, exposures[i], pnl);
    }
    return pnl;
  }
}

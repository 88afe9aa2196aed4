package io.riskpulse.model.risk.measure;

/**
 * Delta-normal (parametric) VaR and expected shortfall: portfolio P&amp;L {@code w' r} with moves
 * {@code r ~ N(0, Sigma)}, typically the {@code EwmaCovariance} of the positions' risk factors. Stateless and
 * thread-safe; O(n&sup2;) for n exposures.
 *
 * <p>{@code VaR = z_c * sqrt(w' Sigma w) * sqrt(h)} and {@code ES = phi(z_c) / (1 - c) * sqrt(w' Sigma w) *
 * sqrt(h)}, in the reporting currency, loss positive. {@code w_i} is the P&amp;L per unit of move of factor
 * {@code i} ({@code ScenarioSet.exposure}: notional {@code q * P} for relative moves, quantity for absolute
 * ones), so {@code Sigma} must be the covariance of the same moves (fractions or price units). The daily mean is
 * taken as zero.
 *
 * <p>Horizon: {@code Sigma} is a 1-day covariance and {@code sqrt(h)} scales it to {@code h} days, which is exact
 * under the model's own assumptions (independent normal days, unchanged positions) and only as good as them
 * otherwise (see {@link TailRisk#scaledTo}). Linear positions only: the delta approximation ignores gamma.
 */
public final class ParametricVar {

  private ParametricVar() {}

  /** {@code sqrt(w' Sigma w)}: the 1-day standard deviation of portfolio P&amp;L, reporting currency. */
  public static double portfolioVolatility(double[] exposures, double[][] covariance) {
    return Math.sqrt(quadraticForm(exposures, covariance));
  }

  /** {@code z_c * sqrt(w' Sigma w) * sqrt(h)}, reporting currency, loss positive. */
  public static double valueAtRisk(double[] exposures, double[][] covariance, Confidence confidence,
      int horizonDays) {
    return confidence.z() * portfolioVolatility(exposures, covariance) * horizonScale(horizonDays);
  }

  /** {@code phi(z_c) / (1 - c) * sqrt(w' Sigma w) * sqrt(h)}, reporting currency, loss positive. */
  public static double expectedShortfall(double[] exposures, double[][] covariance, Confidence confidence,
      int horizonDays) {
    return confidence.normalShortfallFactor() * portfolioVolatility(exposures, covariance)
        * horizonScale(horizonDays);
  }

  /** VaR and ES together (one quadratic form). */
  public static TailRisk tailRisk(double[] exposures, double[][] covariance, Confidence confidence,
      int horizonDays) {
    double sigma = portfolioVolatility(exposures, covariance) * horizonScale(horizonDays);
    return new TailRisk(confidence, horizonDays, confidence.z() * sigma,
        confidence.normalShortfallFactor() * sigma);
  }

  /** {@code w' Sigma w}. */
  static double quadraticForm(double[] w, double[][] covariance) {
    checkDimensions(w, covariance);
    double total = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] != 0) {
        total += w[i] * dot(covariance[i], w);
      }
    }
    return total;
  }

  /** {@code (Sigma w)_i} for every i, into {@code out}. */
  static void multiply(double[][] covariance, double[] w, double[] out) {
    checkDimensions(w, covariance);
    for (int i = 0; i < w.length; i++) {
      out[i] = dot(covariance[i], w);
    }
  }

  static double horizonScale(int horizonDays) {
    if (horizonDays < 1) {
      throw new IllegalArgumentException("horizonDays must be >= 1, was " + horizonDays);
    }
    return Math.sqrt(horizonDays);
  }

  /**
   * {@code a . b} with four independent partial sums: a single running sum is a chain of dependent additions
   * that the JIT may not reorder (floating-point addition is not associative), which made a 1,000 &times; 1,000
   * {@code Sigma w} twice as slow.
   */
  private static double dot(double[] a, double[] b) {
    int n = b.length;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      s0 += a[j] * b[j];
      s1 += a[j + 1] * b[j + 1];
      s2 += a[j + 2] * b[j + 2];
      s3 += a[j + 3] * b[j + 3];
    }
    for (; j < n; j++) {
      s0 += a[j] * b[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static void checkDimensions(double[] w, double[][] covariance) {
    if (covariance.length != w.length) {
      throw new IllegalArgumentException(w.length + " exposures but a " + covariance.length + "-row covariance");
    }
    for (double[] row : covariance) {
      if (row.length != w.length) {
        throw new IllegalArgumentException("covariance is not square: a row has " + row.length + " columns");
      }
    }
  }
}

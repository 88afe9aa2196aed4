package io.riskpulse.model.risk.backtest;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The outcome of one likelihood-ratio test whose statistic is asymptotically χ²-distributed under the null
 * hypothesis (Kupiec's coverage, Christoffersen's independence and conditional coverage). Immutable.
 *
 * @param statistic the likelihood ratio −2 ln(L₀ / L₁), dimensionless, ≥ 0
 * @param degreesOfFreedom degrees of freedom of the χ² reference distribution
 * @param pValue P(χ² ≥ statistic), the probability of a result at least this extreme if the model is right
 * @param significance the test's size, e.g. 0.05 for a test at the 95% level
 * @param criticalValue the (1 − significance) quantile of χ²(degreesOfFreedom): 3.8415 for 1 degree and
 *     5.9915 for 2 degrees at 5%
 * @param rejected true when statistic &gt; criticalValue: the null hypothesis (a correct model) is rejected
 */
public record LikelihoodRatioTest(
    double statistic, int degreesOfFreedom, double pValue, double significance, double criticalValue,
    boolean rejected) {

  /**
   * Judges a statistic against χ²(degreesOfFreedom) at the given significance.
   *
   * @param statistic the likelihood ratio, ≥ 0 (tiny negative rounding is clamped to 0)
   * @param significance test size in (0, 1)
   */
  public static LikelihoodRatioTest judge(double statistic, int degreesOfFreedom, double significance) {
    if (!(statistic > -1e-9)) {
      throw new IllegalArgumentException("a likelihood ratio must be >= 0, was " + statistic);
    }
    if (!(significance > 0 && significance < 1)) {
      throw new IllegalArgumentException("significance must be in (0, 1), was " + significance);
    }
    double lr = Math.max(0, statistic);
    // No random generator: the distribution is only used for its CDF and quantile, never sampled.
    ChiSquaredDistribution chiSquared = new ChiSquaredDistribution(null, degreesOfFreedom);
    double pValue = Double.isInfinite(lr) ? 0 : 1 - chiSquared.cumulativeProbability(lr);
    double critical = chiSquared.inverseCumulativeProbability(1 - significance);
    return new LikelihoodRatioTest(lr, degreesOfFreedom, pValue, significance, critical, lr > critical);
  }
}

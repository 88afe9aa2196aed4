package io.riskpulse.model.risk.backtest;

/**
 * Kupiec's proportion-of-failures (POF) test of unconditional coverage (Kupiec 1995): does a VaR model have
 * as many exceptions as its confidence promises? Pure and stateless.
 *
 * <p>With N observations, x exceptions and promised exception probability α = 1 − confidence:
 * <pre>LR_uc = −2 ln[(1−α)^(N−x) α^x / ((1−x/N)^(N−x) (x/N)^x)]  ~  χ²(1)</pre>
 * The limits are taken with 0·ln 0 = 0, so x = 0 gives {@code −2N ln(1−α)} (too few exceptions is a
 * rejection too: the model overstates risk) and x = N gives {@code −2N ln α}. Reference values for N = 250,
 * α = 1%: x = 0 → 5.025, 4 → 0.769, 6 → 3.555, 7 → 5.497, 10 → 12.955; the 5% critical value is 3.8415.
 */
public final class KupiecTest {

  private KupiecTest() {}

  /**
   * The LR_uc statistic.
   *
   * @param observations N, number of days compared, &gt; 0
   * @param exceptions x, days whose loss exceeded VaR, in [0, N]
   * @param exceptionProbability α = 1 − VaR confidence, in (0, 1)
   */
  public static double statistic(int observations, int exceptions, double exceptionProbability) {
    if (observations <= 0) {
      throw new IllegalArgumentException("observations must be > 0, was " + observations);
    }
    if (exceptions < 0 || exceptions > observations) {
      throw new IllegalArgumentException(
          "exceptions must be in [0, " + observations + "], was " + exceptions);
    }
    if (!(exceptionProbability > 0 && exceptionProbability < 1)) {
      throw new IllegalArgumentException(
          "exception probability must be in (0, 1), was " + exceptionProbability);
    }
    int hits = exceptions;
    int misses = observations - exceptions;
    double observedRate = (double) hits / observations;
    double nullLogLikelihood =
        xLogY(misses, 1 - exceptionProbability) + xLogY(hits, exceptionProbability);
    double fittedLogLikelihood = xLogY(misses, 1 - observedRate) + xLogY(hits, observedRate);
    return -2 * (nullLogLikelihood - fittedLogLikelihood);
  }

  /** The test at the given significance (0.05 for the usual 95% test, critical value 3.8415). */
  public static LikelihoodRatioTest test(
      int observations, int exceptions, double exceptionProbability, double significance) {
    return LikelihoodRatioTest.judge(
        statistic(observations, exceptions, exceptionProbability), 1, significance);
  }

  /** {@code x · ln y} with the limit 0 · ln 0 = 0 that the likelihoods need at x = 0 and x = N. */
  static double xLogY(double x, double y) {
    return x == 0 ? 0 : x * Math.log(y);
  }
}

package io.riskpulse.model.risk.backtest;

/**
 * Christoffersen's (1998) tests of VaR exceptions: independence (are exceptions clustered?) and conditional
 * coverage (right number AND independent). Pure and stateless.
 *
 * <p>Independence compares a first-order Markov chain of exception days against independent days:
 * <pre>
 * π01 = n01/(n00+n01), π11 = n11/(n10+n11), π = (n01+n11)/(n00+n01+n10+n11)
 * LR_ind = −2 ln[ (1−π)^(n00+n10) π^(n01+n11) / ((1−π01)^n00 π01^n01 (1−π11)^n10 π11^n11) ]  ~  χ²(1)
 * </pre>
 * Zero counts use 0·ln 0 = 0: with no exception at all, or no transition out of an exception day (e.g. a
 * single exception on the last day), the corresponding terms vanish and LR_ind = 0 (no evidence of
 * clustering). Conditional coverage is {@code LR_cc = LR_uc + LR_ind ~ χ²(2)} (5% critical value 5.9915),
 * where LR_uc is {@link KupiecTest Kupiec's} statistic over all N observations. Christoffersen's original
 * LR_uc conditions on the first observation (N − 1 days); using all N is the common practice (and keeps
 * LR_uc identical to the reported Kupiec statistic). The difference is at most one day's contribution.
 */
public final class ChristoffersenTest {

  private ChristoffersenTest() {}

  /** The LR_ind statistic of transition counts; 0 when there are no transitions. */
  public static double independenceStatistic(TransitionCounts counts) {
    int total = counts.total();
    if (total == 0) {
      return 0;
    }
    int quietAfter = counts.n00() + counts.n10();
    int exceptionsAfter = counts.n01() + counts.n11();
    double pooledRate = (double) exceptionsAfter / total;
    double independentLogLikelihood =
        KupiecTest.xLogY(quietAfter, 1 - pooledRate) + KupiecTest.xLogY(exceptionsAfter, pooledRate);
    double afterQuiet = counts.n00() + counts.n01() == 0 ? 0 : counts.exceptionRateAfterQuiet();
    double afterException = counts.n10() + counts.n11() == 0 ? 0 : counts.exceptionRateAfterException();
    double markovLogLikelihood = KupiecTest.xLogY(counts.n00(), 1 - afterQuiet)
        + KupiecTest.xLogY(counts.n01(), afterQuiet)
        + KupiecTest.xLogY(counts.n10(), 1 - afterException)
        + KupiecTest.xLogY(counts.n11(), afterException);
    return -2 * (independentLogLikelihood - markovLogLikelihood);
  }

  /** The independence test, χ²(1), at the given significance. */
  public static LikelihoodRatioTest independence(TransitionCounts counts, double significance) {
    return LikelihoodRatioTest.judge(independenceStatistic(counts), 1, significance);
  }

  /**
   * The conditional-coverage test, LR_uc + LR_ind against χ²(2).
   *
   * @param observations N, days compared
   * @param exceptions x, exception days among them
   * @param exceptionProbability α = 1 − VaR confidence
   * @param counts transitions between consecutive compared days
   */
  public static LikelihoodRatioTest conditionalCoverage(int observations, int exceptions,
      double exceptionProbability, TransitionCounts counts, double significance) {
    double statistic = KupiecTest.statistic(observations, exceptions, exceptionProbability)
        + independenceStatistic(counts);
    return LikelihoodRatioTest.judge(statistic, 2, significance);
  }
}

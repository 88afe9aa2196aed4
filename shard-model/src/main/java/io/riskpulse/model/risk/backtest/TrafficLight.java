package io.riskpulse.model.risk.backtest;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The Basel Committee's traffic-light zones for a VaR model's backtest (Basel 1996, "Supervisory framework
 * for the use of backtesting"; carried into FRTB). For 250 days at 99%: green 0–4 exceptions, yellow 5–9,
 * red 10 or more.
 *
 * <p>Rule, generalised to any number of days N and confidence c: if the model is right the exception count X
 * is Binomial(N, 1 − c). A count k is
 * <ul>
 *   <li>green when P(X ≤ k) &lt; 95%,</li>
 *   <li>yellow when 95% ≤ P(X ≤ k) &lt; 99.99%,</li>
 *   <li>red when P(X ≤ k) ≥ 99.99%.</li>
 * </ul>
 * That is Basel's wording ("the yellow zone begins at the point such that the probability of obtaining that
 * number or fewer exceptions equals or exceeds 95%"; red at 99.99%) and reproduces its table: for N = 250,
 * c = 99%, P(X ≤ 4) = 89.22%, P(X ≤ 5) = 95.88%, P(X ≤ 9) = 99.975%, P(X ≤ 10) = 99.995%.
 */
public enum TrafficLight {
  /** The count is consistent with a correct model. */
  GREEN,
  /** Possible with a correct model but suspicious; Basel raises the capital multiplier progressively. */
  YELLOW,
  /** Almost certainly a wrong model. */
  RED;

  /** Cumulative probability at which the yellow zone begins. */
  public static final double YELLOW_CUMULATIVE_PROBABILITY = 0.95;
  /** Cumulative probability at which the red zone begins. */
  public static final double RED_CUMULATIVE_PROBABILITY = 0.9999;

  /**
   * The zone of an exception count.
   *
   * @param exceptions days whose loss exceeded VaR, ≥ 0
   * @param observations days compared, &gt; 0
   * @param confidence VaR confidence in (0, 1), e.g. 0.99
   */
  public static TrafficLight of(int exceptions, int observations, double confidence) {
    if (exceptions < 0) {
      throw new IllegalArgumentException("exceptions must be >= 0, was " + exceptions);
    }
    if (exceptions <= greenMaxExceptions(observations, confidence)) {
      return GREEN;
    }
    return exceptions <= yellowMaxExceptions(observations, confidence) ? YELLOW : RED;
  }

  /** The largest exception count still green (4 for 250 days at 99%). */
  public static int greenMaxExceptions(int observations, double confidence) {
    return lastCountBelow(observations, confidence, YELLOW_CUMULATIVE_PROBABILITY);
  }

  /** The largest exception count still yellow (9 for 250 days at 99%). */
  public static int yellowMaxExceptions(int observations, double confidence) {
    return lastCountBelow(observations, confidence, RED_CUMULATIVE_PROBABILITY);
  }

  /** The largest k with P(X ≤ k) &lt; level, −1 when even P(X = 0) reaches it. */
  private static int lastCountBelow(int observations, double confidence, double level) {
    if (observations <= 0) {
      throw new IllegalArgumentException("observations must be > 0, was " + observations);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
    }
    // No random generator: only the CDF is used, never sampling.
    BinomialDistribution exceptionCount = new BinomialDistribution(null, observations, 1 - confidence);
    int k = 0;
    while (k <= observations && exceptionCount.cumulativeProbability(k) < level) {
      k++;
    }
    return k - 1;
  }
}

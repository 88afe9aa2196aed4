package io.riskpulse.model.risk.measure;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A one-sided confidence level {@code c} of a loss measure, with its standard normal quantile. Immutable and
 * thread-safe; the quantile is computed once, so hot paths can pass the constants around freely.
 */
public final class Confidence {

  /** Standard normal without a random generator: only its quantile and density are used. Declared first: the
   * constants below need it. */
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  public static final Confidence P95 = new Confidence(0.95);
  public static final Confidence P975 = new Confidence(0.975);
  public static final Confidence P99 = new Confidence(0.99);

  private final double level;
  private final double z;

  private Confidence(double level) {
    this.level = level;
    this.z = STANDARD_NORMAL.inverseCumulativeProbability(level);
  }

  /**
   * A confidence level.
   *
   * @param level in (0.5, 1), e.g. 0.99
   */
  public static Confidence of(double level) {
    if (!(level > 0.5 && level < 1)) {
      throw new IllegalArgumentException("confidence must be in (0.5, 1), was " + level);
    }
    return new Confidence(level);
  }

  /** {@code c}, e.g. 0.99. */
  public double level() {
    return level;
  }

  /** {@code 1 - c}: the probability of a loss beyond VaR. */
  public double tailProbability() {
    return 1 - level;
  }

  /** Standard normal quantile {@code z_c = Phi^-1(c)}: 1.644854, 1.959964, 2.326348 for 95, 97.5, 99%. */
  public double z() {
    return z;
  }

  /**
   * Standard normal expected shortfall factor {@code phi(z_c) / (1 - c)}: ES of a N(0, 1) loss, 2.337803 at
   * 97.5%.
   */
  public double normalShortfallFactor() {
    return STANDARD_NORMAL.density(z) / (1 - level);
  }

  /**
   * The 1-based rank {@code k = ceil(c * n)} of the VaR loss among {@code n} losses sorted ascending (see
   * {@link HistoricalVar}). {@code c * n} is computed in floating point, so it is lowered by 1e-9 before rounding
   * up: 0.99 * 500 is 495, never 496.
   */
  public int varRank(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("need at least one scenario, got " + n);
    }
    int k = (int) Math.ceil(level * n - 1e-9);
    return Math.max(1, Math.min(n, k));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Confidence other && Double.compare(level, other.level) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(level);
  }

  @Override
  public String toString() {
    return (level * 100) + "%";
  }
}

package io.riskpulse.model.detect.ml;

/**
 * Running mean and standard deviation of each feature (Welford's algorithm), and the standardised vector
 * {@code (x - mean) / std} the forest sees. Random Cut Forest chooses its cuts in proportion to each dimension's
 * range, so without this a feature in messages per second would drown one that is a ratio in [0, 1].
 *
 * <p>Units: the statistics are in each feature's own unit; standardised values are in standard deviations,
 * clipped to ±{@value #CLIP} (the forest stores 32-bit floats). A feature with fewer than two observations or a
 * (near) zero deviation is scaled by 1 (its raw unit), so a feature that never moved does not turn its first,
 * tiny move into an extreme value.
 *
 * <p>The statistics are cumulative (every observation weighs the same); the owner decides what to observe
 * ({@link AnomalyModel} leaves anomalous points out so an incident does not widen "normal"). Not thread-safe:
 * owned by one {@link AnomalyModel}.
 */
final class FeatureNormaliser {

  /** Largest magnitude of a standardised value, in standard deviations. */
  static final double CLIP = 1e6;

  private long count;
  private final double[] mean;
  private final double[] m2;

  FeatureNormaliser(int dimensions) {
    this(0, new double[dimensions], new double[dimensions]);
  }

  private FeatureNormaliser(long count, double[] mean, double[] m2) {
    this.count = count;
    this.mean = mean;
    this.m2 = m2;
  }

  /** A normaliser with the exported statistics; {@link IllegalArgumentException} when they are inconsistent. */
  static FeatureNormaliser of(int dimensions, long count, double[] mean, double[] m2) {
    if (count < 0 || mean == null || m2 == null || mean.length != dimensions || m2.length != dimensions) {
      throw new IllegalArgumentException("normaliser state does not fit " + dimensions + " features");
    }
    for (int i = 0; i < dimensions; i++) {
      if (!Double.isFinite(mean[i]) || !(m2[i] >= 0) || Double.isInfinite(m2[i])) {
        throw new IllegalArgumentException("normaliser state holds a non-finite or negative statistic");
      }
    }
    return new FeatureNormaliser(count, mean.clone(), m2.clone());
  }

  /** Observations so far. */
  long count() {
    return count;
  }

  /** The running means (a copy), in each feature's unit. */
  double[] means() {
    return mean.clone();
  }

  /** The running sums of squared deviations (a copy): Welford's M2. */
  double[] sumsOfSquares() {
    return m2.clone();
  }

  /** {@code x} standardised with the statistics as they are now (not including {@code x}). */
  double[] standardise(double[] x) {
    double[] z = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double value = (x[i] - mean[i]) / scale(i);
      z[i] = Math.max(-CLIP, Math.min(CLIP, value));
    }
    return z;
  }

  /** Adds {@code x} to the statistics. */
  void observe(double[] x) {
    count++;
    for (int i = 0; i < x.length; i++) {
      double delta = x[i] - mean[i];
      mean[i] += delta / count;
      m2[i] += delta * (x[i] - mean[i]);
    }
  }

  private double scale(int i) {
    if (count < 2) {
      return 1;
    }
    double std = Math.sqrt(m2[i] / (count - 1));
    return std > 1e-12 * Math.max(1, Math.abs(mean[i])) ? std : 1;
  }
}

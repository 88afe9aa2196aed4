package io.riskpulse.model.detect.flow;

/**
 * The recent norm of one feature: an exponentially weighted mean and variance, and how far a value lies from it.
 *
 * <p>The n-th sample weighs {@code max(1/n, α)}: the first samples give their plain mean and variance, then the
 * weight settles at the half-life's α. Without it the norm starts at the first sample and needs several half-lives
 * to reach the level, and a strategy is judged against a wrong norm right after its warm-up.
 *
 * <p>Each sample is winsorised before it enters the norm: once warmed up, a value is clamped to
 * {@code mean ± clampSigmas · σ}. An anomaly therefore moves the norm only a little, and a second anomaly right
 * after the first is still far from it (the failure mode of a plain moving average, which learns the burst as
 * normal within a few samples).
 *
 * <p>Not thread-safe: owned by one detector, itself owned by one actor.
 */
public final class FeatureNorm {

  private final double alpha;
  private final int warmUpSamples;
  private final double clampSigmas;
  private final double sigmaFloor;
  private double mean;
  private double variance;
  private long samples;

  /**
   * @param halfLifeSamples samples after which a sample's weight has halved; &gt; 0
   * @param warmUpSamples samples before the norm is trusted ({@link #warmedUp()})
   * @param clampSigmas winsorisation bound, standard deviations
   * @param sigmaFloor smallest σ used to score, feature units: keeps a feature that never moved (σ = 0) from
   *     scoring an infinite distance on its first tiny change
   */
  public FeatureNorm(double halfLifeSamples, int warmUpSamples, double clampSigmas, double sigmaFloor) {
    if (!(halfLifeSamples > 0)) {
      throw new IllegalArgumentException("halfLifeSamples must be > 0, was " + halfLifeSamples);
    }
    if (!(sigmaFloor > 0)) {
      throw new IllegalArgumentException("sigmaFloor must be > 0, was " + sigmaFloor);
    }
    this.alpha = 1 - Math.pow(0.5, 1 / halfLifeSamples);
    this.warmUpSamples = warmUpSamples;
    this.clampSigmas = clampSigmas;
    this.sigmaFloor = sigmaFloor;
  }

  /** Adds a sample (non-finite samples are ignored). */
  public void add(double value) {
    if (!Double.isFinite(value)) {
      return;
    }
    if (samples == 0) {
      mean = value;
      variance = 0;
      samples = 1;
      return;
    }
    double x = value;
    if (warmedUp()) {
      double bound = clampSigmas * sigma();
      x = Math.max(mean - bound, Math.min(mean + bound, value));
    }
    // Bias-corrected start: the n-th sample weighs max(1/n, alpha), so the first samples give their plain mean
    // and variance instead of a norm dragged toward the very first value for several half-lives.
    double weight = Math.max(1.0 / (samples + 1), alpha);
    double delta = x - mean;
    mean += weight * delta;
    variance = (1 - weight) * (variance + weight * delta * delta);
    samples++;
  }

  /** Adds {@code count} samples of the same value (idle seconds are zeros); at most 10,000 are folded. */
  public void addRepeated(double value, long count) {
    for (long i = 0, n = Math.min(count, 10_000); i < n; i++) {
      add(value);
    }
  }

  /** Standard deviations between {@code value} and the mean, using at least the σ floor; 0 before any sample. */
  public double zScore(double value) {
    return samples == 0 ? 0 : (value - mean) / sigma();
  }

  /** The norm's σ, at least the floor, feature units. */
  public double sigma() {
    return Math.max(sigmaFloor, Math.sqrt(variance));
  }

  public double mean() {
    return mean;
  }

  public long samples() {
    return samples;
  }

  /** Whether enough samples have been seen to trust the norm. */
  public boolean warmedUp() {
    return samples >= warmUpSamples;
  }
}

package io.riskpulse.model.detect.market;

/**
 * An exponentially weighted mean and variance of a stream of numbers, the "norm" the market detectors compare
 * their latest observation with. Each update multiplies the weight of every earlier observation by
 * {@code λ = 2^(-1/halfLife)}, so an observation {@code halfLife} updates old counts half as much as the newest.
 *
 * <p>The weights are normalised (West's weighted incremental algorithm with forgetting): after one observation
 * the mean is that observation and the variance 0, after n observations the figures are the exponentially
 * weighted mean and population variance of exactly those n, with no bias towards a starting value. O(1) time
 * and memory per update. Not thread-safe: owned by one kernel, which its caller guards.
 */
final class EwmaNorm {

  private final double decay;
  private long count;
  private double weight;
  private double mean;
  private double sumSquares;

  /** @param halfLife in observations, &gt; 0 */
  EwmaNorm(double halfLife) {
    if (!(halfLife > 0) || Double.isInfinite(halfLife)) {
      throw new IllegalArgumentException("half-life must be a positive number, was " + halfLife);
    }
    this.decay = Math.pow(2, -1 / halfLife);
  }

  /** Adds {@code x} (finite; callers filter). */
  void update(double x) {
    count++;
    weight = decay * weight + 1;
    double before = x - mean;
    mean += before / weight;
    sumSquares = decay * sumSquares + before * (x - mean);
  }

  /** Observations seen (not decayed). */
  long count() {
    return count;
  }

  /** The weighted mean, 0 before the first observation. */
  double mean() {
    return mean;
  }

  /** The weighted population variance, 0 before the second observation. */
  double variance() {
    return weight == 0 ? 0 : Math.max(0, sumSquares / weight);
  }

  /** √variance. */
  double standardDeviation() {
    return Math.sqrt(variance());
  }
}

package io.riskpulse.model.detect.ml;

import java.util.Arrays;

/**
 * The adaptive threshold: the {@code 1 - targetFalsePositiveRate} quantile of the last {@code window} scores,
 * never below a floor. Scores are kept twice, in arrival order (a ring, to know which one leaves) and sorted (a
 * binary-search insertion, so the quantile is exact and read in O(1)); adding costs O(window) array moves, about
 * a microsecond for 10 000 scores.
 *
 * <p>Units: Random Cut Forest score units. With no score yet the threshold is positive infinity (nothing can
 * exceed it). The quantile is the smallest kept score that at most {@code targetFalsePositiveRate} of the kept
 * scores exceed. Not thread-safe: owned by one {@link AnomalyModel}.
 */
final class ScoreThreshold {

  private final double quantile;
  private final double floor;
  private final double[] ring;
  private final double[] sorted;
  private int next;
  private int size;

  /**
   * @param window scores kept
   * @param targetFalsePositiveRate fraction of kept scores allowed above the threshold
   * @param floor the lowest threshold
   */
  ScoreThreshold(int window, double targetFalsePositiveRate, double floor) {
    this.quantile = 1 - targetFalsePositiveRate;
    this.floor = floor;
    this.ring = new double[window];
    this.sorted = new double[window];
  }

  /** The threshold now: the quantile of the kept scores, at least the floor; infinite with no score kept. */
  double threshold() {
    if (size == 0) {
      return Double.POSITIVE_INFINITY;
    }
    int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(quantile * size) - 1));
    return Math.max(floor, sorted[index]);
  }

  /** Keeps {@code score}, dropping the oldest when the window is full. */
  void add(double score) {
    if (size == ring.length) {
      remove(ring[next]);
    }
    ring[next] = score;
    next = (next + 1) % ring.length;
    insert(score);
  }

  /** The kept scores, oldest first (for snapshots: adding them again in this order rebuilds this state). */
  double[] scores() {
    double[] out = new double[size];
    int start = size == ring.length ? next : 0;
    for (int i = 0; i < size; i++) {
      out[i] = ring[(start + i) % ring.length];
    }
    return out;
  }

  private void insert(double score) {
    int at = Arrays.binarySearch(sorted, 0, size, score);
    if (at < 0) {
      at = -at - 1;
    }
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = score;
    size++;
  }

  private void remove(double score) {
    int at = Arrays.binarySearch(sorted, 0, size, score);
    if (at < 0) {
      throw new IllegalStateException("score " + score + " kept in the ring but not in the sorted scores");
    }
    System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
    size--;
  }
}

package io.riskpulse.model.detect.ml;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tunables of one {@link AnomalyModel}: its features, the Random Cut Forest's shape, warm-up, the adaptive
 * threshold and the drift monitor. Immutable and thread-safe; validated on construction (an
 * {@link IllegalArgumentException} names the offending field).
 *
 * @param featureNames the names of the features, in the order of the vectors given to {@link AnomalyModel#score};
 *     their count is the forest's dimensions. Distinct and not blank
 * @param numberOfTrees trees of the forest (default 50): more trees, steadier scores, proportionally slower
 * @param sampleSize points each tree keeps (default 256): the forest's memory of "normal"
 * @param randomSeed seed of the forest's random cuts and sampling: the same settings and seed fed the same points
 *     give the same scores
 * @param warmUpPoints accepted points before any score can be anomalous (default {@code 2 × sampleSize}): the
 *     first {@link #PRIMING_POINTS} only prime the feature normaliser, the next {@code sampleSize} fill the forest,
 *     the rest give the threshold its first scores. At least {@code PRIMING_POINTS + sampleSize}
 * @param targetFalsePositiveRate fraction of scored points of normal data that may exceed the threshold
 *     (default 0.001): the threshold is the {@code 1 - targetFalsePositiveRate} quantile of recent scores. In
 *     (0, 0.5)
 * @param minimumThreshold floor of the adaptive threshold, in Random Cut Forest score units (default 1.0; normal
 *     data scores around 0.7), so a very quiet model does not alert on noise. Zero or more
 * @param thresholdWindow recent scores the threshold's quantile is taken over (default 10 000); at least
 *     {@code 1 / targetFalsePositiveRate}, so the quantile is not simply the window's maximum
 * @param driftReferenceWindow scores (after warm-up) that form the drift monitor's reference (default 2 000)
 * @param driftRecentWindow latest scores compared with the reference (default 1 000)
 * @param driftShiftBound the two-sample Kolmogorov–Smirnov distance (0..1) between the recent and reference
 *     windows above which the score distribution has drifted (default 0.25)
 * @param driftAlertRateBound fraction of anomalous points in the recent window above which the model is no longer
 *     calibrated (default {@code 10 × targetFalsePositiveRate}); above {@code targetFalsePositiveRate}, at most 1
 */
public record ModelSettings(
    List<String> featureNames,
    int numberOfTrees,
    int sampleSize,
    long randomSeed,
    int warmUpPoints,
    double targetFalsePositiveRate,
    double minimumThreshold,
    int thresholdWindow,
    int driftReferenceWindow,
    int driftRecentWindow,
    double driftShiftBound,
    double driftAlertRateBound) {

  /**
   * Accepted points that only prime the feature normaliser before the forest sees any: without them the first
   * points would enter the forest unscaled, in raw units, and stay in its sample as outliers for thousands of
   * points.
   */
  public static final int PRIMING_POINTS = 32;

  /** Smallest drift window: the Kolmogorov–Smirnov distance of smaller samples is mostly noise. */
  public static final int MINIMUM_DRIFT_WINDOW = 100;

  public ModelSettings {
    if (featureNames == null || featureNames.isEmpty()) {
      throw new IllegalArgumentException("featureNames must name at least one feature, was " + featureNames);
    }
    Set<String> seen = new HashSet<>();
    for (String name : featureNames) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("featureNames must not hold blank names, was " + featureNames);
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("featureNames must be distinct, " + name + " is repeated");
      }
    }
    featureNames = List.copyOf(featureNames);
    if (numberOfTrees < 1) {
      throw new IllegalArgumentException("numberOfTrees must be at least 1, was " + numberOfTrees);
    }
    if (sampleSize < 16) {
      throw new IllegalArgumentException("sampleSize must be at least 16, was " + sampleSize);
    }
    if (warmUpPoints < PRIMING_POINTS + sampleSize) {
      throw new IllegalArgumentException("warmUpPoints must be at least " + PRIMING_POINTS + " + sampleSize ("
          + (PRIMING_POINTS + sampleSize) + "), was " + warmUpPoints);
    }
    if (!(targetFalsePositiveRate > 0 && targetFalsePositiveRate < 0.5)) {
      throw new IllegalArgumentException(
          "targetFalsePositiveRate must be above 0 and below 0.5, was " + targetFalsePositiveRate);
    }
    if (!(minimumThreshold >= 0) || Double.isInfinite(minimumThreshold)) {
      throw new IllegalArgumentException("minimumThreshold must be finite and zero or more, was " + minimumThreshold);
    }
    if (thresholdWindow < Math.ceil(1 / targetFalsePositiveRate)) {
      throw new IllegalArgumentException("thresholdWindow must be at least 1 / targetFalsePositiveRate ("
          + (long) Math.ceil(1 / targetFalsePositiveRate) + "), was " + thresholdWindow);
    }
    if (driftReferenceWindow < MINIMUM_DRIFT_WINDOW) {
      throw new IllegalArgumentException(
          "driftReferenceWindow must be at least " + MINIMUM_DRIFT_WINDOW + ", was " + driftReferenceWindow);
    }
    if (driftRecentWindow < MINIMUM_DRIFT_WINDOW) {
      throw new IllegalArgumentException(
          "driftRecentWindow must be at least " + MINIMUM_DRIFT_WINDOW + ", was " + driftRecentWindow);
    }
    if (!(driftShiftBound > 0 && driftShiftBound < 1)) {
      throw new IllegalArgumentException("driftShiftBound must be above 0 and below 1, was " + driftShiftBound);
    }
    if (!(driftAlertRateBound > targetFalsePositiveRate && driftAlertRateBound <= 1)) {
      throw new IllegalArgumentException("driftAlertRateBound must be above targetFalsePositiveRate ("
          + targetFalsePositiveRate + ") and at most 1, was " + driftAlertRateBound);
    }
  }

  /**
   * The defaults: 50 trees of 256 points, warm-up of 512 points, a target false-positive rate of 0.001 over the
   * last 10 000 scores with a floor of 1.0, and drift judged on 1 000 recent against 2 000 reference scores
   * (Kolmogorov–Smirnov distance 0.25, alert rate 0.01).
   */
  public static ModelSettings defaults(List<String> featureNames, long seed) {
    return new ModelSettings(featureNames, 50, 256, seed, 512, 0.001, 1.0, 10_000, 2_000, 1_000, 0.25, 0.01);
  }

  /** The forest's dimensions: the number of features. */
  public int dimensions() {
    return featureNames.size();
  }

  /**
   * The first setting that changes the model's structure (features, forest shape, seed, warm-up, window sizes)
   * and differs between these settings and {@code other}, or {@code null} when a model of one can be restored
   * under the other. Bounds (target rate, floor, drift bounds) may differ: they apply from the restore on.
   */
  String structuralDifference(ModelSettings other) {
    if (!featureNames.equals(other.featureNames)) {
      return "featureNames";
    }
    if (numberOfTrees != other.numberOfTrees) {
      return "numberOfTrees";
    }
    if (sampleSize != other.sampleSize) {
      return "sampleSize";
    }
    if (randomSeed != other.randomSeed) {
      return "randomSeed";
    }
    if (warmUpPoints != other.warmUpPoints) {
      return "warmUpPoints";
    }
    if (thresholdWindow != other.thresholdWindow) {
      return "thresholdWindow";
    }
    if (driftReferenceWindow != other.driftReferenceWindow) {
      return "driftReferenceWindow";
    }
    if (driftRecentWindow != other.driftRecentWindow) {
      return "driftRecentWindow";
    }
    return null;
  }
}

package io.riskpulse.model.detect;

import com.typesafe.config.Config;
import io.riskpulse.model.detect.flow.OrderFlowFeatures;
import io.riskpulse.model.detect.ml.ModelSettings;

/**
 * How each strategy's order-flow model runs ({@code riskpulse.detection.model}).
 *
 * @param enabled whether strategies get a model at all
 * @param trees trees of each Random Cut Forest
 * @param sampleSize points each tree keeps
 * @param targetFalsePositiveRate fraction of a strategy's normal seconds that may score above the threshold
 * @param consecutive anomalous seconds in a row before the model reports a finding: one anomalous second in a
 *     thousand is the threshold's design, several in a row are behaviour
 * @param driftCheckSeconds how often (scored seconds of a strategy) the model's drift is judged
 * @param checkpointMillis how often a portfolio saves its models and its rules' state to its checkpoint store
 *     ({@link DetectorCheckpoints}) when they saw something, milliseconds; 0 never saves them
 */
public record ModelOptions(boolean enabled, int trees, int sampleSize, double targetFalsePositiveRate,
    int consecutive, int driftCheckSeconds, long checkpointMillis) {

  /**
   * 30 trees of 128 points, 0.1% of seconds above the threshold, 3 in a row; drift judged every minute; models
   * saved once a minute.
   */
  public static final ModelOptions DEFAULTS = new ModelOptions(true, 30, 128, 0.001, 3, 60, 60_000);

  public ModelOptions {
    if (trees < 1 || sampleSize < 16 || consecutive < 1 || driftCheckSeconds < 1 || checkpointMillis < 0
        || !(targetFalsePositiveRate > 0 && targetFalsePositiveRate < 0.5)) {
      throw new IllegalArgumentException("riskpulse.detection.model out of range: trees " + trees
          + ", sample-size " + sampleSize + ", target-false-positive-rate " + targetFalsePositiveRate
          + ", consecutive " + consecutive + ", drift-check-every " + driftCheckSeconds);
    }
  }

  /** The model settings of {@code strategy}'s model, seeded from the portfolio and strategy (replays agree). */
  public ModelSettings settingsFor(String portfolioId, String strategy) {
    long seed = 31L * portfolioId.hashCode() + strategy.hashCode();
    ModelSettings defaults = ModelSettings.defaults(OrderFlowFeatures.NAMES, seed);
    return new ModelSettings(OrderFlowFeatures.NAMES, trees, sampleSize, seed, 2 * sampleSize + 32,
        targetFalsePositiveRate, defaults.minimumThreshold(), Math.max(2_000, (int) Math.ceil(2 / targetFalsePositiveRate)),
        defaults.driftReferenceWindow(), defaults.driftRecentWindow(), defaults.driftShiftBound(),
        Math.max(defaults.driftAlertRateBound(), 10 * targetFalsePositiveRate));
  }

  /** Reads {@code riskpulse.detection.model}; absent keys keep their defaults. */
  public static ModelOptions fromConfig(Config c) {
    return new ModelOptions(
        !c.hasPath("enabled") || c.getBoolean("enabled"),
        c.hasPath("trees") ? c.getInt("trees") : DEFAULTS.trees,
        c.hasPath("sample-size") ? c.getInt("sample-size") : DEFAULTS.sampleSize,
        c.hasPath("target-false-positive-rate") ? c.getDouble("target-false-positive-rate")
            : DEFAULTS.targetFalsePositiveRate,
        c.hasPath("consecutive") ? c.getInt("consecutive") : DEFAULTS.consecutive,
        c.hasPath("drift-check-every") ? c.getInt("drift-check-every") : DEFAULTS.driftCheckSeconds,
        c.hasPath("checkpoint") ? c.getDuration("checkpoint").toMillis() : DEFAULTS.checkpointMillis);
  }
}

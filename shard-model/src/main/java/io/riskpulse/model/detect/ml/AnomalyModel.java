package io.riskpulse.model.detect.ml;

import com.amazon.randomcutforest.RandomCutForest;
import com.amazon.randomcutforest.returntypes.DiVector;
import io.riskpulse.model.detect.DetectionSignal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One strategy's streaming anomaly model: a Random Cut Forest over its standardised order-flow features, an
 * adaptive threshold calibrated to a target false-positive rate, and a monitor of its own drift.
 *
 * <p>Each {@link #score} is score-then-update: the point is standardised with the normaliser as it was, scored
 * (and attributed) against the forest as it was, and only then enters the forest. So a point is never compared
 * with itself, and feeding the same points gives the same scores. What each point updates:
 * <ul>
 *   <li>the forest: every accepted point after the first {@link ModelSettings#PRIMING_POINTS}, anomalous or not
 *       (the forest must follow a new regime; see the known weakness in the package documentation);
 *   <li>the feature normaliser: every accepted point not flagged anomalous, so an incident does not widen
 *       "normal";
 *   <li>the threshold's scores: every score once the forest's sample is full; a score flagged anomalous enters
 *       capped at {@value #ANOMALOUS_SCORE_CAP} × the threshold it exceeded. Any cap at or above the threshold
 *       leaves the quantile of normal data where it is (only scores above it change), while a burst of large
 *       anomalies can raise the threshold only step by step instead of at once to their level, masking the next
 *       incident. A cap of exactly 1 would pin the threshold: it could never rise again;
 *   <li>the drift monitor: every score after warm-up, with whether it was an alert.
 * </ul>
 *
 * <p>Rejected points (wrong length, NaN or infinite features) change nothing.
 *
 * <p>Not thread-safe, by design: Random Cut Forest is not, and a model is owned by one actor, which serialises
 * calls. Share it across threads only behind the owner's mailbox. Costs about 0.1 ms per scored point with the
 * defaults (four features), a snapshot a few hundred kilobytes.
 */
public final class AnomalyModel {

  /** A score flagged anomalous enters the threshold's distribution at most this multiple of the threshold. */
  static final double ANOMALOUS_SCORE_CAP = 1.5;

  private final ModelSettings settings;
  private final RandomCutForest forest;
  private final FeatureNormaliser normaliser;
  private final ScoreThreshold threshold;
  private final DriftMonitor drift;
  private long pointsSeen;

  /** A new, empty model: it warms up on the first {@link ModelSettings#warmUpPoints} accepted points. */
  public AnomalyModel(ModelSettings settings) {
    this(settings, newForest(settings), new FeatureNormaliser(settings.dimensions()), newThreshold(settings),
        DriftMonitor.of(settings), 0);
  }

  AnomalyModel(ModelSettings settings, RandomCutForest forest, FeatureNormaliser normaliser,
      ScoreThreshold threshold, DriftMonitor drift, long pointsSeen) {
    this.settings = settings;
    this.forest = forest;
    this.normaliser = normaliser;
    this.threshold = threshold;
    this.drift = drift;
    this.pointsSeen = pointsSeen;
  }

  static RandomCutForest newForest(ModelSettings settings) {
    return RandomCutForest.builder()
        .dimensions(settings.dimensions())
        .numberOfTrees(settings.numberOfTrees())
        .sampleSize(settings.sampleSize())
        .randomSeed(settings.randomSeed())
        .parallelExecutionEnabled(false)
        .build();
  }

  static ScoreThreshold newThreshold(ModelSettings settings) {
    return new ScoreThreshold(settings.thresholdWindow(), settings.targetFalsePositiveRate(),
        settings.minimumThreshold());
  }

  /**
   * Scores one feature vector, then learns from it.
   *
   * @param features one value per feature, in the order of {@link ModelSettings#featureNames}, each in its own
   *     unit
   * @param atMillis when the features were observed, epoch milliseconds (carried into the score)
   * @return the score; {@link ModelScore#rejected()} when the vector was unusable (the model is then untouched)
   */
  public ModelScore score(double[] features, long atMillis) {
    String rejection = validate(features);
    if (rejection != null) {
      return ModelScore.rejected(rejection, threshold.threshold(), warmingUp(), pointsSeen, atMillis);
    }
    double[] x = features.clone();
    boolean warming = warmingUp();
    if (pointsSeen < ModelSettings.PRIMING_POINTS) {
      double current = threshold.threshold();
      normaliser.observe(x);
      pointsSeen++;
      return new ModelScore(0, current, false, true, "", List.of(), pointsSeen, atMillis);
    }
    double[] z = normaliser.standardise(x);
    double score = forest.getAnomalyScore(z);
    double current = threshold.threshold();
    boolean anomalous = !warming && score > current;
    List<FeatureContribution> contributions = warming ? List.of() : contributions(forest.getAnomalyAttribution(z));

    forest.update(z);
    if (!anomalous) {
      normaliser.observe(x);
    }
    if (pointsSeen - ModelSettings.PRIMING_POINTS >= settings.sampleSize()) {
      threshold.add(anomalous ? Math.min(score, ANOMALOUS_SCORE_CAP * current) : score);
    }
    if (!warming) {
      drift.record(score, anomalous);
    }
    pointsSeen++;
    return new ModelScore(score, current, anomalous, warming, "", contributions, pointsSeen, atMillis);
  }

  /** Judges the model's drift now; a reported drift rebases the monitor (see {@link DriftMonitor}). */
  public DriftStatus drift(long atMillis) {
    return drift.assess(atMillis);
  }

  /**
   * The {@link io.riskpulse.model.detect.Detector#MODEL_DRIFT} finding about {@code subject} if the model drifted
   * now, else empty. Judges (and on drift rebases) like {@link #drift}.
   */
  public Optional<DetectionSignal> driftSignal(String subject, long atMillis) {
    DriftStatus status = drift(atMillis);
    return status.drifted() ? Optional.of(status.toSignal(subject)) : Optional.empty();
  }

  /** The adaptive threshold now, in score units (positive infinity before any score was collected). */
  public double threshold() {
    return threshold.threshold();
  }

  /** Accepted points so far (rejected ones do not count). */
  public long pointsSeen() {
    return pointsSeen;
  }

  /** Whether the next point would be scored during warm-up (and so could not be anomalous). */
  public boolean warmingUp() {
    return pointsSeen < settings.warmUpPoints();
  }

  public ModelSettings settings() {
    return settings;
  }

  /**
   * The model's whole state as bytes: forest (trees, samplers and their random state), normaliser, threshold
   * scores, drift windows and points seen. {@link #restore} of these bytes continues exactly like this model.
   */
  public byte[] snapshot() {
    return ModelSnapshots.write(settings, forest, normaliser, threshold, drift, pointsSeen);
  }

  /**
   * The model saved in {@code snapshot}, to continue under {@code settings}: they must match the snapshot's in
   * structure (features, forest shape, seed, warm-up and window sizes); bounds (target rate, floor, drift bounds)
   * may differ and apply from now on.
   *
   * @throws IllegalArgumentException when the bytes are not a snapshot of this format, are corrupt, or do not fit
   *     {@code settings}; no model is built then
   */
  public static AnomalyModel restore(byte[] snapshot, ModelSettings settings) {
    return ModelSnapshots.read(snapshot, settings);
  }

  private String validate(double[] features) {
    if (features == null) {
      return "no feature vector";
    }
    if (features.length != settings.dimensions()) {
      return "expected " + settings.dimensions() + " features " + settings.featureNames() + ", got "
          + features.length;
    }
    for (int i = 0; i < features.length; i++) {
      if (!Double.isFinite(features[i])) {
        return "feature " + settings.featureNames().get(i) + " is " + features[i];
      }
    }
    return null;
  }

  private List<FeatureContribution> contributions(DiVector attribution) {
    double total = attribution.getHighLowSum();
    List<FeatureContribution> out = new ArrayList<>(settings.dimensions());
    for (int i = 0; i < settings.dimensions(); i++) {
      double value = attribution.getHighLowSum(i);
      out.add(new FeatureContribution(settings.featureNames().get(i), value, total > 0 ? value / total : 0,
          attribution.high[i] >= attribution.low[i]));
    }
    out.sort(Comparator.comparingDouble(FeatureContribution::value).reversed());
    return out;
  }
}

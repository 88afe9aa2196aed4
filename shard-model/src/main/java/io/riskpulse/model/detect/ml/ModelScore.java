package io.riskpulse.model.detect.ml;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@link AnomalyModel#score} made of one feature vector. Immutable.
 *
 * @param score the Random Cut Forest anomaly score of the point against the forest before the point entered it,
 *     in RCF score units (normal data scores around 0.7; higher is more anomalous); 0 for a rejected point and
 *     while the normaliser is priming
 * @param threshold the adaptive threshold when the point was scored, same unit (positive infinity before the
 *     model has collected any score)
 * @param anomalous whether the score exceeded the threshold after warm-up: the point is a finding
 * @param warmingUp whether the model was still warming up (no point can be anomalous then)
 * @param rejection why the point was not scored (a NaN or infinite feature, a vector of the wrong length); empty
 *     when it was. A rejected point leaves the model untouched
 * @param contributions each feature's contribution to the score, largest first; empty during warm-up and for a
 *     rejected point (attribution costs as much again as the score and nothing uses it then)
 * @param pointsSeen accepted points so far, including this one
 * @param atMillis when the point was observed, epoch milliseconds
 */
public record ModelScore(
    double score,
    double threshold,
    boolean anomalous,
    boolean warmingUp,
    String rejection,
    List<FeatureContribution> contributions,
    long pointsSeen,
    long atMillis) {

  /** Features named in a signal's explanation. */
  static final int EXPLAINED_FEATURES = 3;

  public ModelScore {
    rejection = rejection == null ? "" : rejection;
    contributions = contributions == null ? List.of() : List.copyOf(contributions);
  }

  static ModelScore rejected(String reason, double threshold, boolean warmingUp, long pointsSeen, long atMillis) {
    return new ModelScore(0, threshold, false, warmingUp, reason, List.of(), pointsSeen, atMillis);
  }

  /** Whether the point was rejected (not scored, the model untouched). */
  public boolean rejected() {
    return !rejection.isEmpty();
  }

  /** Each feature's contribution in score units, by feature name (sorted); empty when there are none. */
  public Map<String, Double> attribution() {
    return contributions.stream().collect(Collectors.toMap(FeatureContribution::feature,
        FeatureContribution::value, (a, b) -> a, TreeMap::new));
  }

  /** The feature that contributed most, or empty when there are no contributions. */
  public String topFeature() {
    return contributions.isEmpty() ? "" : contributions.get(0).feature();
  }

  /**
   * The {@link Detector#MODEL} finding about {@code subject} (the strategy the model watches), keyed
   * {@code MODEL:subject}, with the attribution and an explanation naming the top features and their share of the
   * score, e.g. {@code score 4.12 above threshold 1.87; mostly messageRate (high) 78%, cancelRatio (high) 12%}.
   *
   * @throws IllegalStateException when the point was not anomalous
   */
  public DetectionSignal toSignal(String subject) {
    if (!anomalous) {
      throw new IllegalStateException("not anomalous: no signal"
          + (rejected() ? " (rejected: " + rejection + ")" : warmingUp ? " (warming up)" : ""));
    }
    return new DetectionSignal(Detector.MODEL, DetectionSignal.keyOf(Detector.MODEL, subject), subject, score,
        threshold, explanation(), attribution(), atMillis);
  }

  /** One sentence: the score against the threshold and the top features with their share. */
  public String explanation() {
    String top = contributions.stream()
        .limit(EXPLAINED_FEATURES)
        .map(c -> String.format(Locale.ROOT, "%s (%s) %.0f%%", c.feature(), c.aboveNormal() ? "high" : "low",
            100 * c.share()))
        .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "score %.2f %s threshold %.2f%s", score, anomalous ? "above" : "within",
        threshold, top.isEmpty() ? "" : "; mostly " + top);
  }
}

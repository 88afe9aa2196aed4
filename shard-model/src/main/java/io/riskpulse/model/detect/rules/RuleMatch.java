package io.riskpulse.model.detect.rules;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One match of a rule: which rule, in which group, with the figures that made it match. Immutable; equal matches
 * compare equal (figures sorted by name), which is what the determinism guarantee is stated in.
 *
 * @param rule the rule's name
 * @param group the group key: a strategy or a symbol, {@code ""} for an ungrouped rule
 * @param score the measured figure: the count of the first step for {@code N or more} and sequences, the
 *     aggregate for a threshold
 * @param threshold what it was judged against: the required count, or the threshold's bound
 * @param figures every figure of the match by its canonical expression, e.g. {@code count(reject(check =
 *     PRICE_COLLAR))} = 3, {@code quantity} = 6000, {@code 5 * median(fill.quantity)} = 5000
 * @param explanation one sentence with the figures that matter
 * @param atMillis engine time of the event that completed the match, epoch milliseconds
 */
public record RuleMatch(String rule, String group, double score, double threshold, Map<String, Double> figures,
    String explanation, long atMillis) {

  public RuleMatch {
    group = group == null ? "" : group;
    figures = figures == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(figures));
  }

  /** The episode subject: the rule name, plus {@code ":" + group} when grouped. */
  public String subject() {
    return group.isEmpty() ? rule : rule + ':' + group;
  }

  /**
   * This match as a detection signal: detector {@link Detector#RULE}, key {@code RULE:<rule>} or {@code
   * RULE:<rule>:<group>}, the same score and threshold, the figures as attribution.
   */
  public DetectionSignal toSignal() {
    return new DetectionSignal(Detector.RULE, DetectionSignal.keyOf(Detector.RULE, subject()), subject(), score,
        threshold, explanation, figures, atMillis);
  }
}

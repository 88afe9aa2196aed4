package io.riskpulse.model.detect;

import io.riskpulse.model.CborSerializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scored, explained finding of a detector: what it saw, how far beyond its threshold, and why.
 *
 * @param detector which detector
 * @param key identity of the episode this finding belongs to, unique per detector and subject:
 *     {@code RUNAWAY:momentum}, {@code VPIN:SPY}, {@code RULE:collar-rejects-then-big-fill}; one incident is raised
 *     per episode, not one per finding
 * @param subject what it is about: a strategy, an instrument or a rule name
 * @param score the detector's score, in the detector's unit (a z-score, a VPIN, a Random Cut Forest score);
 *     higher is more anomalous
 * @param threshold the score at which the detector fires, same unit
 * @param explanation one human sentence with the figures that matter
 * @param attribution how much each input feature contributed to the score, by feature name (sorted, so equal
 *     findings compare and serialise equally); empty when the detector has a single input
 * @param atMillis when it was seen, epoch milliseconds
 */
public record DetectionSignal(
    Detector detector,
    String key,
    String subject,
    double score,
    double threshold,
    String explanation,
    Map<String, Double> attribution,
    long atMillis)
    implements CborSerializable {

  public DetectionSignal {
    subject = subject == null ? "" : subject;
    explanation = explanation == null ? "" : explanation;
    attribution = attribution == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attribution));
  }

  /** The episode key of {@code detector} about {@code subject}: {@code DETECTOR:subject}. */
  public static String keyOf(Detector detector, String subject) {
    return detector.name() + ':' + subject;
  }

  /** A one-line description: {@code RUNAWAY momentum score 9.20 (threshold 8.00): explanation}. */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%s %s score %.2f (threshold %.2f): %s", detector, subject, score,
        threshold, explanation);
  }
}

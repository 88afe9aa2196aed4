package io.riskpulse.node.detect;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import java.util.List;
import java.util.Locale;

/**
 * An alert of the replay: an anomaly episode opening in a portfolio, as the live entity would journal it.
 *
 * @param atMillis when the episode opened (the time of the event or tick that found it), epoch milliseconds
 * @param portfolioId the portfolio
 * @param detector which detector
 * @param key the episode key ({@code DETECTOR:subject})
 * @param subject strategy, instrument or rule the finding is about
 * @param score the finding's score, in the detector's unit
 * @param threshold the detector's threshold, same unit
 * @param explanation the finding's sentence
 * @param heldSymbols the instruments the portfolio held when it opened (for scoring market incidents)
 */
public record Alert(long atMillis, String portfolioId, Detector detector, String key, String subject, double score,
    double threshold, String explanation, List<String> heldSymbols) {

  public Alert {
    heldSymbols = List.copyOf(heldSymbols);
  }

  static Alert of(DetectionSignal finding, String portfolioId, long atMillis, List<String> held) {
    return new Alert(atMillis, portfolioId, finding.detector(), finding.key(), finding.subject(), finding.score(),
        finding.threshold(), finding.explanation(), held);
  }

  /** The line the determinism digest is computed over: time, portfolio, key and score (6 decimals). */
  String digestLine() {
    return String.format(Locale.ROOT, "%d|%s|%s|%.6f", atMillis, portfolioId, key, score);
  }
}

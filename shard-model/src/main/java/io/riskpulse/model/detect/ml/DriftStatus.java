package io.riskpulse.model.detect.ml;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import java.util.Locale;
import java.util.Map;

/**
 * The drift monitor's verdict on a model: has its score distribution or its alert rate moved so far that its
 * alerts are no longer calibrated. Immutable.
 *
 * @param drifted whether the model drifted (the shift or the alert rate beyond its bound)
 * @param statistic the two-sample Kolmogorov–Smirnov distance (0..1) between the recent and the reference score
 *     windows; NaN while either window is still filling
 * @param bound the distance above which the scores drifted
 * @param recentAlertRate fraction of anomalous points in the recent window; NaN while it is filling
 * @param alertRateBound the alert rate above which the model drifted
 * @param reason one human sentence: why it drifted, or what the monitor is waiting for
 * @param atMillis when it was judged, epoch milliseconds
 */
public record DriftStatus(
    boolean drifted,
    double statistic,
    double bound,
    double recentAlertRate,
    double alertRateBound,
    String reason,
    long atMillis) {

  public DriftStatus {
    reason = reason == null ? "" : reason;
  }

  /** Whether the score distribution shifted (as opposed to, or on top of, the alert rate). */
  public boolean shifted() {
    return statistic > bound;
  }

  /**
   * The {@link Detector#MODEL_DRIFT} finding about {@code subject} (the strategy whose model drifted), keyed
   * {@code MODEL_DRIFT:subject}. Its score and threshold are the Kolmogorov–Smirnov distance and its bound when
   * the distribution shifted, else the recent alert rate and its bound.
   *
   * @throws IllegalStateException when the model did not drift
   */
  public DetectionSignal toSignal(String subject) {
    if (!drifted) {
      throw new IllegalStateException("no drift to signal: " + reason);
    }
    double score = shifted() ? statistic : recentAlertRate;
    double threshold = shifted() ? bound : alertRateBound;
    return new DetectionSignal(Detector.MODEL_DRIFT, DetectionSignal.keyOf(Detector.MODEL_DRIFT, subject), subject,
        score, threshold, reason, Map.of(), atMillis);
  }

  static String describe(double statistic, double bound, double alertRate, double alertRateBound) {
    return String.format(Locale.ROOT,
        "Kolmogorov-Smirnov distance %.3f (bound %.3f) between recent and reference scores, "
            + "recent alert rate %.4f (bound %.4f)", statistic, bound, alertRate, alertRateBound);
  }
}

package io.riskpulse.model.detect.ml;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Watches a model's own output for drift: the distribution of its scores and its alert rate.
 *
 * <p>The first {@code referenceWindow} scores recorded form the reference; every later score goes into a ring of
 * the latest {@code recentWindow}. {@link #assess} compares the two once both are full with the two-sample
 * Kolmogorov–Smirnov distance {@code D} (the largest gap between their empirical distribution functions, 0..1):
 * chosen over the population stability index because it needs no binning and is scale-free, so one bound fits
 * every model. A fixed bound on {@code D} is used rather than a p-value, because successive scores of a streaming
 * forest are autocorrelated and a test's p-value would call every small wobble significant. Separately, the
 * fraction of alerts in the recent window is compared with a bound (a multiple of the target false-positive
 * rate): a model alerting far more often than it was calibrated to is miscalibrated even if its scores look alike.
 *
 * <p>Rebasing: when {@link #assess} reports drift, both windows are emptied, so the next {@code referenceWindow}
 * scores (the new regime) become the reference and drift is not judged again until a fresh recent window is full.
 * A drift is therefore reported once, not on every later assessment.
 *
 * <p>Units: scores in Random Cut Forest score units; rates are fractions. Not thread-safe: owned by one
 * {@link AnomalyModel}. Recording is O(1); an assessment sorts both windows, O(n log n).
 */
public final class DriftMonitor {

  private final double shiftBound;
  private final double alertRateBound;
  private final double[] reference;
  private int referenceSize;
  private final double[] recent;
  private final boolean[] recentAlerts;
  private int recentNext;
  private int recentSize;
  private int recentAlertCount;

  /**
   * @param referenceWindow scores in the reference
   * @param recentWindow latest scores compared with it
   * @param shiftBound Kolmogorov–Smirnov distance above which the scores drifted, in (0, 1)
   * @param alertRateBound fraction of alerts in the recent window above which the model drifted, in (0, 1]
   */
  public DriftMonitor(int referenceWindow, int recentWindow, double shiftBound, double alertRateBound) {
    if (referenceWindow < 2 || recentWindow < 2) {
      throw new IllegalArgumentException("drift windows must hold at least 2 scores, were " + referenceWindow
          + " and " + recentWindow);
    }
    if (!(shiftBound > 0 && shiftBound < 1) || !(alertRateBound > 0 && alertRateBound <= 1)) {
      throw new IllegalArgumentException("drift bounds must be in (0, 1) and (0, 1], were " + shiftBound + " and "
          + alertRateBound);
    }
    this.shiftBound = shiftBound;
    this.alertRateBound = alertRateBound;
    this.reference = new double[referenceWindow];
    this.recent = new double[recentWindow];
    this.recentAlerts = new boolean[recentWindow];
  }

  /** The monitor of a model with {@code settings}. */
  static DriftMonitor of(ModelSettings settings) {
    return new DriftMonitor(settings.driftReferenceWindow(), settings.driftRecentWindow(),
        settings.driftShiftBound(), settings.driftAlertRateBound());
  }

  /** Records one scored point: its score and whether it was flagged anomalous. */
  public void record(double score, boolean alert) {
    if (referenceSize < reference.length) {
      reference[referenceSize++] = score;
      return;
    }
    if (recentSize == recent.length) {
      if (recentAlerts[recentNext]) {
        recentAlertCount--;
      }
    } else {
      recentSize++;
    }
    recent[recentNext] = score;
    recentAlerts[recentNext] = alert;
    if (alert) {
      recentAlertCount++;
    }
    recentNext = (recentNext + 1) % recent.length;
  }

  /**
   * Judges drift now; when it reports drift, the windows are emptied (rebased) before returning.
   *
   * @param atMillis when, epoch milliseconds (carried into the status)
   */
  public DriftStatus assess(long atMillis) {
    if (referenceSize < reference.length) {
      return new DriftStatus(false, Double.NaN, shiftBound, Double.NaN, alertRateBound,
          "collecting the reference: " + referenceSize + " of " + reference.length + " scores", atMillis);
    }
    if (recentSize < recent.length) {
      return new DriftStatus(false, Double.NaN, shiftBound, Double.NaN, alertRateBound,
          "collecting the recent window: " + recentSize + " of " + recent.length + " scores", atMillis);
    }
    double statistic = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(reference, recent);
    double alertRate = (double) recentAlertCount / recentSize;
    boolean shifted = statistic > shiftBound;
    boolean alerting = alertRate > alertRateBound;
    String figures = DriftStatus.describe(statistic, shiftBound, alertRate, alertRateBound);
    if (!shifted && !alerting) {
      return new DriftStatus(false, statistic, shiftBound, alertRate, alertRateBound, "stable: " + figures, atMillis);
    }
    String what = shifted && alerting ? "score distribution shifted and alert rate too high"
        : shifted ? "score distribution shifted" : "alert rate too high";
    rebase();
    return new DriftStatus(true, statistic, shiftBound, alertRate, alertRateBound,
        "model drifted (" + what + "): " + figures + "; reference rebased on the scores to come", atMillis);
  }

  /** Empties both windows: the scores to come form the new reference. */
  public void rebase() {
    referenceSize = 0;
    recentSize = 0;
    recentNext = 0;
    recentAlertCount = 0;
  }

  /** The reference scores collected so far, in arrival order. */
  double[] referenceScores() {
    return Arrays.copyOf(reference, referenceSize);
  }

  /** The recent scores, oldest first. */
  double[] recentScores() {
    double[] out = new double[recentSize];
    int start = recentSize == recent.length ? recentNext : 0;
    for (int i = 0; i < recentSize; i++) {
      out[i] = recent[(start + i) % recent.length];
    }
    return out;
  }

  /** Whether each recent score was an alert, oldest first. */
  boolean[] recentAlerts() {
    boolean[] out = new boolean[recentSize];
    int start = recentSize == recent.length ? recentNext : 0;
    for (int i = 0; i < recentSize; i++) {
      out[i] = recentAlerts[(start + i) % recent.length];
    }
    return out;
  }
}

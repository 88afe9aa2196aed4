package io.riskpulse.model.alert;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tunables of the alert book, from {@code riskpulse.alerts} (see this module's reference.conf).
 *
 * @param askTimeout how long callers (the projection, the API) wait for the book's answer
 * @param snapshotEvery events between snapshots of the book
 * @param keepSnapshots snapshots kept
 * @param keepResolved resolved incidents kept in the book (the oldest resolved are dropped beyond it; unresolved
 *     incidents are never dropped); the journal keeps everything
 * @param maxSourceRefs source events listed per incident (the first and the most recent)
 * @param dedupWindow most recent source events remembered to skip a signal observed twice (besides the offsets)
 * @param omsRetryAlertAfter failed attempts in a row to deliver one halt to one OMS before a HIGH incident is raised
 * @param log whether the node logs every notification (one line; warn for HIGH and CRITICAL)
 */
public record AlertSettings(Duration askTimeout, int snapshotEvery, int keepSnapshots, int keepResolved,
    int maxSourceRefs, int dedupWindow, int omsRetryAlertAfter, boolean log) {

  public AlertSettings {
    if (askTimeout == null || askTimeout.isZero() || askTimeout.isNegative()) {
      throw new IllegalArgumentException("riskpulse.alerts.ask-timeout must be positive, was " + askTimeout);
    }
    requireAtLeast("snapshot-every", snapshotEvery, 1);
    requireAtLeast("keep-snapshots", keepSnapshots, 1);
    requireAtLeast("keep-resolved", keepResolved, 0);
    requireAtLeast("max-source-refs", maxSourceRefs, 2);
    requireAtLeast("dedup-window", dedupWindow, 0);
    requireAtLeast("oms-retry-alert-after", omsRetryAlertAfter, 1);
  }

  public static AlertSettings fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.alerts");
    return new AlertSettings(
        c.getDuration("ask-timeout"),
        c.getInt("snapshot-every"),
        c.getInt("keep-snapshots"),
        c.getInt("keep-resolved"),
        c.getInt("max-source-refs"),
        c.getInt("dedup-window"),
        c.getInt("oms-retry-alert-after"),
        c.getBoolean("log"));
  }

  private static void requireAtLeast(String key, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException("riskpulse.alerts." + key + " must be at least " + min + ", was " + value);
    }
  }
}

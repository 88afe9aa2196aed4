package io.riskpulse.model.alert;

import io.riskpulse.model.alert.AlertNotification.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log subscriber: one line per notification on the logger {@code io.riskpulse.alerts}, with the incident's
 * numbers. WARN when a HIGH or CRITICAL incident opens, escalates or comes back; INFO for everything else (further
 * occurrences, clears, acknowledgements, assignments, resolutions) and for WARNING and INFO incidents. Run it once
 * per cluster ({@link AlertSubscribers#subscribeOncePerCluster}), so each change is logged once.
 *
 * <p>Stateless and thread-safe.
 */
public final class AlertLog implements AlertListener {

  /** The logger's name: route alerts to their own appender with it. */
  public static final String LOGGER = "io.riskpulse.alerts";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void onAlert(AlertNotification notification) {
    if (loud(notification)) {
      LOG.warn("Alert {}", notification.describe());
    } else {
      LOG.info("Alert {}", notification.describe());
    }
  }

  /** Whether the notification is logged at WARN. */
  static boolean loud(AlertNotification notification) {
    Change change = notification.change();
    return notification.incident().severity().compareTo(Severity.HIGH) >= 0
        && (change == Change.OPENED || change == Change.ESCALATED || change == Change.REACTIVATED);
  }
}

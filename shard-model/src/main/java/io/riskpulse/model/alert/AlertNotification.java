package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;

/**
 * What subscribers are told after the alert book persisted a change to an incident, on the distributed pub-sub
 * topic {@link AlertBook#TOPIC_NAME}. At most once: a notification lost in transit (a subscriber on a node that is
 * leaving, a topic not yet known to the publisher) is not sent again; the book itself is the record.
 *
 * @param sequenceNr sequence number of the book's event that made the change: unique, increasing, the
 *     receiver's idempotency key (see {@link #notificationId()})
 * @param change what changed
 * @param incident the incident right after the change
 * @param by who made an operator change ({@code ""} for changes made by signals)
 * @param atMillis when the change happened, epoch milliseconds
 */
public record AlertNotification(long sequenceNr, Change change, Incident incident, String by, long atMillis)
    implements CborSerializable {

  /** The kinds of change. */
  public enum Change {
    /** A new incident. */
    OPENED,
    /** Another occurrence of an active incident's condition (counted; nothing else new). */
    UPDATED,
    /** The condition of a cleared, unresolved incident came back. */
    REACTIVATED,
    /** Raised to a higher severity. */
    ESCALATED,
    /** Its condition ended by itself. */
    CLEARED,
    ACKNOWLEDGED,
    ASSIGNED,
    RESOLVED
  }

  public AlertNotification {
    by = by == null ? "" : by;
  }

  /** Stable id of this notification, {@code alert-<sequenceNr>}: the same on every delivery attempt. */
  public String notificationId() {
    return "alert-" + sequenceNr;
  }

  /** One line for logs: {@code OPENED inc-3 HIGH OPEN PORTFOLIO:P1/DRAWDOWN x1 active: <title>; ...}. */
  public String describe() {
    Trigger latest = incident.latest();
    StringBuilder line = new StringBuilder().append(change).append(' ').append(incident.describe());
    if (!Double.isNaN(latest.value()) || !Double.isNaN(latest.limit())) {
      line.append("; latest ").append(latest.kind()).append(latest.symbol().isEmpty() ? "" : " " + latest.symbol())
          .append(String.format(java.util.Locale.ROOT, " value %,.2f limit %,.2f", latest.value(), latest.limit()));
    }
    if (!by.isEmpty()) {
      line.append("; by ").append(by);
    }
    return line.toString();
  }
}

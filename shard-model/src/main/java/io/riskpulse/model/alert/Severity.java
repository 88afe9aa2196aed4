package io.riskpulse.model.alert;

/**
 * How urgently an incident needs a person, lowest first. The order is used: an incident's severity only ever
 * rises ({@link AlertBookEvent.IncidentEscalated}), never falls.
 */
public enum Severity {
  /** For the record; nobody needs to act. */
  INFO,
  /** A limit passed its warning level: look before it breaches. */
  WARNING,
  /** A limit is breached, or an OMS keeps failing to take a halt: act now. */
  HIGH,
  /** Trading stopped (a halt, a disabled strategy) or an OMS refused a halt: orders may need cancelling by hand. */
  CRITICAL;

  /** Whether this severity is strictly above {@code other}. */
  public boolean above(Severity other) {
    return compareTo(other) > 0;
  }
}

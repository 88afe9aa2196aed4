package io.riskpulse.model.alert;

/** Which incidents a query returns. */
public enum IncidentFilter {
  /** Not resolved (OPEN or ACKNOWLEDGED), active or cleared. */
  OPEN,
  /** Every incident the book keeps, resolved ones included (the most recent {@code keep-resolved}). */
  ALL;

  public boolean selects(Incident incident) {
    return this == ALL || !incident.resolved();
  }

  /**
   * Parses {@code open} or {@code all}, case-insensitively.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static IncidentFilter parse(String text) {
    if (text != null) {
      for (IncidentFilter filter : values()) {
        if (filter.name().equalsIgnoreCase(text.trim())) {
          return filter;
        }
      }
    }
    throw new IllegalArgumentException("status must be open or all, was '" + text + "'");
  }
}

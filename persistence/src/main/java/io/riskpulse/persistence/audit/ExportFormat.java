package io.riskpulse.persistence.audit;

/** How {@link AuditExport} writes events. */
public enum ExportFormat {
  /** RFC 4180 CSV with a header line: one row per event, the event itself as its one-line text. */
  CSV,
  /** One JSON object per line: the row's fields plus the whole event under {@code event}. */
  JSONL
}

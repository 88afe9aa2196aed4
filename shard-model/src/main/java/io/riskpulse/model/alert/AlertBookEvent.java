package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * The alert book's journal: every incident, each change to it and who made it, and how far each source tag has
 * been observed. Signal-driven events carry the source event's time; operator events the book's clock. The
 * events of one observed signal and its {@link SignalsObserved} are persisted in one atomic write, so the stored
 * offset never runs ahead of, or behind, the signal's effect. Event classes are never changed incompatibly: add
 * fields that may be absent.
 */
public sealed interface AlertBookEvent extends CborSerializable {

  /** When the event was decided, epoch milliseconds. */
  long atMillis();

  /** A new incident, as it was opened. */
  record IncidentOpened(Incident incident) implements AlertBookEvent {
    @Override
    public long atMillis() {
      return incident.firstSeenMillis();
    }
  }

  /**
   * Another occurrence of an unresolved incident's condition.
   *
   * @param reactivated its condition had cleared and is back
   */
  record IncidentUpdated(String incidentId, Trigger latest, SourceRef source, boolean reactivated, long atMillis)
      implements AlertBookEvent {}

  /** An occurrence of a more severe kind (a breach after a warning, a refusal after retries); active again. */
  record IncidentEscalated(String incidentId, Severity severity, String title, Trigger latest, SourceRef source,
      long atMillis) implements AlertBookEvent {}

  /** The incident's condition ended by itself (it stays open for a person until resolved). */
  record IncidentCleared(String incidentId, SourceRef source, long atMillis) implements AlertBookEvent {}

  record IncidentAcknowledged(String incidentId, String by, long atMillis) implements AlertBookEvent {}

  /** {@code by} assigned the incident to {@code assignee}. */
  record IncidentAssigned(String incidentId, String assignee, String by, long atMillis) implements AlertBookEvent {}

  record IncidentResolved(String incidentId, String by, String note, long atMillis) implements AlertBookEvent {}

  /**
   * Signals of source tag {@code tag} up to journal offset {@code offset} (0: the caller gave none) were observed;
   * {@code sources} are their events, remembered for idempotency. {@code uuidOffset} (absent in events journaled
   * before it existed, and on the JDBC journal) is the time-based UUID offset of a Cassandra tag stream, with
   * {@code offset} 0.
   */
  record SignalsObserved(String tag, long offset, List<SourceRef> sources, long atMillis, String uuidOffset)
      implements AlertBookEvent {
    public SignalsObserved {
      sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Observed at a sequence offset (or none); events journaled before uuidOffset existed read back like this. */
    public SignalsObserved(String tag, long offset, List<SourceRef> sources, long atMillis) {
      this(tag, offset, sources, atMillis, null);
    }
  }
}

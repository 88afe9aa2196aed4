package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/** Commands the alert book accepts. */
public sealed interface AlertBookCommand extends CborSerializable {

  /**
   * The signals mapped from one source journal event (the projection's envelope), to correlate into incidents.
   * Idempotent: nothing changes when {@code offset} is not beyond the offset already observed for {@code tag}, and
   * a signal whose source event was already observed is skipped.
   *
   * @param tag the journal tag the event was read from
   * @param offset the event's offset in that tag's stream (the JDBC journal's ordering), or 0 when there is none
   *     (tools and tests, and journals with time-based offsets; then only the source refs deduplicate)
   * @param uuidOffset the event's time-based UUID offset (Cassandra's eventsByTag) as text, with {@code offset} 0;
   *     null for other journals. See {@link TimeUuidOffsets}: it moves the resume point but never makes the book
   *     ignore an observation by itself
   */
  record Observe(String tag, long offset, List<AlertSignal> signals, ActorRef<Observed> replyTo, String uuidOffset)
      implements AlertBookCommand {

    /** An observation with a sequence offset (or none). */
    public Observe(String tag, long offset, List<AlertSignal> signals, ActorRef<Observed> replyTo) {
      this(tag, offset, signals, replyTo, null);
    }
  }

  /** {@code by} is looking at the incident. */
  record Acknowledge(String incidentId, String by, ActorRef<AlertReply> replyTo) implements AlertBookCommand {}

  /** {@code by} assigns the incident to {@code assignee}. */
  record Assign(String incidentId, String assignee, String by, ActorRef<AlertReply> replyTo)
      implements AlertBookCommand {}

  /** {@code by} closes the incident, saying why in {@code note}. Final. */
  record Resolve(String incidentId, String by, String note, ActorRef<AlertReply> replyTo)
      implements AlertBookCommand {}

  /**
   * The incidents the filter selects, newest first, at most {@code limit} (1 to {@link AlertBook#MAX_LIST}; other
   * values are clamped).
   */
  record GetIncidents(IncidentFilter filter, int limit, ActorRef<Incidents> replyTo) implements AlertBookCommand {}

  /** How far each tag has been observed: where the projection resumes. */
  record GetOffsets(ActorRef<ObservedOffsets> replyTo) implements AlertBookCommand {}
}

package io.riskpulse.persistence.audit;

/**
 * Something {@link ChainVerifier} found wrong with a journal.
 *
 * @param sequenceNr where it was found (for {@link Kind#MISSING}, the first missing sequence number)
 * @param kind what is wrong
 * @param detail for a person: which events, what was expected
 */
public record ChainProblem(long sequenceNr, Kind kind, String detail) {

  /** What is wrong with an event. */
  public enum Kind {
    /** Sequence numbers are missing: events were deleted. */
    MISSING,
    /** The event's content does not match its hash: it was altered. */
    ALTERED,
    /** The event does not link to the one before it: events were removed, inserted or reordered. */
    BROKEN_LINK,
    /** An event without a seal after the chain began: written outside the node. */
    UNSEALED,
    /** The stored event cannot be deserialized. */
    UNREADABLE
  }
}

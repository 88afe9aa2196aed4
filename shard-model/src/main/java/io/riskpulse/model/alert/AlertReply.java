package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;

/**
 * The answer to {@link AlertBookCommand.Acknowledge}, {@link AlertBookCommand.Assign} and
 * {@link AlertBookCommand.Resolve}.
 *
 * @param outcome accepted or rejected
 * @param reason why it was rejected; {@code null} unless rejected
 * @param incident the incident after the change (accepted), or as it is (rejected for its state); {@code null}
 *     when there is none
 * @param detail human-readable detail naming the offending field or the incident's state
 */
public record AlertReply(Outcome outcome, Reason reason, Incident incident, String detail)
    implements CborSerializable {

  public enum Outcome {
    /** Persisted. */
    ACCEPTED,
    /** Nothing was persisted; see {@link Reason}. */
    REJECTED
  }

  /** Why a command was refused. Stable names: shown to API users. */
  public enum Reason {
    /** A required field is missing: the incident id, {@code by}, the assignee or the resolution note. */
    INVALID_FIELD,
    /** No incident has this id (or it was resolved so long ago that the book no longer keeps it). */
    UNKNOWN_INCIDENT,
    /** Acknowledge of an incident someone already acknowledged. */
    ALREADY_ACKNOWLEDGED,
    /** Any change to a resolved incident: resolution is final. */
    ALREADY_RESOLVED
  }

  public static AlertReply accepted(Incident incident, String detail) {
    return new AlertReply(Outcome.ACCEPTED, null, incident, detail);
  }

  public static AlertReply rejected(Reason reason, Incident incident, String detail) {
    return new AlertReply(Outcome.REJECTED, reason, incident, detail);
  }

  public boolean accepted() {
    return outcome == Outcome.ACCEPTED;
  }
}

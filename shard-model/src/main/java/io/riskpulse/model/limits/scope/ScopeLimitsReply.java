package io.riskpulse.model.limits.scope;

import io.riskpulse.model.CborSerializable;

/**
 * The answer to {@link ScopeLimitsCommand.SetScopeLimits}.
 *
 * @param outcome accepted or rejected
 * @param reason why it was rejected; {@code null} unless rejected
 * @param detail human-readable detail: the offending fields by name, or notes on what was accepted
 */
public record ScopeLimitsReply(Outcome outcome, Reason reason, String detail) implements CborSerializable {

  public enum Outcome {
    /** Persisted: the limits are judged from the next check. */
    ACCEPTED,
    /** Nothing was persisted; see {@link Reason}. */
    REJECTED
  }

  /** Why a command was refused. Stable names: shown to API users. */
  public enum Reason {
    /** A required field is missing ({@code limits}, {@code by}, {@code reason}) or a value is out of range. */
    INVALID_FIELD,
    /** A field that means nothing for a desk or the firm is set (a per-instrument, per-order or order-flow limit). */
    NOT_APPLICABLE
  }

  public static ScopeLimitsReply accepted(String detail) {
    return new ScopeLimitsReply(Outcome.ACCEPTED, null, detail);
  }

  public static ScopeLimitsReply rejected(Reason reason, String detail) {
    return new ScopeLimitsReply(Outcome.REJECTED, reason, detail);
  }

  public boolean accepted() {
    return outcome == Outcome.ACCEPTED;
  }
}

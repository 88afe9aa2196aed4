package io.riskpulse.model.halt;

import io.riskpulse.model.CborSerializable;

/**
 * The answer to {@link KillSwitchCommand.Engage} and {@link KillSwitchCommand.Release}.
 *
 * @param outcome accepted, awaiting a second approver (a firm-wide resume) or rejected
 * @param reason why it was rejected; {@code null} unless rejected
 * @param haltId the halt the command engaged, released or ran into (an {@code ALREADY_HALTED} scope's halt);
 *     {@code ""} when there is none
 * @param detail human-readable detail naming the offending field, the existing halt or the approvers
 */
public record KillSwitchReply(Outcome outcome, Reason reason, String haltId, String detail)
    implements CborSerializable {

  /** What became of a command. */
  public enum Outcome {
    /** Persisted: the halt is in force, or the scope is resumed. */
    ACCEPTED,
    /** A firm-wide resume was requested and persisted; a second, different approver must release it too. */
    PENDING_APPROVAL,
    /** Nothing was persisted; see {@link Reason}. */
    REJECTED
  }

  /** Why a command was refused. Stable names: counted in metrics and shown to API users. */
  public enum Reason {
    /** A required field is missing: the scope, the operator's identity ({@code by}) or a reason. */
    INVALID_FIELD,
    /** A PORTFOLIO scope: a portfolio's halt is held by the portfolio itself (one source of truth each). */
    PORTFOLIO_SCOPE,
    /** Engage of a scope that is already halted. */
    ALREADY_HALTED,
    /** Release of a scope that is not halted. */
    NOT_HALTED,
    /** Second release of a firm-wide halt by the person who requested the resume. */
    SAME_APPROVER
  }

  public static KillSwitchReply accepted(String haltId, String detail) {
    return new KillSwitchReply(Outcome.ACCEPTED, null, haltId, detail);
  }

  public static KillSwitchReply pendingApproval(String haltId, String detail) {
    return new KillSwitchReply(Outcome.PENDING_APPROVAL, null, haltId, detail);
  }

  public static KillSwitchReply rejected(Reason reason, String haltId, String detail) {
    return new KillSwitchReply(Outcome.REJECTED, reason, haltId, detail);
  }
}

package io.riskpulse.model.portfolio;

import io.riskpulse.model.CborSerializable;

/**
 * The answer to a mutating portfolio command.
 *
 * @param outcome accepted, duplicate (an execution id already applied: nothing changed) or rejected
 * @param reason why it was rejected; {@code null} unless rejected
 * @param detail human-readable detail naming the offending field and value; {@code ""} when accepted
 */
public record Reply(Outcome outcome, RejectReason reason, String detail) implements CborSerializable {

  /** What became of a command. */
  public enum Outcome {
    ACCEPTED,
    DUPLICATE,
    REJECTED
  }

  private static final Reply ACCEPTED = new Reply(Outcome.ACCEPTED, null, "");

  public static Reply accepted() {
    return ACCEPTED;
  }

  public static Reply duplicate(String executionId) {
    return new Reply(Outcome.DUPLICATE, null, "execution " + executionId + " was already applied");
  }

  /** An order-flow message recorded before (same action and ClOrdID). */
  public static Reply duplicateOrder(String action, String orderId) {
    return new Reply(Outcome.DUPLICATE, null, "order message " + action + " " + orderId + " was already recorded");
  }

  public static Reply rejected(RejectReason reason, String detail) {
    return new Reply(Outcome.REJECTED, reason, detail);
  }

  public boolean isAccepted() {
    return outcome == Outcome.ACCEPTED;
  }
}

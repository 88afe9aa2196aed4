package io.riskpulse.model.halt;

import io.riskpulse.model.CborSerializable;

/**
 * The journal of the kill switch: every halt, its hand-off to the OMS gateway and its end, with who decided
 * and why (MiFID II RTS 6 Art 12 record keeping). Times are epoch milliseconds of the node's clock when the
 * event was decided. Event classes are never changed incompatibly: add fields that may be absent.
 */
public sealed interface KillSwitchEvent extends CborSerializable {

  /** When the event was decided, epoch milliseconds. */
  long atMillis();

  /** A scope was halted; the halt's id is {@code ks-} and this event's sequence number. */
  record ScopeHalted(ActiveHalt halt) implements KillSwitchEvent {
    @Override
    public long atMillis() {
      return halt.atMillis();
    }
  }

  /** The OMS gateway durably recorded halt {@code haltId}; it is not handed over again, even after a restart. */
  record HaltDispatched(String haltId, long atMillis) implements KillSwitchEvent {}

  /** The first of the two approvals a firm-wide resume needs: {@code by} asked to end FIRM halt {@code haltId}. */
  record FirmResumeRequested(String haltId, String by, String reason, long atMillis) implements KillSwitchEvent {}

  /**
   * A halt ended.
   *
   * @param by who released it (for a FIRM halt: who requested the resume)
   * @param reason why, as {@code by} gave it
   * @param secondApprover for a FIRM halt, who confirmed the resume (never {@code by}); {@code ""} otherwise
   * @param secondReason the second approver's reason; {@code ""} when there is no second approver
   */
  record ScopeResumed(HaltScope scope, String haltId, String by, String reason, String secondApprover,
      String secondReason, long atMillis) implements KillSwitchEvent {}
}

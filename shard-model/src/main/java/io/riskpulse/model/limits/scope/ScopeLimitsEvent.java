package io.riskpulse.model.limits.scope;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.Limits;
import java.util.List;

/**
 * The journal of a desk's or the firm's limits: every change of the limits with who and why, every breach and
 * warning episode, and every automatic halt from its request to the kill switch's confirmation (MiFID II RTS 6
 * record keeping). Times are epoch milliseconds of the node's clock when the event was decided. Event classes are
 * never changed incompatibly: add fields that may be absent.
 */
public sealed interface ScopeLimitsEvent extends CborSerializable {

  /** When the event was decided, epoch milliseconds. */
  long atMillis();

  /** The scope's limits were replaced by {@code by}, for {@code reason}. */
  record ScopeLimitsSet(Limits limits, String by, String reason, long atMillis) implements ScopeLimitsEvent {}

  /** A breach episode started; it lasts until {@link ScopeLimitCleared} of its key. */
  record ScopeLimitBreached(LimitBreach breach) implements ScopeLimitsEvent {
    @Override
    public long atMillis() {
      return breach.atMillis();
    }
  }

  /** The breach episode {@code key} ended: the value is back below the limit's hysteresis, or the limit is gone. */
  record ScopeLimitCleared(String key, long atMillis) implements ScopeLimitsEvent {}

  /** A warning episode started: the value passed the warning level without breaching. */
  record ScopeLimitWarned(LimitBreach warning) implements ScopeLimitsEvent {
    @Override
    public long atMillis() {
      return warning.atMillis();
    }
  }

  /** The warning episode {@code key} ended: back below its hysteresis, turned into a breach, or the limit is gone. */
  record ScopeWarningCleared(String key, long atMillis) implements ScopeLimitsEvent {}

  /**
   * Breaches whose action is HALT asked for a kill-switch halt of the scope; the request stands until
   * {@link ScopeHaltEngaged} confirms it (handed over at least once, again after a restart).
   *
   * @param requestId {@link ScopeLimits#HALT_REQUEST_ID_PREFIX} and this event's sequence number
   * @param scope {@code DESK:<desk>} or {@code FIRM}
   * @param breaches the breaches that halt
   * @param reason the reason given to the kill switch, naming the breaches and their numbers
   */
  record ScopeHaltRequested(String requestId, HaltScope scope, List<LimitBreach> breaches, String reason,
      long atMillis) implements ScopeLimitsEvent {

    public ScopeHaltRequested {
      breaches = breaches == null ? List.of() : List.copyOf(breaches);
    }
  }

  /**
   * The kill switch holds a halt of the scope for request {@code requestId}: it engaged one, or the scope was
   * already halted (by a person or an earlier request), whose halt is then {@code haltId}.
   *
   * @param detail the kill switch's words, e.g. the halt already in force
   */
  record ScopeHaltEngaged(String requestId, String haltId, boolean alreadyHalted, String detail, long atMillis)
      implements ScopeLimitsEvent {}
}

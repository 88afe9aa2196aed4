package io.riskpulse.model.halt;

import io.riskpulse.model.CborSerializable;

/**
 * A halt in force: while it lasts, every pre-trade check of an order in its scope rejects.
 *
 * @param haltId unique id of the halt, stable across restarts (the OMS gateway is idempotent by it)
 * @param scope what is halted
 * @param by who decided it: an operator's identity, or {@code riskpulse:limit-monitor} for automatic halts
 * @param reason why, in words an operator can act on
 * @param atMillis when it was decided, epoch milliseconds
 */
public record ActiveHalt(String haltId, HaltScope scope, String by, String reason, long atMillis)
    implements CborSerializable {

  /** One line for logs and tables: {@code DESK:rates halted by alice: runaway algo (halt-7)}. */
  public String describe() {
    return scope + " halted by " + by + ": " + reason + " (" + haltId + ")";
  }
}

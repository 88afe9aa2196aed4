package io.riskpulse.model.halt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Hands a persisted halt to whatever makes the OMSs cancel (the OMS gateway, wired by the node). The stage
 * completes once the receiver has durably taken responsibility for it (the gateway journaled "requested");
 * until then the sender keeps the halt marked undispatched and retries, also after a restart. Receivers must
 * therefore be idempotent by {@link ActiveHalt#haltId()}.
 *
 * <p>Thread-safe; called from entity mailboxes, so it must not block.
 */
@FunctionalInterface
public interface HaltDispatcher {

  /** Takes every halt and does nothing: for tests and nodes without OMS endpoints. */
  HaltDispatcher NONE = halt -> CompletableFuture.completedFuture(null);

  /** Hands over {@code halt}; completes when the receiver has recorded it, exceptionally when it has not. */
  CompletionStage<Void> dispatch(ActiveHalt halt);

  /**
   * Hands over {@code halt} with its scope already resolved by the sender: a portfolio halting itself knows its own
   * account and working orders, so the receiver need not ask for them (one ask and one journal write fewer before
   * the OMS is called). Receivers that cannot use it resolve the scope themselves (the default).
   *
   * @param resolved what to send the OMSs for {@code halt}, for the same halt id and scope
   */
  default CompletionStage<Void> dispatch(ActiveHalt halt, HaltInstruction resolved) {
    return dispatch(halt);
  }
}

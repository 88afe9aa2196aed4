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
}

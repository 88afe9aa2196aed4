package io.riskpulse.model.risk.rebalance;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Hands an approved rebalance to whatever enters its orders at the OMSs (the OMS gateway, wired by the node).
 * Completes once the receiver has durably taken it; until then the portfolio keeps it undispatched and retries,
 * also after a restart, so receivers must be idempotent by {@link RebalanceInstruction#rebalanceId()}.
 *
 * <p>Thread-safe; called from entity mailboxes, so it must not block.
 */
@FunctionalInterface
public interface RebalanceDispatcher {

  /** Takes every rebalance and does nothing: for tests and nodes without OMS endpoints. */
  RebalanceDispatcher NONE = instruction -> CompletableFuture.completedFuture(null);

  CompletionStage<Void> dispatch(RebalanceInstruction instruction);
}

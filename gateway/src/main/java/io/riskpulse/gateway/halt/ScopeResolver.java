package io.riskpulse.gateway.halt;

import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltInstruction;
import java.util.concurrent.CompletionStage;

/**
 * Turns a halt into what the OMSs are sent: the accounts its scope covers and the working orders known in it.
 * Completes exceptionally when the scope cannot be resolved completely (e.g. a portfolio of the desk did not
 * answer): the gateway then retries rather than cancel for a partial set of accounts.
 *
 * <p>Thread-safe; must not block.
 */
@FunctionalInterface
public interface ScopeResolver {

  CompletionStage<HaltInstruction> resolve(ActiveHalt halt);
}

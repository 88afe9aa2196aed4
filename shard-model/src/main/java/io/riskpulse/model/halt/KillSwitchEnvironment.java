package io.riskpulse.model.halt;

import java.time.Clock;

/**
 * What the kill switch needs from its node: a clock (the time recorded on its events), its settings and where
 * halts are handed to make the OMSs cancel. Shared by every incarnation of the entity on the node; each member
 * is thread-safe.
 */
public record KillSwitchEnvironment(Clock clock, KillSwitchSettings settings, HaltDispatcher dispatcher) {}

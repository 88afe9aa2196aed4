package io.riskpulse.node;

import io.riskpulse.model.instrument.InstrumentRegistry;
import java.time.Clock;

/**
 * What a node is given rather than builds: the instrument reference and the clock. Tests and the demo pass
 * their own; {@link Main} loads them from configuration.
 */
public record NodeDeps(InstrumentRegistry instruments, Clock clock) {}

package io.riskpulse.model.alert;

import java.time.Clock;

/**
 * What the alert book needs from its node: a clock (the time of operator changes) and its settings. Shared by
 * every incarnation of the entity on the node; each member is thread-safe.
 */
public record AlertBookEnvironment(Clock clock, AlertSettings settings) {}

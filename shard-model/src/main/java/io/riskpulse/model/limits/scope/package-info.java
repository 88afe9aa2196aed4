/**
 * Desk and firm limits: one event-sourced, sharded {@link io.riskpulse.model.limits.scope.ScopeLimits} entity per
 * desk and one for the firm, judging the sums of their risk aggregates
 * ({@link io.riskpulse.model.risk.aggregate.RiskAggregator}) with the warning levels and hysteresis of portfolio
 * limits, and halting the scope through the kill switch when a limit says so. Set and read through
 * {@link io.riskpulse.model.limits.scope.ScopeLimitsClient}.
 */
package io.riskpulse.model.limits.scope;

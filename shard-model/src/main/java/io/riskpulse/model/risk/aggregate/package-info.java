/**
 * Desk and firm risk: sharded, non-persistent aggregates ({@link io.riskpulse.model.risk.aggregate.RiskAggregator})
 * that add their members' scenario P&amp;L vectors, because VaR is not additive. Portfolios report to their desk,
 * desks to the firm; {@link io.riskpulse.model.risk.aggregate.RiskAggregates} asks them.
 */
package io.riskpulse.model.risk.aggregate;

/**
 * Live risk of a portfolio entity: {@link io.riskpulse.model.risk.live.RiskModel} (the node's scenario set and
 * stress scenarios), {@link io.riskpulse.model.risk.live.LiveRisk} (the entity's transient scenario P&amp;L vector,
 * kept current incrementally) and {@link io.riskpulse.model.risk.live.RiskMeasures} (the named figures it gives:
 * 99% VaR, 97.5% ES, worst stress loss, days to liquidate the least liquid position). Everything here is derived
 * from journaled positions, current prices and the instrument reference, and is never journaled itself.
 */
package io.riskpulse.model.risk.live;

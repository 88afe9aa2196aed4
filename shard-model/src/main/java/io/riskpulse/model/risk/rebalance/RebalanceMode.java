package io.riskpulse.model.risk.rebalance;

/**
 * What a portfolio does when an exposure or concentration limit breaks ({@code riskpulse.portfolio.rebalance}).
 */
public enum RebalanceMode {
  /** Nothing: the breach is alerted (and acted on per its limit action) only. */
  OFF,
  /** Compute the orders that bring the portfolio back and journal them as a proposal a person approves. */
  PROPOSE,
  /** Compute them and send them to the OMS at once, approved by {@code riskpulse:auto-rebalance}. */
  SEND
}

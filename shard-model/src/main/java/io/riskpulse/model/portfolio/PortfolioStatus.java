package io.riskpulse.model.portfolio;

/** Lifecycle of a portfolio. */
public enum PortfolioStatus {
  /** Not opened yet: every execution is refused as an unknown portfolio. */
  UNOPENED,
  /** Trading allowed. */
  ACTIVE,
  /** Trading halted; fills still apply, new orders are blocked. */
  HALTED
}

package io.riskpulse.model.portfolio;

/** Why a portfolio command was refused. Stable names: counted in metrics and shown to API users. */
public enum RejectReason {
  /** The portfolio has not been opened (no desk/trader/limits yet). */
  UNKNOWN_PORTFOLIO,
  /** OpenPortfolio on a portfolio that is already open. */
  ALREADY_OPEN,
  /** The execution names an instrument that is not in the instrument reference. */
  UNKNOWN_INSTRUMENT,
  /** Quantity missing, NaN, infinite, zero or negative. */
  INVALID_QUANTITY,
  /** Price missing, NaN, infinite, zero or negative. */
  INVALID_PRICE,
  /** Side missing. */
  INVALID_SIDE,
  /** Order-flow message without an action, or a cancel/replace without the order it refers to. */
  INVALID_ORDER,
  /** An execution id already applied to a different fill (not a redelivery): refused, never merged. */
  CONFLICTING_EXECUTION,
  /** quantity × price, or the resulting position or cash, would exceed the supported magnitude. */
  NOTIONAL_OVERFLOW,
  /** A required field is missing or inconsistent (ids, desk, the operator's identity, a reason). */
  INVALID_FIELD,
  /** A limit value is not valid. */
  INVALID_LIMITS,
  /** Halt on a halted portfolio. */
  ALREADY_HALTED,
  /** Resume on a portfolio that is not halted. */
  NOT_HALTED,
  /** Resume while limits that halt are still breached: raise them or reduce the position first. */
  STILL_BREACHED,
  /** EnableStrategy for a strategy the repeated-execution throttle has not disabled. */
  STRATEGY_NOT_DISABLED,
  /** Approve or reject of a rebalance that is not the pending proposal. */
  UNKNOWN_REBALANCE
}

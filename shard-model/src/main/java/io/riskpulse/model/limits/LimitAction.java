package io.riskpulse.model.limits;

/**
 * What a hard breach of a limit does, beyond raising an alert. Chosen per limit kind in {@link LimitPolicy};
 * the default follows {@link Limits#haltOnBreach()}.
 */
public enum LimitAction {
  /** Raise the alert only; trading carries on. */
  ALERT_ONLY,
  /**
   * Block orders that would increase risk while the breach lasts: a pre-trade check rejects any order that
   * increases the absolute position in its instrument. Orders that reduce positions still pass.
   */
  REDUCE_ONLY,
  /** Halt the portfolio: every pre-trade check rejects, and the OMS gateway cancels its working orders. */
  HALT
}

package io.riskpulse.model.pretrade;

import io.riskpulse.model.limits.LimitKind;

/**
 * The checks an order can fail. Stable names: shown to API users and counted in metrics. The limit checks carry
 * the name of their {@link LimitKind}.
 */
public enum PreTradeCheck {
  /** The portfolio did not answer within the bound (the check fails closed unless configured otherwise). */
  STATE_UNAVAILABLE,
  /** What the check relies on is older than its bound: the reference price, or the kill-switch state. */
  STATE_STALE,
  /** The portfolio is not open. */
  UNKNOWN_PORTFOLIO,
  /** The instrument is not in the instrument reference. */
  UNKNOWN_INSTRUMENT,
  /** A field of the order is missing or out of range; the detail names it. */
  INVALID_ORDER,
  /** The portfolio, or a scope covering the order (strategy, trader, desk, instrument, firm), is halted. */
  HALTED,
  /** The strategy was disabled by the repeated-execution throttle and not yet re-enabled by a person. */
  STRATEGY_DISABLED,
  /** A breached limit whose action is reduce-only blocks an order that increases the position. */
  REDUCE_ONLY,
  /** The ClOrdID was used before. */
  DUPLICATE_ORDER,
  RESTRICTED_INSTRUMENT,
  PRICE_COLLAR,
  ORDER_QUANTITY,
  ORDER_NOTIONAL,
  CREDIT,
  GROSS_EXPOSURE,
  NET_EXPOSURE,
  POSITION_NOTIONAL,
  CONCENTRATION,
  INTRADAY_LOSS,
  DRAWDOWN,
  VAR,
  EXPECTED_SHORTFALL,
  STRESS_LOSS,
  LIQUIDITY,
  /** A position (after the order) without a market price or FX rate: it cannot be valued (fail closed). */
  MARKET_DATA,
  ORDER_RATE_BURST,
  ORDER_RATE,
  MESSAGE_RATE_BURST,
  MESSAGE_RATE,
  ORDER_TO_TRADE;

  /** The check of a limit kind. */
  public static PreTradeCheck of(LimitKind kind) {
    return valueOf(kind.name());
  }
}

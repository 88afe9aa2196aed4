package io.riskpulse.model.limits;

/**
 * The kinds of limit a portfolio carries. Amounts are in the portfolio's reporting currency (the instruments'
 * price currency; no FX conversion yet), percentages in percent (0-100), liquidity in days.
 */
public enum LimitKind {
  /** Σ |quantity × mark| over all positions. */
  GROSS_EXPOSURE(true),
  /** |Σ quantity × mark| over all positions. */
  NET_EXPOSURE(true),
  /** |quantity × mark| of one instrument; the breach names the symbol. */
  POSITION_NOTIONAL(true),
  /** 100 × |quantity × mark| / gross exposure for one instrument; the breach names the symbol. */
  CONCENTRATION(true),
  /** −(intraday P&amp;L): realized + unrealized since the start of the trading day, when it is a loss. */
  INTRADAY_LOSS(true),
  /** Intraday peak P&amp;L − current P&amp;L. */
  DRAWDOWN(true),
  /** Quantity of a single execution, instrument units. */
  ORDER_QUANTITY(false),
  /** quantity × price of a single execution, converted to the reporting currency. */
  ORDER_NOTIONAL(false),
  /**
   * 1-day 99% historical-simulation VaR of the portfolio (loss positive, reporting currency), from its live
   * scenario P&amp;L vector. Unknown (NaN: a position without scenarios, price or FX rate) breaches, naming why.
   */
  VAR(true),
  /** 1-day 97.5% historical expected shortfall (mean loss beyond the 97.5% VaR), as {@link #VAR}. */
  EXPECTED_SHORTFALL(true),
  /**
   * Loss under the worst configured stress scenario (see {@code riskpulse.risk.stress}); a position that cannot
   * be stressed makes it unknown, which breaches.
   */
  STRESS_LOSS(true),
  /**
   * Days to unwind the least liquid position trading at most {@code riskpulse.risk.liquidity.participation-rate}
   * of its average daily volume: max over positions of |quantity| / (participation rate &times; ADV), in days.
   * A position in an instrument without an ADV makes it unknown, which breaches, naming the instrument.
   */
  LIQUIDITY(true),
  /**
   * Open positions without a market price or FX rate, after the start-up grace period: the portfolio cannot
   * be valued, which is itself a breach (fail closed). Always limited to 0; not configurable.
   */
  MARKET_DATA(true),
  /** Burst limit: new orders in the current second ({@link OrderLimits#maxOrdersPerSecond()}). */
  ORDER_RATE_BURST(true),
  /** Continuous limit: new orders over the last 60 seconds. */
  ORDER_RATE(true),
  /** Burst limit: new + replace + cancel messages in the current second (RTS 6 Art 15 max messages). */
  MESSAGE_RATE_BURST(true),
  /** Continuous limit: new + replace + cancel messages over the last 60 seconds. */
  MESSAGE_RATE(true),
  /** Order messages per fill over the last minute, judged from {@link OrderLimits#otrMinMessages()} messages. */
  ORDER_TO_TRADE(true),
  /** Credit used: how far cash (all currencies, converted) is below zero, reporting currency. */
  CREDIT(true),
  /**
   * Distance of an order's or fill's price from the instrument's reference price (its mark), percent; each
   * offending order or fill is its own breach. An instrument without a reference price cannot be judged and
   * breaches (fail closed).
   */
  PRICE_COLLAR(false),
  /** An order or fill in an instrument on the restricted list; each is its own breach (value 1, limit 0). */
  RESTRICTED_INSTRUMENT(false),
  /**
   * The RTS 6 Art 15(3) throttle: executions of one strategy in one direction of one instrument within the
   * window; beyond the limit the strategy is disabled until a person re-enables it, whatever the action policy.
   */
  REPEATED_EXECUTIONS(false);

  private final boolean continuous;

  LimitKind(boolean continuous) {
    this.continuous = continuous;
  }

  /**
   * A continuous limit watches a level that persists (exposure, loss): it breaches once when the level
   * crosses the limit and clears when it comes back. A non-continuous limit judges one execution: every
   * offending execution is its own breach.
   */
  public boolean continuous() {
    return continuous;
  }
}

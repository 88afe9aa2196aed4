package io.riskpulse.model.detect.market;

/** Why {@link MarketSurveillance} ignored an input. Counted per reason; inputs are never thrown back. */
public enum InputRejection {
  /** The update, or its symbol, was null or blank. */
  NO_SYMBOL,
  /** A price, quantity or book level that matters was NaN or infinite, or a quote had no usable price. */
  NOT_FINITE,
  /** A price or trade quantity was zero or negative, a book quantity negative, or the ask below the bid. */
  NOT_POSITIVE,
  /** A price stamped before the previous price of the same symbol. */
  OUT_OF_ORDER,
  /** A new symbol arrived while {@code max-symbols} were already tracked. */
  TOO_MANY_SYMBOLS
}

package io.riskpulse.model.market;

/** Why the market view refused a quote. Counted per reason by {@link MarketView}. */
public enum QuoteRejection {
  /** The symbol is not in the instrument reference. */
  UNKNOWN_INSTRUMENT,
  /** A price is infinite, or every price is NaN. */
  NOT_FINITE,
  /** Bid above ask. */
  CROSSED_BOOK,
  /** Older than the quote already held for the symbol. */
  OUT_OF_ORDER
}

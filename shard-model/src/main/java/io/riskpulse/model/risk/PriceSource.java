package io.riskpulse.model.risk;

/**
 * Where mark prices and FX rates come from: {@link ReportingPrices} over the node's market view in production,
 * a lambda in tests (single-currency: every FX rate 1).
 */
@FunctionalInterface
public interface PriceSource {

  /** The mark price of a symbol in its own price currency, or NaN when none is known. */
  double markPrice(String symbol);

  /** Units of reporting currency per unit of the symbol's price currency, or NaN when unknown. */
  default double fxToReporting(String symbol) {
    return 1;
  }

  /** Units of reporting currency per unit of {@code currency}, or NaN when unknown. */
  default double currencyToReporting(String currency) {
    return 1;
  }
}

package io.riskpulse.model.risk;

/** Where mark prices come from (the node's market view in production, a map in tests). */
@FunctionalInterface
public interface PriceSource {

  /** The mark price of a symbol, or NaN when none is known. */
  double markPrice(String symbol);
}

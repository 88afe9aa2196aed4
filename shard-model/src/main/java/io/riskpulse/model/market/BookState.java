package io.riskpulse.model.market;

import io.riskpulse.model.CborSerializable;

/**
 * The latest level-2 book of one instrument plus its traded volume. Arrays list levels best first and are
 * never mutated after construction.
 *
 * @param bidPrices bid prices, best (highest) first
 * @param bidQuantities quantities at those prices, instrument units
 * @param askPrices ask prices, best (lowest) first
 * @param askQuantities quantities at those prices
 * @param tradedVolume quantity traded since the node started, instrument units
 * @param timestampMillis time of the book update, epoch milliseconds
 */
public record BookState(
    String symbol,
    double[] bidPrices,
    double[] bidQuantities,
    double[] askPrices,
    double[] askQuantities,
    double tradedVolume,
    long timestampMillis)
    implements CborSerializable {

  /** Best ask − best bid, price currency; NaN when a side is empty. */
  public double spread() {
    return bidPrices.length == 0 || askPrices.length == 0 ? Double.NaN : askPrices[0] - bidPrices[0];
  }

  /** Σ quantity over the bid levels. */
  public double bidDepth() {
    return sum(bidQuantities);
  }

  /** Σ quantity over the ask levels. */
  public double askDepth() {
    return sum(askQuantities);
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }
}

package io.riskpulse.model.market;

import io.riskpulse.model.CborSerializable;

/**
 * Latest top-of-book and last trade of one instrument, in the instrument's price currency.
 *
 * <p>Any of the three prices may be {@code NaN} when the feed has not provided it yet. Negative prices are
 * legal: some futures (WTI crude on 2020-04-20) did trade below zero.
 *
 * @param symbol instrument symbol
 * @param last last traded price, or NaN
 * @param bid best bid, or NaN
 * @param ask best ask, or NaN
 * @param timestampMillis exchange or simulator time of the update, epoch milliseconds
 */
public record Quote(String symbol, double last, double bid, double ask, long timestampMillis)
    implements CborSerializable {

  /** A quote carrying only a last trade price. */
  public static Quote lastTrade(String symbol, double last, long timestampMillis) {
    return new Quote(symbol, last, Double.NaN, Double.NaN, timestampMillis);
  }

  /**
   * The price positions are marked at: the last trade when there is one, else the bid/ask mid, else NaN.
   */
  public double markPrice() {
    if (!Double.isNaN(last)) {
      return last;
    }
    if (!Double.isNaN(bid) && !Double.isNaN(ask)) {
      return (bid + ask) / 2;
    }
    return Double.NaN;
  }
}

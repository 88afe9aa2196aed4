package io.riskpulse.model.pretrade;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.portfolio.Side;

/**
 * An order to be checked before it is sent: what a trader, an algorithm or an OMS asks the risk grid about.
 * Fields are validated by the check itself, so that a malformed request gets a specific rejection.
 *
 * @param portfolioId portfolio (account) the order would trade for
 * @param strategy strategy or algorithm sending it, {@code ""} when none
 * @param clOrdId the client order id it will carry (FIX ClOrdID); a ClOrdID already used is a duplicate order
 * @param symbol instrument symbol
 * @param side buy or sell
 * @param quantity order quantity, instrument units; finite and &gt; 0
 * @param price limit price in the instrument's currency, &gt; 0; 0 for a market order, which is judged at the
 *     instrument's reference price (its mark)
 */
public record OrderRequest(String portfolioId, String strategy, String clOrdId, String symbol, Side side,
    double quantity, double price) implements CborSerializable {

  public OrderRequest {
    strategy = strategy == null ? "" : strategy;
  }

  /** Signed quantity: positive for a buy, negative for a sell; NaN without a side. */
  public double signedQuantity() {
    return side == null ? Double.NaN : side.sign() * quantity;
  }
}

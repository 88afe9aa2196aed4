package io.riskpulse.model.orderflow;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.portfolio.Side;

/**
 * One order-flow message of a portfolio, the input of order-rate, cancel-ratio and order-to-trade statistics
 * and of the order-flow detectors. Validated at the ingestion edge (see the ingestion module's validator).
 *
 * @param action new, replace, cancel or reject
 * @param portfolioId portfolio (account) the order belongs to
 * @param strategy strategy or algorithm that sent it, {@code ""} when unknown
 * @param orderId client order id of this message (ClOrdID)
 * @param origOrderId the order replaced or cancelled (OrigClOrdID), {@code ""} for new orders
 * @param symbol instrument symbol
 * @param side buy or sell
 * @param quantity order quantity in instrument units (&gt; 0 for NEW and REPLACE; 0 allowed otherwise)
 * @param price limit price in the instrument's currency (&gt; 0 for NEW and REPLACE limit orders; 0 for market
 *     orders and for cancels)
 * @param timestampMillis sender time, epoch milliseconds
 */
public record OrderEvent(
    OrderAction action,
    String portfolioId,
    String strategy,
    String orderId,
    String origOrderId,
    String symbol,
    Side side,
    double quantity,
    double price,
    long timestampMillis)
    implements CborSerializable {}

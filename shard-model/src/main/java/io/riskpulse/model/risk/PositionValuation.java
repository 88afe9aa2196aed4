package io.riskpulse.model.risk;

import io.riskpulse.model.CborSerializable;

/**
 * One position marked to market. Amounts in the instrument's price currency.
 *
 * @param symbol instrument symbol
 * @param quantity signed quantity, instrument units
 * @param averageCost average cost of the open quantity
 * @param realizedPnl realized P&amp;L
 * @param markPrice price the position was marked at
 * @param marked true when {@code markPrice} came from the market; false when no price was known and the
 *     position is carried at average cost (its unrealized P&amp;L is then 0 and not to be trusted)
 * @param notional signed market value, quantity × mark
 * @param unrealizedPnl quantity × (mark − average cost)
 * @param concentrationPct 100 × |notional| / gross exposure, 0 when the book is flat
 */
public record PositionValuation(
    String symbol,
    double quantity,
    double averageCost,
    double realizedPnl,
    double markPrice,
    boolean marked,
    double notional,
    double unrealizedPnl,
    double concentrationPct)
    implements CborSerializable {}

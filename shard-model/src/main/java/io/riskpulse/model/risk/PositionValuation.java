package io.riskpulse.model.risk;

import io.riskpulse.model.CborSerializable;

/**
 * One position marked to market. Prices are in the instrument's price currency; amounts (notional, P&amp;L) in
 * the reporting currency, converted at {@code fxRate}.
 *
 * @param symbol instrument symbol
 * @param quantity signed quantity, instrument units
 * @param averageCost average cost of the open quantity, price currency
 * @param realizedPnl realized P&amp;L, reporting currency (translated at the current rate)
 * @param markPrice price the position was marked at, price currency
 * @param marked true when {@code markPrice} came from the market; false when no price was known and the
 *     position is carried at average cost (its unrealized P&amp;L is then 0 and not to be trusted)
 * @param fxRate reporting currency per unit of price currency; NaN when no FX rate is known, which makes the
 *     amounts NaN and so breaches every limit they feed (fail closed)
 * @param notional signed market value, quantity × mark × fxRate
 * @param unrealizedPnl quantity × (mark − average cost) × fxRate
 * @param concentrationPct 100 × |notional| / gross exposure, 0 when the book is flat
 */
public record PositionValuation(
    String symbol,
    double quantity,
    double averageCost,
    double realizedPnl,
    double markPrice,
    boolean marked,
    double fxRate,
    double notional,
    double unrealizedPnl,
    double concentrationPct)
    implements CborSerializable {}

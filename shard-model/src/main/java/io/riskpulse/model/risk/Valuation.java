package io.riskpulse.model.risk;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * A portfolio marked to market at one instant. Amounts in the reporting currency.
 *
 * @param cash cash balance over all currencies, converted at current rates: initial cash minus the cost of
 *     buys plus the proceeds of sells
 * @param realizedPnl Σ realized P&amp;L of all positions
 * @param unrealizedPnl Σ unrealized P&amp;L of open positions
 * @param totalPnl realized + unrealized
 * @param grossExposure Σ |notional|
 * @param netExposure Σ notional (signed)
 * @param positions every position, open or flat, in symbol order
 * @param unmarkedCount positions carried at average cost for want of a price
 */
public record Valuation(
    double cash,
    double realizedPnl,
    double unrealizedPnl,
    double totalPnl,
    double grossExposure,
    double netExposure,
    List<PositionValuation> positions,
    int unmarkedCount)
    implements CborSerializable {}

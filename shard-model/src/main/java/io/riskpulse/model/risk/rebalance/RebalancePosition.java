package io.riskpulse.model.risk.rebalance;

/**
 * What the rebalancer needs of one position.
 *
 * @param symbol instrument symbol
 * @param quantity signed quantity, instrument units (negative = short)
 * @param unitValue reporting-currency value of one instrument unit: mark &times; FX to reporting; finite, &gt; 0
 * @param lotSize tradable increment, instrument units, &gt; 0
 * @param maxTradeQuantity most that may be traded today (participation rate &times; ADV), instrument units;
 *     {@code Double.POSITIVE_INFINITY} when there is no liquidity bound; NaN when the ADV is unknown, which the
 *     rebalancer treats as "do not trade it" (fail closed: it cannot know the order is liquid)
 */
public record RebalancePosition(String symbol, double quantity, double unitValue, double lotSize,
    double maxTradeQuantity) {}

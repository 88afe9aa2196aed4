package io.riskpulse.model.risk.rebalance;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.portfolio.Side;

/**
 * One order of a rebalance plan: reduce (never increase, never flip) the position in one instrument.
 *
 * @param symbol instrument symbol
 * @param side sell to reduce a long, buy to reduce a short
 * @param quantity instrument units, &gt; 0 and at most the absolute position: a whole number of lots, or the whole
 *     position when the order closes it (odd lot included)
 * @param notional quantity &times; mark &times; FX, reporting currency, &ge; 0
 */
public record RebalanceOrder(String symbol, Side side, double quantity, double notional) implements CborSerializable {}

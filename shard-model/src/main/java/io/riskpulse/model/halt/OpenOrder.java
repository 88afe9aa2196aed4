package io.riskpulse.model.halt;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.portfolio.Side;

/**
 * A working order known to the risk grid from the order flow, as an OMS needs it to cancel that one order
 * (FIX OrderCancelRequest 35=F) when it cannot mass-cancel.
 *
 * @param clOrdId the order's current ClOrdID (after any replace)
 * @param account the portfolio (FIX Account, tag 1)
 * @param strategy the strategy that sent it, {@code ""} when unknown
 * @param symbol instrument symbol (tag 55)
 * @param side buy or sell (tag 54)
 * @param quantity order quantity, instrument units (tag 38)
 */
public record OpenOrder(String clOrdId, String account, String strategy, String symbol, Side side, double quantity)
    implements CborSerializable {}

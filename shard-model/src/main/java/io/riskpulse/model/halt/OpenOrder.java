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
 * @param filledQuantity filled so far, instrument units, as far as fills naming this ClOrdID (or the one it
 *     replaced) have said; below {@code quantity} while the order is open
 */
public record OpenOrder(String clOrdId, String account, String strategy, String symbol, Side side, double quantity,
    double filledQuantity)
    implements CborSerializable {

  /** An order nothing has been filled of. */
  public OpenOrder(String clOrdId, String account, String strategy, String symbol, Side side, double quantity) {
    this(clOrdId, account, strategy, symbol, side, quantity, 0);
  }

  /** This order with order quantity {@code newQuantity}, the same fills. */
  public OpenOrder withQuantity(double newQuantity) {
    return new OpenOrder(clOrdId, account, strategy, symbol, side, newQuantity, filledQuantity);
  }

  /** This order with {@code filled} filled so far. */
  public OpenOrder withFilledQuantity(double filled) {
    return new OpenOrder(clOrdId, account, strategy, symbol, side, quantity, filled);
  }

  /** The order that replaces this one (FIX 35=G): a new ClOrdID and quantity, the fills so far carried over. */
  public OpenOrder replacedBy(String newClOrdId, double newQuantity) {
    return new OpenOrder(newClOrdId, account, strategy, symbol, side, newQuantity, filledQuantity);
  }

  /** What is left to fill, instrument units (FIX LeavesQty as the order flow knows it). */
  public double leavesQuantity() {
    return Math.max(0, quantity - filledQuantity);
  }
}

package io.riskpulse.model.portfolio;

import io.riskpulse.model.CborSerializable;

/**
 * The position in one instrument. Immutable; {@link #apply} returns the position after a fill.
 *
 * <p>Average-cost accounting: adding to a position moves the average cost to the quantity-weighted mean;
 * reducing it realizes {@code closedQuantity × (price − averageCost)} (sign-adjusted for shorts) and keeps the
 * average cost; crossing through zero realizes the closed part and opens the remainder at the fill price.
 *
 * @param symbol instrument symbol
 * @param quantity signed quantity in instrument units (negative = short)
 * @param averageCost average cost of the open quantity, price currency; 0 when flat
 * @param realizedPnl P&amp;L realized by reducing trades since the portfolio opened, price currency
 */
public record Position(String symbol, double quantity, double averageCost, double realizedPnl)
    implements CborSerializable {

  /** Relative size below which a resulting quantity counts as flat (rounding of fractional lots). */
  static final double FLAT_TOLERANCE = 1e-9;

  /** A flat position. */
  public static Position flat(String symbol) {
    return new Position(symbol, 0, 0, 0);
  }

  /**
   * The position after a fill.
   *
   * @param signedQuantity positive to buy, negative to sell; non-zero
   * @param price fill price
   */
  public Position apply(double signedQuantity, double price) {
    double newQuantity = quantity + signedQuantity;
    // Binary fractions (0.1 + 0.2 - 0.3) must still come back to flat.
    if (Math.abs(newQuantity) <= FLAT_TOLERANCE * Math.max(Math.abs(quantity), Math.abs(signedQuantity))) {
      newQuantity = 0;
      signedQuantity = -quantity;
    }
    if (quantity == 0 || Math.signum(quantity) == Math.signum(signedQuantity)) {
      double cost = (quantity * averageCost + signedQuantity * price) / newQuantity;
      return new Position(symbol, newQuantity, cost, realizedPnl);
    }
    double closed = Math.min(Math.abs(signedQuantity), Math.abs(quantity));
    double realized = realizedPnl + closed * (price - averageCost) * Math.signum(quantity);
    if (Math.abs(signedQuantity) < Math.abs(quantity)) {
      return new Position(symbol, newQuantity, averageCost, realized);
    }
    if (Math.abs(signedQuantity) == Math.abs(quantity)) {
      return new Position(symbol, 0, 0, realized);
    }
    return new Position(symbol, newQuantity, price, realized);
  }

  /** Unrealized P&amp;L at a mark price, price currency. */
  public double unrealizedPnl(double markPrice) {
    return quantity == 0 ? 0 : quantity * (markPrice - averageCost);
  }
}

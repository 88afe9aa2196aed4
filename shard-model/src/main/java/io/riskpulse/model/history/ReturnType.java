package io.riskpulse.model.history;

/**
 * How the daily move of one instrument is measured, and therefore how a historical scenario shocks today's
 * price. Chosen per instrument and per window by {@link PriceHistory#returnType}.
 *
 * <p>{@link #RELATIVE} is the default: a move is a fraction of the previous price and a scenario moves today's
 * price by the same fraction, which keeps a 500-day window comparable when prices drift. It is meaningless as
 * soon as a price in the window is zero or negative (WTI crude settled at -37.63 on 2020-04-20: its return that
 * day was -306%, the next day -127%), so such an instrument uses {@link #ABSOLUTE} moves for that window: a
 * scenario then moves today's price by the same amount of currency per unit.
 *
 * <p>The choice is made from the history in the window, not from today's price. Absolute moves are level-blind: a
 * -55.63 USD move recorded when crude traded at 18 is replayed in full at whatever today's price is, which makes
 * such a window's tail heavy. A relative instrument whose live price turns non-positive gets {@code P * r} of
 * the wrong sign until its scenarios are rebuilt with a window that contains that price.
 */
public enum ReturnType {

  /** {@code r_t = P_t / P_{t-1} - 1}, dimensionless; P&amp;L per unit in a scenario = {@code P * r}. */
  RELATIVE {
    @Override
    public double move(double previousPrice, double price) {
      return price / previousPrice - 1;
    }

    @Override
    public double pnlPerUnitOfShock(double currentPrice) {
      return currentPrice;
    }
  },

  /** {@code dP_t = P_t - P_{t-1}}, price currency per unit; P&amp;L per unit in a scenario = {@code dP}. */
  ABSOLUTE {
    @Override
    public double move(double previousPrice, double price) {
      return price - previousPrice;
    }

    @Override
    public double pnlPerUnitOfShock(double currentPrice) {
      return 1;
    }
  };

  /** The move from {@code previousPrice} to {@code price} (same day-over-day convention for both types). */
  public abstract double move(double previousPrice, double price);

  /**
   * The P&amp;L of one unit of the instrument per unit of shock at {@code currentPrice}: the price itself for a
   * relative shock ({@code P * r}), 1 for an absolute one ({@code dP}). Multiplied by a quantity this is the
   * position's sensitivity to its risk factor, the weight used by delta-normal VaR.
   */
  public abstract double pnlPerUnitOfShock(double currentPrice);
}

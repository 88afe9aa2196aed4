package io.riskpulse.model.risk;

import io.riskpulse.model.portfolio.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks positions to market and aggregates P&amp;L and exposures. Pure and stateless; O(positions).
 *
 * <p>A position without a known price is carried at its average cost (unrealized P&amp;L 0) and counted in
 * {@link Valuation#unmarkedCount()} so callers can tell a flat P&amp;L from a blind one.
 */
public final class PortfolioValuer {

  private PortfolioValuer() {}

  /**
   * Values positions against prices.
   *
   * @param positions positions in the order they should be reported
   * @param cash cash balance
   * @param prices mark prices
   */
  public static Valuation value(Iterable<Position> positions, double cash, PriceSource prices) {
    double realized = 0;
    double unrealized = 0;
    double gross = 0;
    double net = 0;
    int unmarked = 0;
    List<double[]> marks = new ArrayList<>();
    List<Position> ordered = new ArrayList<>();
    for (Position position : positions) {
      double mark = prices.markPrice(position.symbol());
      boolean marked = !Double.isNaN(mark);
      if (!marked) {
        mark = position.averageCost();
        if (position.quantity() != 0) {
          unmarked++;
        }
      }
      double notional = position.quantity() * mark;
      double positionUnrealized = position.unrealizedPnl(mark);
      realized += position.realizedPnl();
      unrealized += positionUnrealized;
      gross += Math.abs(notional);
      net += notional;
      marks.add(new double[] {mark, marked ? 1 : 0, notional, positionUnrealized});
      ordered.add(position);
    }
    List<PositionValuation> valued = new ArrayList<>(ordered.size());
    for (int i = 0; i < ordered.size(); i++) {
      Position position = ordered.get(i);
      double[] m = marks.get(i);
      double concentration = gross > 0 ? 100 * Math.abs(m[2]) / gross : 0;
      valued.add(
          new PositionValuation(
              position.symbol(),
              position.quantity(),
              position.averageCost(),
              position.realizedPnl(),
              m[0],
              m[1] == 1,
              m[2],
              m[3],
              concentration));
    }
    return new Valuation(
        cash, realized, unrealized, realized + unrealized, gross, net, List.copyOf(valued), unmarked);
  }
}

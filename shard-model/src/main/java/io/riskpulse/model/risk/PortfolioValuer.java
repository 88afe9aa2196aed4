package io.riskpulse.model.risk;

import io.riskpulse.model.portfolio.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Marks positions to market, converts them into the reporting currency and aggregates P&amp;L and exposures.
 * Pure and stateless; O(positions).
 *
 * <p>A position without a known price is carried at its average cost (unrealized P&amp;L 0) and counted in
 * {@link Valuation#unmarkedCount()} so callers can tell a flat P&amp;L from a blind one. A position whose
 * currency has no FX rate gets NaN amounts, which propagate to the totals: limits judged on them breach.
 */
public final class PortfolioValuer {

  private PortfolioValuer() {}

  /**
   * Values positions against prices, with cash already in the reporting currency.
   *
   * @param positions positions in the order they should be reported
   * @param cash cash balance, reporting currency
   * @param prices mark prices and FX rates
   */
  public static Valuation value(Iterable<Position> positions, double cash, PriceSource prices) {
    List<PositionValuation> marked = new ArrayList<>();
    double realized = 0;
    double unrealized = 0;
    double gross = 0;
    double net = 0;
    int unmarked = 0;
    for (Position position : positions) {
      PositionValuation valued = mark(position, prices);
      if (!valued.marked() && position.quantity() != 0) {
        unmarked++;
      }
      realized += valued.realizedPnl();
      unrealized += valued.unrealizedPnl();
      gross += Math.abs(valued.notional());
      net += valued.notional();
      marked.add(valued);
    }
    List<PositionValuation> withConcentration = new ArrayList<>(marked.size());
    for (PositionValuation p : marked) {
      double concentration = gross > 0 ? 100 * Math.abs(p.notional()) / gross : 0;
      withConcentration.add(new PositionValuation(p.symbol(), p.quantity(), p.averageCost(), p.realizedPnl(),
          p.markPrice(), p.marked(), p.fxRate(), p.notional(), p.unrealizedPnl(), concentration));
    }
    return new Valuation(cash, realized, unrealized, realized + unrealized, gross, net,
        List.copyOf(withConcentration), unmarked);
  }

  /**
   * Values positions against prices, converting cash held per currency at current rates.
   *
   * @param cashByCurrency cash balance per ISO currency
   */
  public static Valuation value(
      Iterable<Position> positions, Map<String, Double> cashByCurrency, PriceSource prices) {
    double cash = 0;
    for (Map.Entry<String, Double> entry : cashByCurrency.entrySet()) {
      cash += entry.getValue() * prices.currencyToReporting(entry.getKey());
    }
    return value(positions, cash, prices);
  }

  /** One position marked and converted; concentration is filled in once the gross is known. */
  private static PositionValuation mark(Position position, PriceSource prices) {
    double mark = prices.markPrice(position.symbol());
    boolean marked = !Double.isNaN(mark);
    if (!marked) {
      mark = position.averageCost();
    }
    // A flat position with nothing realized contributes nothing, whatever its currency.
    boolean empty = position.quantity() == 0 && position.realizedPnl() == 0;
    double fx = empty ? 1 : prices.fxToReporting(position.symbol());
    return new PositionValuation(position.symbol(), position.quantity(), position.averageCost(),
        position.realizedPnl() * fx, mark, marked, fx, position.quantity() * mark * fx,
        position.unrealizedPnl(mark) * fx, 0);
  }
}

package io.riskpulse.ingestion.sim.scenario;

import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Side;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A market maker: a Poisson number of new orders a second (mean {@value #ORDERS_PER_SECOND}) on a random
 * instrument and side, at the touch, of log-normal notional (median {@value #MEDIAN_NOTIONAL}, price currency); {@value
 * #CANCEL_SHARE} of them cancelled 100-1000 ms later, the rest filled at their price within 50-2000 ms. Fills
 * go both ways, so its position wanders around zero.
 */
final class MarketMakerFlow implements SimulatedStrategy {

  static final String NAME = "mm";
  static final double ORDERS_PER_SECOND = 3;
  static final double MEDIAN_NOTIONAL = 20_000;
  static final double CANCEL_SHARE = 0.85;

  private final String portfolio;
  private final List<String> symbols;
  private final RandomGenerator random;

  MarketMakerFlow(String portfolio, List<String> symbols, RandomGenerator random) {
    this.portfolio = portfolio;
    this.symbols = symbols;
    this.random = random;
  }

  @Override
  public void onSecond(long t0, Map<String, Quote> quotes, OrderSink sink) {
    int orders = Draws.poisson(random, ORDERS_PER_SECOND);
    for (int i = 0; i < orders; i++) {
      String symbol = symbols.get(random.nextInt(symbols.size()));
      Quote quote = quotes.get(symbol);
      Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
      double price = side == Side.BUY ? quote.bid() : quote.ask();
      double quantity = Draws.units(Draws.logNormal(random, MEDIAN_NOTIONAL, 0.5), price);
      long at = t0 + Draws.uniformLong(random, 0, 999);
      String id = sink.newOrder(at, portfolio, NAME, symbol, side, quantity, price);
      if (random.nextDouble() < CANCEL_SHARE) {
        sink.cancel(at + Draws.uniformLong(random, 100, 1000), portfolio, NAME, id, symbol, side);
      } else {
        sink.fill(at + Draws.uniformLong(random, 50, 2000), portfolio, NAME, symbol, side, quantity, price);
      }
    }
  }
}

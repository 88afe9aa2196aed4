package io.riskpulse.ingestion.sim.scenario;

import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Side;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A fat finger: at the onset one order of {@value #SIZE_MULTIPLE} times the strategy's median notional, limit 3%
 * through the mid, filled in full 100-400 ms later 1.5-3% through the mid (it swept the book).
 */
final class FatFingerOrder implements SimulatedStrategy {

  static final double SIZE_MULTIPLE = 100;
  /** The latest the fill comes after the order, milliseconds. */
  static final long FILL_DELAY_MILLIS = 400;

  private final String portfolio;
  private final String strategy;
  private final String symbol;
  private final long startMillis;
  private final double medianNotional;
  private final RandomGenerator random;

  FatFingerOrder(String portfolio, String strategy, String symbol, long startMillis, double medianNotional,
      RandomGenerator random) {
    this.portfolio = portfolio;
    this.strategy = strategy;
    this.symbol = symbol;
    this.startMillis = startMillis;
    this.medianNotional = medianNotional;
    this.random = random;
  }

  @Override
  public void onSecond(long t0, Map<String, Quote> quotes, OrderSink sink) {
    if (startMillis < t0 || startMillis >= t0 + 1000) {
      return;
    }
    Quote quote = quotes.get(symbol);
    double mid = (quote.bid() + quote.ask()) / 2;
    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
    double sign = side == Side.BUY ? 1 : -1;
    double quantity = Draws.units(medianNotional * SIZE_MULTIPLE, mid);
    sink.newOrder(startMillis, portfolio, strategy, symbol, side, quantity, mid * (1 + sign * 0.03));
    double through = Draws.uniform(random, 0.015, 0.03);
    sink.fill(startMillis + Draws.uniformLong(random, 100, FILL_DELAY_MILLIS), portfolio, strategy, symbol, side,
        quantity, mid * (1 + sign * through));
  }
}

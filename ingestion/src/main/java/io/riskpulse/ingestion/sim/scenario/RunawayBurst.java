package io.riskpulse.ingestion.sim.scenario;

import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Side;
import java.util.Arrays;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A runaway algorithm: from the onset, for {@code durationMillis}, the strategy sends a Poisson number of new
 * orders a second (mean {@code ordersPerSecond}, tens), all on one side across the spread, of its usual notional;
 * {@value #FILL_SHARE} of them fill 50-300 ms later at the far touch (one-way fills), the rest are cancelled
 * 300-2000 ms later. The first order is sent exactly at the onset.
 */
final class RunawayBurst implements SimulatedStrategy {

  static final double FILL_SHARE = 0.6;
  /** The latest a message of the burst comes after its last order, milliseconds. */
  static final long TAIL_MILLIS = 2000;

  private final String portfolio;
  private final String strategy;
  private final String symbol;
  private final long startMillis;
  private final long durationMillis;
  private final double ordersPerSecond;
  private final double medianNotional;
  private final Side side;
  private final RandomGenerator random;

  RunawayBurst(String portfolio, String strategy, String symbol, long startMillis, long durationMillis,
      double ordersPerSecond, double medianNotional, RandomGenerator random) {
    this.portfolio = portfolio;
    this.strategy = strategy;
    this.symbol = symbol;
    this.startMillis = startMillis;
    this.durationMillis = durationMillis;
    this.ordersPerSecond = ordersPerSecond;
    this.medianNotional = medianNotional;
    this.random = random;
    this.side = random.nextBoolean() ? Side.BUY : Side.SELL;
  }

  /** The last message's time at the latest, epoch milliseconds. */
  long endMillis() {
    return startMillis + durationMillis + TAIL_MILLIS;
  }

  @Override
  public void onSecond(long t0, Map<String, Quote> quotes, OrderSink sink) {
    long from = Math.max(t0, startMillis);
    long to = Math.min(t0 + 1000, startMillis + durationMillis);
    if (from >= to) {
      return;
    }
    int orders = Draws.poisson(random, ordersPerSecond * (to - from) / 1000.0);
    boolean first = from == startMillis;
    long[] times = new long[orders + (first ? 1 : 0)];
    for (int i = 0; i < orders; i++) {
      times[i] = Draws.uniformLong(random, from, to - 1);
    }
    if (first) {
      times[orders] = startMillis;
    }
    Arrays.sort(times);
    Quote quote = quotes.get(symbol);
    double price = side == Side.BUY ? quote.ask() : quote.bid();
    for (long at : times) {
      double quantity = Draws.units(Draws.logNormal(random, medianNotional, 0.4), price);
      String id = sink.newOrder(at, portfolio, strategy, symbol, side, quantity, price);
      if (random.nextDouble() < FILL_SHARE) {
        sink.fill(at + Draws.uniformLong(random, 50, 300), portfolio, strategy, symbol, side, quantity, price);
      } else {
        sink.cancel(at + Draws.uniformLong(random, 300, TAIL_MILLIS), portfolio, strategy, id, symbol, side);
      }
    }
  }
}

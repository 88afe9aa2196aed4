package io.riskpulse.ingestion.sim.scenario;

import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Side;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Layering (spoofing-like): cycles starting at the given times, each 15-25 orders on the spoofed side 2-6 basis
 * points away from the touch (about 50,000 each, price currency), a few milliseconds apart, each cancelled
 * 50-200 ms after it was sent; then a genuine order on the other side, sent with the first layer and filled at the
 * far touch 20-100 ms after the last cancel. The first layer order of the first cycle is sent exactly at the onset.
 */
final class LayeringBurst implements SimulatedStrategy {

  /** The latest a cycle's last message comes after its start, milliseconds. */
  static final long CYCLE_MILLIS = 25 * 8 + 200 + 100 + 1;

  private final String portfolio;
  private final String strategy;
  private final String symbol;
  private final List<Long> cycleStarts;
  private final Side spoofed;
  private final RandomGenerator random;

  LayeringBurst(String portfolio, String strategy, String symbol, List<Long> cycleStarts, RandomGenerator random) {
    this.portfolio = portfolio;
    this.strategy = strategy;
    this.symbol = symbol;
    this.cycleStarts = List.copyOf(cycleStarts);
    this.random = random;
    this.spoofed = random.nextBoolean() ? Side.BUY : Side.SELL;
  }

  @Override
  public void onSecond(long t0, Map<String, Quote> quotes, OrderSink sink) {
    for (long start : cycleStarts) {
      if (start >= t0 && start < t0 + 1000) {
        cycle(start, quotes.get(symbol), sink);
      }
    }
  }

  private void cycle(long start, Quote quote, OrderSink sink) {
    Side genuine = spoofed == Side.BUY ? Side.SELL : Side.BUY;
    double touch = spoofed == Side.BUY ? quote.bid() : quote.ask();
    double sign = spoofed == Side.BUY ? -1 : 1;
    int layers = 15 + random.nextInt(11);
    long at = start;
    long lastCancel = start;
    for (int i = 0; i < layers; i++) {
      double price = touch * (1 + sign * Draws.uniform(random, 2, 6) * 1e-4);
      double quantity = Draws.units(Draws.logNormal(random, 50_000, 0.3), price);
      String id = sink.newOrder(at, portfolio, strategy, symbol, spoofed, quantity, price);
      long cancel = at + Draws.uniformLong(random, 50, 200);
      sink.cancel(cancel, portfolio, strategy, id, symbol, spoofed);
      lastCancel = Math.max(lastCancel, cancel);
      at += Draws.uniformLong(random, 2, 8);
    }
    double price = genuine == Side.BUY ? quote.ask() : quote.bid();
    double quantity = Draws.units(Draws.logNormal(random, 30_000, 0.3), price);
    sink.newOrder(start + 1, portfolio, strategy, symbol, genuine, quantity, price);
    sink.fill(lastCancel + Draws.uniformLong(random, 20, 100), portfolio, strategy, symbol, genuine, quantity, price);
  }
}

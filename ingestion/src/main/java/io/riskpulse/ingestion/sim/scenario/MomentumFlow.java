package io.riskpulse.ingestion.sim.scenario;

import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Side;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A slow momentum strategy: in a second with probability {@value #TRADE_PROBABILITY} (about once a minute) it
 * buys an instrument whose mid rose over the last {@value #LOOKBACK_SECONDS} seconds, or sells one that fell: one
 * order of log-normal notional (median {@value #MEDIAN_NOTIONAL}, price currency) across the spread, filled in
 * one to three pieces within a second at the far touch.
 */
final class MomentumFlow implements SimulatedStrategy {

  static final String NAME = "momentum";
  static final double TRADE_PROBABILITY = 1.0 / 60;
  static final int LOOKBACK_SECONDS = 300;
  static final double MEDIAN_NOTIONAL = 100_000;

  private final String portfolio;
  private final List<String> symbols;
  private final RandomGenerator random;
  private final Map<String, double[]> mids = new HashMap<>();
  private int second;

  MomentumFlow(String portfolio, List<String> symbols, RandomGenerator random) {
    this.portfolio = portfolio;
    this.symbols = symbols;
    this.random = random;
    for (String symbol : symbols) {
      mids.put(symbol, new double[LOOKBACK_SECONDS]);
    }
  }

  @Override
  public void onSecond(long t0, Map<String, Quote> quotes, OrderSink sink) {
    int slot = second % LOOKBACK_SECONDS;
    boolean lookedBackFully = second >= LOOKBACK_SECONDS;
    String symbol = symbols.get(random.nextInt(symbols.size()));
    double past = mids.get(symbol)[slot];
    for (String s : symbols) {
      Quote q = quotes.get(s);
      mids.get(s)[slot] = (q.bid() + q.ask()) / 2;
    }
    second++;
    if (!lookedBackFully || random.nextDouble() >= TRADE_PROBABILITY) {
      return;
    }
    Quote quote = quotes.get(symbol);
    double mid = (quote.bid() + quote.ask()) / 2;
    Side side = mid >= past ? Side.BUY : Side.SELL;
    double price = side == Side.BUY ? quote.ask() : quote.bid();
    double quantity = Draws.units(Draws.logNormal(random, MEDIAN_NOTIONAL, 0.4), price);
    long at = t0 + Draws.uniformLong(random, 0, 999);
    sink.newOrder(at, portfolio, NAME, symbol, side, quantity, price);
    int pieces = 1 + random.nextInt(3);
    double left = quantity;
    for (int p = 0; p < pieces; p++) {
      double piece = p == pieces - 1 ? left : Math.max(1, Math.floor(quantity / pieces));
      piece = Math.min(piece, left);
      if (piece <= 0) {
        break;
      }
      left -= piece;
      sink.fill(at + Draws.uniformLong(random, 20, 900), portfolio, NAME, symbol, side, piece, price);
    }
  }
}

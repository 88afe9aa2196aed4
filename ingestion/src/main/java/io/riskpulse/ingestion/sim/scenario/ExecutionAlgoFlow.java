package io.riskpulse.ingestion.sim.scenario;

import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Side;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * An execution algorithm working one parent order all day: a child order in a second with probability
 * {@value #CHILD_PROBABILITY} (one every five seconds on average), of log-normal notional (median {@value
 * #MEDIAN_NOTIONAL}, price currency), sent across the spread and filled in full 100-600 ms later at the far
 * touch. Its fills all go the parent's way.
 */
final class ExecutionAlgoFlow implements SimulatedStrategy {

  static final String NAME = "vwap";
  static final double CHILD_PROBABILITY = 0.2;
  static final double MEDIAN_NOTIONAL = 30_000;

  private final String portfolio;
  private final String symbol;
  private final Side side;
  private final RandomGenerator random;

  ExecutionAlgoFlow(String portfolio, String symbol, RandomGenerator random) {
    this.portfolio = portfolio;
    this.symbol = symbol;
    this.random = random;
    this.side = random.nextBoolean() ? Side.BUY : Side.SELL;
  }

  String symbol() {
    return symbol;
  }

  @Override
  public void onSecond(long t0, Map<String, Quote> quotes, OrderSink sink) {
    if (random.nextDouble() >= CHILD_PROBABILITY) {
      return;
    }
    Quote quote = quotes.get(symbol);
    double price = side == Side.BUY ? quote.ask() : quote.bid();
    double quantity = Draws.units(Draws.logNormal(random, MEDIAN_NOTIONAL, 0.4), price);
    long at = t0 + Draws.uniformLong(random, 0, 999);
    sink.newOrder(at, portfolio, NAME, symbol, side, quantity, price);
    sink.fill(at + Draws.uniformLong(random, 100, 600), portfolio, NAME, symbol, side, quantity, price);
  }
}

package io.riskpulse.ingestion.sim.scenario;

import io.riskpulse.model.market.Quote;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One instrument's market data around its mid, one second at a time: a quote, a five-level book and the trades of
 * the second.
 *
 * <ul>
 *   <li>Quote: bid and ask at {@code mid ∓ mid·spreadBp/2·10⁻⁴·e^{0.15 z}} (times the stress's spread factor).
 *   <li>Book: {@value #LEVELS} levels a side, one basis point of the mid apart from the touch outwards,
 *       quantity {@code depth·(1 + 0.3·level)·e^{0.3 z}} (depth: 150,000-400,000 of notional per level at the
 *       open, in instrument units; times the stress's depth factor).
 *   <li>Trades: a Poisson count of mean {@code tradesPerSecond} (times the stress's volume factor), log-normal
 *       notionals (median {@value #MEDIAN_TRADE_NOTIONAL} at the open price, log σ {@value
 *       #TRADE_SIGMA}), in instrument units, at uniform milliseconds within
 *       the second; buys at the ask with probability 0.7 after an up-tick of the mid, 0.3 after a down-tick, 0.5
 *       otherwise (the tick rule with noise), or with the stress's sell share when disturbed.
 * </ul>
 *
 * <p>During a feed gap nothing is emitted; a crossed feed adds crossed quotes (bid above ask) within the second.
 *
 * <p>Its average daily volume is what its tape trades in a full session at the undisturbed rate. Confined to
 * one thread.
 */
final class SyntheticTape {

  static final int LEVELS = 5;
  static final double MEDIAN_TRADE_NOTIONAL = 20_000;
  static final double TRADE_SIGMA = 0.9;

  private final String symbol;
  private final RandomGenerator random;
  private final double spreadBp;
  private final double depthPerLevel;
  private final double tradesPerSecond;
  private final double medianTrade;
  private double previousMid = Double.NaN;
  private double lastTrade = Double.NaN;

  /** @param openPrice the day's open, price currency: sizes and depths are set in money at it */
  SyntheticTape(String symbol, double openPrice, RandomGenerator random) {
    this.symbol = symbol;
    this.random = random;
    this.spreadBp = Draws.uniform(random, 2, 5);
    this.depthPerLevel = Draws.uniform(random, 150_000, 400_000) / openPrice;
    this.tradesPerSecond = Draws.uniform(random, 3, 6);
    this.medianTrade = MEDIAN_TRADE_NOTIONAL / openPrice;
  }

  /** Instrument units the tape trades in a full undisturbed session. */
  double averageDailyVolume() {
    return tradesPerSecond * medianTrade * Math.exp(TRADE_SIGMA * TRADE_SIGMA / 2)
        * ScenarioSettings.FULL_SESSION_SECONDS;
  }

  /** The instrument's normal relative spread, basis points. */
  double spreadBp() {
    return spreadBp;
  }

  /**
   * Emits the second starting at {@code t0}: the quote and book at {@code t0}, then the trades.
   *
   * @param mid the mid of the second (already disturbed by the stress), price currency
   * @return the quote
   */
  Quote second(long t0, double mid, MarketStress stress, Consumer<ScenarioEvent> out) {
    double half = mid * spreadBp / 2e4 * Math.exp(0.15 * random.nextGaussian()) * stress.spreadFactor(symbol, t0);
    double bid = mid - half;
    double ask = mid + half;
    Quote quote = new Quote(symbol, Double.isNaN(lastTrade) ? mid : lastTrade, bid, ask, t0);
    if (stress.silent(symbol, t0)) {
      previousMid = mid;
      return quote; // the market goes on, its feed says nothing
    }
    out.accept(new ScenarioEvent.QuoteUpdate(quote));
    int crossed = stress.crossedQuotes(symbol, t0);
    for (int k = 0; k < crossed; k++) {
      // Bid and ask swapped, a little apart: what a broken feed handler sends.
      out.accept(new ScenarioEvent.QuoteUpdate(new Quote(symbol, Double.NaN, ask + half, bid - half,
          t0 + 1 + (long) k * 997 / Math.max(1, crossed))));
    }
    double step = mid * 1e-4 * stress.spreadFactor(symbol, t0);
    double depth = depthPerLevel * stress.depthFactor(symbol, t0);
    double[] bidPrices = new double[LEVELS];
    double[] askPrices = new double[LEVELS];
    double[] bidQuantities = new double[LEVELS];
    double[] askQuantities = new double[LEVELS];
    for (int level = 0; level < LEVELS; level++) {
      bidPrices[level] = bid - level * step;
      askPrices[level] = ask + level * step;
      bidQuantities[level] = Math.max(1, Math.round(depth * (1 + 0.3 * level) * Math.exp(0.3 * random.nextGaussian())));
      askQuantities[level] = Math.max(1, Math.round(depth * (1 + 0.3 * level) * Math.exp(0.3 * random.nextGaussian())));
    }
    out.accept(new ScenarioEvent.BookUpdate(symbol, bidPrices, bidQuantities, askPrices, askQuantities, t0));
    int trades = Draws.poisson(random, tradesPerSecond * stress.volumeFactor(symbol, t0));
    long[] times = new long[trades];
    for (int i = 0; i < trades; i++) {
      times[i] = t0 + Draws.uniformLong(random, 1, 999);
    }
    Arrays.sort(times);
    double sellShare = stress.sellShare(symbol, t0);
    double buyProbability = !Double.isNaN(sellShare) ? 1 - sellShare
        : Double.isNaN(previousMid) || mid == previousMid ? 0.5 : mid > previousMid ? 0.7 : 0.3;
    for (long time : times) {
      boolean buy = random.nextDouble() < buyProbability;
      double size = Math.max(1, Math.round(Draws.logNormal(random, medianTrade, TRADE_SIGMA)));
      lastTrade = buy ? ask : bid;
      out.accept(new ScenarioEvent.Trade(symbol, lastTrade, size, time));
    }
    previousMid = mid;
    return quote;
  }
}

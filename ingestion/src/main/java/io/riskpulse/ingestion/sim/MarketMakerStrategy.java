package io.riskpulse.ingestion.sim;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A market maker: it quotes both sides of every instrument and is filled by simulated client flow, buying at
 * the bid and selling at the ask (it earns the spread, so unlike the taker strategies it does not pay the ask
 * to buy).
 *
 * <p>Client flow per instrument and fresh quote: with probability {@code fillProbability} one client order
 * arrives, of 1 to {@code clip} lots (uniform). The client sells to us (we buy) with probability
 * {@code 0.5 - 0.4 × position / maxPosition}, so inventory is skewed back towards flat, and a fill that would
 * take |position| beyond {@code maxClips} clips is not accepted. Seeded ({@link SplittableRandom}), so the flow
 * is reproducible; not thread-safe.
 */
public final class MarketMakerStrategy extends BookStrategy {

  /** Name reported in executions. */
  public static final String NAME = "market-maker";

  private final double fillProbability;
  private final SplittableRandom random;

  /**
   * @param portfolioId portfolio the fills belong to
   * @param instruments instruments it makes markets in
   * @param reference quotes fixing each instrument's clip size, FX pairs included; instruments without a quote
   *     or an FX rate to USD among them are not traded
   * @param clipNotional notional of the largest client order in USD, converted with the reference FX pairs
   *     (at least one lot)
   * @param maxClips largest |inventory| per instrument, in clips
   * @param fillProbability chance of a client order per instrument and step, in (0, 1]
   * @param seed seed of the client flow
   */
  public MarketMakerStrategy(String portfolioId, List<Instrument> instruments, Map<String, Quote> reference,
      double clipNotional, int maxClips, double fillProbability, long seed) {
    super(NAME, portfolioId, instruments, reference, clipNotional, maxClips);
    if (!(fillProbability > 0 && fillProbability <= 1)) {
      throw new IllegalArgumentException("fillProbability must be in (0, 1], was " + fillProbability);
    }
    this.fillProbability = fillProbability;
    this.random = new SplittableRandom(seed);
  }

  @Override
  Execution onQuote(long step, int i, Quote quote) {
    StrategyBook book = book();
    // Draw for every instrument, traded or not, so one instrument's history never shifts another's flow.
    double arrival = random.nextDouble();
    double direction = random.nextDouble();
    long lots = 1 + random.nextLong(book.clipLots(i));
    if (quote == null || arrival >= fillProbability) {
      return null;
    }
    double skew = (double) book.positionLots(i) / book.maxLots(i);
    Side side = direction < 0.5 - 0.4 * skew ? Side.BUY : Side.SELL;
    long after = book.positionLots(i) + (side == Side.BUY ? lots : -lots);
    if (Math.abs(after) > book.maxLots(i)) {
      return null;
    }
    return book.fill(step, i, side, lots, StrategyBook.makerPrice(quote, side), quote.timestampMillis());
  }
}

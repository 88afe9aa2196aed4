package io.riskpulse.ingestion.sim;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Base of the strategies that size, track and record their fills with a {@link StrategyBook}: it runs the step
 * (checks that the step increases, offers each traded instrument's fresh quote to {@link #onQuote}, collects the
 * fills), so that a subclass holds only its decision rule. Not thread-safe, like every strategy.
 */
abstract class BookStrategy implements TradingStrategy {

  private final StrategyBook book;

  /**
   * @param name name reported in executions
   * @param portfolioId portfolio the fills belong to
   * @param instruments instruments it may trade
   * @param reference quotes fixing each instrument's clip size, FX pairs included; instruments without a quote
   *     or an FX rate to USD among them are not traded
   * @param clipNotional notional of one clip in USD, converted with the reference FX pairs (at least one lot)
   * @param maxClips largest |position| per instrument, in clips
   */
  BookStrategy(String name, String portfolioId, List<Instrument> instruments, Map<String, Quote> reference,
      double clipNotional, int maxClips) {
    this.book = new StrategyBook(portfolioId, name, instruments, reference, clipNotional, maxClips);
  }

  @Override
  public final String name() {
    return book.strategyName();
  }

  @Override
  public final String portfolioId() {
    return book.portfolioId();
  }

  final StrategyBook book() {
    return book;
  }

  @Override
  public final List<Execution> onQuotes(long step, Map<String, Quote> latest) {
    book.beginStep(step);
    List<Execution> fills = new ArrayList<>(2);
    for (int i = 0; i < book.size(); i++) {
      Execution fill = onQuote(step, i, book.freshQuote(i, latest));
      if (fill != null) {
        fills.add(fill);
      }
    }
    return fills;
  }

  /**
   * The decision rule for traded instrument {@code i} (index in the {@link #book()}) at this step. Called for
   * every instrument at every step, in index order, so that a rule drawing random numbers stays reproducible.
   *
   * @param quote the instrument's {@link StrategyBook#freshQuote fresh quote}, {@code null} when there is none
   * @return the fill obtained, from {@link StrategyBook#fill} or {@link StrategyBook#moveTowards}, or
   *     {@code null}
   */
  abstract Execution onQuote(long step, int i, Quote quote);

  /**
   * The target position of a band rule on signal {@code z}: max clips long above {@code entryZ}, max clips short
   * below {@code -entryZ}, flat within {@code ±exitZ}, unchanged in between.
   *
   * @param currentLots the target so far, lots
   * @return the new target, lots
   */
  final long bandTarget(int i, long currentLots, double z, double entryZ, double exitZ) {
    if (z > entryZ) {
      return book.maxLots(i);
    }
    if (z < -entryZ) {
      return -book.maxLots(i);
    }
    return Math.abs(z) < exitZ ? 0 : currentLots;
  }
}

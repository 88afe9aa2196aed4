package io.riskpulse.ingestion.sim;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.risk.FxRates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping shared by the strategies: which instruments a strategy trades, its clip size and position
 * (both in lots) per instrument, stale-quote detection, and the making of valid executions with unique ids.
 * Not thread-safe; owned by one strategy.
 *
 * <p>Sizing: the clip of an instrument is
 * {@code max(1, floor(clipNotional / (lotSize × referencePrice × fx)))} lots, where {@code clipNotional} is in the
 * reporting currency ({@value #REPORTING_CURRENCY}) and {@code fx} = {@link FxRates#toReporting} of the
 * instrument's price currency at the reference marks (the FX pairs quoted among them). Clips are thus worth about
 * the same in USD whatever the currency (a clip of a yen stock is not 150 times a dollar stock's), which is what
 * the USD-denominated limits of the portfolio entity need. Sizes are fixed once from the reference quotes so
 * that a run stays deterministic and bounded; a position never exceeds {@code maxClips} clips. An instrument
 * without a positive reference price, or whose currency has no FX rate to USD among the reference quotes, is not
 * traded (it could be neither sized nor valued).
 */
final class StrategyBook {

  /** Currency of the clip notional and of the exposures reported here (the limits' reporting currency). */
  static final String REPORTING_CURRENCY = "USD";

  private final String portfolioId;
  private final String strategyName;
  private final Instrument[] instruments;
  private final double[] referencePrices;
  /** Units of {@link #REPORTING_CURRENCY} per unit of each instrument's price currency, at the reference. */
  private final double[] referenceFx;
  private final long[] clipLots;
  private final long[] positionLots;
  private final long[] lastQuoteMillis;
  private final int maxClips;
  private long lastStep = Long.MIN_VALUE;
  private int fillsThisStep;

  StrategyBook(String portfolioId, String strategyName, List<Instrument> candidates,
      Map<String, Quote> reference, double clipNotional, int maxClips) {
    if (!(clipNotional > 0) || Double.isInfinite(clipNotional) || maxClips < 1) {
      throw new IllegalArgumentException("clipNotional must be > 0 and maxClips >= 1");
    }
    List<Instrument> traded = new ArrayList<>();
    List<Double> prices = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (Instrument instrument : candidates) {
      double price = markPrice(reference, instrument.symbol());
      double fx = fxToReporting(instrument, reference);
      if (usable(price) && usable(fx)) {
        traded.add(instrument);
        prices.add(price);
        rates.add(fx);
      }
    }
    if (traded.isEmpty()) {
      throw new IllegalArgumentException(portfolioId + ": no instrument with a positive reference price and an FX "
          + "rate to " + REPORTING_CURRENCY + " among " + candidates.stream().map(Instrument::symbol).toList());
    }
    this.portfolioId = portfolioId;
    this.strategyName = strategyName;
    this.instruments = traded.toArray(new Instrument[0]);
    this.referencePrices = prices.stream().mapToDouble(Double::doubleValue).toArray();
    this.referenceFx = rates.stream().mapToDouble(Double::doubleValue).toArray();
    this.clipLots = new long[instruments.length];
    for (int i = 0; i < instruments.length; i++) {
      // The 1e-12 keeps a rounding error of the FX conversion from costing a lot (99.999... lots is 100).
      clipLots[i] = Math.max(1, (long) Math.floor(clipNotional / lotNotional(i) * (1 + 1e-12)));
    }
    this.positionLots = new long[instruments.length];
    this.lastQuoteMillis = new long[instruments.length];
    Arrays.fill(lastQuoteMillis, Long.MIN_VALUE);
    this.maxClips = maxClips;
  }

  /** Mark of a symbol among {@code quotes}, NaN when it is not quoted. */
  static double markPrice(Map<String, Quote> quotes, String symbol) {
    Quote quote = quotes.get(symbol);
    return quote == null ? Double.NaN : quote.markPrice();
  }

  /**
   * Units of {@link #REPORTING_CURRENCY} per unit of the instrument's price currency at these quotes
   * ({@link FxRates#toReporting}: 1 for USD, the mark of {@code <CCY>USD}, else 1 / the mark of
   * {@code USD<CCY>}); NaN when neither pair is quoted.
   */
  static double fxToReporting(Instrument instrument, Map<String, Quote> quotes) {
    return FxRates.toReporting(instrument.currency(), REPORTING_CURRENCY, symbol -> markPrice(quotes, symbol));
  }

  /** Whether an instrument can be traded at these quotes: a usable mark and an FX rate to USD. */
  static boolean sizeable(Instrument instrument, Map<String, Quote> quotes) {
    return usable(markPrice(quotes, instrument.symbol())) && usable(fxToReporting(instrument, quotes));
  }

  String portfolioId() {
    return portfolioId;
  }

  String strategyName() {
    return strategyName;
  }

  int size() {
    return instruments.length;
  }

  Instrument instrument(int i) {
    return instruments[i];
  }

  long clipLots(int i) {
    return clipLots[i];
  }

  long maxLots(int i) {
    return clipLots[i] * maxClips;
  }

  long positionLots(int i) {
    return positionLots[i];
  }

  /** Units of {@link #REPORTING_CURRENCY} per unit of instrument {@code i}'s price currency, at the reference. */
  double referenceFx(int i) {
    return referenceFx[i];
  }

  /** Value of one lot of instrument {@code i} at the reference price and FX rate, USD. */
  private double lotNotional(int i) {
    return instruments[i].lotSize() * referencePrices[i] * referenceFx[i];
  }

  /** Largest |position notional| in any instrument at reference prices and FX rates, USD. */
  double maxPositionNotional() {
    double max = 0;
    for (int i = 0; i < instruments.length; i++) {
      max = Math.max(max, maxLots(i) * lotNotional(i));
    }
    return max;
  }

  /** Largest gross exposure (all positions at their cap) at reference prices and FX rates, USD. */
  double maxGrossNotional() {
    double sum = 0;
    for (int i = 0; i < instruments.length; i++) {
      sum += maxLots(i) * lotNotional(i);
    }
    return sum;
  }

  /**
   * Largest single-clip notional in any instrument at reference prices and FX rates, USD: how the entity's
   * per-execution order-notional check ({@code LimitChecker.executionBreaches}) measures a fill.
   */
  double maxClipNotional() {
    double max = 0;
    for (int i = 0; i < instruments.length; i++) {
      max = Math.max(max, clipLots[i] * lotNotional(i));
    }
    return max;
  }

  /** Largest single-clip quantity, instrument units. */
  double maxClipQuantity() {
    double max = 0;
    for (int i = 0; i < instruments.length; i++) {
      max = Math.max(max, clipLots[i] * instruments[i].lotSize());
    }
    return max;
  }

  /**
   * Starts a step: checks it increases and resets the per-step execution counter.
   *
   * @throws IllegalArgumentException when the step does not increase
   */
  void beginStep(long step) {
    if (step <= lastStep) {
      throw new IllegalArgumentException(portfolioId + ": step " + step + " does not follow step " + lastStep);
    }
    lastStep = step;
    fillsThisStep = 0;
  }

  /**
   * The quote of instrument {@code i} if it is new since the last call for this instrument and has a usable
   * bid, ask and mid (finite, &gt; 0); {@code null} otherwise, so strategies never trade twice on one price.
   */
  Quote freshQuote(int i, Map<String, Quote> latest) {
    Quote quote = latest.get(instruments[i].symbol());
    if (quote == null || quote.timestampMillis() == lastQuoteMillis[i]) {
      return null;
    }
    lastQuoteMillis[i] = quote.timestampMillis();
    return usable(quote.bid()) && usable(quote.ask()) && usable(quote.markPrice()) ? quote : null;
  }

  private static boolean usable(double price) {
    return price > 0 && !Double.isInfinite(price);
  }

  /** Price paid by an aggressive order: the ask to buy, the bid to sell. */
  static double takerPrice(Quote quote, Side side) {
    return side == Side.BUY ? quote.ask() : quote.bid();
  }

  /** Price earned by a resting order: the bid to buy, the ask to sell. */
  static double makerPrice(Quote quote, Side side) {
    return side == Side.BUY ? quote.bid() : quote.ask();
  }

  /**
   * Records a fill of {@code lots} lots and returns its execution, id {@code <portfolio>-<step>-<n>}.
   *
   * @throws IllegalStateException if asked for an invalid fill (a strategy bug, never market input)
   */
  Execution fill(long step, int i, Side side, long lots, double price, long timestampMillis) {
    if (step != lastStep || lots <= 0 || !usable(price)) {
      throw new IllegalStateException(portfolioId + ": invalid fill step=" + step + " lots=" + lots + " price="
          + price);
    }
    positionLots[i] = Math.addExact(positionLots[i], side == Side.BUY ? lots : -lots);
    Instrument instrument = instruments[i];
    return new Execution(portfolioId + "-" + step + "-" + fillsThisStep++, portfolioId, strategyName,
        instrument.symbol(), side, lots * instrument.lotSize(), price, timestampMillis);
  }

  /**
   * Trades one clip (or less) from the current position towards {@code targetLots} at the taker price; returns
   * {@code null} when already there.
   */
  Execution moveTowards(long step, int i, long targetLots, Quote quote) {
    long gap = targetLots - positionLots[i];
    if (gap == 0) {
      return null;
    }
    Side side = gap > 0 ? Side.BUY : Side.SELL;
    long lots = Math.min(clipLots[i], Math.abs(gap));
    return fill(step, i, side, lots, takerPrice(quote, side), quote.timestampMillis());
  }
}

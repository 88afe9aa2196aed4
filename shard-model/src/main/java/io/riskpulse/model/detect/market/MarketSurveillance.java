package io.riskpulse.model.detect.market;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.MarketConditions;
import io.riskpulse.model.market.BookState;
import io.riskpulse.model.market.Quote;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * The node's market-data and liquidity surveillance: per instrument, a {@link SpreadMonitor} and a {@link
 * PriceJumpDetector} fed by quotes, a {@link DepthMonitor} fed by level-2 books, a {@link Vpin} fed by trades, a
 * {@link StalenessMonitor} fed by every accepted update and a {@link CrossedBookMonitor} fed by the crossed books the
 * market view refused. The ingestion pipeline calls the {@code on*} methods; portfolio entities call {@link
 * #conditions} on their mark timer for the instruments they hold.
 *
 * <p><b>Which input feeds what.</b> The spread comes from quotes only (not from books, so that a pipeline sending
 * both does not count each change twice); the jump detector follows the quote's mid, or its last when it has no
 * two-sided price; depth comes from books only; VPIN from trades only. A crossed book does not count as an update
 * for staleness: its prices were refused, so the view is as old as before.
 *
 * <p><b>Thread-safety.</b> One or more feed threads write, many entities read. Each instrument's kernels live in
 * one holder whose methods synchronise on it: updates of one instrument are serialised, different instruments never
 * contend, and a read sees every kernel of the instrument at one point between two updates. A read is O(1) (plus
 * the crossed-book window, a handful of longs) and holds the lock for well under a microsecond; about a hundred
 * portfolios reading every 100 ms make about a thousand uncontended acquisitions per second per instrument, far
 * below what a lock costs to matter. A quiet instrument's read allocates nothing but an empty list. Holders are
 * created lazily on an instrument's first update, at most {@code max-symbols} of them (a race of several writers
 * can overshoot by one per writer); updates of further instruments are ignored and counted.
 *
 * <p><b>Bad input</b> never throws: nulls, NaN, infinities, non-positive prices or quantities and prices older than
 * the previous one are ignored and counted per {@link InputRejection}.
 */
public final class MarketSurveillance implements MarketConditions {

  private final MarketSurveillanceSettings settings;
  private final ToDoubleFunction<String> averageDailyVolume;
  private final ConcurrentHashMap<String, Instrument> states = new ConcurrentHashMap<>();
  /** The latest accepted update of any instrument, event time, epoch milliseconds. */
  private final AtomicLong lastUpdateMillis = new AtomicLong(Long.MIN_VALUE);
  private final Map<InputRejection, LongAdder> rejections = new EnumMap<>(InputRejection.class);

  /**
   * @param averageDailyVolume each instrument's average daily volume (instrument units per day; NaN or ≤ 0 when
   *     unknown), e.g. {@code symbol -> registry.find(symbol).averageDailyVolume()}: VPIN's bucket volume is ADV /
   *     {@code vpin.buckets-per-day}, else {@code vpin.bucket-volume}, else VPIN is off for the instrument; asked
   *     once per instrument, on its first update
   */
  public MarketSurveillance(MarketSurveillanceSettings settings, ToDoubleFunction<String> averageDailyVolume) {
    this.settings = settings;
    this.averageDailyVolume = averageDailyVolume;
    for (InputRejection reason : InputRejection.values()) {
      rejections.put(reason, new LongAdder());
    }
  }

  /** Surveillance without average daily volumes: VPIN uses {@code vpin.bucket-volume} (off when 0). */
  public MarketSurveillance(MarketSurveillanceSettings settings) {
    this(settings, symbol -> Double.NaN);
  }

  /** Applies a quote the market view accepted. */
  public void onQuote(Quote quote) {
    Instrument state = stateOf(quote == null ? null : quote.symbol());
    if (state != null) {
      InputRejection rejection = state.onQuote(quote);
      count(rejection);
      if (rejection == null) {
        updated(quote.timestampMillis());
      }
    }
  }

  /** Applies a trade: {@code price} in the instrument's currency, {@code quantity} in instrument units. */
  public void onTrade(String symbol, double price, double quantity, long timestampMillis) {
    InputRejection invalid = positiveFinite(price);
    invalid = invalid != null ? invalid : positiveFinite(quantity);
    if (invalid != null) {
      count(invalid);
      return;
    }
    Instrument state = stateOf(symbol);
    if (state != null) {
      state.onTrade(price, quantity, timestampMillis);
      updated(timestampMillis);
    }
  }

  /** Applies a level-2 book the market view accepted. */
  public void onBook(BookState book) {
    Instrument state = stateOf(book == null ? null : book.symbol());
    if (state != null) {
      InputRejection rejection = state.onBook(book);
      count(rejection);
      if (rejection == null) {
        updated(book.timestampMillis());
      }
    }
  }

  /** Records a crossed book of {@code symbol} that the market view refused. */
  public void onCrossedBook(String symbol, long timestampMillis) {
    Instrument state = stateOf(symbol);
    if (state != null) {
      state.onCrossedBook(timestampMillis);
    }
  }

  /**
   * The findings active for {@code symbol} at {@code nowMillis} (epoch milliseconds, on the feed's timeline): the
   * spread, depth and VPIN findings of the latest quote, book and bucket, a price jump within its hold time, and
   * staleness and crossed books judged at {@code nowMillis}. Empty for a quiet or unknown symbol. Thread-safe.
   */
  @Override
  public List<DetectionSignal> conditions(String symbol, long nowMillis) {
    Instrument state = symbol == null ? null : states.get(symbol);
    return state == null ? List.of() : state.conditions(nowMillis, lastUpdateMillis.get());
  }

  /** Notes an accepted update's time: staleness is judged against the rest of the market (see StalenessMonitor). */
  private void updated(long timestampMillis) {
    lastUpdateMillis.accumulateAndGet(timestampMillis, Math::max);
  }

  /** How many inputs were ignored for {@code reason} since the start. */
  public long rejected(InputRejection reason) {
    return rejections.get(reason).sum();
  }

  /** Ignored inputs per reason since the start (every reason present). */
  public Map<InputRejection, Long> rejected() {
    Map<InputRejection, Long> counts = new EnumMap<>(InputRejection.class);
    rejections.forEach((reason, adder) -> counts.put(reason, adder.sum()));
    return counts;
  }

  /** Instruments tracked. */
  public int trackedSymbols() {
    return states.size();
  }

  private Instrument stateOf(String symbol) {
    if (symbol == null || symbol.isBlank()) {
      count(InputRejection.NO_SYMBOL);
      return null;
    }
    Instrument state = states.get(symbol);
    if (state != null) {
      return state;
    }
    if (states.size() >= settings.maxSymbols()) {
      count(InputRejection.TOO_MANY_SYMBOLS);
      return null;
    }
    return states.computeIfAbsent(symbol, this::newInstrument);
  }

  private Instrument newInstrument(String symbol) {
    double adv = averageDailyVolume.applyAsDouble(symbol);
    double bucket = adv > 0 && !Double.isInfinite(adv) ? adv / settings.vpin().bucketsPerDay()
        : settings.vpin().bucketVolume();
    return new Instrument(symbol, settings, bucket > 0 ? new Vpin(symbol, settings.vpin(), bucket) : null);
  }

  private void count(InputRejection reason) {
    if (reason != null) {
      rejections.get(reason).increment();
    }
  }

  /** NOT_FINITE, NOT_POSITIVE or null (valid). */
  static InputRejection positiveFinite(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return InputRejection.NOT_FINITE;
    }
    return value > 0 ? null : InputRejection.NOT_POSITIVE;
  }

  /** One instrument's kernels, guarded by the holder's monitor. */
  private static final class Instrument {

    private final SpreadMonitor spread;
    private final DepthMonitor depth;
    private final Vpin vpin;
    private final PriceJumpDetector jump;
    private final StalenessMonitor staleness;
    private final CrossedBookMonitor crossed;

    Instrument(String symbol, MarketSurveillanceSettings settings, Vpin vpin) {
      this.spread = new SpreadMonitor(symbol, settings.spread());
      this.depth = new DepthMonitor(symbol, settings.depth());
      this.vpin = vpin;
      this.jump = new PriceJumpDetector(symbol, settings.priceJump());
      this.staleness = new StalenessMonitor(symbol, settings.staleness());
      this.crossed = new CrossedBookMonitor(symbol, settings.crossedBook());
    }

    synchronized InputRejection onQuote(Quote quote) {
      double bid = quote.bid();
      double ask = quote.ask();
      boolean twoSided = !Double.isNaN(bid) && !Double.isNaN(ask);
      InputRejection sides = twoSided ? bidAsk(bid, ask) : null;
      double price = twoSided && sides == null ? (bid + ask) / 2 : quote.last();
      InputRejection priceRejection = positiveFinite(price);
      if (sides != null && priceRejection != null) {
        return sides;
      }
      if (priceRejection != null) {
        return priceRejection;
      }
      if (twoSided && sides == null) {
        spread.update(bid, ask, quote.timestampMillis());
      }
      if (!jump.update(price, quote.timestampMillis())) {
        return InputRejection.OUT_OF_ORDER;
      }
      staleness.update(quote.timestampMillis());
      return sides;
    }

    private static InputRejection bidAsk(double bid, double ask) {
      InputRejection rejection = positiveFinite(bid);
      rejection = rejection != null ? rejection : positiveFinite(ask);
      return rejection != null ? rejection : ask < bid ? InputRejection.NOT_POSITIVE : null;
    }

    synchronized void onTrade(double price, double quantity, long timestampMillis) {
      if (vpin != null) {
        vpin.onTrade(price, quantity, timestampMillis);
      }
      staleness.update(timestampMillis);
    }

    synchronized InputRejection onBook(BookState book) {
      if (!depth.update(book)) {
        return hasNegative(book.bidQuantities()) || hasNegative(book.askQuantities()) ? InputRejection.NOT_POSITIVE
            : InputRejection.NOT_FINITE;
      }
      staleness.update(book.timestampMillis());
      return null;
    }

    private static boolean hasNegative(double[] quantities) {
      if (quantities != null) {
        for (double q : quantities) {
          if (q < 0) {
            return true;
          }
        }
      }
      return false;
    }

    synchronized void onCrossedBook(long timestampMillis) {
      crossed.record(timestampMillis);
    }

    synchronized List<DetectionSignal> conditions(long nowMillis, long marketLastMillis) {
      DetectionSignal spreadFinding = spread.finding();
      DetectionSignal depthFinding = depth.finding();
      DetectionSignal vpinFinding = vpin == null ? null : vpin.finding();
      DetectionSignal jumpFinding = jump.finding(nowMillis);
      DetectionSignal staleFinding = staleness.finding(nowMillis, marketLastMillis);
      DetectionSignal crossedFinding = crossed.finding(nowMillis);
      if (spreadFinding == null && depthFinding == null && vpinFinding == null && jumpFinding == null
          && staleFinding == null && crossedFinding == null) {
        return List.of();
      }
      List<DetectionSignal> found = new ArrayList<>(2);
      for (DetectionSignal finding : new DetectionSignal[] {
          spreadFinding, depthFinding, vpinFinding, jumpFinding, staleFinding, crossedFinding}) {
        if (finding != null) {
          found.add(finding);
        }
      }
      return List.copyOf(found);
    }
  }
}

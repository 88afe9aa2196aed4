package io.riskpulse.model.market;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node-local view of the latest prices, read by every portfolio entity on the node to mark positions to
 * market. Market data is broadcast, so each node keeps its own view; nothing here is replicated.
 *
 * <p>Thread-safety: one writer or many (feeds), many readers (entities); each symbol's quote is replaced
 * atomically, so a reader sees either the old or the new quote of a symbol, never a mix. Readers across
 * several symbols may see symbols updated at slightly different times, which a mark-to-market tolerates.
 *
 * <p>Bad input never enters the view: unknown symbols, non-finite prices, crossed books and out-of-order
 * updates are refused with a {@link QuoteRejection}, counted per reason and logged (the log is rate limited to
 * the first occurrence per reason and every 10,000th after it, so a bad feed cannot flood the log).
 */
public final class MarketView {

  private static final Logger log = LoggerFactory.getLogger(MarketView.class);

  private final InstrumentRegistry instruments;
  private final ConcurrentHashMap<String, Quote> quotes = new ConcurrentHashMap<>();
  private final Map<QuoteRejection, LongAdder> rejections = new EnumMap<>(QuoteRejection.class);
  private final AtomicLong version = new AtomicLong();
  /** When each instrument's current quote was accepted, by this view's clock; fixed key set, so reads are safe. */
  private final Map<String, AtomicLong> receivedAtMillis = new HashMap<>();
  private final Clock clock;

  public MarketView(InstrumentRegistry instruments) {
    this(instruments, Clock.systemUTC());
  }

  /**
   * @param clock the clock that stamps when each quote was received (see {@link #ageMillis})
   */
  public MarketView(InstrumentRegistry instruments, Clock clock) {
    this.instruments = instruments;
    this.clock = clock;
    for (Instrument instrument : instruments.all()) {
      receivedAtMillis.put(instrument.symbol(), new AtomicLong(Long.MIN_VALUE));
    }
    for (QuoteRejection reason : QuoteRejection.values()) {
      rejections.put(reason, new LongAdder());
    }
  }

  /**
   * Applies a quote.
   *
   * @return {@code null} when accepted, else the reason it was refused
   */
  public QuoteRejection update(Quote quote) {
    QuoteRejection rejection = validate(quote);
    if (rejection == null) {
      boolean[] older = new boolean[1];
      // compute: the compare and the replace are one atomic step even with several writers.
      quotes.compute(quote.symbol(), (symbol, previous) -> {
        if (previous != null && previous.timestampMillis() > quote.timestampMillis()) {
          older[0] = true;
          return previous;
        }
        return quote;
      });
      if (!older[0]) {
        AtomicLong received = receivedAtMillis.get(quote.symbol());
        if (received != null) {
          received.lazySet(clock.millis());
        }
        version.incrementAndGet();
        return null;
      }
      rejection = QuoteRejection.OUT_OF_ORDER;
    }
    LongAdder counter = rejections.get(rejection);
    counter.increment();
    long count = counter.sum();
    if (count == 1 || count % 10_000 == 0) {
      log.warn("Rejected quote ({}, {} so far): {}", rejection, count, quote);
    }
    return rejection;
  }

  private QuoteRejection validate(Quote quote) {
    if (quote == null || !instruments.contains(quote.symbol())) {
      return QuoteRejection.UNKNOWN_INSTRUMENT;
    }
    if (Double.isInfinite(quote.last()) || Double.isInfinite(quote.bid()) || Double.isInfinite(quote.ask())
        || Double.isNaN(quote.markPrice())) {
      return QuoteRejection.NOT_FINITE;
    }
    if (quote.bid() > quote.ask()) {
      return QuoteRejection.CROSSED_BOOK;
    }
    return null;
  }

  /** The latest quote of a symbol, or {@code null} when none has arrived. */
  public Quote quote(String symbol) {
    return quotes.get(symbol);
  }

  /** The mark price of a symbol (see {@link Quote#markPrice()}), or NaN when no quote has arrived. */
  public double markPrice(String symbol) {
    Quote quote = quotes.get(symbol);
    return quote == null ? Double.NaN : quote.markPrice();
  }

  /**
   * How long ago, by this view's clock, the current quote of {@code symbol} was received on this node,
   * milliseconds; {@link Long#MAX_VALUE} when none has been. Feed timestamps cannot say this: a replay of
   * history carries old times on fresh quotes.
   */
  public long ageMillis(String symbol) {
    AtomicLong received = receivedAtMillis.get(symbol);
    long at = received == null ? Long.MIN_VALUE : received.get();
    return at == Long.MIN_VALUE ? Long.MAX_VALUE : Math.max(0, clock.millis() - at);
  }

  /** Increases by one on every accepted quote; lets readers skip work when nothing moved. */
  public long version() {
    return version.get();
  }

  /** Number of quotes refused for this reason since start. */
  public long rejected(QuoteRejection reason) {
    return rejections.get(reason).sum();
  }

  public InstrumentRegistry instruments() {
    return instruments;
  }
}

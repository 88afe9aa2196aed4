package io.riskpulse.model.market;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The node-local level-2 books and traded volumes (market data is broadcast; each node keeps its own), for
 * liquidity measures and detectors: best bid/ask, depth, spread, traded volume.
 *
 * <p>Thread-safe: each symbol's book is replaced atomically by its feed thread and read by anyone. Inputs are
 * validated by the ingestion edge (finite, positive, not crossed, levels in order) before they get here.
 */
public final class OrderBookView {

  private static final double[] EMPTY = new double[0];

  private final ConcurrentHashMap<String, BookState> books = new ConcurrentHashMap<>();

  /** Replaces a symbol's book, keeping its traded volume. The arrays must not be changed afterwards. */
  public void updateBook(String symbol, double[] bidPrices, double[] bidQuantities, double[] askPrices,
      double[] askQuantities, long timestampMillis) {
    books.compute(symbol, (s, old) -> new BookState(s, bidPrices, bidQuantities, askPrices, askQuantities,
        old == null ? 0 : old.tradedVolume(), timestampMillis));
  }

  /** Adds a trade's quantity to a symbol's traded volume. */
  public void recordTrade(String symbol, double quantity, long timestampMillis) {
    books.compute(symbol, (s, old) -> old == null
        ? new BookState(s, EMPTY, EMPTY, EMPTY, EMPTY, quantity, timestampMillis)
        : new BookState(s, old.bidPrices(), old.bidQuantities(), old.askPrices(), old.askQuantities(),
            old.tradedVolume() + quantity, old.timestampMillis()));
  }

  /** The symbol's book, or {@code null} when none has arrived. */
  public BookState book(String symbol) {
    return books.get(symbol);
  }
}

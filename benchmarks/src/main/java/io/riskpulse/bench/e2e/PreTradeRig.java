package io.riskpulse.bench.e2e;

import io.riskpulse.bench.BenchLimits;
import io.riskpulse.model.halt.HaltView;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The set-up of the harnesses that check orders and read portfolios ({@link PreTradeLatency}, {@link GrpcLatency}):
 * portfolios on desk {@value #DESK} opened with limits and holding the ten-position {@link BenchLimits#book}, a
 * ticker that keeps their prices fresh, and the kill-switch view synchronised. Orders are 10 units at the limit
 * price of 100, symbol and side cycling, so positions stay bounded however long a run lasts.
 */
final class PreTradeRig {

  /** The desk every benchmark portfolio is on. */
  static final String DESK = "bench";
  /** The strategy every benchmark order is sent for. */
  static final String STRATEGY = "bench";

  private PreTradeRig() {}

  /** The burst limit: far enough above what one portfolio gets that the 80% warning level is never reached. */
  static double ratePerPortfolioLimit(int rate, int portfolios) {
    return Math.max(1_000, 5.0 * rate / portfolios);
  }

  static void awaitSynchronised(HaltView halts) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!halts.synchronised()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("kill-switch view not synchronised: " + halts.unsynchronisedReason());
      }
      Thread.sleep(20);
    }
  }

  /** Re-quotes the ten symbols every {@code intervalMillis}: mid within ±0.1% of 100, spread 2 bp. */
  static ScheduledExecutorService startTicker(MarketView market, long intervalMillis) {
    quoteAll(market, new Random(1));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "bench-ticker");
      thread.setDaemon(true);
      return thread;
    });
    Random random = new Random(2);
    ticker.scheduleAtFixedRate(() -> quoteAll(market, random), intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    return ticker;
  }

  private static void quoteAll(MarketView market, Random random) {
    long now = System.currentTimeMillis();
    for (String symbol : BenchLimits.SYMBOLS) {
      double mid = BenchLimits.PRICE * (1 + 0.002 * (random.nextDouble() - 0.5));
      if (market.update(new Quote(symbol, Double.NaN, mid * 0.9999, mid * 1.0001, now)) != null) {
        throw new IllegalStateException("market view refused a price for " + symbol);
      }
    }
  }

  /**
   * Opens {@code count} portfolios ({@code pt-000}, {@code pt-001}, ...) on {@link #DESK} with {@code limits},
   * builds each one's book, and checks one order of each (ClOrdID {@code setup-<id>}), which must be accepted.
   */
  static String[] openPortfolios(BenchNode node, int count, Limits limits) throws Exception {
    PortfolioClient client = node.services.portfolios();
    String[] ids = new String[count];
    List<CompletionStage<Reply>> opened = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids[i] = String.format("pt-%03d", i);
      opened.add(client.open(ids[i], DESK, "trader-" + (i % 5), BenchLimits.INITIAL_CASH, limits, "benchmark"));
    }
    for (int i = 0; i < count; i++) {
      Reply reply = BenchNode.await(opened.get(i), 30);
      if (!reply.isAccepted()) {
        throw new IllegalStateException("cannot open " + ids[i] + ": " + reply);
      }
    }
    long now = System.currentTimeMillis();
    for (String id : ids) {
      for (Reply reply : BenchNode.await(client.applyAll(id, BenchLimits.book(id, now)), 30)) {
        if (!reply.isAccepted()) {
          throw new IllegalStateException("cannot build the book of " + id + ": " + reply);
        }
      }
    }
    for (String id : ids) {
      PreTradeDecision decision = BenchNode.await(client.checkOrder(order(id, "setup-" + id, 0, 0)), 30);
      if (!decision.accepted()) {
        throw new IllegalStateException("the set-up check of " + id + " was rejected: " + decision.describe());
      }
    }
    return ids;
  }

  /**
   * Order number {@code k} of a window over {@code portfolios} portfolios: 10 units at 100, the symbol cycling
   * every round over the portfolios and the side every round over the symbols.
   *
   * @param clOrdId a ClOrdID never used before (a reused one is rejected as a duplicate)
   */
  static OrderRequest order(String portfolioId, String clOrdId, long k, int portfolios) {
    int symbols = BenchLimits.SYMBOLS.size();
    long round = portfolios == 0 ? 0 : k / portfolios;
    Side side = (round / symbols) % 2 == 0 ? Side.BUY : Side.SELL;
    return new OrderRequest(portfolioId, STRATEGY, clOrdId, BenchLimits.SYMBOLS.get((int) (round % symbols)), side,
        10, BenchLimits.PRICE);
  }
}

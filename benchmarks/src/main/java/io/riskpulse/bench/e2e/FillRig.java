package io.riskpulse.bench.e2e;

import io.aeron.ExclusivePublication;
import io.riskpulse.ingestion.aeron.AeronSettings;
import io.riskpulse.ingestion.aeron.FeedPublisher;
import io.riskpulse.ingestion.codec.FrameToEvent;
import io.riskpulse.ingestion.pipeline.HandledWatermark;
import io.riskpulse.ingestion.pipeline.PersistedListener;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.portfolio.Side;
import java.time.Duration;

/**
 * Fills for a real node: prices for the traded symbols in the market view, {@code portfolios} open portfolios
 * (no limits, so every fill is persisted and nothing halts), a {@link FeedPublisher} on the node's order-flow
 * stream, and a {@link HandledWatermark} on the pipeline (a fill counts when its portfolio has persisted it).
 *
 * <p>Fills go round-robin over the portfolios; each portfolio trades ten USD instruments (lot size 1) and
 * alternates buying and selling 10 of each, so positions stay bounded however long a run lasts. Execution ids
 * are unique per rig.
 */
final class FillRig {

  static final String[] SYMBOLS = {"AAPL", "MSFT", "NVDA", "JPM", "JNJ", "XOM", "SPX", "NDX", "TLT", "IEF"};
  static final int SOURCE_ID = 201;

  final BenchNode node;
  final String[] portfolioIds;
  final FeedPublisher feed;
  final HandledWatermark watermark = new HandledWatermark();
  final String sourceId = FrameToEvent.SOURCE_PREFIX + SOURCE_ID;
  private long fills;

  private FillRig(BenchNode node, String[] portfolioIds, FeedPublisher feed) {
    this.node = node;
    this.portfolioIds = portfolioIds;
    this.feed = feed;
  }

  /**
   * @param firstListener told of every handled message before the watermark (so a latency recorder has
   *     recorded a fill before anyone waiting on the watermark wakes up); may be {@code null}
   */

  static FillRig open(BenchNode node, int portfolios, PersistedListener firstListener) throws Exception {
    long now = System.currentTimeMillis();
    for (String symbol : SYMBOLS) {
      if (node.services.market().update(new Quote(symbol, Double.NaN, 99.99, 100.01, now)) != null) {
        throw new IllegalStateException("market view refused a price for " + symbol);
      }
    }
    PortfolioClient client = node.services.portfolios();
    String[] ids = new String[portfolios];
    for (int i = 0; i < portfolios; i++) {
      ids[i] = String.format("bench-%03d", i);
    }
    WindowedAsks.forEach(0, portfolios, WindowedAsks.WINDOW, 30, (i, attempt) -> client.open(ids[i], "bench",
        "trader-" + (i % 5), 10_000_000, Limits.NONE, "benchmark").thenApply(reply ->
        WindowedAsks.openProblem(ids[i], reply, attempt)));
    if (firstListener != null) {
      node.services.ingest().addPersistedListener(firstListener);
    }
    AeronSettings settings = AeronSettings.fromConfig(node.system.settings().config());
    ExclusivePublication publication = node.services.aeron().orElseThrow().aeron()
        .addExclusivePublication(settings.orderFlowChannel(), settings.orderFlowStreamId());
    FillRig rig = new FillRig(node, ids, new FeedPublisher(publication, SOURCE_ID, 1, Duration.ofSeconds(10)));
    node.services.ingest().addPersistedListener(rig.watermark);
    return rig;
  }

  /** Publishes the next fill; returns its sequence number. Blocks while the node back-pressures. */
  long sendNext(long sendTimeNanos) {
    return feed.execution(nextExecution(sendTimeNanos / 1_000_000), sendTimeNanos);
  }

  /** The next fill of the round-robin (also for callers that bypass Aeron). */
  Execution nextExecution(long executedAtMillis) {
    long i = fills++;
    int n = portfolioIds.length;
    long round = i / n;
    Side side = (round / SYMBOLS.length) % 2 == 0 ? Side.BUY : Side.SELL;
    return new Execution("F" + i, portfolioIds[(int) (i % n)], "bench", SYMBOLS[(int) (round % SYMBOLS.length)],
        side, 10, 100 + 0.01 * (i % 7), executedAtMillis);
  }

  /** Fills published so far. */
  long sent() {
    return fills;
  }

  /** Executions the portfolios hold, summed over every portfolio (asks each one). */
  long executionsInPortfolios() throws Exception {
    long total = 0;
    for (String id : portfolioIds) {
      PortfolioSnapshot snapshot = BenchNode.await(node.services.portfolios().snapshot(id), 30);
      total += snapshot.executionCount();
    }
    return total;
  }

  static long epochNanos() {
    return System.currentTimeMillis() * 1_000_000;
  }
}

package io.riskpulse.ingestion.pipeline;

import static io.riskpulse.ingestion.pipeline.PortfolioShards.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.model.journal.JournalEvents;
import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioEvent;
import io.riskpulse.model.portfolio.PortfolioEvent.ExecutionApplied;
import io.riskpulse.model.portfolio.Side;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestPipelineTest {

  private final PortfolioShards shards =
      new PortfolioShards("PipelineTest", "A", "B", "SLOW", "FIXED", "RETRY", "THREADS", "TRACKED", "AGAIN");

  @AfterAll
  void stop() {
    shards.close();
  }

  private IngestPipeline pipeline(Quarantine quarantine, IngestMetrics metrics, int buffer, int parallelism) {
    return new IngestPipeline(shards.testKit.system(), shards.market, new OrderBookView(), shards.portfolios,
        quarantine, metrics, new PipelineSettings(buffer, 8, parallelism, Duration.ofMillis(100), 5));
  }

  private static IngestEvent fill(String source, long seq, String portfolio, String execId, double qty) {
    return new IngestEvent.Fill(source, seq,
        new Execution(execId, portfolio, "algo", "SPY", Side.BUY, qty, 100, System.currentTimeMillis()));
  }

  @Test
  void shouldRouteEachKindAndQuarantineBadInputWithItsReasonWithoutStopping() throws Exception {
    Quarantine quarantine = new Quarantine(null, 100, Clock.systemUTC());
    IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    IngestPipeline pipeline = pipeline(quarantine, metrics, 16, 4);
    Map<String, List<Long>> handled = new ConcurrentHashMap<>();
    pipeline.addPersistedListener((source, seq) ->
        handled.computeIfAbsent(source, s -> new CopyOnWriteArrayList<>()).add(seq));

    pipeline.accept(new IngestEvent.MarketData("md", 1, new Quote("SPY", 101, 100.9, 101.1, 10)));
    pipeline.accept(new IngestEvent.MarketData("md", 1, new Quote("SPY", 102, 101.9, 102.1, 11))); // duplicate
    pipeline.accept(new IngestEvent.MarketData("md", 4, new Quote("SPY", 103, 102.9, 103.1, 12))); // gap 2,3
    pipeline.accept(new IngestEvent.MarketData("md", 2, new Quote("SPY", 99, 98.9, 99.1, 9)));     // late
    pipeline.accept(new IngestEvent.MarketData("md", 5, new Quote("NOPE", 1, 1, 1, 13)));         // unknown
    pipeline.accept(new IngestEvent.Trade("md", 6, "TLT", 90, 500, 14));

    pipeline.accept(fill("oms", 1, "A", "X1", 10));
    pipeline.accept(fill("oms", 2, "A", "X1", 10));          // same execution id again
    pipeline.accept(fill("oms", 4, "B", "X2", 5));           // gap: 3 missing
    pipeline.accept(fill("oms", 3, "ZZZ", "X3", 5));         // late but valid sequence; unknown portfolio
    pipeline.accept(new IngestEvent.OrderFlow("oms", 5,
        new OrderEvent(OrderAction.NEW, "B", "algo", "O1", "", "SPY", Side.SELL, 7, 103, 0)));
    pipeline.accept(fill("oms", 6, "B", "X4", 3));
    await(pipeline.close());

    assertEquals(103, shards.market.markPrice("SPY"), 0, "the late price did not overwrite the newer one");
    assertEquals(90, shards.market.markPrice("TLT"), 0);
    assertEquals(1, quarantine.count(IngestRejection.DUPLICATE_SEQUENCE));
    assertEquals(1, quarantine.count(IngestRejection.OUT_OF_ORDER));
    assertEquals(1, quarantine.count(IngestRejection.UNKNOWN_INSTRUMENT));
    assertEquals(1, quarantine.count(IngestRejection.DUPLICATE_EXECUTION));
    assertEquals(1, quarantine.count(IngestRejection.UNKNOWN_PORTFOLIO));
    assertEquals(1, pipeline.tracker("md").gaps());
    assertEquals(2, pipeline.tracker("md").missingTotal());
    assertEquals(1, pipeline.tracker("oms").gaps());
    assertEquals(3, metrics.acceptedCount(IngestMetrics.Kind.FILL));
    assertEquals(1, metrics.acceptedCount(IngestMetrics.Kind.ORDER));
    assertEquals(List.of(1L, 2L, 4L, 3L, 5L, 6L), handled.get("oms"), "told in arrival order");
    assertEquals(10, await(shards.portfolios.snapshot("A")).valuation().positions().get(0).quantity(), 0);
    assertEquals(8, await(shards.portfolios.snapshot("B")).valuation().positions().get(0).quantity(), 0);
    assertEquals(1, await(shards.portfolios.snapshot("B")).orderFlow().ordersLastMinute());
  }

  @Test
  void shouldBackpressureTheFeedWithoutDroppingOrReorderingFillsOfAPortfolio() throws Exception {
    Quarantine quarantine = new Quarantine(null, 100, Clock.systemUTC());
    IngestPipeline pipeline = pipeline(quarantine, new IngestMetrics(new SimpleMeterRegistry()), 2, 1);
    int fills = 300;
    List<String> sent = new ArrayList<>();
    for (int i = 1; i <= fills; i++) {
      String id = "S" + i;
      sent.add(id);
      pipeline.accept(fill("feed", i, "SLOW", id, 1)); // a 2-slot buffer: the feed waits for the shard
    }
    await(pipeline.close());

    assertEquals(0, quarantine.total());
    List<String> persisted = new ArrayList<>();
    // The storage holds events sealed in the portfolio's hash chain: opened as every journal reader does.
    JournalEvents events = new JournalEvents(shards.testKit.system());
    List<Object> stored = shards.journal.persistedInStorage("Portfolio|SLOW").stream().map(events::open).toList();
    for (Object event : stored) {
      if (event instanceof ExecutionApplied) {
        persisted.add(((ExecutionApplied) event).execution().executionId());
      }
    }
    assertEquals(sent, persisted, "every fill persisted once, in the order sent");
    assertTrue(stored.get(0) instanceof PortfolioEvent.PortfolioOpened);
  }

  @Test
  void shouldTrustTheSessionOrderOfFixSourcesWhoseSequenceNumbersHaveHoles() throws Exception {
    Quarantine quarantine = new Quarantine(null, 100, Clock.systemUTC());
    IngestPipeline pipeline = pipeline(quarantine, new IngestMetrics(new SimpleMeterRegistry()), 16, 4);
    // MsgSeqNum counts heartbeats too, and restarts at 1 after a session reset: neither is a gap or duplicate.
    pipeline.acceptInSessionOrder(fill("fix:OMS1", 7, "FIXED", "F1", 1));
    pipeline.acceptInSessionOrder(fill("fix:OMS1", 12, "FIXED", "F2", 1));
    pipeline.acceptInSessionOrder(fill("fix:OMS1", 2, "FIXED", "F3", 1));
    await(pipeline.close());
    assertEquals(0, quarantine.total());
    assertEquals(null, pipeline.tracker("fix:OMS1"));
    assertEquals(3, await(shards.portfolios.snapshot("FIXED")).executionCount());
  }

  @Test
  void shouldCompleteATrackedHandOffOnlyOnceTheFillIsPersistedOrQuarantined() throws Exception {
    Quarantine quarantine = new Quarantine(null, 100, Clock.systemUTC());
    IngestPipeline pipeline = pipeline(quarantine, new IngestMetrics(new SimpleMeterRegistry()), 16, 4);
    long before = await(shards.portfolios.snapshot("TRACKED")).executionCount();

    await(pipeline.acceptInSessionOrderTracked(fill("fix:TRACKED", 1, "TRACKED", "TR1", 1)));
    assertEquals(before + 1, await(shards.portfolios.snapshot("TRACKED")).executionCount(),
        "the hand-off completed before the fill was in its portfolio");

    await(pipeline.acceptInSessionOrderTracked(fill("fix:TRACKED", 2, "NO-SUCH", "TR2", 1)));
    assertEquals(1, quarantine.count(IngestRejection.UNKNOWN_PORTFOLIO));

    await(pipeline.close());
    CompletionStage<Void> afterClose = pipeline.acceptInSessionOrderTracked(fill("fix:TRACKED", 3, "TRACKED", "TR3", 1));
    assertThrows(ExecutionException.class, () -> afterClose.toCompletableFuture().get(10, TimeUnit.SECONDS));
  }

  @Test
  void shouldRetryAFillWhoseWriteFailedAndCountItExactlyOnce() throws Exception {
    Quarantine quarantine = new Quarantine(null, 100, Clock.systemUTC());
    IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    IngestPipeline pipeline = pipeline(quarantine, metrics, 16, 4);
    long before = await(shards.portfolios.snapshot("RETRY")).executionCount();
    // The journal reports the write as failed: the entity restarts and the ask times out. Whether the write
    // landed or not, asking again with the same execution id must leave exactly one fill.
    shards.journal.failNextPersisted();
    pipeline.accept(fill("retry", 1, "RETRY", "R1", 1));
    await(pipeline.close());
    assertEquals(before + 1, await(shards.portfolios.snapshot("RETRY")).executionCount());
    assertEquals(1, metrics.acceptedCount(IngestMetrics.Kind.FILL)
        + quarantine.count(IngestRejection.DUPLICATE_EXECUTION));
  }

  @Test
  void shouldOfferAFillNoPortfolioAnsweredAgainUntilItIsPersisted() throws Exception {
    Quarantine quarantine = new Quarantine(null, 100, Clock.systemUTC());
    // One attempt per round: the failed write leaves the fill unanswered, so the pipeline must try it again.
    IngestPipeline pipeline = new IngestPipeline(shards.testKit.system(), shards.market, new OrderBookView(),
        shards.portfolios, quarantine, new IngestMetrics(new SimpleMeterRegistry()),
        new PipelineSettings(16, 8, 2, Duration.ofMillis(100), 1));
    HandledWatermark watermark = new HandledWatermark();
    pipeline.addPersistedListener(watermark);
    long before = await(shards.portfolios.snapshot("AGAIN")).executionCount();
    shards.journal.failNextPersisted();
    pipeline.accept(fill("again", 1, "AGAIN", "AG1", 1));
    await(watermark.reached("again", 1));
    assertEquals(before + 1, await(shards.portfolios.snapshot("AGAIN")).executionCount());
    assertTrue(quarantine.count(IngestRejection.REJECTED_BY_PORTFOLIO) >= 1, "the unanswered round is recorded");
    await(pipeline.close());
  }

  @Test
  void shouldNotStartAThreadPerPortfolioAnswer() throws Exception {
    // On two CPUs the common pool has parallelism 1 and CompletableFuture would start a thread for every
    // async callback on Pekko's ask stages (two per batch, measured): answers must be handled where they arrive.
    IngestPipeline pipeline = pipeline(new Quarantine(null, 100, Clock.systemUTC()),
        new IngestMetrics(new SimpleMeterRegistry()), 4, 2);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startedBefore = threads.getTotalStartedThreadCount();
    for (int i = 1; i <= 400; i++) {
      pipeline.accept(fill("threads", i, "THREADS", "T" + i, 1));
    }
    await(pipeline.close());
    long started = threads.getTotalStartedThreadCount() - startedBefore;
    assertTrue(started < 50, started + " threads started for 400 fills");
  }
}

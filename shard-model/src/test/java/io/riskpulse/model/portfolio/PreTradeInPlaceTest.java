package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.detect.CheckpointRestores;
import io.riskpulse.model.detect.DetectionEnvironment;
import io.riskpulse.model.detect.DetectionSettings;
import io.riskpulse.model.detect.MarketConditions;
import io.riskpulse.model.detect.ModelStatus;
import io.riskpulse.model.halt.HaltDispatcher;
import io.riskpulse.model.halt.HaltView;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.limits.OrderLimits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.pretrade.CheckFailure;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeCheck;
import io.riskpulse.model.pretrade.PreTradeDecision;
import io.riskpulse.model.pretrade.PreTradeSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Orders judged in place ({@link PreTradeGate}) on a single-node cluster with the real sharded portfolio: the
 * decision is the entity's, what it records is the entity's, concurrent callers and the entity's own messages are
 * serialised, and a caller asks the entity whenever the gate is closed (no entity here, a stopped one, or one
 * recovering after a failed journal write). Marks run every half second, interleaving with the checks; an entity of
 * a portfolio never opened stops itself at its first.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreTradeInPlaceTest {

  private static final Config CONFIG = ConfigFactory.parseString("""
          pekko.actor.provider = cluster
          pekko.remote.artery.canonical.port = 0
          pekko.remote.artery.canonical.hostname = 127.0.0.1
          riskpulse.portfolio.mark-interval = 500ms
          riskpulse.portfolio.risk-staleness = 1h
          """)
      .withFallback(PersistenceTestKitPlugin.getInstance().config())
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());
  private static final long NOW = Instant.parse("2026-11-28T10:00:00Z").toEpochMilli();
  /** Price bound off: the test's market quote is never renewed, and one test moves the clock on. */
  private static final PreTradeSettings IN_PLACE =
      new PreTradeSettings(Duration.ofSeconds(10), true, Duration.ZERO, true);
  private static final PreTradeSettings ASKING =
      new PreTradeSettings(Duration.ofSeconds(10), true, Duration.ZERO, false);

  private final ActorTestKit testKit = ActorTestKit.create("PreTradeInPlaceTest", CONFIG);
  private final PreTradeGates gates = new PreTradeGates();
  private PersistenceTestKit journal;
  private PortfolioClient inPlace;
  private PortfolioClient asking;
  private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(NOW));
  private final AtomicInteger orderIds = new AtomicInteger();

  @BeforeAll
  void start() {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    journal = PersistenceTestKit.create(testKit.system());
    InstrumentRegistry instruments =
        InstrumentRegistry.of(List.of(new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US")));
    MarketView market = new MarketView(instruments);
    market.update(Quote.lastTrade("SPY", 100, NOW));
    Portfolio.init(testKit.system(), new PortfolioEnvironment(market, instruments, clock,
        PortfolioSettings.fromConfig(CONFIG))
        .withHalts(HaltView.NONE, HaltDispatcher.NONE, IN_PLACE)
        .withDetection(new DetectionEnvironment(DetectionSettings.DEFAULTS, MarketConditions.NONE,
            new OrderBookView(), symbol -> 0.01, CheckpointRestores.UNLIMITED))
        .withPreTradeGates(gates));
    ClusterSharding sharding = ClusterSharding.get(testKit.system());
    inPlace = new PortfolioClient(sharding, Duration.ofSeconds(10), IN_PLACE, clock).withPreTradeGates(gates);
    asking = new PortfolioClient(sharding, Duration.ofSeconds(10), ASKING, clock).withPreTradeGates(gates);
  }

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private OrderRequest buy(String portfolio, double quantity) {
    return new OrderRequest(portfolio, "algo", "C" + orderIds.incrementAndGet(), "SPY", Side.BUY, quantity, 100);
  }

  private static List<PreTradeCheck> checks(PreTradeDecision decision) {
    return decision.failures().stream().map(CheckFailure::check).toList();
  }

  private void open(String id, Limits limits) throws Exception {
    assertTrue(await(inPlace.open(id, "desk", "alice", 1_000_000, limits, "ops")).isAccepted());
    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(() -> {
      assertTrue(gates.find(id) != null && gates.find(id).isOpen(), "the running entity opened its gate");
      return null;
    });
  }

  @Test
  void shouldJudgeOnTheCallersThreadWhatTheEntityWouldDecideAndRecord() throws Exception {
    open("P1", new Limits(null, null, 400_000.0, null, null, null, null, null, null, false));
    assertTrue(await(inPlace.apply(new Execution("E1", "P1", "algo", "SPY", Side.BUY, 3_000, 100, NOW)))
        .isAccepted());

    OrderRequest first = buy("P1", 10);
    PreTradeGate gate = gates.find("P1");
    long busy = gate.busyCount();
    long nodeJudged = gates.judgedInPlace();
    long nodeBusy = gates.foundBusy();
    CompletableFuture<PreTradeDecision> here = inPlace.checkOrder(first).toCompletableFuture();
    assertTrue(here.isDone() || gate.busyCount() > busy,
        "judged on this thread (complete when returned), unless the entity was busy marking and was asked");
    assertEquals(here.isDone() ? List.of(nodeJudged + 1, nodeBusy) : List.of(nodeJudged, nodeBusy + 1),
        List.of(gates.judgedInPlace(), gates.foundBusy()), "the node counts where the check was judged");
    assertTrue(await(here).accepted(), await(here).describe());

    long judgedBeforeAsking = gates.judgedInPlace();
    assertEquals(List.of(PreTradeCheck.DUPLICATE_ORDER), checks(await(asking.checkOrder(first))),
        "the entity knows the ClOrdID the caller's check recorded");
    assertEquals(judgedBeforeAsking, gates.judgedInPlace(), "a client that asks the entity is not counted in place");
    assertEquals(1, await(inPlace.snapshot("P1")).openOrders().size(), "the accepted order is open");

    OrderRequest tooBig = buy("P1", 2_000);
    PreTradeDecision rejectedHere = await(inPlace.checkOrder(tooBig));
    PreTradeDecision rejectedThere = await(asking.checkOrder(buy("P1", 2_000)));
    assertEquals(List.of(PreTradeCheck.POSITION_NOTIONAL), checks(rejectedHere), rejectedHere.describe());
    assertEquals(checks(rejectedThere), checks(rejectedHere), "the same checks in place and through the entity");
    assertEquals(rejectedThere.failures().get(0).value(), rejectedHere.failures().get(0).value(), 1e-9);
  }

  @Test
  void shouldLeaveTheAnomalyModelsScoringToTheEntityAndLoseNoSecond() throws Exception {
    open("P6", Limits.NONE);
    for (int second = 0; second < 2; second++) {
      assertTrue(await(inPlace.checkOrder(buy("P6", 1))).accepted());
      clock.advance(Duration.ofSeconds(1));
    }
    assertTrue(await(inPlace.checkOrder(buy("P6", 1))).accepted(), "the third order completes the second second");
    List<ModelStatus> models = await(inPlace.detection("P6")).models();
    assertEquals(1, models.size(), models.toString());
    assertEquals(2, models.get(0).pointsSeen(), "the entity scored both completed seconds, in place or asked");
  }

  @Test
  void shouldAskABusyEntityInsteadOfWaitingForIt() throws Exception {
    open("P4", Limits.NONE);
    PreTradeGate gate = gates.find("P4");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread entityBusy = new Thread(() -> { // stands for the entity's thread in the middle of a message
      gate.lock();
      try {
        held.countDown();
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        gate.unlock();
      }
    });
    entityBusy.start();
    assertTrue(held.await(10, TimeUnit.SECONDS));
    CompletableFuture<PreTradeDecision> asked;
    try {
      long nodeBusy = gates.foundBusy();
      asked = inPlace.checkOrder(buy("P4", 1)).toCompletableFuture();
      assertFalse(asked.isDone(), "returned at once without a decision: the order went to the entity's mailbox");
      assertEquals(1, gate.busyCount());
      assertEquals(nodeBusy + 1, gates.foundBusy(), "and the node counts it");
    } finally {
      release.countDown();
    }
    entityBusy.join(10_000);
    assertTrue(await(asked).accepted(), "the entity judged it once free");
  }

  @Test
  void shouldSerialiseCallersWithEachOtherAndWithTheEntity() throws Exception {
    int perSecond = 50;
    open("P2", Limits.NONE.withOrderLimits(
        new OrderLimits((double) perSecond, null, null, null, null, null, null, null, null, null, null)));
    int threads = 4;
    int ordersEach = 100;
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger rateRejects = new AtomicInteger();
    List<Thread> callers = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      Thread caller = new Thread(() -> {
        try {
          go.await();
          for (int i = 0; i < ordersEach; i++) {
            PreTradeDecision decision = inPlace.checkOrder(buy("P2", 1)).toCompletableFuture().get();
            if (decision.accepted()) {
              accepted.incrementAndGet();
            } else if (checks(decision).equals(List.of(PreTradeCheck.ORDER_RATE_BURST))) {
              rateRejects.incrementAndGet();
            } else {
              failures.add(new AssertionError("unexpected: " + decision.describe()));
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      caller.start();
      callers.add(caller);
    }
    // The entity works at the same time: fills through its mailbox while the callers judge.
    List<CompletionStage<Reply>> fills = new ArrayList<>();
    go.countDown();
    for (int i = 0; i < 50; i++) {
      fills.add(inPlace.apply(new Execution("F" + i, "P2", "algo", "SPY", Side.BUY, 1, 100, NOW)));
    }
    for (Thread caller : callers) {
      caller.join(TimeUnit.SECONDS.toMillis(30));
    }
    for (CompletionStage<Reply> fill : fills) {
      assertTrue(await(fill).isAccepted());
    }
    assertEquals(List.of(), failures);
    assertEquals(perSecond, accepted.get(), "exactly the limit's orders in its second, however the callers race");
    assertEquals(threads * ordersEach - perSecond, rateRejects.get());
    PortfolioSnapshot snapshot = await(inPlace.snapshot("P2"));
    assertEquals(perSecond, snapshot.openOrders().size());
    assertEquals(50, snapshot.executionCount());
  }

  @Test
  void shouldAskWhenNoEntityRunsHereAndForgetAStoppedOne() throws Exception {
    assertNull(gates.find("NOBODY"));
    PreTradeDecision unknown = await(inPlace.checkOrder(buy("NOBODY", 1)));
    assertEquals(List.of(PreTradeCheck.UNKNOWN_PORTFOLIO), checks(unknown), "the entity's own answer");
    // An entity asked about a portfolio never opened stops itself: its gate goes with it.
    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(20), () -> {
      assertNull(gates.find("NOBODY"), "a stopped entity's gate is unregistered");
      return null;
    });
  }

  @Test
  void shouldAskWhileTheEntityRecoversFromAFailedJournalWrite() throws Exception {
    open("P3", new Limits(null, null, 400_000.0, null, null, null, null, null, null, false));
    PreTradeGate gate = gates.find("P3");
    String persistenceId = Portfolio.ENTITY_KEY.name() + "|P3";
    journal.failNextNReads(persistenceId, 1_000); // the entity cannot recover while this test looks
    journal.failNextPersisted(persistenceId);
    try {
      // A fill that takes the position to 500,000: applied in memory, refused by the journal, never answered.
      CompletionStage<Reply> refused =
          inPlace.apply(new Execution("BIG", "P3", "algo", "SPY", Side.BUY, 5_000, 100, NOW));
      TestProbe<Object> probe = testKit.createTestProbe();
      probe.awaitAssert(Duration.ofSeconds(10), () -> {
        assertFalse(gate.isOpen(), "closed: the state in memory holds the fill the journal refused");
        return null;
      });
      CompletableFuture<PreTradeDecision> meanwhile = inPlace.checkOrder(buy("P3", 10)).toCompletableFuture();
      assertFalse(meanwhile.isDone(), "asked of the entity, which answers once it has recovered");
      assertFalse(refused.toCompletableFuture().isDone());
    } finally {
      journal.resetPolicy();
    }
  }
}

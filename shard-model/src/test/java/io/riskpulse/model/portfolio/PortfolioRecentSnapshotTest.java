package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link PortfolioClient#recentSnapshot} on a single-node cluster with the real sharded portfolio: it answers with
 * the entity's last snapshot only while nothing that snapshot shows can have changed, and a fill, an order-flow
 * message (not journaled) or a quote is seen by the very next read. The maximum age here is an hour, so only those
 * rules decide; the marks and risk timers are an hour apart, so no timer command interleaves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioRecentSnapshotTest {

  private static final Config CONFIG = ConfigFactory.parseString("""
          pekko.actor.provider = cluster
          pekko.remote.artery.canonical.port = 0
          pekko.remote.artery.canonical.hostname = 127.0.0.1
          riskpulse.portfolio.mark-interval = 1h
          riskpulse.portfolio.risk-staleness = 1h
          """)
      .withFallback(PersistenceTestKitPlugin.getInstance().config())
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());
  private static final Duration HOUR = Duration.ofHours(1);
  private static final long NOW = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();

  private final ActorTestKit testKit = ActorTestKit.create("PortfolioRecentSnapshotTest", CONFIG);
  private MarketView market;
  private RecentSnapshots recent;
  private PortfolioClient client;

  @BeforeAll
  void start() {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    InstrumentRegistry instruments =
        InstrumentRegistry.of(List.of(new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US")));
    market = new MarketView(instruments);
    market.update(Quote.lastTrade("SPY", 100, NOW));
    recent = new RecentSnapshots(market::version, System::nanoTime);
    Portfolio.init(testKit.system(), new PortfolioEnvironment(market, instruments,
        new MutableClock(Instant.ofEpochMilli(NOW)), PortfolioSettings.fromConfig(CONFIG))
        .withRecentSnapshots(recent));
    client = new PortfolioClient(ClusterSharding.get(testKit.system()), Duration.ofSeconds(10))
        .withRecentSnapshots(recent);
  }

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** Reads until the answer is a kept one (the first read gives the entity its slot, the second is kept). */
  private PortfolioSnapshot kept(String id) throws Exception {
    await(client.recentSnapshot(id, HOUR));
    PortfolioSnapshot asked = await(client.recentSnapshot(id, HOUR));
    PortfolioSnapshot again = await(client.recentSnapshot(id, HOUR));
    assertSame(asked, again, "nothing changed: the kept snapshot answers");
    return again;
  }

  @Test
  void shouldAnswerFromTheKeptSnapshotUntilAFillAnOrderOrAQuoteChangesIt() throws Exception {
    assertTrue(await(client.open("R1", "desk", "alice", 1_000_000, Limits.NONE, "ops")).isAccepted());
    assertTrue(await(client.apply(new Execution("E1", "R1", "algo", "SPY", Side.BUY, 10, 100, NOW))).isAccepted());
    PortfolioSnapshot before = kept("R1");
    assertEquals(1, before.executionCount());

    assertTrue(await(client.apply(new Execution("E2", "R1", "algo", "SPY", Side.BUY, 5, 100, NOW))).isAccepted());
    PortfolioSnapshot afterFill = await(client.recentSnapshot("R1", HOUR));
    assertEquals(2, afterFill.executionCount(), "a fill is seen by the next read");
    assertEquals(15, afterFill.valuation().positions().get(0).quantity());

    kept("R1");
    assertTrue(await(client.record(new OrderEvent(OrderAction.NEW, "R1", "algo", "O1", "", "SPY", Side.BUY, 1, 100,
        NOW))).isAccepted());
    PortfolioSnapshot afterOrder = await(client.recentSnapshot("R1", HOUR));
    assertEquals(1, afterOrder.openOrders().size(), "an order-flow message (not journaled) is seen by the next read");

    PortfolioSnapshot priced = kept("R1");
    market.update(Quote.lastTrade("SPY", 110, NOW + 1));
    PortfolioSnapshot afterQuote = await(client.recentSnapshot("R1", HOUR));
    assertNotSame(priced, afterQuote);
    assertEquals(110.0, afterQuote.valuation().positions().get(0).markPrice(), 1e-9,
        "a quote is seen by the next read");

    PortfolioSnapshot last = kept("R1");
    assertNotSame(last, await(client.recentSnapshot("R1", Duration.ZERO)), "a maximum age of zero asks");
    assertNotSame(last, await(client.snapshot("R1")), "snapshot always asks");
  }
}

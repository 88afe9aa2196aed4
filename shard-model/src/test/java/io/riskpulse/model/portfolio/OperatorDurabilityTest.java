package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
 * Operator commands answer only once the journal is durable (the node's flush), on a single-node cluster with the
 * real sharded portfolio: accepted commands wait for it, a failed flush fails the answer, rejected commands and
 * fills do not flush.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorDurabilityTest {

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

  private final ActorTestKit testKit = ActorTestKit.create("OperatorDurabilityTest", CONFIG);
  private final AtomicInteger flushes = new AtomicInteger();
  private final AtomicReference<Supplier<CompletionStage<Void>>> flush =
      new AtomicReference<>(() -> CompletableFuture.completedFuture(null));
  private PortfolioClient client;

  @BeforeAll
  void start() {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    InstrumentRegistry instruments =
        InstrumentRegistry.of(List.of(new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US")));
    MarketView market = new MarketView(instruments);
    market.update(Quote.lastTrade("SPY", 100, 1));
    Portfolio.init(testKit.system(), new PortfolioEnvironment(market, instruments,
        new MutableClock(Instant.parse("2026-11-26T10:00:00Z")), PortfolioSettings.fromConfig(CONFIG)));
    client = new PortfolioClient(ClusterSharding.get(testKit.system()), Duration.ofSeconds(10))
        .withDurability(() -> {
          flushes.incrementAndGet();
          return flush.get().get();
        });
  }

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  void shouldAnswerAcceptedOperatorCommandsAfterTheFlushAndOthersWithout() throws Exception {
    assertTrue(await(client.open("D1", "desk", "alice", 1_000_000, Limits.NONE, "ops")).isAccepted());
    int afterOpen = flushes.get();
    assertEquals(1, afterOpen, "the open was flushed");

    assertTrue(await(client.apply(new Execution("E1", "D1", "s", "SPY", Side.BUY, 1, 100, 1))).isAccepted());
    assertEquals(afterOpen, flushes.get(), "fills are group-committed by ingestion, not here");
    assertEquals(RejectReason.NOT_HALTED, await(client.resume("D1", "bob", "nothing to resume")).reason());
    assertEquals(afterOpen, flushes.get(), "a rejected command changed nothing: no flush");

    CompletableFuture<Void> slowFlush = new CompletableFuture<>();
    flush.set(() -> slowFlush);
    CompletableFuture<Reply> halt = client.halt("D1", "bob", "runaway").toCompletableFuture();
    assertEquals(afterOpen + 1, testKit.createTestProbe().awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(afterOpen + 1, flushes.get());
      return flushes.get();
    }));
    assertFalse(halt.isDone(), "the halt is not confirmed before the journal is durable");
    slowFlush.complete(null);
    assertTrue(await(halt).isAccepted());

    flush.set(() -> CompletableFuture.failedFuture(new IllegalStateException("disk full")));
    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> await(client.resume("D1", "carol", "checked")));
    assertTrue(failed.getCause().getMessage().contains("could not be made durable"), failed.getMessage());
    flush.set(() -> CompletableFuture.completedFuture(null));
  }
}

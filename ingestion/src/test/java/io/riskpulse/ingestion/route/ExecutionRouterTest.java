package io.riskpulse.ingestion.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioEnvironment;
import io.riskpulse.model.portfolio.PortfolioSettings;
import io.riskpulse.model.portfolio.RejectReason;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The router against real sharded portfolios on a single-node cluster with Pekko's test journal. */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionRouterTest {

  private static final Config CONFIG = ConfigFactory.parseString("""
          pekko.actor.provider = cluster
          pekko.remote.artery.canonical.port = 0
          pekko.remote.artery.canonical.hostname = 127.0.0.1
          riskpulse.portfolio.ask-timeout = 1s
          """)
      .withFallback(PersistenceTestKitPlugin.getInstance().config())
      .withFallback(ConfigFactory.load());

  private ActorTestKit testKit;
  private PortfolioClient portfolios;
  private PersistenceTestKit journal;

  @BeforeAll
  void start() throws Exception {
    testKit = ActorTestKit.create("RouterTest", CONFIG);
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    InstrumentRegistry instruments = InstrumentRegistry.of(List.of(
        new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "", "")));
    Portfolio.init(testKit.system(), new PortfolioEnvironment(new MarketView(instruments), instruments,
        Clock.systemUTC(), PortfolioSettings.fromConfig(CONFIG)));
    portfolios = new PortfolioClient(testKit.system());
    journal = PersistenceTestKit.create(testKit.system());
    for (String id : List.of("A", "B")) {
      Reply reply = portfolios.open(id, "desk", "trader", 1_000_000, Limits.NONE, "test")
          .toCompletableFuture().get(20, TimeUnit.SECONDS);
      assertEquals(Reply.accepted(), reply);
    }
  }

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  private static Execution fill(String id, String portfolio, String symbol, double quantity, double price) {
    return new Execution(id, portfolio, "s", symbol, Side.BUY, quantity, price, 0);
  }

  private List<RoutedExecution> route(List<Execution> executions, IngestionCounters counters) throws Exception {
    return Source.from(executions)
        .via(ExecutionRouter.flow(testKit.system(), portfolios, 4, 3, Duration.ofMillis(100), counters))
        .runWith(Sink.seq(), testKit.system())
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void shouldAnswerEveryExecutionInOrderAndCountEachOutcome() throws Exception {
    IngestionCounters counters = new IngestionCounters();
    List<Execution> input = List.of(
        fill("r1", "A", "SPY", 10, 100),
        fill("r2", "B", "SPY", 5, 100),
        fill("r1", "A", "SPY", 10, 100),        // duplicate
        fill("r3", "A", "NOPE", 1, 1),          // unknown instrument
        fill("r4", "Z", "SPY", 1, 1),           // unknown portfolio
        fill("r5", "B", "SPY", Double.NaN, 1),  // bad quantity
        fill("r6", "B", "SPY", 1, 101));

    List<RoutedExecution> routed = route(input, counters);

    assertEquals(input, routed.stream().map(RoutedExecution::execution).toList());
    assertEquals(3, counters.applied());
    assertEquals(1, counters.duplicates());
    assertEquals(1, counters.rejected(RejectReason.UNKNOWN_INSTRUMENT));
    assertEquals(1, counters.rejected(RejectReason.UNKNOWN_PORTFOLIO));
    assertEquals(1, counters.rejected(RejectReason.INVALID_QUANTITY));
    assertEquals(0, counters.failed());
    assertTrue(routed.get(0).persisted() && routed.get(2).persisted() && !routed.get(3).persisted());
  }

  @Test
  void shouldRetryAnExecutionWhoseWriteFailedAndCountItExactlyOnce() throws Exception {
    IngestionCounters counters = new IngestionCounters();
    long before = portfolios.snapshot("A").toCompletableFuture().get(20, TimeUnit.SECONDS).executionCount();
    // The journal reports the first write as failed: the entity restarts and the ask times out. Whether the
    // write landed or not, the retry with the same execution id must leave exactly one fill.
    journal.failNextPersisted();

    List<RoutedExecution> routed = route(List.of(fill("retry-1", "A", "SPY", 1, 100)), counters);

    assertTrue(routed.get(0).persisted(), routed.get(0).toString());
    assertNull(routed.get(0).failure());
    assertEquals(0, counters.failed());
    assertEquals(1, counters.applied() + counters.duplicates());
    long after = portfolios.snapshot("A").toCompletableFuture().get(20, TimeUnit.SECONDS).executionCount();
    assertEquals(before + 1, after);
  }
}

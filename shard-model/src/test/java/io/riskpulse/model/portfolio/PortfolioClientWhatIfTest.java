package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.market.MarketView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link PortfolioClient#whatIf} never completes exceptionally: a missing portfolio id, and a portfolio that does not
 * answer within the ask timeout, both answer a rejection saying why. The portfolio that cannot answer is real: this
 * node runs sharding but never joins a cluster, so no shard can be placed and every ask waits out its timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioClientWhatIfTest {

  private static final Config CONFIG = ConfigFactory.parseString("""
          pekko.actor.provider = cluster
          pekko.remote.artery.canonical.port = 0
          pekko.remote.artery.canonical.hostname = 127.0.0.1
          riskpulse.portfolio.mark-interval = 1h
          riskpulse.portfolio.risk-staleness = 1h
          # The region still buffers the unanswered ask at teardown and would wait the default 10 s for a shard.
          pekko.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout = 1s
          """)
      .withFallback(PersistenceTestKitPlugin.getInstance().config())
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());
  private static final Duration ASK_TIMEOUT = Duration.ofMillis(300);

  private final ActorTestKit testKit = ActorTestKit.create("PortfolioClientWhatIfTest", CONFIG);
  private PortfolioClient client;

  @BeforeAll
  void start() {
    InstrumentRegistry instruments =
        InstrumentRegistry.of(List.of(new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US")));
    Portfolio.init(testKit.system(), new PortfolioEnvironment(new MarketView(instruments), instruments,
        new MutableClock(Instant.parse("2026-11-26T10:00:00Z")), PortfolioSettings.fromConfig(CONFIG)));
    client = new PortfolioClient(ClusterSharding.get(testKit.system()), ASK_TIMEOUT);
  }

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  private static WhatIfResult await(CompletionStage<WhatIfResult> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static void assertNothingComputed(WhatIfResult result) {
    assertFalse(result.computed());
    assertEquals(List.of(result.rejection()), result.after().varProblems());
    assertTrue(Double.isNaN(result.after().valueAtRisk99()));
    assertTrue(Double.isNaN(result.grossExposureAfter()));
    assertEquals(List.of(), result.breachesAfter());
  }

  @Test
  void shouldAnswerARejectionWhenThePortfolioDoesNotAnswerInTime() throws Exception {
    WhatIfResult result = await(client.whatIf("P1", Map.of("SPY", 10.0)));

    assertEquals("portfolio P1 did not answer within 300 ms", result.rejection());
    assertEquals("P1", result.portfolioId());
    assertNothingComputed(result);
  }

  @Test
  void shouldAnswerARejectionWithoutAskingWhenThePortfolioIdIsMissing() throws Exception {
    for (String missing : new String[] {null, "", "  "}) {
      WhatIfResult result = await(client.whatIf(missing, Map.of("SPY", 10.0)));
      assertEquals("portfolioId is required", result.rejection(), "portfolioId '" + missing + "'");
      assertNothingComputed(result);
    }
  }
}

package io.riskpulse.ingestion.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioEnvironment;
import io.riskpulse.model.portfolio.PortfolioSettings;
import io.riskpulse.model.portfolio.Reply;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;

/**
 * Real sharded portfolios on a single-node cluster with Pekko's in-memory test journal, for ingestion tests.
 */
public final class PortfolioShards implements AutoCloseable {

  public static final InstrumentRegistry INSTRUMENTS = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "", ""),
      new Instrument("TLT", AssetClass.RATES, "USD", 1, "", "")));

  private static final Config CONFIG = ConfigFactory.parseString("""
          pekko.actor.provider = cluster
          pekko.remote.artery.canonical.port = 0
          pekko.remote.artery.canonical.hostname = 127.0.0.1
          riskpulse.portfolio.ask-timeout = 2s
          """)
      .withFallback(PersistenceTestKitPlugin.getInstance().config())
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load());

  public final ActorTestKit testKit;
  public final MarketView market = new MarketView(INSTRUMENTS);
  public final PortfolioClient portfolios;
  public final PersistenceTestKit journal;

  /** Starts the cluster and opens the given portfolios. */
  public PortfolioShards(String name, String... openPortfolios) {
    testKit = ActorTestKit.create(name, CONFIG);
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    Portfolio.init(testKit.system(), new PortfolioEnvironment(market, INSTRUMENTS, Clock.systemUTC(),
        PortfolioSettings.fromConfig(CONFIG)));
    portfolios = new PortfolioClient(testKit.system());
    journal = PersistenceTestKit.create(testKit.system());
    for (String id : openPortfolios) {
      assertEquals(Reply.accepted(), await(portfolios.open(id, "desk", "trader", 1_000_000, Limits.NONE, "test")));
    }
  }

  public static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }

  @Override
  public void close() {
    testKit.shutdownTestKit();
  }
}

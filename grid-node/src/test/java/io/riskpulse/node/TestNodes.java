package io.riskpulse.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** Boots real nodes (Main.init, H2 journal in a temp folder, free ports) for tests. */
final class TestNodes {

  static final InstrumentRegistry INSTRUMENTS = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad market", "US"),
      new Instrument("TLT", AssetClass.RATES, "USD", 1, "treasuries", "US"),
      new Instrument("GLD", AssetClass.COMMODITY, "USD", 1, "precious metals", "")));

  private TestNodes() {}

  /** Node configuration on a data folder: free remoting, HTTP and gRPC ports, frequent snapshots. */
  static Config config(Path dataDir) {
    return NodeConfig.load(ConfigFactory.parseString(
            "riskpulse.persistence.data-dir = \"" + dataDir.toAbsolutePath().toString().replace('\\', '/') + "\"\n"
                + "pekko.remote.artery.canonical.port = 0\n"
                + "riskpulse.http.port = 0\n"
                + "riskpulse.grpc.port = 0\n"
                + "riskpulse.ingestion.aeron.directory = \"" + dataDir.resolve("aeron").toAbsolutePath().toString()
                    .replace('\\', '/') + "\"\n"
                + "riskpulse.portfolio.snapshot-every = 3\n"));
  }

  static ActorSystem<Void> start(Config config) {
    return ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
  }

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }

  static void stop(ActorSystem<?> system) {
    system.terminate();
    await(system.getWhenTerminated());
  }

  static final Duration TIMEOUT = Duration.ofSeconds(20);
}

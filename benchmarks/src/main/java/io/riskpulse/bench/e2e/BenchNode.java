package io.riskpulse.bench.e2e;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.NodeDeps;
import io.riskpulse.node.NodeServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A real node booted the way production boots it ({@link Main#init}): the embedded H2 journal in a fresh temp
 * folder, the embedded Aeron media driver in a unique folder under /dev/shm, a free remoting port, no HTTP.
 * Everything else is the shipped configuration (reference.conf and application.conf), so the harness measures
 * the defaults an operator gets. Closing it terminates the actor system (coordinated shutdown stops the Aeron
 * transport, which deletes its folder) and deletes the data folder.
 */
final class BenchNode implements AutoCloseable {

  final Path dataDir;
  final ActorSystem<Void> system;
  final NodeServices services;

  private BenchNode(Path dataDir, ActorSystem<Void> system, NodeServices services) {
    this.dataDir = dataDir;
    this.system = system;
    this.services = services;
  }

  static BenchNode start(String name) throws Exception {
    return start(name, "");
  }

  /**
   * @param extraConfig HOCON layered over the overrides above, e.g. the OMS endpoints of a harness that needs one;
   *     {@code ""} for none
   */
  static BenchNode start(String name, String extraConfig) throws Exception {
    return start(name, extraConfig, Files.createTempDirectory("riskpulse-bench-" + name + "-"));
  }

  /** A node on {@code dataDir}, e.g. one that a {@link #stopKeepingData stopped} node left (a restart). */
  static BenchNode start(String name, String extraConfig, Path dataDir) throws Exception {
    Path shm = Path.of("/dev/shm");
    Path aeronDir = (Files.isDirectory(shm) ? shm : dataDir)
        .resolve("riskpulse-bench-" + name + "-" + ProcessHandle.current().pid());
    Config config = NodeConfig.load(ConfigFactory.parseString(
        "riskpulse.persistence.data-dir = \"" + dataDir.toAbsolutePath() + "\"\n"
            + "pekko.remote.artery.canonical.port = 0\n"
            + "riskpulse.http.enabled = off\n"
            + "riskpulse.ingestion.aeron.enabled = on\n"
            + "riskpulse.ingestion.aeron.directory = \"" + aeronDir + "\"\n"
            + extraConfig));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
    NodeServices services = Main.init(system, new NodeDeps(Main.loadInstruments(config), Clock.systemUTC()));
    CountDownLatch up = new CountDownLatch(1);
    org.apache.pekko.cluster.Cluster.get(system.classicSystem()).registerOnMemberUp(up::countDown);
    if (!up.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the node did not come up within 30 s");
    }
    if (services.aeron().isEmpty()) {
      throw new IllegalStateException("the node runs without Aeron");
    }
    return new BenchNode(dataDir, system, services);
  }

  static <T> T await(CompletionStage<T> stage, long seconds) throws Exception {
    return stage.toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }

  /** Terminates the actor system and leaves the data folder, for a node started on it next. */
  void stopKeepingData() throws Exception {
    system.terminate();
    await(system.getWhenTerminated(), 60);
  }

  @Override
  public void close() throws Exception {
    stopKeepingData();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}

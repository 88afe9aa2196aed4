package io.riskpulse.it;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.node.cassandra.CassandraLauncher;
import io.riskpulse.node.cassandra.CassandraServerSettings;
import io.riskpulse.node.cassandra.CassandraStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real Apache Cassandra 5.0 node for tests, started by {@link CassandraExtension} as a separate JVM
 * ({@link CassandraLauncher}) on free ports in a folder of its own under {@code riskpulse.cassandra.dir}
 * ({@code it-tests/target/cassandra-it}), named after this test JVM's pid.
 *
 * <p>Always stopped: {@link #close()} when the run's root extension context closes (tests failed or not), and a JVM
 * shutdown hook if the JVM exits first. A test JVM killed outright (SIGKILL) cannot stop it; the next run stops
 * the node of any folder whose JVM is gone before it starts its own. Thread-safe: immutable after start;
 * {@link #close()} is idempotent.
 */
final class CassandraNode implements AutoCloseable {

  private static final AtomicInteger STARTED = new AtomicInteger();
  private static final String PREFIX = "jvm-";

  private final CassandraLauncher launcher;
  private final CassandraStatus started;
  private final Thread shutdownHook;

  private CassandraNode(CassandraLauncher launcher, CassandraStatus started) {
    this.launcher = launcher;
    this.started = started;
    this.shutdownHook = new Thread(launcher::stop, "cassandra-it-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Stops the leftovers of dead test JVMs, then starts a node in a fresh folder and waits for its CQL port. */
  static CassandraNode start() {
    Path base = Path.of(System.getProperty("riskpulse.cassandra.dir", "target/cassandra-it")).toAbsolutePath();
    Path lib = Path.of(System.getProperty("riskpulse.cassandra.lib", "../deploy/cassandra/target/lib"));
    stopLeftovers(base, lib);
    Path dir = base.resolve(PREFIX + ProcessHandle.current().pid() + "-" + STARTED.incrementAndGet());
    deleteRecursively(dir);
    CassandraLauncher launcher = new CassandraLauncher(settings(lib, dir));
    return new CassandraNode(launcher, launcher.start(false));
  }

  private static CassandraServerSettings settings(Path lib, Path dir) {
    return new CassandraServerSettings(lib, dir, 0, 0, 0, "256M", "1G", Duration.ofSeconds(120),
        Duration.ofSeconds(60));
  }

  /** The launcher of this node's folder (status, log). */
  CassandraLauncher launcher() {
    return launcher;
  }

  /** The status right after start: pid and ports. */
  CassandraStatus started() {
    return started;
  }

  int nativePort() {
    return started.nativePort();
  }

  /**
   * Node settings that put the journal, snapshot store and read journal on this Cassandra, in keyspaces of their
   * own ({@code keyspace} and {@code keyspace_snapshot}) so test classes do not see each other's events.
   */
  Config journalConfig(String keyspace) {
    return ConfigFactory.parseMap(Map.of(
        "riskpulse.persistence.journal", "cassandra",
        "riskpulse.persistence.cassandra.contact-points", CassandraLauncher.HOST + ":" + nativePort(),
        "riskpulse.persistence.cassandra.keyspace", keyspace,
        "riskpulse.persistence.cassandra.snapshot-keyspace", keyspace + "_snapshot"));
  }

  @Override
  public void close() {
    launcher.stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook runs (or ran) anyway; stop() is idempotent.
    }
  }

  /** Stops the node of every folder whose test JVM is no longer alive, and deletes the folder. */
  private static void stopLeftovers(Path base, Path lib) {
    if (!Files.isDirectory(base)) {
      return;
    }
    List<Path> folders;
    try (Stream<Path> listing = Files.list(base)) {
      folders = listing.filter(path -> path.getFileName().toString().startsWith(PREFIX)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path folder : folders) {
      String owner = folder.getFileName().toString().substring(PREFIX.length()).split("-")[0];
      boolean ownerAlive = ProcessHandle.of(Long.parseLong(owner)).map(ProcessHandle::isAlive).orElse(false);
      if (!ownerAlive) {
        new CassandraLauncher(settings(lib, folder)).stop();
        deleteRecursively(folder);
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}

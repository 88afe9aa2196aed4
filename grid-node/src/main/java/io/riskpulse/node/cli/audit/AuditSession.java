package io.riskpulse.node.cli.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.persistence.audit.AuditJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;

/**
 * A read-only connection to the node's journal for one audit command: a local actor system (no cluster, no
 * remoting, no schema creation) with the node's journal configuration, and the journal read through Persistence
 * Query. Whatever journal the node is configured with (the same files and environment variables) is the one read.
 *
 * <p>The embedded H2 journal is a file that one process opens at a time: audit a node on it after stopping it
 * (or audit the clustered journal, which many processes read at once). Thread-safety: one command uses it.
 */
final class AuditSession implements AutoCloseable {

  /** A read fails when the journal sends nothing for this long (unreachable, locked). */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  /** How long one whole read of the journal may take before the command gives up. */
  static final Duration READ_TIMEOUT = Duration.ofHours(1);

  private static final Config LOCAL = ConfigFactory.parseString(
      "pekko.actor.provider = local\n"
          + "pekko.loglevel = WARNING\n"
          + "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n"
          + "riskpulse.persistence.create-schema = off\n");


  private final ActorSystem<Void> system;
  private final AuditJournal journal;

  private AuditSession(ActorSystem<Void> system, AuditJournal journal) {
    this.system = system;
    this.journal = journal;
  }

  /**
   * Opens the journal the node's configuration names (system properties and environment included).
   *
   * @param options the command's journal options ({@code --data-dir})
   */
  static AuditSession open(JournalOptions options) {
    Config overrides = LOCAL;
    if (options.dataDir != null) {
      overrides = ConfigFactory.parseMap(java.util.Map.of("riskpulse.persistence.data-dir",
          options.dataDir.toAbsolutePath().toString().replace('\\', '/'))).withFallback(overrides);
    }
    // IFEXISTS: reading a folder without a journal is an error, not a new empty journal.
    String h2Settings = NodeConfig.load(overrides).getString("riskpulse.persistence.h2-url-settings");
    overrides = ConfigFactory.parseMap(java.util.Map.of("riskpulse.persistence.h2-url-settings",
        h2Settings + ";IFEXISTS=TRUE")).withFallback(overrides);
    Config config = NodeConfig.load(overrides);
    if (config.getString("riskpulse.persistence.journal").equals("h2")) {
      Path file = Path.of(config.getString("riskpulse.persistence.data-dir"), "journal.mv.db");
      if (!Files.isRegularFile(file)) {
        throw new JournalUnavailable("there is no embedded journal in the data folder (--data-dir, "
            + "RISKPULSE_DATA_DIR): " + file + " does not exist");
      }
    }
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "riskpulse-audit", config);
    try {
      return new AuditSession(system,
          new AuditJournal(system, config.getString("riskpulse.node.read-journal"), IDLE_TIMEOUT));
    } catch (RuntimeException e) {
      system.terminate();
      throw e;
    }
  }

  AuditJournal journal() {
    return journal;
  }

  Serialization serialization() {
    return SerializationExtension.get(system.classicSystem());
  }

  /** The journal's JSON mapper (the modules the node's Jackson serializer uses). */
  ObjectMapper json() {
    return JacksonObjectMapperProvider.get(system.classicSystem()).getOrCreate("jackson-json", Optional.empty());
  }

  /** The node's dedup window: part of the portfolio state, so replays must use the same. */
  int dedupWindow() {
    return system.settings().config().getInt("riskpulse.portfolio.dedup-window");
  }

  /**
   * Waits for a read of the journal.
   *
   * @throws JournalUnavailable if it failed or took longer than {@link #READ_TIMEOUT}
   */
  <T> T await(CompletionStage<T> read) {
    try {
      return read.toCompletableFuture().get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalUnavailable("interrupted");
    } catch (TimeoutException e) {
      throw new JournalUnavailable("the journal was not read within " + READ_TIMEOUT.toMinutes() + " minutes");
    } catch (ExecutionException e) {
      throw new JournalUnavailable(describe(e.getCause()));
    }
  }

  private static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("already in use") || message.contains("Database may be already in use")) {
        return "the embedded journal is open in a running node (one process at a time): stop the node, then audit";
      }
      if (message.contains("not found, either pre-create it")) {
        return "there is no embedded journal in the data folder (--data-dir, RISKPULSE_DATA_DIR)";
      }
      if (t instanceof java.util.concurrent.TimeoutException) {
        return "the journal sent nothing for " + IDLE_TIMEOUT.toSeconds() + " s (unreachable or locked?): "
            + message;
      }    }
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }

  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Leaving anyway: the command's output is complete.
    }
  }

  /** The journal could not be read; the message says why, for a person. */
  static final class JournalUnavailable extends RuntimeException {
    JournalUnavailable(String message) {
      super(message);
    }
  }
}

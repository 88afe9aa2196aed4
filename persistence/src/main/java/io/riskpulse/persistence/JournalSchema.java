package io.riskpulse.persistence;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the embedded journal's tables (journal, tags, snapshots, durable state) when they are missing.
 *
 * <p>Idempotent: safe on every start. Must complete before the first entity persists, so the node awaits it
 * during {@code Main.init}.
 *
 * <p>On H2 (the embedded default) the DDL is the project's own {@code h2-schema.sql}: the plugin's schema with
 * event payloads as VARBINARY instead of BLOB and one index on {@code ordering} instead of two, which makes
 * each journaled event cheaper to write (the script documents why). Any other profile gets the plugin's own
 * DDL. (The helper used lives in the plugin's {@code testkit} package but ships in its main jar.) On H2 it then
 * runs {@link JournalOrderingRepair}, whether or not it created anything: after a crash H2 can reopen with the
 * journal's {@code ordering} identity behind the stored events, and every write would fail.
 */
public final class JournalSchema {

  private static final Logger LOG = LoggerFactory.getLogger(JournalSchema.class);
  private static final String DB_PATH = "pekko-persistence-jdbc.shared-databases.slick.db";
  private static final String PROFILE_PATH = "pekko-persistence-jdbc.shared-databases.slick.profile";
  private static final String H2_PROFILE = "slick.jdbc.H2Profile$";
  private static final String H2_SCRIPT = "h2-schema.sql";
  private static final String URL_SETTINGS_PATH = "riskpulse.persistence.h2-url-settings";

  private JournalSchema() {}

  /** The project's H2 DDL, read from this class's package on the classpath. */
  static String h2Script() {
    try (InputStream in = JournalSchema.class.getResourceAsStream(H2_SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + H2_SCRIPT + " next to " + JournalSchema.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + H2_SCRIPT, e);
    }
  }

  /**
   * Starts schema creation if {@code riskpulse.persistence.create-schema} is on, then, on H2, the ordering repair
   * (on the blocking dispatcher); on the Cassandra journal ({@link JournalSelection}) see
   * {@link CassandraSchema#ensureCreated} instead.
   */
  public static CompletionStage<Done> ensureCreated(ActorSystem<?> system) {
    Config config = system.settings().config();
    if (JournalSelection.fromConfig(config).isCassandra()) {
      return CassandraSchema.ensureCreated(system);
    }
    boolean create = config.getBoolean("riskpulse.persistence.create-schema");
    if (!H2_PROFILE.equals(config.getString(PROFILE_PATH))) {
      return create ? SchemaUtils.createIfNotExists(system) : CompletableFuture.completedFuture(Done.getInstance());
    }
    refuseSettingsSetElsewhere(config.getString(URL_SETTINGS_PATH));
    CompletionStage<Done> created = create
        ? SchemaUtils.applyScript(h2Script(), ";", "jdbc-journal", system)
        : CompletableFuture.completedFuture(Done.getInstance());
    return created.thenApplyAsync(done -> repairOrdering(config),
        system.dispatchers().lookup(DispatcherSelector.blocking()));
  }

  /**
   * Refuses H2 settings that set the page cache or the retention time again: the URL already sets them from
   * {@code riskpulse.persistence.h2-cache-kb} and {@code riskpulse.persistence.h2-retention-ms}, and H2 refuses a
   * URL with a setting twice ("Duplicate property"), which would leave the node without a journal and the operator
   * with H2's message instead of this one.
   */
  static void refuseSettingsSetElsewhere(String urlSettings) {
    String upper = urlSettings.toUpperCase(java.util.Locale.ROOT);
    if (upper.contains("CACHE_SIZE")) {
      throw new IllegalArgumentException(URL_SETTINGS_PATH + " sets CACHE_SIZE (\"" + urlSettings + "\"), which "
          + "riskpulse.persistence.h2-cache-kb sets: give the cache size there, in KB, and remove it from "
          + URL_SETTINGS_PATH);
    }
    if (upper.contains("RETENTION_TIME")) {
      throw new IllegalArgumentException(URL_SETTINGS_PATH + " sets RETENTION_TIME (\"" + urlSettings + "\"), "
          + "which riskpulse.persistence.h2-retention-ms sets: give the retention there, in milliseconds, and "
          + "remove it from " + URL_SETTINGS_PATH);
    }
  }

  /** Runs {@link JournalOrderingRepair} on the embedded journal and logs what it changed. Blocking. */
  private static Done repairOrdering(Config config) {
    Config db = config.getConfig(DB_PATH);
    try (Connection connection =
        DriverManager.getConnection(db.getString("url"), db.getString("user"), db.getString("password"))) {
      JournalOrderingRepair.realign(connection).ifPresent(change -> LOG.warn(
          "The embedded journal reopened after an unclean shutdown with its ordering identity behind the stored "
              + "events (next value {}, highest stored {}): every write would have failed; moved it to {}",
          change.nextBefore(), change.highestStored(), change.nextAfter()));
      return Done.getInstance();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the embedded journal's ordering identity: " + e.getMessage(), e);
    }
  }

  /** Creates the schema and waits for it, failing the caller if the database cannot be reached. */
  public static void ensureCreatedBlocking(ActorSystem<?> system, Duration timeout) {
    try {
      ensureCreated(system).toCompletableFuture().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the journal schema", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("cannot create the journal schema: " + e.getMessage(), e);
    }
  }
}

package io.riskpulse.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

/**
 * Creates the embedded journal's tables (journal, tags, snapshots, durable state) when they are missing.
 *
 * <p>Idempotent: safe on every start. Must complete before the first entity persists, so the node awaits it
 * during {@code Main.init}.
 *
 * <p>On H2 (the embedded default) the DDL is the project's own {@code h2-schema.sql}: the plugin's schema with
 * event payloads as VARBINARY instead of BLOB and one index on {@code ordering} instead of two, which makes
 * each journaled event cheaper to write (the script documents why). Any other profile gets the plugin's own
 * DDL. (The helper used lives in the plugin's {@code testkit} package but ships in its main jar.)
 */
public final class JournalSchema {

  private static final String PROFILE_PATH = "pekko-persistence-jdbc.shared-databases.slick.profile";
  private static final String H2_PROFILE = "slick.jdbc.H2Profile$";
  private static final String H2_SCRIPT = "h2-schema.sql";

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
   * Starts schema creation if {@code riskpulse.persistence.create-schema} is on; on the Cassandra journal
   * ({@link JournalSelection}) see {@link CassandraSchema#ensureCreated} instead.
   */
  public static CompletionStage<Done> ensureCreated(ActorSystem<?> system) {
    if (JournalSelection.fromConfig(system.settings().config()).isCassandra()) {
      return CassandraSchema.ensureCreated(system);
    }
    if (!system.settings().config().getBoolean("riskpulse.persistence.create-schema")) {
      return java.util.concurrent.CompletableFuture.completedFuture(Done.getInstance());
    }
    String profile = system.settings().config().getString(PROFILE_PATH);
    if (!H2_PROFILE.equals(profile)) {
      return SchemaUtils.createIfNotExists(system);
    }
    return SchemaUtils.applyScript(h2Script(), ";", "jdbc-journal", system);
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

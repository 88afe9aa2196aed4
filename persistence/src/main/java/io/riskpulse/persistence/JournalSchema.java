package io.riskpulse.persistence;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

/**
 * Creates the embedded journal's tables (journal, tags, snapshots, durable state) when they are missing.
 *
 * <p>Idempotent: safe on every start. Must complete before the first entity persists, so the node awaits it
 * during {@code Main.init}. (The helper lives in the plugin's {@code testkit} package but ships in its main
 * jar; it issues the plugin's own DDL for the configured profile.)
 */
public final class JournalSchema {

  private JournalSchema() {}

  /** Starts schema creation if {@code riskpulse.persistence.create-schema} is on. */
  public static CompletionStage<Done> ensureCreated(ActorSystem<?> system) {
    if (!system.settings().config().getBoolean("riskpulse.persistence.create-schema")) {
      return java.util.concurrent.CompletableFuture.completedFuture(Done.getInstance());
    }
    return SchemaUtils.createIfNotExists(system);
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

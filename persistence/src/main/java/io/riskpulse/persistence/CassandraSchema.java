package io.riskpulse.persistence;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.cassandra.KeyspaceAndTableStatements;
import org.apache.pekko.persistence.cassandra.PluginSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The Cassandra journal's keyspaces and tables: the plugin's own CQL ({@link KeyspaceAndTableStatements}, from the
 * configured keyspaces and replication), run at start when {@code riskpulse.persistence.cassandra.autocreate} is on
 * so the first entity never races table creation; otherwise a query that proves the cluster answers.
 *
 * <p>Every statement is {@code CREATE ... IF NOT EXISTS}: idempotent, safe on every start. For production the same
 * CQL, with the replication and compaction chosen by the operator, is created beforehand (deploy/cassandra/README.md;
 * {@link #statements} prints it). Thread-safe: stateless; the session is the plugin's shared one.
 */
public final class CassandraSchema {

  /** The plugin's configuration path, also the path of the session it shares. */
  public static final String PLUGIN_PATH = "pekko.persistence.cassandra";

  private CassandraSchema() {}

  /** The CQL that creates the journal keyspace and tables, then the snapshot keyspace and table, in order. */
  public static List<String> statements(ActorSystem<?> system) {
    PluginSettings settings = PluginSettings.apply(Adapter.toClassic(system),
        system.settings().config().getConfig(PLUGIN_PATH));
    KeyspaceAndTableStatements cql = new KeyspaceAndTableStatements(system, PLUGIN_PATH, settings);
    List<String> statements = new ArrayList<>();
    statements.add(cql.createJournalKeyspaceStatement());
    statements.addAll(cql.getCreateJournalTablesStatements());
    statements.add(cql.createSnapshotKeyspaceStatement());
    statements.addAll(cql.getCreateSnapshotTablesStatements());
    return statements;
  }

  /** Creates what is missing (autocreate on) or checks that Cassandra answers (off). */
  public static CompletionStage<Done> ensureCreated(ActorSystem<?> system) {
    CassandraSession session = CassandraSessionRegistry.get(system).sessionFor(PLUGIN_PATH);
    if (!system.settings().config().getBoolean("riskpulse.persistence.cassandra.autocreate")) {
      return session.selectOne("SELECT release_version FROM system.local").thenApply(row -> Done.getInstance());
    }
    Duration timeout = system.settings().config().getDuration("riskpulse.persistence.cassandra.schema-timeout");
    CompletionStage<Done> done = CompletableFuture.completedFuture(Done.getInstance());
    for (String statement : statements(system)) {
      // DDL waits for schema agreement: seconds per table on a small machine, beyond the driver's 2 s default.
      done = done.thenCompose(previous -> session.executeWrite(SimpleStatement.newInstance(statement)
          .setTimeout(timeout)));
    }
    return done;
  }
}

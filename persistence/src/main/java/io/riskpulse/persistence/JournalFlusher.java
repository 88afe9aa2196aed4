package io.riskpulse.persistence;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes every journal write committed so far durable in the embedded database's file: H2's {@code CHECKPOINT},
 * on a connection of its own. This is the group commit behind the node's acknowledgements: the journal commits
 * in memory as entities persist (state is updated at once), and before the node tells a publisher or a FIX
 * counterparty that messages are persisted, one flush covers every write committed up to then. One flush costs
 * about a millisecond here, whatever the number of writes it covers, where flushing every commit
 * ({@code write-delay-ms = 0}) cost a third of the fill throughput.
 *
 * <p>{@code CHECKPOINT} puts the writes in the file (the operating system's cache): a killed process loses
 * nothing acknowledged. With {@code riskpulse.persistence.flush-to-device = on} it is {@code CHECKPOINT SYNC},
 * which also forces them to the device, so a host crash or power cut loses nothing acknowledged either; each
 * flush then costs about 1-5 ms instead of about 1 ms here.
 *
 * <p>Only the H2 profile needs it; for any other database a commit is durable when it returns and
 * {@link #flush} does nothing. Thread-safe: flushes are serialized.
 */
public final class JournalFlusher implements AutoCloseable {

  private static final String DB = "pekko-persistence-jdbc.shared-databases.slick";

  private final Connection connection;
  private final String checkpointSql;

  private JournalFlusher(Connection connection, boolean toDevice) {
    this.connection = connection;
    this.checkpointSql = toDevice ? "CHECKPOINT SYNC" : "CHECKPOINT";
  }

  /**
   * A flusher for the configured journal database: H2 gets a connection; other databases, and the Cassandra journal
   * (a write is acknowledged once the plugin's consistency level, QUORUM, has it), a no-op.
   */
  public static JournalFlusher fromConfig(Config config) throws SQLException {
    if (JournalSelection.fromConfig(config).isCassandra()
        || !"slick.jdbc.H2Profile$".equals(config.getString(DB + ".profile"))) {
      return new JournalFlusher(null, false);
    }
    Config db = config.getConfig(DB + ".db");
    return new JournalFlusher(
        DriverManager.getConnection(db.getString("url"), db.getString("user"), db.getString("password")),
        config.getBoolean("riskpulse.persistence.flush-to-device"));
  }

  /** Returns once every write committed before the call is in the database file. */
  public synchronized void flush() throws SQLException {
    if (connection == null) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(checkpointSql);
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }
}

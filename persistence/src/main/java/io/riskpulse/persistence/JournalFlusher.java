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
 * <p>Only the H2 profile needs it; for any other database a commit is durable when it returns and
 * {@link #flush} does nothing. Thread-safe: flushes are serialized.
 */
public final class JournalFlusher implements AutoCloseable {

  private static final String DB = "pekko-persistence-jdbc.shared-databases.slick";

  private final Connection connection;

  private JournalFlusher(Connection connection) {
    this.connection = connection;
  }

  /** A flusher for the configured journal database: H2 gets a connection, other databases a no-op. */
  public static JournalFlusher fromConfig(Config config) throws SQLException {
    if (!"slick.jdbc.H2Profile$".equals(config.getString(DB + ".profile"))) {
      return new JournalFlusher(null);
    }
    Config db = config.getConfig(DB + ".db");
    return new JournalFlusher(
        DriverManager.getConnection(db.getString("url"), db.getString("user"), db.getString("password")));
  }

  /** Returns once every write committed before the call is in the database file. */
  public synchronized void flush() throws SQLException {
    if (connection == null) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }
}

package io.riskpulse.persistence;

import com.typesafe.config.Config;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes every journal write committed so far durable before the node acknowledges it: the group commit behind
 * the node's acknowledgements to publishers and FIX counterparties.
 *
 * <p>With the embedded H2 journal at its default, {@code riskpulse.persistence.write-delay-ms = 0}, every commit is
 * in the database file when it returns (the committing connection writes it), so a killed process loses nothing
 * committed and {@link #flush} has nothing to do, unless {@code riskpulse.persistence.flush-to-device = on}: then
 * it forces the file to the device ({@code fsync} through a read-only descriptor of its own, whose sync an interrupt cannot break as it would close a
 * channel), so that a host crash or
 * power cut loses nothing acknowledged either. It never asks H2 to write: a write from a second connection would
 * put the journal's transaction in flight in the file, which H2 does not always undo correctly after a kill (see
 * reference.conf).
 *
 * <p>With a write delay above 0 (H2 keeps commits in memory for up to that long) the flush is H2's
 * {@code CHECKPOINT} ({@code CHECKPOINT SYNC} with flush-to-device) on a connection of its own, as before that
 * default changed; such a journal is not safe against a killed process under load.
 *
 * <p>For any other database, and the Cassandra journal (a write is acknowledged once the plugin's consistency
 * level, QUORUM, has it), {@link #flush} does nothing. Thread-safe: flushes are serialized.
 */
public final class JournalFlusher implements AutoCloseable {

  private static final String DB = "pekko-persistence-jdbc.shared-databases.slick";

  /** H2's CHECKPOINT connection; {@code null} unless the write delay is above 0. */
  private final Connection connection;
  private final String checkpointSql;
  /** The database file, forced to the device on each flush; {@code null} unless write-through with fsync. */
  private final FileInputStream file;

  private JournalFlusher(Connection connection, String checkpointSql, FileInputStream file) {
    this.connection = connection;
    this.checkpointSql = checkpointSql;
    this.file = file;
  }

  /** A flusher for the configured journal database (see the class comment for what it does in each case). */
  public static JournalFlusher fromConfig(Config config) throws SQLException {
    if (JournalSelection.fromConfig(config).isCassandra()
        || !"slick.jdbc.H2Profile$".equals(config.getString(DB + ".profile"))) {
      return new JournalFlusher(null, null, null);
    }
    boolean toDevice = config.getBoolean("riskpulse.persistence.flush-to-device");
    Config db = config.getConfig(DB + ".db");
    if (config.getInt("riskpulse.persistence.write-delay-ms") > 0) {
      return new JournalFlusher(
          DriverManager.getConnection(db.getString("url"), db.getString("user"), db.getString("password")),
          toDevice ? "CHECKPOINT SYNC" : "CHECKPOINT", null);
    }
    if (!toDevice) {
      return new JournalFlusher(null, null, null);
    }
    Path path = databaseFile(db.getString("url"));
    try {
      return new JournalFlusher(null, null, new FileInputStream(path.toFile()));
    } catch (IOException e) {
      throw new SQLException("cannot open the journal database file " + path + " to force it to the device: "
          + e.getMessage(), e);
    }
  }

  /**
   * The file of an H2 database URL {@code jdbc:h2:file:<path>[;settings]}: {@code <path>.mv.db}.
   *
   * @throws IllegalArgumentException if the URL does not name a file database
   */
  static Path databaseFile(String url) {
    String prefix = "jdbc:h2:file:";
    if (!url.startsWith(prefix)) {
      throw new IllegalArgumentException("not an H2 file database URL: " + url);
    }
    int end = url.indexOf(';');
    return Path.of(url.substring(prefix.length(), end < 0 ? url.length() : end) + ".mv.db");
  }

  /** Returns once every write committed before the call is as durable as configured (see the class comment). */
  public synchronized void flush() throws SQLException {
    if (connection != null) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(checkpointSql);
      }
    } else if (file != null) {
      try {
        file.getFD().sync();
      } catch (IOException e) {
        throw new SQLException("cannot force the journal database file to the device: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        throw new SQLException("cannot close the journal database file: " + e.getMessage(), e);
      }
    }
  }
}

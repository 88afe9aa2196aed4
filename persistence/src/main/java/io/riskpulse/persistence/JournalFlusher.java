package io.riskpulse.persistence;

import com.typesafe.config.Config;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.h2.engine.ConnectionInfo;
import org.h2.engine.SysProperties;
import org.h2.message.DbException;

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
  private static final String FLUSH_TO_DEVICE = "riskpulse.persistence.flush-to-device = on";

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
   * Whether {@code url} names a database on an H2 server ({@code jdbc:h2:tcp:} or {@code jdbc:h2:ssl:}), whose file
   * this process cannot force to the device. False for local file and in-memory databases, and for a URL H2 cannot
   * parse (opening it reports that).
   */
  static boolean isServerDatabase(String url) {
    try {
      return new ConnectionInfo(url, new Properties(), "", "").isRemote();
    } catch (DbException e) {
      return false;
    }
  }

  /**
   * The file H2 keeps the database of {@code url} in, {@code <name>.mv.db}, with the name resolved as H2 resolves
   * it when it opens the database: an optional {@code file:} or {@code nio:} prefix, {@code ~} for the user's home
   * directory, relative paths against H2's base directory ({@code -Dh2.baseDir}) or else the working directory,
   * settings after {@code ;} ignored.
   *
   * @throws SQLException if the URL names no single local file: an in-memory or remote (server) database, a
   *     split or zipped file system, or a malformed URL; forcing to the device is then impossible here, so the
   *     node refuses to start rather than acknowledge writes it cannot make durable
   */
  static Path databaseFile(String url) throws SQLException {
    String name;
    try {
      Properties settings = new Properties();
      ConnectionInfo info = new ConnectionInfo(url, settings, "", "");
      String baseDir = SysProperties.getBaseDir();
      if (baseDir != null) {
        info.setBaseDir(baseDir);
      }
      if (info.isRemote() || !info.isPersistent()) {
        throw new SQLException(FLUSH_TO_DEVICE + " needs the journal in a local H2 file database; " + url
            + " names " + (info.isRemote() ? "a database on an H2 server" : "an in-memory database"));
      }
      name = info.getName();
    } catch (DbException e) {
      throw new SQLException(FLUSH_TO_DEVICE + ": cannot resolve the journal database file of " + url + ": "
          + e.getMessage(), e);
    }
    Path path = Path.of(name);
    if (!path.isAbsolute()) {
      throw new SQLException(FLUSH_TO_DEVICE + " needs the journal in a plain H2 file database; " + url
          + " keeps it in '" + name + "'");
    }
    return Path.of(name + ".mv.db");
  }

  /**
   * Whether {@link #flush} does anything: {@code false} when every commit is already as durable as configured when
   * it returns (the embedded journal's default, and Cassandra), so callers need not hand the flush to a thread
   * that may block.
   */
  public boolean isNeeded() {
    return connection != null || file != null;
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

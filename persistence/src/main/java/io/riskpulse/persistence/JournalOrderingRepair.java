package io.riskpulse.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Moves the embedded journal's {@code ordering} identity past the highest stored value when an unclean shutdown
 * left it behind.
 *
 * <p>Why: {@code ordering} is an H2 identity column (the global order of the journal, and the offset tagged
 * queries resume from). H2 2.5.252 can reopen a database whose process was killed with the identity's next value
 * at or below an {@code ordering} already stored: reproduced here in about one kill in fifteen under a steady
 * insert load, with the node's flushes running. Every journal write then fails with a unique-key violation on
 * {@code ordering}, so nothing can persist until the identity has moved past the stored values on its own: the
 * node does not start (its cluster-sharding coordinator cannot record anything). The repair puts the next value
 * at one past the highest stored {@code ordering}. Values are never reused, so tagged-query offsets stored
 * anywhere stay valid.
 *
 * <p>It must run before the first write, which is why {@link JournalSchema#ensureCreated} runs it and the node
 * awaits that before anything persists. A healthy database is left untouched. Not thread-safe against concurrent
 * journal writers: call it only while nothing writes.
 */
public final class JournalOrderingRepair {

  /** The identity's next value as H2 reports it; no row when the journal table does not exist. */
  private static final String NEXT_VALUE_SQL = "SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
      + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'event_journal' AND COLUMN_NAME = 'ordering'";
  private static final String HIGHEST_SQL = "SELECT MAX(\"ordering\") FROM PUBLIC.\"event_journal\"";

  /**
   * What a repair changed.
   *
   * @param nextBefore the identity's next value found at start
   * @param highestStored the highest {@code ordering} in the journal
   * @param nextAfter the identity's next value after the repair ({@code highestStored + 1})
   */
  public record Realignment(long nextBefore, long highestStored, long nextAfter) {}

  private JournalOrderingRepair() {}

  /**
   * Checks the identity and, if its next value is not above every stored {@code ordering}, restarts it at one
   * past the highest.
   *
   * @param connection a connection to the embedded journal database (left open)
   * @return the change made, or empty when the journal table is missing, empty, or healthy
   * @throws SQLException if the database cannot be read or altered
   */
  public static Optional<Realignment> realign(Connection connection) throws SQLException {
    Long next = singleLong(connection, NEXT_VALUE_SQL);
    if (next == null) {
      return Optional.empty();
    }
    Long highest = singleLong(connection, HIGHEST_SQL);
    if (highest == null || next > highest) {
      return Optional.empty();
    }
    long nextAfter = Math.addExact(highest, 1);
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE PUBLIC.\"event_journal\" ALTER COLUMN \"ordering\" RESTART WITH " + nextAfter);
    }
    return Optional.of(new Realignment(next, highest, nextAfter));
  }

  /** The first column of the first row, or null when there is no row or the value is SQL NULL. */
  private static Long singleLong(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        return null;
      }
      long value = rows.getLong(1);
      return rows.wasNull() ? null : value;
    }
  }
}

package io.riskpulse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repair of the embedded journal's {@code ordering} identity, on a real H2 file database with the project's
 * schema. The state a crash can leave (next value at or below a stored {@code ordering}) is set up with
 * {@code RESTART WITH}, since a real kill produces it only about one time in fifteen.
 */
class JournalOrderingRepairTest {

  @TempDir
  Path dataDir;

  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection(
        "jdbc:h2:file:" + dataDir.resolve("journal") + ";DATABASE_TO_UPPER=false", "riskpulse", "");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private void createSchema() throws SQLException {
    for (String statement : JournalSchema.h2Script().split(";")) {
      String sql = statement.lines().filter(line -> !line.strip().startsWith("--"))
          .collect(Collectors.joining("\n")).strip();
      if (!sql.isEmpty()) {
        connection.createStatement().execute(sql);
      }
    }
  }

  /** Inserts one event for {@code p1} and returns the ordering H2 gave it. */
  private long insertEvent(long sequenceNr) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO \"event_journal\" (\"persistence_id\", \"sequence_number\", \"writer\", \"write_timestamp\","
            + " \"adapter_manifest\", \"event_payload\", \"event_ser_id\", \"event_ser_manifest\")"
            + " VALUES ('p1', ?, 'w', 0, '', X'00', 1, '')", new String[] {"ordering"})) {
      insert.setLong(1, sequenceNr);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private void restartIdentityAt(long next) throws SQLException {
    connection.createStatement().execute(
        "ALTER TABLE \"event_journal\" ALTER COLUMN \"ordering\" RESTART WITH " + next);
  }

  @Test
  void shouldMoveAnIdentityLeftBehindTheStoredEventsPastTheHighest() throws SQLException {
    createSchema();
    for (long seq = 1; seq <= 5; seq++) {
      insertEvent(seq);
    }
    restartIdentityAt(3);
    assertThrows(SQLException.class, () -> insertEvent(6), "the state a crash leaves: writes collide");

    Optional<JournalOrderingRepair.Realignment> change = JournalOrderingRepair.realign(connection);

    assertEquals(Optional.of(new JournalOrderingRepair.Realignment(4, 5, 6)), change);
    assertEquals(6, insertEvent(6));
    assertEquals(Optional.empty(), JournalOrderingRepair.realign(connection), "healthy now");
  }

  @Test
  void shouldRepairAnIdentityPointingAtTheHighestStoredValueItself() throws SQLException {
    createSchema();
    for (long seq = 1; seq <= 3; seq++) {
      insertEvent(seq);
    }
    restartIdentityAt(3);

    assertEquals(Optional.of(new JournalOrderingRepair.Realignment(3, 3, 4)),
        JournalOrderingRepair.realign(connection));
    assertEquals(4, insertEvent(4));
  }

  @Test
  void shouldLeaveAHealthyJournalAsItIs() throws SQLException {
    createSchema();
    for (long seq = 1; seq <= 3; seq++) {
      insertEvent(seq);
    }
    restartIdentityAt(100); // ahead, as after H2 hands out a cached block: gaps are fine

    assertEquals(Optional.empty(), JournalOrderingRepair.realign(connection));
    assertEquals(100, insertEvent(4), "the next value was not moved");
  }

  @Test
  void shouldDoNothingWithoutAJournalTableOrWithAnEmptyOne() throws SQLException {
    assertEquals(Optional.empty(), JournalOrderingRepair.realign(connection), "no table");
    createSchema();
    assertEquals(Optional.empty(), JournalOrderingRepair.realign(connection), "no rows");
    assertEquals(1, insertEvent(1));
  }
}

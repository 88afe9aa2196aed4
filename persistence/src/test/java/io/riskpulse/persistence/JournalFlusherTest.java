package io.riskpulse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JournalFlusher}: which file {@code flush-to-device} forces (resolved the way H2 resolves the URL), and a
 * node that cannot force its journal refuses to start instead of acknowledging what it cannot make durable.
 */
class JournalFlusherTest {

  private static Config config(String overrides) {
    return ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference()).resolve();
  }

  @Test
  void shouldResolveTheDatabaseFileAsH2Does() throws SQLException {
    Path workingDirectory = Path.of("").toAbsolutePath();
    assertEquals(workingDirectory.resolve("data/journal.mv.db"),
        JournalFlusher.databaseFile("jdbc:h2:file:./data/journal;DATABASE_TO_UPPER=false;WRITE_DELAY=0"));
    assertEquals(workingDirectory.resolve("data/journal.mv.db"), JournalFlusher.databaseFile("jdbc:h2:./data/journal"));
    assertEquals(Path.of(System.getProperty("user.home"), "rp", "journal.mv.db"),
        JournalFlusher.databaseFile("jdbc:h2:file:~/rp/journal"));
    assertEquals(Path.of("/var/lib/riskpulse/journal.mv.db"),
        JournalFlusher.databaseFile("jdbc:h2:nio:/var/lib/riskpulse/journal;LOCK_TIMEOUT=10000"));
  }

  @Test
  void shouldRefuseADatabaseWithoutALocalFile() {
    assertTrue(assertThrows(SQLException.class, () -> JournalFlusher.databaseFile("jdbc:h2:mem:journal"))
        .getMessage().endsWith("jdbc:h2:mem:journal names an in-memory database"));
    assertTrue(assertThrows(SQLException.class,
        () -> JournalFlusher.databaseFile("jdbc:h2:tcp://db:9092/~/journal")).getMessage()
        .endsWith("names a database on an H2 server"));
    assertTrue(assertThrows(SQLException.class, () -> JournalFlusher.databaseFile("jdbc:h2:split:./data/journal"))
        .getMessage().contains("needs the journal in a plain H2 file database"));
    assertTrue(assertThrows(SQLException.class, () -> JournalFlusher.databaseFile("jdbc:h2:file:data/journal"))
        .getMessage().contains("cannot resolve the journal database file of jdbc:h2:file:data/journal"));
  }

  @Test
  void shouldNeedNoFlushWhereEveryCommitIsWrittenThrough() throws SQLException {
    try (JournalFlusher embedded = JournalFlusher.fromConfig(config(""));
        JournalFlusher cassandra = JournalFlusher.fromConfig(config("riskpulse.persistence.journal = cassandra"))) {
      assertFalse(embedded.isNeeded());
      assertFalse(cassandra.isNeeded());
      embedded.flush();
    }
  }

  @Test
  void shouldForceAnExistingJournalAndRefuseToStartWithoutOne(@TempDir Path dir) throws SQLException {
    String url = "jdbc:h2:file:" + dir.resolve("journal") + ";DATABASE_TO_UPPER=false";
    Config toDevice = config("riskpulse.persistence.flush-to-device = on\n"
        + "pekko-persistence-jdbc.shared-databases.slick.db.url = \"" + url + "\"");

    SQLException missing = assertThrows(SQLException.class, () -> JournalFlusher.fromConfig(toDevice));
    assertTrue(missing.getMessage().startsWith("cannot open the journal database file "
        + dir.resolve("journal.mv.db")), missing.getMessage());

    try (Connection connection = DriverManager.getConnection(url, "riskpulse", "");
        JournalFlusher flusher = JournalFlusher.fromConfig(toDevice)) {
      connection.createStatement().execute("CREATE TABLE t (v INT)");
      assertTrue(flusher.isNeeded());
      flusher.flush();
    }

    Config inMemory = config("riskpulse.persistence.flush-to-device = on\n"
        + "pekko-persistence-jdbc.shared-databases.slick.db.url = \"jdbc:h2:mem:journal\"");
    assertThrows(SQLException.class, () -> JournalFlusher.fromConfig(inMemory));
  }
}

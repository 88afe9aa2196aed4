package io.riskpulse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSchemaTest {

  @TempDir
  Path dataDir;

  private Config config() {
    // The reference config is already resolved, so the database URL itself is overridden, not the data dir.
    return ConfigFactory.parseMap(Map.of("pekko-persistence-jdbc.shared-databases.slick.db.url", url()))
        .withFallback(ConfigFactory.parseString(
            "pekko.persistence.journal.plugin = jdbc-journal\n"
                + "pekko.persistence.snapshot-store.plugin = jdbc-snapshot-store\n"))
        .withFallback(ConfigFactory.load())
        .resolve();
  }

  private String url() {
    return "jdbc:h2:file:" + dataDir.resolve("journal") + ";DATABASE_TO_UPPER=false";
  }

  private String column(String table, String column) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(), "riskpulse", "");
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '" + table
                + "' AND COLUMN_NAME = '" + column + "'")) {
      return rs.next() ? rs.getString(1) : "missing";
    }
  }

  private long indexesOn(String table, String column) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(), "riskpulse", "");
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_NAME = '" + table
                + "' AND COLUMN_NAME = '" + column + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void shouldCreateTheEmbeddedJournalWithInlinePayloadsAndOneOrderingIndexIdempotently() throws Exception {
    for (int start = 0; start < 2; start++) {
      ActorTestKit kit = ActorTestKit.create("schema", config());
      try {
        JournalSchema.ensureCreatedBlocking(kit.system(), Duration.ofSeconds(30));
      } finally {
        kit.shutdownTestKit();
      }
    }
    assertEquals(true, Files.exists(dataDir.resolve("journal.mv.db")));
    assertEquals("BINARY VARYING", column("event_journal", "event_payload"));
    assertEquals("BINARY LARGE OBJECT", column("snapshot", "snapshot_payload"));
    assertEquals(1, indexesOn("event_journal", "ordering"));
    assertEquals(10_000, orderingCache(), "ordering values reserved per write of the sequence's position");
  }

  @Test
  void shouldReserveOrderingValuesInLargeBlocksOnAJournalCreatedBeforeThat() throws Exception {
    try (Connection c = DriverManager.getConnection(url(), "riskpulse", "")) {
      // The table as an earlier schema created it: H2's default of 32 values per block.
      c.createStatement().execute("CREATE TABLE PUBLIC.\"event_journal\" (\"ordering\" BIGINT UNIQUE NOT NULL"
          + " AUTO_INCREMENT, \"deleted\" BOOLEAN DEFAULT false NOT NULL, \"persistence_id\" VARCHAR(255) NOT NULL,"
          + " \"sequence_number\" BIGINT NOT NULL, \"writer\" VARCHAR NOT NULL, \"write_timestamp\" BIGINT NOT NULL,"
          + " \"adapter_manifest\" VARCHAR NOT NULL, \"event_payload\" VARBINARY NOT NULL,"
          + " \"event_ser_id\" INTEGER NOT NULL, \"event_ser_manifest\" VARCHAR NOT NULL,"
          + " \"meta_payload\" VARBINARY, \"meta_ser_id\" INTEGER, \"meta_ser_manifest\" VARCHAR,"
          + " PRIMARY KEY(\"persistence_id\",\"sequence_number\"))");
    }
    assertEquals(32, orderingCache());
    ActorTestKit kit = ActorTestKit.create("schema", config());
    try {
      JournalSchema.ensureCreatedBlocking(kit.system(), Duration.ofSeconds(30));
    } finally {
      kit.shutdownTestKit();
    }
    assertEquals(10_000, orderingCache());
  }

  private long orderingCache() throws SQLException {
    try (Connection c = DriverManager.getConnection(url(), "riskpulse", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
            + " WHERE TABLE_NAME = 'event_journal' AND COLUMN_NAME = 'ordering'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void shouldMoveTheOrderingPastTheStoredEventsAtStartWhenACrashLeftItBehind() throws Exception {
    ActorTestKit first = ActorTestKit.create("schema", config());
    try {
      JournalSchema.ensureCreatedBlocking(first.system(), Duration.ofSeconds(30));
    } finally {
      first.shutdownTestKit();
    }
    try (Connection c = DriverManager.getConnection(url(), "riskpulse", "")) {
      for (int seq = 1; seq <= 3; seq++) {
        c.createStatement().execute("INSERT INTO \"event_journal\" (\"persistence_id\", \"sequence_number\","
            + " \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\","
            + " \"event_ser_manifest\") VALUES ('p1', " + seq + ", 'w', 0, '', X'00', 1, '')");
      }
      // The state an unclean shutdown can leave (see JournalOrderingRepair): the next value is a stored one.
      c.createStatement().execute("ALTER TABLE \"event_journal\" ALTER COLUMN \"ordering\" RESTART WITH 2");
    }

    ActorTestKit second = ActorTestKit.create("schema", config());
    try {
      LoggingTestKit.warn("ordering identity behind the stored events (next value 2, highest stored 3)")
          .expect(second.system(), () -> {
            JournalSchema.ensureCreatedBlocking(second.system(), Duration.ofSeconds(30));
            return null;
          });
    } finally {
      second.shutdownTestKit();
    }
    try (Connection c = DriverManager.getConnection(url(), "riskpulse", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
            + " WHERE TABLE_NAME = 'event_journal' AND COLUMN_NAME = 'ordering'")) {
      rs.next();
      assertEquals(4, rs.getLong(1), "next ordering after the repair");
    }
  }

  /** The shipped configuration with the journal in this test's folder. */
  private Config shipped() {
    return ConfigFactory.parseMap(Map.of("riskpulse.persistence.data-dir", dataDir.toString()))
        .withFallback(ConfigFactory.defaultReferenceUnresolved())
        .resolve();
  }

  @Test
  void shouldOpenTheShippedDatabaseUrlWithTheConfiguredLockTimeout() throws Exception {
    Config shipped = shipped();
    String url = shipped.getString("pekko-persistence-jdbc.shared-databases.slick.db.url");
    assertEquals(10_000, shipped.getInt("riskpulse.persistence.lock-timeout-ms"));
    try (Connection c = DriverManager.getConnection(url, "riskpulse", "");
        ResultSet rs = c.createStatement().executeQuery("CALL LOCK_TIMEOUT()")) {
      rs.next();
      assertEquals(10_000, rs.getInt(1), url);
    }
  }

  @Test
  void shouldRefuseToStartWhenTheExtraH2SettingsSetThePageCacheAgain() {
    ActorTestKit kit = ActorTestKit.create("schema", ConfigFactory.parseMap(
        Map.of("riskpulse.persistence.h2-url-settings", ";cache_size=65536")).withFallback(config()));
    try {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> JournalSchema.ensureCreated(kit.system()));
      assertTrue(refused.getMessage().contains("riskpulse.persistence.h2-cache-kb"), refused.getMessage());
    } finally {
      kit.shutdownTestKit();
    }
  }

  @Test
  void shouldOpenTheShippedDatabaseUrlWithTheConfiguredPageCache() throws Exception {
    Config shipped = shipped();
    String url = shipped.getString("pekko-persistence-jdbc.shared-databases.slick.db.url");
    assertEquals(1024, shipped.getInt("riskpulse.persistence.h2-cache-kb"));
    try (Connection c = DriverManager.getConnection(url, "riskpulse", "");
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")) {
      assertTrue(rs.next(), "H2 reports no cache size");
      assertEquals(1, Integer.parseInt(rs.getString(1)), url); // in MB
    }
  }

  @Test
  void shouldRefuseToStartWhenTheExtraH2SettingsSetTheRetentionTimeAgain() {
    ActorTestKit kit = ActorTestKit.create("schema", ConfigFactory.parseMap(
        Map.of("riskpulse.persistence.h2-url-settings", ";Retention_Time=0")).withFallback(config()));
    try {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> JournalSchema.ensureCreated(kit.system()));
      assertTrue(refused.getMessage().contains("riskpulse.persistence.h2-retention-ms"), refused.getMessage());
    } finally {
      kit.shutdownTestKit();
    }
  }

  @Test
  void shouldOpenTheShippedDatabaseUrlWithTheConfiguredRetentionTime() throws Exception {
    Config shipped = shipped();
    String url = shipped.getString("pekko-persistence-jdbc.shared-databases.slick.db.url");
    assertEquals(5_000, shipped.getInt("riskpulse.persistence.h2-retention-ms"));
    try (Connection c = DriverManager.getConnection(url, "riskpulse", "")) {
      assertEquals(5_000, JournalCompactor.mvStore(c).getFileStore().getRetentionTime(), url);
    }
  }
}

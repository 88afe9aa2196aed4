package io.riskpulse.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded journal's compaction: H2 keeps a chunk of its file while any page of it is live, and the journal's
 * appended rows leave a few live pages in nearly every commit's chunk, so without compaction the file grows with
 * every commit. The tests set H2's retention time to 0, so that chunks are old enough to be rewritten at once
 * (at the default, 5 s, little would be within a test's time).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JournalCompactorTest {

  /** Chunks below this fill are rewritten. */
  private static final int FILL = 50;
  /** Bytes of live pages rewritten at most per run. */
  private static final int BUDGET = 4 << 20;

  /** Writes of four entities at once in the node-level test. */
  private static final int BURSTS = 300;

  @TempDir
  Path dataDir;

  private ActorTestKit testKit;

  @AfterEach
  void stop() {
    if (testKit != null) {
      testKit.shutdownTestKit();
    }
  }

  @Test
  void shouldFreeTheChunksThatTheJournalsRowsKeepAliveAndLoseNoRow() throws Exception {
    try (Connection c = open("journal")) {
      byte[][] payloads = appendEvents(c, 1_500, 0);
      int before = JournalCompactor.mvStore(c).getFileStore().getChunksFillRate();

      compactUntilNothingIsLeft(c);
      int after = JournalCompactor.mvStore(c).getFileStore().getChunksFillRate();

      assertTrue(before < 20, "before compaction the chunks are nearly empty of live pages: " + before + "%");
      assertTrue(after >= FILL, "after compaction the chunks' live share has reached the threshold: " + before
          + "% -> " + after + "%");
      assertEvents(c, payloads);
    }
  }

  @Test
  void shouldKeepTheFileFromGrowingWithEveryCommit() throws Exception {
    long uncompacted;
    try (Connection c = open("uncompacted")) {
      for (int batch = 0; batch < 20; batch++) {
        appendEvents(c, 150, batch * 150);
      }
      uncompacted = Files.size(dataDir.resolve("uncompacted.mv.db"));
    }
    long compacted;
    try (Connection c = open("compacted")) {
      for (int batch = 0; batch < 20; batch++) {
        appendEvents(c, 150, batch * 150);
        JournalCompactor.compact(c, FILL, BUDGET);
      }
      compacted = Files.size(dataDir.resolve("compacted.mv.db"));
    }

    assertTrue(compacted * 2 < uncompacted,
        "3,000 commits compacted every 150 take " + compacted + " bytes, uncompacted " + uncompacted);
  }

  @Test
  void shouldCompactTheNodesJournalOnItsOneConnectionOnceItIsIdle() throws Exception {
    testKit = ActorTestKit.create("compaction", journalConfig(Map.of(
        "riskpulse.persistence.h2-retention-ms", "0",
        "riskpulse.persistence.compaction.interval", "20ms",
        "riskpulse.persistence.compaction.quiet-writes", "0")));
    JournalSchema.ensureCreatedBlocking(testKit.system(), Duration.ofSeconds(30));
    JournalCompactor compactor = JournalCompactor.start(testKit.system()).orElseThrow();
    try {
      int written = 0;
      // Small writes, a few events per commit: the commits whose chunks the appended rows keep alive.
      for (int burst = 0; burst < BURSTS; burst++) {
        written += JournalBurst.writeAtOnce(testKit, "b" + burst + "-", 4, Duration.ofSeconds(30))
            .getOrDefault("written", 0);
      }
      assertEquals(BURSTS * 4, written, "every entity's write succeeded while the compactor looked");
      Path file = dataDir.resolve("journal.mv.db");
      testKit.createTestProbe().awaitAssert(Duration.ofSeconds(30), () -> {
        assertTrue(compactor.compactions() > 0, "runs " + compactor.runs() + ", none rewrote a page");
        assertEquals(Files.size(file), compactor.fileBytes(), "the file's size, as the node's metric shows it");
        return null;
      });
    } finally {
      compactor.close();
    }
    testKit.shutdownTestKit(); // the database closes with its last connection: read it as the node would reopen it
    testKit = null;
    try (Connection c = open("journal");
        ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"event_journal\"")) {
      rows.next();
      assertEquals(BURSTS * 4, rows.getLong(1), "events in the journal after compaction");
    }
  }

  @Test
  void shouldCompactWithinTheBusyBudgetWhileTheJournalKeepsWriting() throws Exception {
    int busyKb = 64;
    testKit = ActorTestKit.create("busy", journalConfig(Map.of(
        "riskpulse.persistence.h2-retention-ms", "0",
        "riskpulse.persistence.compaction.interval", "20ms",
        "riskpulse.persistence.compaction.quiet-writes", "0",
        "riskpulse.persistence.compaction.quiet-max-write-kb", "2048",
        "riskpulse.persistence.compaction.busy-max-write-kb", Integer.toString(busyKb))));
    JournalSchema.ensureCreatedBlocking(testKit.system(), Duration.ofSeconds(30));
    JournalCompactor compactor = JournalCompactor.start(testKit.system()).orElseThrow();
    try {
      boolean busyRun = false;
      int written = 0;
      int bursts = 0;
      // Bursts back to back: every look sees writes, so a run may only rewrite within the busy budget.
      while (!busyRun && bursts < 3_000) {
        written += JournalBurst.writeAtOnce(testKit, "w" + bursts + "-", 4, Duration.ofSeconds(30))
            .getOrDefault("written", 0);
        bursts++;
        busyRun = compactor.lastRun()
            .filter(run -> run.compacted() && run.budgetBytes() == busyKb * 1024).isPresent();
      }
      assertTrue(busyRun, "no run rewrote pages within the busy budget in " + bursts + " bursts; runs "
          + compactor.runs() + ", last " + compactor.lastRun());
      assertEquals(bursts * 4, written, "every entity's write succeeded while the compactor ran");
    } finally {
      compactor.close();
    }
  }

  @Test
  void shouldNotStartWhenTurnedOffOrOnCassandra() {
    testKit = ActorTestKit.create("off", journalConfig(Map.of("riskpulse.persistence.compaction.interval", "0s")));
    assertEquals(Optional.empty(), JournalCompactor.start(testKit.system()));
    testKit.shutdownTestKit();
    testKit = ActorTestKit.create("cassandra", journalConfig(Map.of("riskpulse.persistence.journal", "cassandra")));
    assertEquals(Optional.empty(), JournalCompactor.start(testKit.system()));
  }

  @Test
  void shouldCompactMostWhenIdleALittleWhenQuietAndNotUnderLoad() {
    JournalCompactor.Settings settings = new JournalCompactor.Settings(Duration.ofMillis(200), 50, 4 << 20, 10,
        512 << 10, 256 << 10);
    assertEquals(4 << 20, settings.budgetAfter(0, 0), "idle: nothing written in the last two intervals");
    assertEquals(512 << 10, settings.budgetAfter(0, 500), "the first interval without writes: quiet only");
    assertEquals(512 << 10, settings.budgetAfter(1, 0), "quiet");
    assertEquals(512 << 10, settings.budgetAfter(10, 500), "quiet, at the bound");
    assertEquals(256 << 10, settings.budgetAfter(11, 0), "under load: the busy budget");
    JournalCompactor.Settings idleOnly = new JournalCompactor.Settings(Duration.ofMillis(200), 50, 4 << 20, 0,
        512 << 10, 0);
    assertEquals(0, idleOnly.budgetAfter(11, 0), "busy-max-write-kb 0: no run under load");
    assertEquals(0, idleOnly.budgetAfter(1, 0), "quiet-writes 0: only when idle");
    assertEquals(4 << 20, idleOnly.budgetAfter(0, 0), "quiet-writes 0: idle");
  }

  @Test
  void shouldRefuseSettingsOutOfRange() {
    Config defaults = ConfigFactory.defaultReference();
    assertEquals(new JournalCompactor.Settings(Duration.ofMillis(50), 50, 1024 * 1024, 3, 128 * 1024, 512 * 1024),
        JournalCompactor.Settings.fromConfig(defaults));
    assertEquals(0, JournalCompactor.Settings.fromConfig(ConfigFactory.parseMap(
        Map.of("riskpulse.persistence.compaction.busy-max-write-kb", 0)).withFallback(defaults)).busyMaxWriteBytes());
    assertThrows(IllegalArgumentException.class,
        () -> new JournalCompactor.Settings(Duration.ofMillis(200), 50, 4096, 10, 4096, 512));
    assertThrows(IllegalArgumentException.class, () -> JournalCompactor.Settings.fromConfig(
        ConfigFactory.parseMap(Map.of("riskpulse.persistence.compaction.chunk-fill-percent", 0))
            .withFallback(defaults)));
    assertThrows(IllegalArgumentException.class, () -> JournalCompactor.Settings.fromConfig(
        ConfigFactory.parseMap(Map.of("riskpulse.persistence.compaction.idle-max-write-kb", 0))
            .withFallback(defaults)));
    assertThrows(IllegalArgumentException.class,
        () -> new JournalCompactor.Settings(Duration.ofMillis(-1), 50, 4096, 10, 4096, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new JournalCompactor.Settings(Duration.ofMillis(200), 50, 4096, -1, 4096, 0));
  }

  @Test
  void shouldRefuseToCompactInTheMiddleOfATransaction() throws Exception {
    try (Connection c = open("journal")) {
      c.setAutoCommit(false);
      SQLException refused = assertThrows(SQLException.class, () -> JournalCompactor.compact(c, FILL, BUDGET));
      assertTrue(refused.getMessage().startsWith("a transaction is open"), refused.getMessage());
      c.rollback();
    }
  }

  @Test
  void shouldNotStartOnAJournalInMemory() {
    testKit = ActorTestKit.create("memory", journalConfig(Map.of(
        "pekko-persistence-jdbc.shared-databases.slick.db.url", "jdbc:h2:mem:compaction;DATABASE_TO_UPPER=false")));
    assertEquals(Optional.empty(), JournalCompactor.start(testKit.system()));
  }

  @Test
  void shouldRefuseAConnectionThatIsNotEmbeddedH2() throws Exception {
    try (Connection c = open("journal")) {
      java.sql.Connection notH2 = (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(
          getClass().getClassLoader(), new Class<?>[] {java.sql.Connection.class},
          (proxy, method, args) -> method.getName().equals("isWrapperFor") ? false : method.invoke(c, args));
      SQLException refused = assertThrows(SQLException.class, () -> JournalCompactor.compact(notH2, FILL, BUDGET));
      assertTrue(refused.getMessage().startsWith("not an H2 connection"), refused.getMessage());
    }
  }

  /** A connection to {@code name} in the data folder, with the journal's schema and H2's retention time 0. */
  private Connection open(String name) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve(name)
        + ";DATABASE_TO_UPPER=false;WRITE_DELAY=0;CACHE_SIZE=1024;RETENTION_TIME=0", "riskpulse", "");
    for (String statement : JournalSchema.h2Script().split(";")) {
      if (!statement.isBlank()) {
        c.createStatement().execute(statement);
      }
    }
    return c;
  }

  /**
   * Appends {@code count} events, one per commit, to 50 persistence ids in turn, starting at sequence number
   * {@code first / 50 + 1}; returns their payloads by index.
   */
  private static byte[][] appendEvents(Connection c, int count, int first) throws SQLException {
    byte[][] payloads = new byte[count][];
    Random random = new Random(first);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"event_journal\" (\"persistence_id\","
        + " \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\","
        + " \"event_ser_id\", \"event_ser_manifest\") VALUES (?, ?, 'w', 0, '', ?, 1, 'm')")) {
      c.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        payloads[i] = new byte[300];
        random.nextBytes(payloads[i]);
        insert.setString(1, "p-" + (first + i) % 50);
        insert.setLong(2, (first + i) / 50 + 1);
        insert.setBytes(3, payloads[i]);
        insert.executeUpdate();
        c.commit();
      }
      c.setAutoCommit(true);
    }
    return payloads;
  }

  private static void assertEvents(Connection c, byte[][] payloads) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT \"event_payload\" FROM \"event_journal\""
        + " WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?")) {
      for (int i = 0; i < payloads.length; i++) {
        select.setString(1, "p-" + i % 50);
        select.setLong(2, i / 50 + 1);
        try (ResultSet row = select.executeQuery()) {
          assertTrue(row.next(), "event " + i + " is in the journal");
          assertArrayEquals(payloads[i], row.getBytes(1), "event " + i + "'s payload");
        }
      }
    }
  }

  private static JournalCompactor.Run compactUntilNothingIsLeft(Connection c) throws SQLException {
    JournalCompactor.Run run = JournalCompactor.compact(c, FILL, BUDGET);
    for (int i = 0; i < 20 && run.compacted(); i++) {
      run = JournalCompactor.compact(c, FILL, BUDGET);
    }
    return run;
  }

  private Config journalConfig(Map<String, String> settings) {
    return ConfigFactory.parseMap(settings)
        .withFallback(ConfigFactory.parseMap(Map.of(
            "riskpulse.persistence.data-dir", dataDir.toString(),
            "pekko.persistence.journal.plugin", "jdbc-journal",
            "pekko.persistence.snapshot-store.plugin", "jdbc-snapshot-store")))
        .withFallback(ConfigFactory.defaultReferenceUnresolved())
        .resolve();
  }
}

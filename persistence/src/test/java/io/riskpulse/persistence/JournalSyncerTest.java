package io.riskpulse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded journal's own syncs: what retention they allow H2, when they apply, and how late syncs are told
 * apart. A sync is a real {@code fsync} of a real file.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalSyncerTest {

  private static final long MS = 1_000_000L;

  @TempDir
  Path dataDir;

  @Test
  void shouldShipASyncEverySecondAndAFiveSecondRetention() {
    assertEquals(new JournalSyncer.Settings(Duration.ofSeconds(1), 5_000),
        JournalSyncer.Settings.fromConfig(ConfigFactory.defaultReference()));
  }

  @Test
  void shouldRefuseARetentionThatTheSyncsDoNotCover() {
    IllegalArgumentException withoutSyncs = assertThrows(IllegalArgumentException.class,
        () -> new JournalSyncer.Settings(Duration.ZERO, 44_999));
    assertTrue(withoutSyncs.getMessage().contains("riskpulse.persistence.sync-interval"), withoutSyncs.getMessage());
    IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
        () -> new JournalSyncer.Settings(Duration.ofSeconds(1), 1_999));
    assertTrue(tooShort.getMessage().contains("at least twice"), tooShort.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new JournalSyncer.Settings(Duration.ofMillis(-1), 45_000));
    assertThrows(IllegalArgumentException.class, () -> new JournalSyncer.Settings(Duration.ZERO, -1));
    // At the bounds: H2's own retention without syncs, two intervals with them.
    new JournalSyncer.Settings(Duration.ZERO, 45_000);
    new JournalSyncer.Settings(Duration.ofSeconds(1), 2_000);
  }

  @Test
  void shouldRefuseTheNodesSettingsUnlessTheJournalIsCassandras() {
    assertThrows(IllegalArgumentException.class, () -> JournalSyncer.start(config(Map.of(
        "riskpulse.persistence.sync-interval", "0s"))));
    assertEquals(Optional.empty(), JournalSyncer.start(config(Map.of(
        "riskpulse.persistence.journal", "cassandra", "riskpulse.persistence.sync-interval", "0s"))));
  }

  @Test
  void shouldNotStartWithoutAnIntervalOnCassandraOrInMemory() {
    assertEquals(Optional.empty(), JournalSyncer.start(config(Map.of(
        "riskpulse.persistence.sync-interval", "0s", "riskpulse.persistence.h2-retention-ms", "45000"))));
    assertEquals(Optional.empty(), JournalSyncer.start(config(Map.of("riskpulse.persistence.journal", "cassandra"))));
    assertEquals(Optional.empty(), JournalSyncer.start(config(Map.of(
        "pekko-persistence-jdbc.shared-databases.slick.db.url", "jdbc:h2:mem:journal"))));
  }

  @Test
  void shouldRefuseAShortRetentionForADatabaseOnAnH2Server() {
    String url = "pekko-persistence-jdbc.shared-databases.slick.db.url";
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> JournalSyncer.start(
        config(Map.of(url, "jdbc:h2:tcp://db.example:9092/riskpulse/journal"))));
    assertTrue(refused.getMessage().startsWith("riskpulse.persistence.h2-retention-ms = 5000 needs the journal in a "
        + "local H2 file"), refused.getMessage());
    assertTrue(refused.getMessage().contains("set riskpulse.persistence.h2-retention-ms to at least 45000"),
        refused.getMessage());
    assertThrows(IllegalArgumentException.class, () -> JournalSyncer.start(config(Map.of(
        url, "jdbc:h2:ssl://db.example/riskpulse/journal", "riskpulse.persistence.h2-retention-ms", "44999"))));
    assertEquals(Optional.empty(), JournalSyncer.start(config(Map.of(
        url, "jdbc:h2:tcp://db.example:9092/riskpulse/journal", "riskpulse.persistence.h2-retention-ms", "45000"))));
  }

  @Test
  void shouldSyncOnItsOwnThreadEveryInterval() throws Exception {
    CountDownLatch threeSyncs = new CountDownLatch(3);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    JournalSyncer syncer = JournalSyncer.start(config(Map.of(
        "riskpulse.persistence.sync-interval", "20ms", "riskpulse.persistence.h2-retention-ms", "60000")), () -> {
          threads.add(Thread.currentThread().getName());
          threeSyncs.countDown();
          return true;
        }).orElseThrow();
    try {
      assertTrue(threeSyncs.await(30, TimeUnit.SECONDS), "syncs within 30 s: " + syncer.syncs());
      assertEquals(Set.of("riskpulse-journal-sync"), threads);
      assertEquals(0, syncer.failures());
    } finally {
      syncer.close();
    }
    long closed = syncer.syncs();
    assertTrue(closed >= 4, "three syncs and the last one at close: " + closed);
    syncer.close(); // a second close does nothing
    assertEquals(closed, syncer.syncs());
  }

  @Test
  void shouldForceARealFile() throws Exception {
    Path file = dataDir.resolve("journal.mv.db");
    Files.write(file, new byte[4096]);
    JournalSyncer syncer = new JournalSyncer(file, new JournalSyncer.Settings(Duration.ofSeconds(1), 5_000),
        System::nanoTime);
    syncer.sync();
    syncer.sync();
    assertEquals(2, syncer.syncs());
    assertEquals(0, syncer.failures());
    syncer.close();
  }

  @Test
  void shouldSyncNothingBeforeTheFileExistsAndCountNoFailure() throws Exception {
    Path file = dataDir.resolve("journal.mv.db");
    JournalSyncer syncer = new JournalSyncer(file, new JournalSyncer.Settings(Duration.ofSeconds(1), 5_000),
        System::nanoTime);
    syncer.sync();
    assertEquals(0, syncer.syncs());
    assertEquals(0, syncer.failures());
    Files.write(file, new byte[4096]);
    syncer.sync();
    assertEquals(1, syncer.syncs());
    syncer.close();
  }

  @Test
  void shouldCountASyncAsLateWhenItsWritesWaitedLongerThanTheRetention() throws Exception {
    Path file = dataDir.resolve("journal.mv.db");
    Files.write(file, new byte[4096]);
    AtomicLong now = new AtomicLong(1_000 * MS);
    // Each sync reads the clock as it starts and as it ends; the clock below moves only between the calls.
    JournalSyncer syncer = new JournalSyncer(file, new JournalSyncer.Settings(Duration.ofSeconds(1), 5_000),
        now::get);
    syncer.sync(); // starts at 1,000 ms: the first has no previous one to measure from
    now.addAndGet(4_000 * MS);
    syncer.sync(); // ends 4,000 ms after the previous began: within the retention
    assertEquals(0, syncer.lateSyncs());
    assertEquals(4_000 * MS, syncer.longestExposureNanos());
    now.addAndGet(5_001 * MS);
    syncer.sync(); // 5,001 ms: a write made just after the previous began waited longer than H2 assumes
    assertEquals(1, syncer.lateSyncs());
    assertEquals(5_001 * MS, syncer.longestExposureNanos());
    assertEquals(3, syncer.syncs());
    syncer.close();
  }

  @Test
  void shouldCountFailuresKeepTryingAndTellWhenTheFileWasUnsyncedTooLong() {
    AtomicLong now = new AtomicLong(0); // a clock that starts at 0: no sentinel value
    AtomicLong attempts = new AtomicLong();
    AtomicBoolean failing = new AtomicBoolean();
    JournalSyncer syncer = new JournalSyncer(dataDir.resolve("journal.mv.db"),
        new JournalSyncer.Settings(Duration.ofSeconds(1), 5_000), now::get, () -> {
          attempts.incrementAndGet();
          if (failing.get()) {
            throw new IOException("EIO");
          }
          return true;
        });
    syncer.sync(); // completes, starting at 0
    assertEquals(1, syncer.syncs());
    failing.set(true);
    now.set(3_000 * MS);
    syncer.sync();
    assertEquals(1, syncer.failures());
    assertEquals(0, syncer.lateSyncs(), "3 s unsynced: within the retention");
    assertEquals(3_000 * MS, syncer.unsyncedNanos());
    now.set(5_001 * MS);
    syncer.sync(); // fails again: the file has now held writes for longer than H2 assumes
    assertEquals(2, syncer.failures());
    assertEquals(1, syncer.lateSyncs());
    assertEquals(5_001 * MS, syncer.longestExposureNanos());
    failing.set(false);
    now.set(6_000 * MS);
    syncer.sync(); // completes, but the writes before it waited 6 s
    assertEquals(2, syncer.lateSyncs());
    assertEquals(2, syncer.syncs());
    now.set(6_500 * MS);
    assertEquals(500 * MS, syncer.unsyncedNanos(), "since the start of the last sync that completed");
    syncer.close();
    assertEquals(5, attempts.get(), "close syncs one last time");
    assertEquals(3, syncer.syncs());
  }

  @Test
  void shouldSurviveAnUnexpectedErrorOfTheDevice() {
    AtomicBoolean thrown = new AtomicBoolean();
    JournalSyncer syncer = new JournalSyncer(dataDir.resolve("journal.mv.db"),
        new JournalSyncer.Settings(Duration.ofSeconds(1), 5_000), System::nanoTime, () -> {
          if (thrown.compareAndSet(false, true)) {
            throw new IllegalStateException("not a file system error");
          }
          return true;
        });
    syncer.sync();
    assertEquals(1, syncer.failures());
    syncer.sync();
    assertEquals(1, syncer.syncs(), "the next sync runs");
    syncer.close();
  }

  private Config config(Map<String, String> settings) {
    return ConfigFactory.parseMap(settings)
        .withFallback(ConfigFactory.parseMap(Map.of("riskpulse.persistence.data-dir", dataDir.toString())))
        .withFallback(ConfigFactory.defaultReferenceUnresolved())
        .resolve();
  }
}

package io.riskpulse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded journal takes a write from every entity of a node at once ({@link JournalBurst}). It queues them in
 * front of its one connection, and a full queue refuses a write ("the queue buffer was full"), which restarts the
 * entity and replays it through the same connection; with the plugin's default queue of 1,000 about two thirds of
 * this burst were refused. The queue is sized above the entities a node hosts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedJournalBurstTest {

  /** Entities writing at once: more than the plugin's default queue (1,000) and its batches in flight hold. */
  private static final int ENTITIES = 4_000;

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
  void shouldWriteABurstFromThousandsOfEntitiesWithoutRefusingAny() throws Exception {
    Config config = ConfigFactory.parseMap(Map.of(
            "riskpulse.persistence.data-dir", dataDir.toString(),
            "pekko.persistence.journal.plugin", "jdbc-journal",
            "pekko.persistence.snapshot-store.plugin", "jdbc-snapshot-store"))
        .withFallback(ConfigFactory.defaultReferenceUnresolved()) // the journal's URL is built from data-dir
        .resolve();
    testKit = ActorTestKit.create("burst", config);
    JournalSchema.ensureCreatedBlocking(testKit.system(), Duration.ofSeconds(30));

    Map<String, Integer> answers = JournalBurst.writeAtOnce(testKit, "p-", ENTITIES, Duration.ofSeconds(60));

    assertEquals(Map.of("written", ENTITIES), answers, "an entity whose write was refused answers \"stopped\"");
    assertEquals(ENTITIES, journalRows(), "events in the journal");
  }

  private long journalRows() throws Exception {
    testKit.shutdownTestKit(); // the database closes with its last connection: read it as the node would reopen it
    testKit = null;
    String url = "jdbc:h2:file:" + dataDir.resolve("journal") + ";DATABASE_TO_UPPER=false";
    try (Connection c = DriverManager.getConnection(url, "riskpulse", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"event_journal\"")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

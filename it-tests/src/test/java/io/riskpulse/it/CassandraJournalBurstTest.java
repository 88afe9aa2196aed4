package io.riskpulse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.persistence.JournalBurst;
import io.riskpulse.persistence.JournalSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cassandra journal, configured as the node configures it, takes a write from thousands of entities at once
 * ({@link JournalBurst}: the burst a node sees when fills for a few thousand portfolios are in flight): none is
 * refused. The driver sends at most {@code max-requests-per-connection} requests at once on its one connection to
 * each node; beyond that a request fails, and so would the entity's write.
 */
@Tag(CassandraExtension.TAG)
@ExtendWith(CassandraExtension.class)
@Timeout(240)
class CassandraJournalBurstTest {

  /** Entities writing at once: more than the driver's default of 1,024 requests in flight per connection. */
  private static final int ENTITIES = 3_000;

  @TempDir Path dataDir;

  private ActorTestKit testKit;

  @AfterEach
  void stop() {
    if (testKit != null) {
      testKit.shutdownTestKit();
    }
  }

  @Test
  void shouldWriteABurstFromThousandsOfEntitiesWithoutRefusingAny(CassandraNode cassandra) {
    Config config = NodeConfig.load(cassandra.journalConfig("rp_burst_it").withFallback(ConfigFactory.parseMap(Map.of(
        "riskpulse.persistence.data-dir", dataDir.toString(),
        "pekko.remote.artery.canonical.port", 0))));
    testKit = ActorTestKit.create("burst", config);
    JournalSchema.ensureCreatedBlocking(testKit.system(), Duration.ofSeconds(120));

    Map<String, Integer> answers = JournalBurst.writeAtOnce(testKit, "p-", ENTITIES, Duration.ofSeconds(90));

    assertEquals(Map.of("written", ENTITIES), answers, "an entity whose write was refused answers \"stopped\"");
  }
}

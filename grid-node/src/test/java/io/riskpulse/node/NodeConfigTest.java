package io.riskpulse.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The node's own choices for other libraries' settings win over those libraries' defaults, whatever the order of
 * the reference.conf files on the classpath (they live in the node's application configuration).
 */
class NodeConfigTest {

  @Test
  void shouldApplyTheNodesChoicesForTheCassandraPluginAndDriver() {
    Config config = NodeConfig.load();
    assertEquals("Day", config.getString("pekko.persistence.cassandra.events-by-tag.bucket-size"));
    assertEquals("20260101", config.getString("pekko.persistence.cassandra.events-by-tag.first-time-bucket"));
    assertTrue(config.getBoolean("datastax-java-driver.advanced.reconnect-on-init"));
    assertEquals(config.getString("riskpulse.persistence.cassandra.keyspace"),
        config.getString("pekko.persistence.cassandra.journal.keyspace"));
  }

  @Test
  void shouldLetEveryJournalAndSnapshotPluginResumeWithinSecondsAfterItsCircuitBreakerOpened() {
    Config config = NodeConfig.load();
    for (String plugin : new String[] {"jdbc-journal", "pekko.persistence.cassandra.journal"}) {
      Config effective = config.getConfig(plugin)
          .withFallback(config.getConfig("pekko.persistence.journal-plugin-fallback")); // as Pekko merges them
      assertEquals(Duration.ofSeconds(10), effective.getDuration("circuit-breaker.reset-timeout"), plugin);
    }
    for (String plugin : new String[] {"jdbc-snapshot-store", "pekko.persistence.cassandra.snapshot"}) {
      Config effective = config.getConfig(plugin)
          .withFallback(config.getConfig("pekko.persistence.snapshot-store-plugin-fallback"));
      assertEquals(Duration.ofSeconds(10), effective.getDuration("circuit-breaker.reset-timeout"), plugin);
    }
  }

  private static final String VALUE = "value";

  /**
   * The shipped value, or the environment variable's when the machine running the test sets it (an operator's
   * shell with a failover profile exported): the test checks the shipped default and that the variable wins.
   */
  private static Config shippedUnlessOverridden(String shipped, String environmentVariable) {
    String overridden = System.getenv(environmentVariable);
    return ConfigFactory.parseString(VALUE + " = \"" + (overridden == null ? shipped : overridden) + "\"");
  }

  @Test
  void shouldShipTheFailoverAndRebalancingSettingsThatDocsClusterDescribes() {
    Config config = NodeConfig.load();
    assertEquals(shippedUnlessOverridden("3s", "RISKPULSE_FAILURE_DETECTOR_PAUSE").getDuration(VALUE),
        config.getDuration("pekko.cluster.failure-detector.acceptable-heartbeat-pause"));
    assertEquals(shippedUnlessOverridden("7s", "RISKPULSE_SBR_STABLE_AFTER").getDuration(VALUE),
        config.getDuration("pekko.cluster.split-brain-resolver.stable-after"));
    assertEquals(shippedUnlessOverridden("off", "RISKPULSE_DOWN_REMOVAL_MARGIN").getString(VALUE),
        config.getString("pekko.cluster.down-removal-margin"));
    assertEquals(20,
        config.getInt("pekko.cluster.sharding.least-shard-allocation-strategy.rebalance-absolute-limit"));
    assertEquals(Duration.ofSeconds(60), config.getDuration("pekko.cluster.sharding.waiting-for-state-timeout"));
    assertEquals(Duration.ofSeconds(3), config.getDuration("pekko.cluster.sharding.shard-failure-backoff"));
  }
}

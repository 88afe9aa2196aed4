package io.riskpulse.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
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
  void shouldShipTheFailoverAndRebalancingSettingsThatDocsClusterDescribes() {
    Config config = NodeConfig.load();
    assertEquals(Duration.ofSeconds(3),
        config.getDuration("pekko.cluster.failure-detector.acceptable-heartbeat-pause"));
    assertEquals(Duration.ofSeconds(7), config.getDuration("pekko.cluster.split-brain-resolver.stable-after"));
    assertEquals("off", config.getString("pekko.cluster.down-removal-margin"));
    assertEquals(20,
        config.getInt("pekko.cluster.sharding.least-shard-allocation-strategy.rebalance-absolute-limit"));
    assertEquals(Duration.ofSeconds(10), config.getDuration("pekko.cluster.sharding.waiting-for-state-timeout"));
    assertEquals(Duration.ofSeconds(3), config.getDuration("pekko.cluster.sharding.shard-failure-backoff"));
  }
}

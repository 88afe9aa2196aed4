package io.riskpulse.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
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
}

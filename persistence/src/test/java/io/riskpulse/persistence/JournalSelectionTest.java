package io.riskpulse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code riskpulse.persistence.journal}: plugin ids of each journal, contact points, bad values refused clearly. */
class JournalSelectionTest {

  private static Config config(String overrides) {
    return ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference()).resolve();
  }

  @Test
  void shouldSelectTheEmbeddedJournalByDefault() {
    JournalSelection selection = JournalSelection.fromConfig(config(""));
    assertEquals(new JournalSelection("h2", "jdbc-journal", "jdbc-snapshot-store", "jdbc-read-journal", List.of()),
        selection);
    assertEquals("jdbc-journal", selection.pluginSettings().getString("pekko.persistence.journal.plugin"));
  }

  @Test
  void shouldSelectCassandraWithItsContactPoints() {
    JournalSelection selection = JournalSelection.fromConfig(config("riskpulse.persistence.journal = cassandra\n"
        + "riskpulse.persistence.cassandra.contact-points = \"c1:9042, c2:9142\""));
    assertTrue(selection.isCassandra());
    assertEquals("pekko.persistence.cassandra.query", selection.readJournalPlugin());
    Config settings = selection.pluginSettings();
    assertEquals("pekko.persistence.cassandra.journal", settings.getString("pekko.persistence.journal.plugin"));
    assertEquals("pekko.persistence.cassandra.snapshot", settings.getString("pekko.persistence.snapshot-store.plugin"));
    assertEquals(List.of("c1:9042", "c2:9142"), settings.getStringList("datastax-java-driver.basic.contact-points"));
  }

  @Test
  void shouldRefuseAnUnknownJournalOrMalformedContactPoints() {
    assertEquals("riskpulse.persistence.journal (RISKPULSE_JOURNAL) must be one of [cassandra, h2], was 'postgres'",
        assertThrows(IllegalArgumentException.class,
            () -> JournalSelection.fromConfig(config("riskpulse.persistence.journal = postgres"))).getMessage());
    assertEquals("riskpulse.persistence.cassandra.contact-points: 'c1' is not host:port",
        assertThrows(IllegalArgumentException.class, () -> JournalSelection.fromConfig(config(
            "riskpulse.persistence.journal = cassandra\nriskpulse.persistence.cassandra.contact-points = c1")))
            .getMessage());
  }
}

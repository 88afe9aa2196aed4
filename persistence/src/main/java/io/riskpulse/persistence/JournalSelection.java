package io.riskpulse.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The journal a node runs on, chosen at start by {@code riskpulse.persistence.journal} ({@code RISKPULSE_JOURNAL}):
 * {@code h2} (the embedded journal, the default) or {@code cassandra} (the clustered journal, snapshot store and read
 * journal of pekko-persistence-cassandra). HOCON cannot select a block by a setting's value, so the node's
 * configuration loader asks this class for the chosen plugin ids and layers them over the configuration.
 *
 * @param name {@code h2} or {@code cassandra}
 * @param journalPlugin the plugin id for {@code pekko.persistence.journal.plugin}
 * @param snapshotPlugin the plugin id for {@code pekko.persistence.snapshot-store.plugin}
 * @param readJournalPlugin the Persistence Query plugin id (portfolio directory, watches, alert projection)
 * @param cassandraContactPoints the driver's contact points ({@code host:port}), empty for {@code h2}
 */
public record JournalSelection(String name, String journalPlugin, String snapshotPlugin, String readJournalPlugin,
    List<String> cassandraContactPoints) {

  public static final String H2 = "h2";
  public static final String CASSANDRA = "cassandra";

  /**
   * Reads the selection from a resolved configuration.
   *
   * @throws IllegalArgumentException naming the setting and the accepted values when the journal is unknown or the
   *     contact points are malformed
   */
  public static JournalSelection fromConfig(Config config) {
    String name = config.getString("riskpulse.persistence.journal").trim();
    Config plugins = config.getConfig("riskpulse.persistence.plugins");
    if (!plugins.hasPath(name) || name.contains(".")) {
      throw new IllegalArgumentException("riskpulse.persistence.journal (RISKPULSE_JOURNAL) must be one of "
          + plugins.root().keySet().stream().sorted().toList() + ", was '" + name + "'");
    }
    Config ids = plugins.getConfig(name);
    List<String> contactPoints = CASSANDRA.equals(name)
        ? contactPoints(config.getString("riskpulse.persistence.cassandra.contact-points")) : List.of();
    return new JournalSelection(name, ids.getString("journal"), ids.getString("snapshot-store"),
        ids.getString("read-journal"), contactPoints);
  }

  /** Whether the node runs on the clustered Cassandra journal. */
  public boolean isCassandra() {
    return CASSANDRA.equals(name);
  }

  /**
   * The settings the selection decides: the default journal and snapshot plugins and, on Cassandra, the driver's
   * contact points. (The read journal id belongs to the caller's own setting.)
   */
  public Config pluginSettings() {
    Config plugins = ConfigFactory.parseMap(Map.of(
        "pekko.persistence.journal.plugin", journalPlugin,
        "pekko.persistence.snapshot-store.plugin", snapshotPlugin));
    if (!isCassandra()) {
      return plugins;
    }
    return ConfigFactory.parseMap(Map.of("datastax-java-driver.basic.contact-points", cassandraContactPoints))
        .withFallback(plugins);
  }

  static List<String> contactPoints(String text) {
    List<String> points = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (points.isEmpty()) {
      throw new IllegalArgumentException("riskpulse.persistence.cassandra.contact-points "
          + "(RISKPULSE_CASSANDRA_CONTACT_POINTS) must list host:port, comma-separated; was '" + text + "'");
    }
    for (String point : points) {
      int colon = point.lastIndexOf(':');
      String port = colon < 0 ? "" : point.substring(colon + 1);
      if (colon <= 0 || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535) {
        throw new IllegalArgumentException("riskpulse.persistence.cassandra.contact-points: '" + point
            + "' is not host:port");
      }
    }
    return points;
  }
}

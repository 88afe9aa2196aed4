package io.riskpulse.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.persistence.JournalSelection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Loads the node's configuration with programmatic overrides layered <em>before</em> resolution, so that a
 * setting other settings refer to (e.g. {@code riskpulse.persistence.data-dir}, used inside the journal's JDBC
 * url) takes effect everywhere. Precedence: system properties, the overrides, {@code application.conf},
 * every {@code reference.conf}; {@code ${?ENV}} fallbacks resolve last.
 *
 * <p>The journal is chosen here: {@code riskpulse.persistence.journal} ({@code RISKPULSE_JOURNAL}: {@code h2} or
 * {@code cassandra}, see {@link JournalSelection}) sets {@code pekko.persistence.journal.plugin},
 * {@code pekko.persistence.snapshot-store.plugin}, {@code riskpulse.node.read-journal} and, on Cassandra, the
 * driver's contact points, above every file but below system properties.
 */
public final class NodeConfig {

  /** The Persistence Query plugin id the node's queries use. */
  public static final String READ_JOURNAL = "riskpulse.node.read-journal";

  private NodeConfig() {}

  public static Config load(Config overrides) {
    Config layered = overrides
        .withFallback(ConfigFactory.defaultApplication())
        .withFallback(ConfigFactory.defaultReferenceUnresolved());
    Config resolved = ConfigFactory.defaultOverrides().withFallback(layered).resolve();
    JournalSelection journal = JournalSelection.fromConfig(resolved);
    return ConfigFactory.defaultOverrides()
        .withFallback(seedNodes(resolved))
        .withFallback(journal.pluginSettings())
        .withFallback(ConfigFactory.parseMap(Map.of(READ_JOURNAL, journal.readJournalPlugin())))
        .withFallback(layered)
        .resolve();
  }

  /**
   * {@code pekko.cluster.seed-nodes} from {@code riskpulse.cluster.seed-nodes} (RISKPULSE_SEED_NODES), a
   * comma-separated string, when it is set; nothing otherwise.
   */
  static Config seedNodes(Config resolved) {
    String seeds = resolved.getString("riskpulse.cluster.seed-nodes").trim();
    if (seeds.isEmpty()) {
      return ConfigFactory.empty();
    }
    List<String> list = Arrays.stream(seeds.split(",")).map(String::trim).filter(seed -> !seed.isEmpty()).toList();
    return ConfigFactory.parseMap(Map.of("pekko.cluster.seed-nodes", list));
  }

  public static Config load() {
    return load(ConfigFactory.empty());
  }
}

package io.riskpulse.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * Loads the node's configuration with programmatic overrides layered <em>before</em> resolution, so that a
 * setting other settings refer to (e.g. {@code riskpulse.persistence.data-dir}, used inside the journal's JDBC
 * url) takes effect everywhere. Precedence: system properties, the overrides, {@code application.conf},
 * every {@code reference.conf}; {@code ${?ENV}} fallbacks resolve last.
 */
public final class NodeConfig {

  private NodeConfig() {}

  public static Config load(Config overrides) {
    return ConfigFactory.defaultOverrides()
        .withFallback(overrides)
        .withFallback(ConfigFactory.defaultApplication())
        .withFallback(ConfigFactory.defaultReferenceUnresolved())
        .resolve();
  }

  public static Config load() {
    return load(ConfigFactory.empty());
  }
}

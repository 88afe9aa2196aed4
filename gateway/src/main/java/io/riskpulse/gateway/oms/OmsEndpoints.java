package io.riskpulse.gateway.oms;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the {@link OmsEndpoint}s configured under {@value #CONFIG_PATH}{@code .endpoints}: one per entry, of
 * the entry's {@code type} ({@code fix} → {@link FixOmsEndpoint}, {@code webhook} → {@link WebhookOmsEndpoint}),
 * each entry completed by {@code fix-defaults} / {@code webhook-defaults}. The endpoints are not started.
 * Stateless.
 */
public final class OmsEndpoints {

  /** Configuration block of the OMS endpoints. */
  public static final String CONFIG_PATH = "riskpulse.gateway.oms";

  private OmsEndpoints() {}

  /**
   * The configured endpoints, in configuration order, not started. An empty list means halts reach no OMS.
   *
   * @param config the node configuration (the one holding {@value #CONFIG_PATH})
   * @throws ConfigException naming the entry when a type is unknown, a name repeats or a value is invalid
   */
  public static List<OmsEndpoint> fromConfig(Config config) {
    Config oms = config.getConfig(CONFIG_PATH);
    Config fixDefaults = oms.getConfig("fix-defaults");
    Config webhookDefaults = oms.getConfig("webhook-defaults");
    List<OmsEndpoint> endpoints = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Config entry : oms.getConfigList("endpoints")) {
      if (!entry.hasPath("name") || entry.getString("name").isBlank()) {
        throw new ConfigException.Missing(entry.origin(), CONFIG_PATH + ".endpoints[].name");
      }
      String name = entry.getString("name");
      if (!names.add(name)) {
        throw new ConfigException.BadValue(entry.origin(), CONFIG_PATH + ".endpoints", "duplicate name " + name);
      }
      String type = entry.hasPath("type") ? entry.getString("type").trim().toLowerCase(Locale.ROOT) : "";
      switch (type) {
        case "fix":
          endpoints.add(new FixOmsEndpoint(FixOmsSettings.fromConfig(entry.withFallback(fixDefaults))));
          break;
        case "webhook":
          endpoints.add(new WebhookOmsEndpoint(WebhookOmsSettings.fromConfig(entry.withFallback(webhookDefaults))));
          break;
        default:
          throw new ConfigException.BadValue(entry.origin(), CONFIG_PATH + ".endpoints",
              "endpoint " + name + ": type must be fix or webhook, was '" + type + "'");
      }
    }
    return List.copyOf(endpoints);
  }
}

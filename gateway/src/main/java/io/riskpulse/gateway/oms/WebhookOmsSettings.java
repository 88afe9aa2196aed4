package io.riskpulse.gateway.oms;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Settings of one {@link WebhookOmsEndpoint}: where halts are POSTed and how long to wait. Immutable.
 *
 * <p>Read from one entry of {@code riskpulse.gateway.oms.endpoints} with {@link #fromConfig}; keys are documented
 * in the gateway's {@code reference.conf} ({@code riskpulse.gateway.oms.webhook-defaults}) and {@code docs/OMS.md}.
 *
 * @param name endpoint name, unique per node
 * @param url absolute {@code http} or {@code https} URL the instruction is POSTed to
 * @param requestTimeout how long one request may take, from sending to the response headers
 * @param connectTimeout how long to wait for the TCP (and TLS) connection
 * @param headers extra request headers, e.g. {@code Authorization}; may not override {@code Content-Type} or
 *     {@code Idempotency-Key}
 */
public record WebhookOmsSettings(String name, URI url, Duration requestTimeout, Duration connectTimeout,
    Map<String, String> headers) {

  /** Path, inside the node configuration, of the defaults applied to every {@code type = webhook} entry. */
  public static final String DEFAULTS_PATH = "riskpulse.gateway.oms.webhook-defaults";

  public WebhookOmsSettings {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    Objects.requireNonNull(url, "url");
    if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
      throw new IllegalArgumentException("url must be an absolute http(s) URL, was " + url);
    }
    requirePositive(requestTimeout, "request-timeout");
    requirePositive(connectTimeout, "connect-timeout");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    for (String header : headers.keySet()) {
      if (header.equalsIgnoreCase("Content-Type") || header.equalsIgnoreCase(WebhookOmsEndpoint.IDEMPOTENCY_KEY)) {
        throw new IllegalArgumentException("header " + header + " is set by the endpoint");
      }
    }
  }

  /**
   * Reads one endpoint entry. Keys missing from the entry are taken from {@value #DEFAULTS_PATH} of the gateway's
   * {@code reference.conf}.
   *
   * @throws ConfigException naming the key when a value is missing or invalid
   */
  public static WebhookOmsSettings fromConfig(Config entry) {
    Config c = entry.withFallback(ConfigFactory.defaultReference().getConfig(DEFAULTS_PATH));
    Map<String, String> headers = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> header : c.getConfig("headers").root().entrySet()) {
      headers.put(header.getKey(), String.valueOf(header.getValue().unwrapped()));
    }
    try {
      return new WebhookOmsSettings(c.getString("name"), URI.create(c.getString("url")),
          c.getDuration("request-timeout"), c.getDuration("connect-timeout"), headers);
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(entry.origin(), "endpoints", e.getMessage(), e);
    }
  }

  private static void requirePositive(Duration value, String key) {
    Objects.requireNonNull(value, key);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be positive, was " + value);
    }
  }
}

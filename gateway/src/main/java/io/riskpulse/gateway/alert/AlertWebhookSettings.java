package io.riskpulse.gateway.alert;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import io.riskpulse.model.alert.AlertNotification.Change;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where and how alert notifications are POSTed, from {@code riskpulse.alerts.webhook} (see this module's
 * reference.conf).
 *
 * @param url the receiver; http or https
 * @param requestTimeout one attempt without a complete answer after this long fails (and is retried)
 * @param connectTimeout connecting to the receiver takes at most this long
 * @param headers extra request headers (e.g. Authorization); Content-Type and Idempotency-Key are set by the webhook
 * @param retries further attempts after a failed one (0: one attempt only)
 * @param retryBackoff delay before the first retry, doubling per further retry
 * @param maxPending notifications waiting to be sent beyond which new ones are dropped (counted and logged)
 * @param changes the kinds of change that are sent; the others are not
 */
public record AlertWebhookSettings(URI url, Duration requestTimeout, Duration connectTimeout,
    Map<String, String> headers, int retries, Duration retryBackoff, int maxPending, Set<Change> changes) {

  public AlertWebhookSettings {
    String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("riskpulse.alerts.webhook.url must be an http(s) URL, was " + url);
    }
    requirePositive("request-timeout", requestTimeout);
    requirePositive("connect-timeout", connectTimeout);
    requirePositive("retry-backoff", retryBackoff);
    if (retries < 0 || maxPending < 1) {
      throw new IllegalArgumentException("riskpulse.alerts.webhook: retries must be >= 0 and max-pending >= 1, were "
          + retries + " and " + maxPending);
    }
    headers = Map.copyOf(headers == null ? Map.of() : headers);
    changes = changes == null || changes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(changes));
  }

  /** The webhook's settings, or empty when {@code riskpulse.alerts.webhook.url} is blank (no webhook). */
  public static Optional<AlertWebhookSettings> fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.alerts.webhook");
    String url = c.getString("url");
    if (url.isBlank()) {
      return Optional.empty();
    }
    Map<String, String> headers = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> header : c.getConfig("headers").root().entrySet()) {
      headers.put(header.getKey(), String.valueOf(header.getValue().unwrapped()));
    }
    Set<Change> changes = EnumSet.noneOf(Change.class);
    for (String change : c.getStringList("changes")) {
      try {
        changes.add(Change.valueOf(change.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("riskpulse.alerts.webhook.changes: unknown change '" + change
            + "', expected some of " + EnumSet.allOf(Change.class), e);
      }
    }
    return Optional.of(new AlertWebhookSettings(URI.create(url.trim()), c.getDuration("request-timeout"),
        c.getDuration("connect-timeout"), headers, c.getInt("retries"), c.getDuration("retry-backoff"),
        c.getInt("max-pending"), changes));
  }

  /** The delay before retry {@code retry} (1-based): {@code retry-backoff} doubled per earlier retry. */
  public Duration backoff(int retry) {
    return retryBackoff.multipliedBy(1L << Math.max(0, Math.min(retry - 1, 20)));
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("riskpulse.alerts.webhook." + key + " must be positive, was " + value);
    }
  }
}

package io.riskpulse.gateway.halt;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tunables of the OMS gateway actor, from {@code riskpulse.gateway.halts} (see this module's reference.conf).
 *
 * @param attemptTimeout an endpoint that neither acknowledges nor fails an attempt within this is treated as a
 *     retryable failure
 * @param retryMin first retry delay after a failed attempt (or an unresolved scope)
 * @param retryMax the delay doubles per failure up to this
 * @param requestTimeout how long a sender waits for the gateway to take a halt
 */
public record OmsGatewaySettings(Duration attemptTimeout, Duration retryMin, Duration retryMax,
    Duration requestTimeout) {

  public OmsGatewaySettings {
    if (attemptTimeout.isNegative() || attemptTimeout.isZero() || retryMin.isNegative() || retryMin.isZero()
        || retryMax.compareTo(retryMin) < 0 || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("riskpulse.gateway.halts: timeouts must be positive and retry-max >= "
          + "retry-min, were " + attemptTimeout + ", " + retryMin + ", " + retryMax + ", " + requestTimeout);
    }
  }

  public static OmsGatewaySettings fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.gateway.halts");
    return new OmsGatewaySettings(c.getDuration("attempt-timeout"), c.getDuration("retry.min"),
        c.getDuration("retry.max"), c.getDuration("request-timeout"));
  }

  /** Delay before retry number {@code failures} (1 = after the first failure). */
  public Duration backoff(int failures) {
    long millis = retryMin.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
    return Duration.ofMillis(Math.min(millis, retryMax.toMillis()));
  }
}

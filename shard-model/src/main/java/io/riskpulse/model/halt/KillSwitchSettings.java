package io.riskpulse.model.halt;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tunables of the kill switch and of each node's view of it, from {@code riskpulse.kill-switch} (see this
 * module's reference.conf).
 *
 * @param askTimeout how long callers (the API, each node's {@link HaltRegistry} refresh) wait for the kill
 *     switch's answer before treating its state as unavailable
 * @param dispatchTimeout a hand-off of a halt to the OMS gateway that has not completed after this long counts
 *     as failed and is retried
 * @param dispatchRetryMin delay before the first retry of a failed hand-off; doubles with each further failure
 * @param dispatchRetryMax the longest delay between retries of a hand-off
 * @param refreshInterval how often each node's registry asks the kill switch for the halts in force, besides
 *     the pushes it receives (which may be lost)
 * @param staleAfter a registry whose state no successful ask confirmed for this long is unsynchronised, and
 *     pre-trade checks reject (fail closed); must exceed {@code refreshInterval}
 */
public record KillSwitchSettings(Duration askTimeout, Duration dispatchTimeout, Duration dispatchRetryMin,
    Duration dispatchRetryMax, Duration refreshInterval, Duration staleAfter) {

  public KillSwitchSettings {
    requirePositive("ask-timeout", askTimeout);
    requirePositive("dispatch-timeout", dispatchTimeout);
    requirePositive("dispatch-retry.min", dispatchRetryMin);
    requirePositive("dispatch-retry.max", dispatchRetryMax);
    requirePositive("registry.refresh-interval", refreshInterval);
    requirePositive("registry.stale-after", staleAfter);
    if (dispatchRetryMax.compareTo(dispatchRetryMin) < 0) {
      throw new IllegalArgumentException("riskpulse.kill-switch.dispatch-retry.max (" + dispatchRetryMax
          + ") must not be below dispatch-retry.min (" + dispatchRetryMin + ")");
    }
    if (staleAfter.compareTo(refreshInterval) <= 0) {
      throw new IllegalArgumentException("riskpulse.kill-switch.registry.stale-after (" + staleAfter
          + ") must exceed registry.refresh-interval (" + refreshInterval + ")");
    }
  }

  public static KillSwitchSettings fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.kill-switch");
    return new KillSwitchSettings(
        c.getDuration("ask-timeout"),
        c.getDuration("dispatch-timeout"),
        c.getDuration("dispatch-retry.min"),
        c.getDuration("dispatch-retry.max"),
        c.getDuration("registry.refresh-interval"),
        c.getDuration("registry.stale-after"));
  }

  /**
   * The delay before retrying a hand-off that failed {@code failures} times in a row: {@code dispatch-retry.min}
   * doubled per earlier failure, at most {@code dispatch-retry.max}.
   */
  public Duration dispatchBackoff(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 30));
    Duration delay = dispatchRetryMin.multipliedBy(1L << doublings);
    return delay.compareTo(dispatchRetryMax) > 0 ? dispatchRetryMax : delay;
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("riskpulse.kill-switch." + key + " must be positive, was " + value);
    }
  }
}

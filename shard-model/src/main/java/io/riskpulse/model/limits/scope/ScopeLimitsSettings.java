package io.riskpulse.model.limits.scope;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tunables of the desk and firm limit entities ({@link ScopeLimits}), from {@code riskpulse.limits.scope} (see
 * this module's reference.conf).
 *
 * @param checkInterval how often an entity asks its risk aggregate for the figures and judges them: bounds how
 *     late a desk or firm breach is detected, on top of the aggregates' own delays
 * @param grace after an entity starts, figures its aggregate does not know yet (NaN, or no answer) are not judged
 *     for this long, so a node start does not breach (and halt) a desk whose portfolios have not reported again
 *     yet; after it an unknown figure breaches every limit set on it (fail closed). Known figures are judged at
 *     once
 * @param askTimeout how long a check waits for the aggregate and an engagement for the kill switch before it
 *     counts as failed; also the wait of {@link ScopeLimitsClient}'s callers
 * @param engageRetryMin delay before the first retry of an engagement the kill switch did not confirm; doubles
 *     with each further failure
 * @param engageRetryMax the longest delay between retries of an engagement
 * @param snapshotEvery events between snapshots of an entity
 * @param keepSnapshots snapshots kept per entity
 */
public record ScopeLimitsSettings(Duration checkInterval, Duration grace, Duration askTimeout,
    Duration engageRetryMin, Duration engageRetryMax, int snapshotEvery, int keepSnapshots) {

  public ScopeLimitsSettings {
    requirePositive("check-interval", checkInterval);
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("riskpulse.limits.scope.grace must be zero or positive, was " + grace);
    }
    requirePositive("ask-timeout", askTimeout);
    requirePositive("engage-retry.min", engageRetryMin);
    requirePositive("engage-retry.max", engageRetryMax);
    if (engageRetryMax.compareTo(engageRetryMin) < 0) {
      throw new IllegalArgumentException("riskpulse.limits.scope.engage-retry.max (" + engageRetryMax
          + ") must not be below engage-retry.min (" + engageRetryMin + ")");
    }
    if (snapshotEvery < 1 || keepSnapshots < 1) {
      throw new IllegalArgumentException("riskpulse.limits.scope.snapshot-every and keep-snapshots must be at least 1, "
          + "were " + snapshotEvery + " and " + keepSnapshots);
    }
  }

  public static ScopeLimitsSettings fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.limits.scope");
    return new ScopeLimitsSettings(
        c.getDuration("check-interval"),
        c.getDuration("grace"),
        c.getDuration("ask-timeout"),
        c.getDuration("engage-retry.min"),
        c.getDuration("engage-retry.max"),
        c.getInt("snapshot-every"),
        c.getInt("keep-snapshots"));
  }

  /**
   * The delay before retrying an engagement that failed {@code failures} times in a row: {@code engage-retry.min}
   * doubled per earlier failure, at most {@code engage-retry.max}.
   */
  public Duration engageBackoff(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 30));
    Duration delay = engageRetryMin.multipliedBy(1L << doublings);
    return delay.compareTo(engageRetryMax) > 0 ? engageRetryMax : delay;
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("riskpulse.limits.scope." + key + " must be positive, was " + value);
    }
  }
}

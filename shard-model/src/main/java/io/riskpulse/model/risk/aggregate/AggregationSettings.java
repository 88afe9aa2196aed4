package io.riskpulse.model.risk.aggregate;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tunables of the desk and firm risk aggregates, from {@code riskpulse.risk.aggregation} (see this module's
 * reference.conf).
 *
 * @param publishInterval how often a desk may send its summed vector to the firm; bounds how much staler the
 *     firm's figures are than the desks'
 * @param refreshInterval a member re-sends an unchanged vector this often, so that an aggregate restarted
 *     elsewhere (rebalance, node loss) fills up again without waiting for a change
 * @param staleAfter a member silent this long makes the aggregate's figures NaN (fail closed); must exceed
 *     {@code refreshInterval} (and the portfolios' {@code risk-report-refresh}) by a margin
 * @param askTimeout how long callers wait for an aggregate's answer
 */
public record AggregationSettings(
    Duration publishInterval, Duration refreshInterval, Duration staleAfter, Duration askTimeout) {

  public AggregationSettings {
    if (staleAfter.compareTo(refreshInterval) <= 0) {
      throw new IllegalArgumentException("riskpulse.risk.aggregation.stale-after (" + staleAfter
          + ") must exceed refresh-interval (" + refreshInterval + ")");
    }
  }

  public static AggregationSettings fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.risk.aggregation");
    return new AggregationSettings(c.getDuration("publish-interval"), c.getDuration("refresh-interval"),
        c.getDuration("stale-after"), c.getDuration("ask-timeout"));
  }
}

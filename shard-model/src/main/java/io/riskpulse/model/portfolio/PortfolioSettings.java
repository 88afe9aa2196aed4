package io.riskpulse.model.portfolio;

import com.typesafe.config.Config;
import io.riskpulse.model.risk.rebalance.RebalanceMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Tunables of the portfolio entity, from {@code riskpulse.portfolio} (see this module's reference.conf).
 *
 * @param markInterval how often positions are re-marked to the node's prices and limits re-checked; bounds
 *     how stale a price-driven breach can be
 * @param dedupWindow number of most recent execution ids remembered for idempotency
 * @param peakPersistStep currency units the P&amp;L peak must rise between executions before it is persisted
 * @param snapshotEvery events between snapshots while the portfolio's execution-id window is small
 * @param snapshotEveryMax the longest interval between snapshots, in events, reached while the window is large
 *     ({@link SnapshotInterval}); below {@code snapshotEvery}, a fixed interval of {@code snapshotEvery}
 * @param keepSnapshots snapshots kept: those within {@code keepSnapshots × snapshotEveryMax} events of the latest
 * @param snapshotStagger whether each portfolio shifts its snapshots between retention snapshots by its own phase
 *     ({@link SnapshotInterval#staggeredFor}), so that portfolios trading in step do not snapshot together
 * @param reportingCurrency ISO currency every amount and limit is expressed in
 * @param tradingDayZone time zone in which trading days are counted
 * @param tradingDayRoll local time at which a new trading day starts (e.g. 17:00 for a New York FX desk)
 * @param marketDataGrace after an entity starts, how long positions without a price or FX rate are tolerated
 *     before limits are judged (then missing data breaches MARKET_DATA)
 * @param riskStaleness how often the live risk (VaR, ES, stress) is refreshed when prices move, its limits
 *     judged and its vector reported to the desk: risk is never older than this after a price move
 * @param riskReportRefresh an unchanged vector is re-sent to the desk this often (see
 *     {@link io.riskpulse.model.risk.aggregate.AggregationSettings#refreshInterval()})
 * @param rebalance what a breached exposure or concentration limit does beyond its action: nothing, a proposal
 *     for approval, or orders sent at once
 */
public record PortfolioSettings(
    Duration markInterval, int dedupWindow, double peakPersistStep, int snapshotEvery, int snapshotEveryMax,
    int keepSnapshots, boolean snapshotStagger, String reportingCurrency, Duration marketDataGrace,
    ZoneId tradingDayZone, LocalTime tradingDayRoll, Duration riskStaleness, Duration riskReportRefresh,
    RebalanceMode rebalance) {

  /** Checks the snapshot settings at start-up, naming the one out of range. */
  public PortfolioSettings {
    new SnapshotInterval(snapshotEvery, snapshotEveryMax); // the fields are assigned after this block
  }

  /** When a portfolio snapshots: every {@code snapshotEvery} events, more rarely as its window grows. */
  SnapshotInterval snapshotInterval() {
    return new SnapshotInterval(snapshotEvery, snapshotEveryMax);
  }

  /** When {@code portfolioId} snapshots: {@link #snapshotInterval()}, staggered by its phase if so configured. */
  SnapshotInterval snapshotInterval(String portfolioId) {
    return snapshotStagger ? snapshotInterval().staggeredFor(portfolioId) : snapshotInterval();
  }

  /** The trading day of an instant: the zone's local date, shifted back by the roll time. */
  public long tradingDay(long epochMillis) {
    LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), tradingDayZone);
    return local.minusHours(tradingDayRoll.getHour()).minusMinutes(tradingDayRoll.getMinute())
        .toLocalDate().toEpochDay();
  }

  public static PortfolioSettings fromConfig(Config config) {
    Config c = config.getConfig("riskpulse.portfolio");
    return new PortfolioSettings(
        c.getDuration("mark-interval"),
        c.getInt("dedup-window"),
        c.getDouble("peak-persist-step"),
        c.getInt("snapshot-every"),
        c.getInt("snapshot-every-max"),
        c.getInt("keep-snapshots"),
        c.getBoolean("snapshot-stagger"),
        c.getString("reporting-currency"),
        c.getDuration("market-data-grace"),
        ZoneId.of(c.getString("trading-day.zone")),
        LocalTime.parse(c.getString("trading-day.roll")),
        c.getDuration("risk-staleness"),
        c.getDuration("risk-report-refresh"),
        RebalanceMode.valueOf(c.getString("rebalance").toUpperCase(java.util.Locale.ROOT)));
  }
}

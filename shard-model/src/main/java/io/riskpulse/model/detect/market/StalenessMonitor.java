package io.riskpulse.model.detect.market;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings.StalenessSettings;
import java.util.Locale;
import java.util.Map;

/**
 * A silent instrument: the time since its last update (quote, trade or book) against its normal interval between
 * updates, an EWMA of the intervals (half-life in updates). After {@code warmUp} intervals it fires, at the caller's
 * {@code nowMillis}, when the silence exceeds {@code max(multiple × normal interval, floorMillis)}: the multiple
 * adapts the bound to each instrument's own pace, the floor keeps a very busy instrument from being stale after a
 * few milliseconds of ordinary jitter.
 *
 * <p>Intervals are folded into the norm clamped at {@code multiple × norm}, so one long silence (a halt, a night)
 * does not teach the monitor that silence is normal. An update stamped before the latest one is ignored (it neither
 * moves the clock back nor counts as an interval). Before the warm-up nothing fires: the pace is unknown (the
 * market view's price age and the pre-trade {@code max-price-age} still protect). Units: milliseconds in, the score
 * and threshold in seconds. Deterministic (time only from event timestamps and {@code nowMillis}), O(1). Not
 * thread-safe: {@link MarketSurveillance} guards it with its symbol's lock.
 */
public final class StalenessMonitor {

  private final String symbol;
  private final StalenessSettings settings;
  private final EwmaNorm intervals;
  private long lastMillis = Long.MIN_VALUE;

  public StalenessMonitor(String symbol, StalenessSettings settings) {
    this.symbol = symbol;
    this.settings = settings;
    this.intervals = new EwmaNorm(settings.halfLife());
  }

  /**
   * Records an update of the instrument stamped {@code timestampMillis}, epoch milliseconds.
   *
   * @return false when it was stamped before the latest update and ignored
   */
  public boolean update(long timestampMillis) {
    if (lastMillis == Long.MIN_VALUE) {
      lastMillis = timestampMillis;
      return true;
    }
    if (timestampMillis < lastMillis) {
      return false;
    }
    double interval = timestampMillis - lastMillis;
    if (intervals.count() >= settings.warmUp()) {
      interval = Math.min(interval, settings.multiple() * intervals.mean());
    }
    intervals.update(interval);
    lastMillis = timestampMillis;
    return true;
  }

  /** The silence beyond which the instrument is stale, milliseconds; +∞ before the warm-up. */
  public double thresholdMillis() {
    return intervals.count() < settings.warmUp() ? Double.POSITIVE_INFINITY
        : Math.max(settings.multiple() * intervals.mean(), settings.floorMillis());
  }

  /** The normal interval between updates, milliseconds. */
  public double normalIntervalMillis() {
    return intervals.mean();
  }

  /** The finding at {@code nowMillis} (epoch milliseconds) when the instrument has been silent too long, else null. */
  public DetectionSignal finding(long nowMillis) {
    return finding(nowMillis, Long.MAX_VALUE);
  }

  /**
   * The finding at {@code nowMillis} when the instrument has been silent too long <em>while the market was not</em>:
   * only when the feed's latest update of any instrument ({@code marketLastMillis}) came more than the threshold
   * after this instrument's. A whole market falling silent together (the close, a night, the feed itself down) is
   * no stale book of one instrument: the market view's price age and the pre-trade {@code max-price-age} handle
   * it, and a node would otherwise raise one incident per held instrument every night.
   */
  public DetectionSignal finding(long nowMillis, long marketLastMillis) {
    double threshold = thresholdMillis();
    if (lastMillis == Long.MIN_VALUE || Double.isInfinite(threshold)
        || !((double) marketLastMillis - lastMillis > threshold)) {
      return null;
    }
    double silence = (double) nowMillis - lastMillis;
    if (!(silence > threshold)) {
      return null;
    }
    return new DetectionSignal(
        Detector.STALE_BOOK, DetectionSignal.keyOf(Detector.STALE_BOOK, symbol), symbol, silence / 1000,
        threshold / 1000,
        String.format(Locale.ROOT, "no update for %.1f s, normally every %.3f s (stale beyond %.1f s)",
            silence / 1000, intervals.mean() / 1000, threshold / 1000),
        Map.of(), nowMillis);
  }
}

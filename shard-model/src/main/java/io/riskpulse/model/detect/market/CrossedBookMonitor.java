package io.riskpulse.model.detect.market;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings.CrossedBookSettings;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Crossed books (bid above ask) of one instrument, refused by the market view, counted in a sliding window: fires at
 * {@code count} or more within {@code windowMillis}. One crossed book is an ordinary race between two venues'
 * updates; several within seconds mean a broken feed whose prices should not be trusted.
 *
 * <p>The window ending at the caller's {@code nowMillis} is {@code (now − window, now]}, like the order-flow rate
 * windows: an event exactly {@code window} old has left it; events stamped after {@code now} (a feed clock ahead of
 * the reader's) count as inside. Memory is bounded: only the {@code 4 × count} latest timestamps (by timestamp, so
 * out-of-order arrivals are handled) are kept, at most {@code count + 1000}, which is all the rule needs; the score
 * is the number of them in the window. Deterministic. Not thread-safe: {@link MarketSurveillance} guards it with its
 * symbol's lock.
 */
public final class CrossedBookMonitor {

  private final String symbol;
  private final CrossedBookSettings settings;
  /** The latest timestamps, ascending; {@code size} of them are valid. */
  private final long[] times;
  private int size;
  private long total;

  public CrossedBookMonitor(String symbol, CrossedBookSettings settings) {
    this.symbol = symbol;
    this.settings = settings;
    this.times = new long[(int) Math.min(4L * settings.count(), settings.count() + 1000L)];
  }

  /** Records a crossed book stamped {@code timestampMillis}, epoch milliseconds. */
  public void record(long timestampMillis) {
    total++;
    if (size == times.length) {
      if (timestampMillis <= times[0]) {
        return;
      }
      System.arraycopy(times, 1, times, 0, size - 1);
      size--;
    }
    int at = Arrays.binarySearch(times, 0, size, timestampMillis);
    at = at < 0 ? -at - 1 : at;
    System.arraycopy(times, at, times, at + 1, size - at);
    times[at] = timestampMillis;
    size++;
  }

  /** Crossed books kept whose timestamp is within {@code (nowMillis − window, ∞)}. */
  public int countWithin(long nowMillis) {
    long after = nowMillis - settings.windowMillis();
    int in = 0;
    for (int i = size - 1; i >= 0 && times[i] > after; i--) {
      in++;
    }
    return in;
  }

  /** Crossed books recorded since the start. */
  public long total() {
    return total;
  }

  /** The finding at {@code nowMillis} when at least {@code count} crossed books fall in the window, else null. */
  public DetectionSignal finding(long nowMillis) {
    int in = countWithin(nowMillis);
    if (in < settings.count()) {
      return null;
    }
    return new DetectionSignal(
        Detector.CROSSED_BOOK, DetectionSignal.keyOf(Detector.CROSSED_BOOK, symbol), symbol, in, settings.count(),
        String.format(Locale.ROOT, "%d crossed books within %.1f s (fires at %d; %d since start)",
            in, settings.windowMillis() / 1000.0, settings.count(), total),
        Map.of(), nowMillis);
  }
}

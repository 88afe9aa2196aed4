package io.riskpulse.model.orderflow;

/**
 * Counts of order-flow messages by kind in one-second buckets over the last minute, for rates and ratios.
 * Bucket times come from the caller's clock (epoch milliseconds), so tests drive time explicitly.
 *
 * <p>Not thread-safe: owned by one portfolio entity. O(1) per record; O(60) per read.
 */
final class RateWindow {

  /** What a message counts as. */
  enum Kind {
    NEW,
    REPLACE,
    CANCEL,
    REJECT,
    FILL
  }

  private static final int SECONDS = 60;

  private final long[][] counts = new long[SECONDS][Kind.values().length];
  private final long[] bucketSecond = new long[SECONDS];

  void record(Kind kind, long nowMillis) {
    long second = Math.floorDiv(nowMillis, 1000);
    int slot = (int) Math.floorMod(second, SECONDS);
    if (bucketSecond[slot] != second) {
      bucketSecond[slot] = second;
      java.util.Arrays.fill(counts[slot], 0);
    }
    counts[slot][kind.ordinal()]++;
  }

  /** Messages of {@code kind} in the last {@code seconds} whole seconds including the current one (1..60). */
  long count(Kind kind, int seconds, long nowMillis) {
    long now = Math.floorDiv(nowMillis, 1000);
    long total = 0;
    for (int i = 0; i < SECONDS; i++) {
      long age = now - bucketSecond[i];
      if (age >= 0 && age < seconds) {
        total += counts[i][kind.ordinal()];
      }
    }
    return total;
  }

  /** All order messages (new, replace, cancel) in the window; rejects and fills are not messages sent. */
  long messages(int seconds, long nowMillis) {
    return count(Kind.NEW, seconds, nowMillis) + count(Kind.REPLACE, seconds, nowMillis)
        + count(Kind.CANCEL, seconds, nowMillis);
  }
}

package io.riskpulse.model.orderflow;

/**
 * Counts of order-flow messages by kind in one-second buckets over the last minute, for rates and ratios.
 * Bucket times come from the caller's clock (epoch milliseconds), so tests drive time explicitly.
 *
 * <p>Memory: one flat {@code int} array of 60 × 5 counts and the 60 bucket seconds, 1,736 bytes with the object on
 * a 64-bit JVM with compressed references (it was 4,136: a {@code long[60][5]} is 61 arrays). Every portfolio, and
 * every strategy it trades, holds one for as long as it is resident. An {@code int} count per kind per second
 * cannot overflow: no node takes 2<sup>31</sup> messages of one portfolio in one second.
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
  private static final int KINDS = Kind.values().length;

  /** Count of kind {@code k} in bucket {@code slot} at {@code slot * KINDS + k}. */
  private final int[] counts = new int[SECONDS * KINDS];
  private final long[] bucketSecond = new long[SECONDS];

  void record(Kind kind, long nowMillis) {
    long second = Math.floorDiv(nowMillis, 1000);
    int slot = (int) Math.floorMod(second, SECONDS);
    if (bucketSecond[slot] != second) {
      bucketSecond[slot] = second;
      java.util.Arrays.fill(counts, slot * KINDS, slot * KINDS + KINDS, 0);
    }
    counts[slot * KINDS + kind.ordinal()]++;
  }

  /** Messages of {@code kind} in the last {@code seconds} whole seconds including the current one (1..60). */
  long count(Kind kind, int seconds, long nowMillis) {
    long now = Math.floorDiv(nowMillis, 1000);
    long total = 0;
    for (int i = 0; i < SECONDS; i++) {
      long age = now - bucketSecond[i];
      if (age >= 0 && age < seconds) {
        total += counts[i * KINDS + kind.ordinal()];
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

package io.riskpulse.model.detect.flow;

import java.util.NoSuchElementException;

/**
 * A first-in first-out sequence of (time, value) samples in two primitive rings: an instrument's recent fills or
 * market-volume samples in the {@link ImpactDetector}'s window.
 *
 * <p>Why not a deque of {@code double[]} pairs: a sample stays for the whole volume window (60 s by default), so an
 * object per sample lived through dozens of young collections and was copied at each until tenured; at thousands of
 * fills a second those pairs were a steady part of what every pause copied. Here a sample is two array slots, which
 * the collector neither scans nor copies once the arrays are old. The rings start small (most instruments hold a
 * sample or two) and double as needed; they never shrink.
 *
 * <p>Not thread-safe: owned by one portfolio entity's detector.
 */
final class TimedValues {

  private long[] times;
  private double[] values;
  /** Index of the oldest sample. */
  private int head;
  private int size;

  /** @param initialRoom samples held before the rings first grow (≥ 1) */
  TimedValues(int initialRoom) {
    if (initialRoom < 1) {
      throw new IllegalArgumentException("initialRoom must be at least 1: " + initialRoom);
    }
    times = new long[initialRoom];
    values = new double[initialRoom];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Appends a sample as the newest. */
  void addLast(long time, double value) {
    if (size == times.length) {
      grow();
    }
    int at = index(size);
    times[at] = time;
    values[at] = value;
    size++;
  }

  /** Removes the oldest sample and returns its value. */
  double removeFirst() {
    requireAtLeast(1);
    double value = values[head];
    head = index(1);
    size--;
    return value;
  }

  /** Time of the {@code i}-th oldest sample (0 the oldest). */
  long time(int i) {
    requireAtLeast(i + 1);
    return times[index(i)];
  }

  /** Value of the {@code i}-th oldest sample (0 the oldest). */
  double value(int i) {
    requireAtLeast(i + 1);
    return values[index(i)];
  }

  private int index(int offset) {
    int i = head + offset;
    return i >= times.length ? i - times.length : i;
  }

  private void requireAtLeast(int samples) {
    if (samples > size) {
      throw new NoSuchElementException("asked for sample " + (samples - 1) + " of " + size);
    }
  }

  /** Doubles the rings, oldest sample first. */
  private void grow() {
    long[] newTimes = new long[times.length * 2];
    double[] newValues = new double[values.length * 2];
    for (int i = 0; i < size; i++) {
      newTimes[i] = times[index(i)];
      newValues[i] = values[index(i)];
    }
    times = newTimes;
    values = newValues;
    head = 0;
  }
}

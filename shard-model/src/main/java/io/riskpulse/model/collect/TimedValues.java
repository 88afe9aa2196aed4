package io.riskpulse.model.collect;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A bounded FIFO of (time, value) pairs in time order with a running sum: the storage of a rule's counted events,
 * threshold window and histories, and of the impact detector's fills and market-volume samples per instrument.
 * Adding beyond the capacity drops the oldest; {@link #evictBefore(long)} drops by age. Primitive ring arrays (no
 * boxing, no object per pair) that grow on demand up to the capacity: a pair stays for a whole window (60 s for the
 * impact detector), and a {@code double[]} per pair was copied at every young collection until tenured.
 *
 * <p>The running sum is kept by adding and subtracting, so it is part of a rule's snapshot: a restored window
 * carries the very same sum, bit for bit, as the one that was never interrupted. Not thread-safe.
 */
public final class TimedValues {

  private static final int INITIAL = 8;

  private final int capacity;
  private final int initialRoom;
  private long[] times;
  private double[] values;
  private int head;
  private int size;
  private double sum;

  /** @param capacity most pairs held (≥ 1); room for 8 before the first growth */
  public TimedValues(int capacity) {
    this(capacity, INITIAL);
  }

  /**
   * @param capacity most pairs held (≥ 1)
   * @param initialRoom pairs held before the arrays first grow (≥ 1): small where most windows hold a pair or two
   */
  public TimedValues(int capacity, int initialRoom) {
    if (capacity < 1 || initialRoom < 1) {
      throw new IllegalArgumentException("capacity and initial room must be at least 1: " + capacity + ", "
          + initialRoom);
    }
    this.capacity = capacity;
    this.initialRoom = Math.min(capacity, initialRoom);
    this.times = new long[this.initialRoom];
    this.values = new double[times.length];
  }

  /** Appends; drops the oldest first when full. */
  public void add(long atMillis, double value) {
    if (size == capacity) {
      removeFirst();
    }
    if (size == times.length) {
      grow();
    }
    int slot = (head + size) % times.length;
    times[slot] = atMillis;
    values[slot] = value;
    size++;
    sum += value;
  }

  /** Drops every pair older than {@code cutoffMillis} (a pair exactly at the cutoff stays). */
  public void evictBefore(long cutoffMillis) {
    while (size > 0 && times[head] < cutoffMillis) {
      removeFirst();
    }
  }

  public void clear() {
    head = 0;
    size = 0;
    sum = 0.0;
    if (times.length > initialRoom) {
      times = new long[initialRoom];
      values = new double[times.length];
    }
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The sum of the values held. */
  public double sum() {
    return sum;
  }

  /** The {@code i}-th value, oldest first. */
  public double value(int i) {
    Objects.checkIndex(i, size);
    return values[(head + i) % values.length];
  }

  /** The {@code i}-th time, oldest first. */
  public long time(int i) {
    Objects.checkIndex(i, size);
    return times[(head + i) % times.length];
  }

  /** The values, oldest first, as a new array. */
  public double[] toArray() {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = value(i);
    }
    return out;
  }

  /**
   * A window holding the newest {@code capacity} of the given pairs (oldest first) with the given sum, exactly: the
   * sum a snapshot recorded, not one recomputed. When some pairs do not fit, the sum is the kept pairs' own.
   */
  public static TimedValues restore(int capacity, List<Long> times, List<Double> values, double sum) {
    TimedValues restored = new TimedValues(capacity);
    int n = Math.min(times.size(), values.size());
    for (int i = Math.max(0, n - capacity); i < n; i++) {
      restored.add(times.get(i), values.get(i));
    }
    if (n <= capacity) {
      restored.sum = restored.size == 0 ? 0.0 : sum;
    }
    return restored;
  }

  /** Drops the oldest pair and returns its value. */
  public double removeFirst() {
    Objects.checkIndex(0, size);
    double value = values[head];
    sum -= value;
    head = (head + 1) % times.length;
    size--;
    if (size == 0) {
      head = 0;
      sum = 0.0; // no drift from repeated subtraction
    }
    return value;
  }

  private void grow() {
    int length = Math.min(capacity, times.length * 2);
    long[] t = new long[length];
    double[] v = new double[length];
    for (int i = 0; i < size; i++) {
      t[i] = times[(head + i) % times.length];
      v[i] = values[(head + i) % values.length];
    }
    times = t;
    values = v;
    head = 0;
  }

  @Override
  public String toString() {
    return "TimedValues" + Arrays.toString(toArray());
  }
}

package io.riskpulse.model.detect.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bounded FIFO of (time, value) pairs in time order with a running sum: the storage of a rule's counted events,
 * threshold window and histories. Adding beyond the capacity drops the oldest; {@link #evictBefore(long)} drops
 * by age. Primitive ring arrays (no boxing) that grow on demand up to the capacity.
 *
 * <p>The running sum is kept by adding and subtracting, so it is part of the snapshot: a restored window carries
 * the very same sum, bit for bit, as the one that was never interrupted. Not thread-safe.
 */
final class TimedValues {

  private static final int INITIAL = 8;

  private final int capacity;
  private long[] times;
  private double[] values;
  private int head;
  private int size;
  private double sum;

  TimedValues(int capacity) {
    this.capacity = capacity;
    this.times = new long[Math.min(capacity, INITIAL)];
    this.values = new double[times.length];
  }

  /** Appends; drops the oldest first when full. */
  void add(long atMillis, double value) {
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
  void evictBefore(long cutoffMillis) {
    while (size > 0 && times[head] < cutoffMillis) {
      removeFirst();
    }
  }

  void clear() {
    head = 0;
    size = 0;
    sum = 0.0;
    if (times.length > INITIAL) {
      times = new long[Math.min(capacity, INITIAL)];
      values = new double[times.length];
    }
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  double sum() {
    return sum;
  }

  /** The {@code i}-th value, oldest first. */
  double value(int i) {
    return values[(head + i) % values.length];
  }

  /** The values, oldest first, as a new array. */
  double[] toArray() {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = value(i);
    }
    return out;
  }

  RuleEngineState.Window snapshot() {
    List<Long> t = new ArrayList<>(size);
    List<Double> v = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      t.add(times[(head + i) % times.length]);
      v.add(value(i));
    }
    return new RuleEngineState.Window(t, v, sum);
  }

  /** A window with the snapshot's pairs (the newest {@code capacity} if it holds more) and its exact sum. */
  static TimedValues restore(int capacity, RuleEngineState.Window window) {
    TimedValues restored = new TimedValues(capacity);
    int n = Math.min(window.times().size(), window.values().size());
    for (int i = Math.max(0, n - capacity); i < n; i++) {
      restored.add(window.times().get(i), window.values().get(i));
    }
    restored.sum = restored.size == 0 ? 0.0 : window.sum();
    return restored;
  }

  private void removeFirst() {
    sum -= values[head];
    head = (head + 1) % times.length;
    size--;
    if (size == 0) {
      head = 0;
      sum = 0.0;
    }
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

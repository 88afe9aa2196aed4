package io.riskpulse.model.collect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A map from a string id to a value, in insertion order, that holds at most {@code capacity} entries and forgets the
 * oldest beyond that (telling {@code onEvict}): a portfolio's open orders and recent ClOrdIDs. (Its window of recent
 * execution ids, which only ever forgets the oldest and keeps no object per id, is a {@link BoundedIdRing}.)
 *
 * <p>Why not a {@code LinkedHashMap}: a portfolio keeps these entries (10,000 orders) for minutes, so they end up in
 * the collector's old generation while every new order arrives young. A linked hash map writes each new entry's
 * reference into a random slot of an old table and into the previous entry, so every young collection
 * scans a card (512 bytes of old heap) per order since the last one: at 5,000 orders/s that card scanning was most
 * of a 50 ms G1 pause (PERFORMANCE.md section 21). Here keys and values sit in two arrays in insertion order (new
 * references land next to each other: a few cards per thousand orders) and the hash index is an {@code int} array
 * of positions, which the collector never scans. No object is allocated per entry.
 *
 * <p>Layout: nothing is allocated before the first entry. Entry {@code i} is {@code keys[i]}/{@code values[i]}; a removed entry leaves a {@code null} hole. New
 * entries go at {@code end}; when the arrays are full, live entries slide to the front (and the arrays double while
 * they are more than half live, up to the smallest power of two of at least 1.5 × capacity), so each entry moves
 * O(1) times on average. The index is linear probing over twice the arrays' length, holding position + 1 (0 empty,
 * {@link #DELETED} a removed entry); it is rebuilt whenever entries move, so its load stays at most one half.
 * Lookups compare keys with {@code equals}: exact, with no false matches. A sender that chose ids with equal
 * {@code String.hashCode} could make lookups linear in the entries kept (at most {@code capacity}).
 *
 * <p>Not thread-safe: owned by one portfolio entity.
 *
 * @param <V> the value kept per ClOrdID
 */
public final class BoundedInsertionMap<V> {

  private static final int INITIAL_SLOTS = 16;
  private static final int DELETED = -1;
  private static final String[] NO_KEYS = {};
  private static final Object[] NO_VALUES = {};
  private static final int[] NO_INDEX = {};

  private final int capacity;
  private final int maxSlots;
  private final Consumer<V> onEvict;
  /** Empty until the first entry: a portfolio without order flow pays nothing for its maps. */
  private String[] keys = NO_KEYS;
  private Object[] values = NO_VALUES;
  /** Position + 1 of an entry, 0 for an empty cell, {@link #DELETED} for a removed one; length 2 × slots. */
  private int[] index = NO_INDEX;
  /** First position that may hold a live entry. */
  private int start;
  /** Next position to append at. */
  private int end;
  private int size;

  /**
   * @param capacity most entries kept (≥ 1)
   * @param onEvict told of each value forgotten because the map was full (not of removed or replaced ones)
   */
  public BoundedInsertionMap(int capacity, Consumer<V> onEvict) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
    this.maxSlots = Math.max(INITIAL_SLOTS, Integer.highestOneBit(Math.max(1, capacity + capacity / 2 - 1)) << 1);
    this.onEvict = Objects.requireNonNull(onEvict, "onEvict");
  }

  public int size() {
    return size;
  }

  public boolean containsKey(String key) {
    return find(key) >= 0;
  }

  /** The value of {@code key}, or null when it is not kept. */
  @SuppressWarnings("unchecked")
  public V get(String key) {
    int cell = find(key);
    return cell < 0 ? null : (V) values[index[cell] - 1];
  }

  /**
   * Keeps {@code value} for {@code key}: in place when the key is kept (its age unchanged), else as the newest
   * entry, forgetting the oldest if that makes more than {@code capacity}.
   *
   * @return the value replaced, or null when the key was new
   */
  @SuppressWarnings("unchecked")
  public V put(String key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    int cell = find(key);
    if (cell >= 0) {
      int position = index[cell] - 1;
      V previous = (V) values[position];
      values[position] = value;
      return previous;
    }
    if (end == keys.length) {
      compact();
    }
    keys[end] = key;
    values[end] = value;
    insert(key, end);
    end++;
    size++;
    if (size > capacity) {
      evictOldest();
    }
    return null;
  }

  /** Forgets {@code key}; returns its value, or null when it was not kept. */
  @SuppressWarnings("unchecked")
  public V remove(String key) {
    int cell = find(key);
    if (cell < 0) {
      return null;
    }
    int position = index[cell] - 1;
    V value = (V) values[position];
    index[cell] = DELETED;
    keys[position] = null;
    values[position] = null;
    size--;
    return value;
  }

  /** The values kept, oldest first, as a new list. */
  @SuppressWarnings("unchecked")
  public List<V> values() {
    List<V> list = new ArrayList<>(size);
    for (int i = start; i < end; i++) {
      if (keys[i] != null) {
        list.add((V) values[i]);
      }
    }
    return list;
  }

  /** The keys kept, oldest first, as a new list. */
  public List<String> keys() {
    List<String> list = new ArrayList<>(size);
    for (int i = start; i < end; i++) {
      if (keys[i] != null) {
        list.add(keys[i]);
      }
    }
    return list;
  }

  @SuppressWarnings("unchecked")
  private void evictOldest() {
    while (keys[start] == null) {
      start++;
    }
    V value = (V) values[start];
    remove(keys[start]);
    onEvict.accept(value);
  }

  /** The index cell of {@code key}, or -1. */
  private int find(String key) {
    if (index.length == 0) {
      return -1;
    }
    int mask = index.length - 1;
    for (int cell = spread(key.hashCode()) & mask; ; cell = (cell + 1) & mask) {
      int entry = index[cell];
      if (entry == 0) {
        return -1;
      }
      if (entry != DELETED && keys[entry - 1].equals(key)) {
        return cell;
      }
    }
  }

  private void insert(String key, int position) {
    int mask = index.length - 1;
    int cell = spread(key.hashCode()) & mask;
    while (index[cell] != 0) {
      cell = (cell + 1) & mask;
    }
    index[cell] = position + 1;
  }

  /** Slides live entries to the front, into arrays twice as long while more than half are live, and re-indexes. */
  private void compact() {
    int slots = Math.max(keys.length, INITIAL_SLOTS);
    if (2 * size > slots && slots < maxSlots) {
      slots *= 2;
    }
    String[] newKeys = slots == keys.length ? keys : new String[slots];
    Object[] newValues = slots == keys.length ? values : new Object[slots];
    int live = 0;
    for (int i = start; i < end; i++) {
      if (keys[i] != null) {
        newKeys[live] = keys[i];
        newValues[live] = values[i];
        live++;
      }
    }
    Arrays.fill(newKeys, live, slots, null);
    Arrays.fill(newValues, live, slots, null);
    keys = newKeys;
    values = newValues;
    start = 0;
    end = live;
    index = index.length == 2 * slots ? index : new int[2 * slots];
    Arrays.fill(index, 0);
    for (int i = 0; i < live; i++) {
      insert(keys[i], i);
    }
  }

  /** Spreads a string hash over the index (Fibonacci hashing), so similar ids do not cluster. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}

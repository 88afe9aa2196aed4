package io.riskpulse.model.collect;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToIntFunction;

/**
 * The most recent {@code capacity} distinct string ids, each with an {@code int} value, in insertion order: adding
 * one more forgets the oldest. A portfolio's window of recent execution ids (100,000 by default) with a content
 * fingerprint per id.
 *
 * <p>Why not a {@link BoundedInsertionMap}: a window keeps each id for the next {@code capacity} insertions, minutes
 * at the rate of fills, so every id it holds as an object (the id {@code String}, its bytes, a boxed value: about
 * 124 bytes per id, PERFORMANCE.md section 12) is copied from survivor space to survivor space at every young
 * collection until it is tenured; at 500 fills/s those medium-lived objects were most of what G1's young pauses
 * copied (section 31). Here nothing is kept per id but bytes and {@code int}s in a few primitive arrays, which the
 * collector neither scans nor, once they are large, copies: an id's characters go into a byte ring (the arena), its
 * start, length and value into three {@code int} rings, and the hash index is a {@code long} array.
 *
 * <p>Layout. Entries live in ring slots {@code head, head + 1, ...} (mod the rings' length, which doubles from 16 up
 * to {@code capacity}); slot {@code s} holds an id of {@code lengths[s] & LENGTH_MASK} bytes at
 * {@code arena[starts[s]]}: one byte per char (Latin-1) when every char is below 256, else two (UTF-16, high byte
 * first, flagged by {@link #TWO_BYTE}), so any Java string round-trips exactly. The arena is a ring too: an id never
 * straddles its end (when it does not fit there it goes to byte 0, if the oldest id starts far enough in), and the
 * arena is relinearised into a larger array when an id fits nowhere, so it grows to about twice the bytes held
 * and then stops. The index is linear probing over a power of two at least twice the rings' length (load at most
 * one half); a cell holds {@code hash << 32 | (slot + 1)}, 0 when empty, so a probe compares ids only when the
 * 32-bit hashes agree. Forgetting an id deletes its cell by shifting the cells after it back (no tombstones), so
 * lookups stay short however long the window turns over. Once the window is full nothing moves (no pause to
 * compact, unlike a map that slides its entries) unless an id longer than the arena's free gap arrives: then the
 * arena is relinearised once more, into twice the bytes held. The arena never shrinks: it stays at about twice the
 * most bytes the window has held.
 *
 * <p>Hashing: a 64-bit multiplicative hash of the chars with a per-process random seed, finished by MurmurHash3's
 * mixer. Unlike {@code String.hashCode}, a sender cannot choose ids that collide without knowing the seed, so it
 * cannot make lookups linear in the window. Lookups compare chars: exact, no false matches.
 *
 * <p>Not thread-safe, not even for two readers ({@link #forEach} reuses one view of the stored ids): owned by one
 * portfolio entity.
 */
public final class BoundedIdRing {

  /** Receives the entries of a ring, oldest first. */
  @FunctionalInterface
  public interface EntryVisitor {
    /**
     * @param id the id, a view over the ring valid only during this call (copy it, e.g. {@code toString()}, to keep)
     * @param value the value kept with it
     */
    void accept(CharSequence id, int value);
  }

  private static final int INITIAL_SLOTS = 16;
  private static final int MIN_ARENA_BYTES = 64;
  /** Flag in {@link #lengths}: the id is stored two bytes per char. */
  private static final int TWO_BYTE = Integer.MIN_VALUE;
  private static final int LENGTH_MASK = Integer.MAX_VALUE;
  /** Longest id kept, in bytes: far beyond any execution id (the wire allows 32 chars), short of overflow. */
  private static final int MAX_ID_BYTES = 1 << 24;
  /** Most ids a ring may keep, so that its index (a power of two ≥ 2 × capacity) has an {@code int} length. */
  static final int MAX_CAPACITY = 1 << 28;
  private static final long SEED = ThreadLocalRandom.current().nextLong();
  private static final int[] NO_INTS = {};
  private static final long[] NO_CELLS = {};
  private static final byte[] NO_BYTES = {};

  private final int capacity;
  /** The hash of an id; a test may make every id collide. */
  private final ToIntFunction<CharSequence> hash;
  /** Empty until the first id: a portfolio without fills pays nothing for its window. */
  private int[] starts = NO_INTS;
  /** Bytes of each id, {@link #TWO_BYTE} set when stored two bytes per char. */
  private int[] lengths = NO_INTS;
  private int[] values = NO_INTS;
  /** Slot of the oldest entry. */
  private int head;
  private int size;
  private byte[] arena = NO_BYTES;
  /** Next free byte of the arena. */
  private int arenaTail;
  /** Whether the newest ids went to byte 0 while older ones still sit above them (tail before the oldest's start). */
  private boolean arenaWrapped;
  /** Linear probing: {@code hash << 32 | (slot + 1)}, 0 empty; length a power of two ≥ 2 × the rings' length. */
  private long[] index = NO_CELLS;
  /** A view of one stored id, reused by {@link #forEach}. */
  private final StoredId view = new StoredId();

  /** @param capacity most ids kept (≥ 1) */
  public BoundedIdRing(int capacity) {
    this(capacity, BoundedIdRing::seededHash);
  }

  /**
   * For tests: {@code hash} in place of the seeded hash (a constant one makes every id collide). It must depend on
   * the chars alone, as the ring hashes its stored copy of an id to find its index cell.
   */
  BoundedIdRing(int capacity, ToIntFunction<CharSequence> hash) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity must be between 1 and " + MAX_CAPACITY + ": " + capacity);
    }
    this.capacity = capacity;
    this.hash = Objects.requireNonNull(hash, "hash");
  }

  public int size() {
    return size;
  }

  public int capacity() {
    return capacity;
  }

  public boolean contains(CharSequence id) {
    return slotOf(id, hash.applyAsInt(id)) >= 0;
  }

  /** The value kept with {@code id}, or empty when the id is not kept. */
  public OptionalInt get(CharSequence id) {
    int slot = slotOf(id, hash.applyAsInt(id));
    return slot < 0 ? OptionalInt.empty() : OptionalInt.of(values[slot]);
  }

  /**
   * Keeps {@code id} with {@code value} as the newest entry, forgetting the oldest if that makes more than
   * {@code capacity}; an id already kept is left as it is (its value and age unchanged).
   *
   * @return whether the id was new
   */
  public boolean add(CharSequence id, int value) {
    Objects.requireNonNull(id, "id");
    int idHash = hash.applyAsInt(id);
    if (slotOf(id, idHash) >= 0) {
      return false;
    }
    int chars = id.length();
    boolean twoByte = false;
    for (int i = 0; i < chars && !twoByte; i++) {
      twoByte = id.charAt(i) > 0xFF;
    }
    if (chars > (twoByte ? MAX_ID_BYTES / 2 : MAX_ID_BYTES)) { // before anything is forgotten
      throw new IllegalArgumentException("an id of " + chars + " chars is too long to keep");
    }
    int bytes = twoByte ? 2 * chars : chars;
    if (size == capacity) {
      forgetOldest();
    }
    if (size == starts.length) {
      growRings();
    }
    int start = allocate(bytes);
    if (twoByte) {
      for (int i = 0; i < chars; i++) {
        char c = id.charAt(i);
        arena[start + 2 * i] = (byte) (c >>> 8);
        arena[start + 2 * i + 1] = (byte) c;
      }
    } else {
      for (int i = 0; i < chars; i++) {
        arena[start + i] = (byte) id.charAt(i);
      }
    }
    int slot = slotAfter(head, size);
    starts[slot] = start;
    lengths[slot] = twoByte ? bytes | TWO_BYTE : bytes;
    values[slot] = value;
    insertCell(idHash, slot);
    size++;
    return true;
  }

  /** Gives every entry to {@code visitor}, oldest first; the ring must not change meanwhile. */
  public void forEach(EntryVisitor visitor) {
    for (int i = 0; i < size; i++) {
      int slot = slotAfter(head, i);
      view.of(slot);
      visitor.accept(view, values[slot]);
    }
  }

  /** Bytes held by the ring's arrays (their lengths, without object headers): what it costs the heap. */
  public long arrayBytes() {
    return 4L * (starts.length + lengths.length + values.length) + 8L * index.length + arena.length;
  }

  private int slotAfter(int slot, int steps) {
    int next = slot + steps;
    return next >= starts.length ? next - starts.length : next;
  }

  /** The slot holding {@code id}, or -1. */
  private int slotOf(CharSequence id, int idHash) {
    if (size == 0) {
      return -1;
    }
    int mask = index.length - 1;
    for (int cell = idHash & mask; ; cell = (cell + 1) & mask) {
      long entry = index[cell];
      if (entry == 0) {
        return -1;
      }
      if ((int) (entry >>> 32) == idHash) {
        int slot = (int) entry - 1;
        if (storedEquals(slot, id)) {
          return slot;
        }
      }
    }
  }

  private boolean storedEquals(int slot, CharSequence id) {
    int length = lengths[slot];
    boolean twoByte = (length & TWO_BYTE) != 0;
    int bytes = length & LENGTH_MASK;
    int chars = twoByte ? bytes / 2 : bytes;
    if (chars != id.length()) {
      return false;
    }
    int start = starts[slot];
    for (int i = 0; i < chars; i++) {
      if (charAt(start, twoByte, i) != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private char charAt(int start, boolean twoByte, int i) {
    return twoByte
        ? (char) (((arena[start + 2 * i] & 0xFF) << 8) | (arena[start + 2 * i + 1] & 0xFF))
        : (char) (arena[start + i] & 0xFF);
  }

  private void insertCell(int idHash, int slot) {
    int mask = index.length - 1;
    int cell = idHash & mask;
    while (index[cell] != 0) {
      cell = (cell + 1) & mask;
    }
    index[cell] = ((long) idHash << 32) | (slot + 1L);
  }

  private void forgetOldest() {
    int slot = head;
    view.of(slot);
    int idHash = hash.applyAsInt(view);
    int mask = index.length - 1;
    int cell = idHash & mask;
    while ((int) index[cell] != slot + 1) {
      cell = (cell + 1) & mask;
    }
    deleteCell(cell);
    int oldStart = starts[slot];
    head = slotAfter(head, 1);
    size--;
    if (size == 0) {
      arenaTail = 0;
      arenaWrapped = false;
    } else if (arenaWrapped && starts[head] < oldStart) {
      arenaWrapped = false; // the ids above the wrap are all forgotten: the oldest is now at the arena's front
    }
  }

  /** Empties {@code cell}, shifting back the cells after it that would no longer be found past the hole. */
  private void deleteCell(int cell) {
    int mask = index.length - 1;
    int hole = cell;
    for (int next = (hole + 1) & mask; index[next] != 0; next = (next + 1) & mask) {
      int home = (int) (index[next] >>> 32) & mask;
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        index[hole] = index[next];
        hole = next;
      }
    }
    index[hole] = 0;
  }

  /** Where the next id's {@code bytes} go, relinearising the arena into a larger one when they fit nowhere. */
  private int allocate(int bytes) {
    if (bytes == 0) {
      return arenaTail;
    }
    int oldestStart = size == 0 ? 0 : starts[head];
    if (!arenaWrapped) {
      if (bytes <= arena.length - arenaTail) {
        arenaTail += bytes;
        return arenaTail - bytes;
      }
      if (bytes <= oldestStart) {
        arenaWrapped = true;
        arenaTail = bytes;
        return 0;
      }
    } else if (bytes <= oldestStart - arenaTail) {
      arenaTail += bytes;
      return arenaTail - bytes;
    }
    relinearise(bytes);
    arenaTail += bytes;
    return arenaTail - bytes;
  }

  /** Copies the ids held, oldest first, to the front of an arena with room for {@code more} bytes after them. */
  private void relinearise(int more) {
    long held = 0;
    for (int i = 0; i < size; i++) {
      held += lengths[slotAfter(head, i)] & LENGTH_MASK;
    }
    if (held + more > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("the ids kept would need " + (held + more) + " bytes");
    }
    long wanted = Math.max(MIN_ARENA_BYTES, Math.max(arena.length, 2 * (held + more)));
    byte[] next = new byte[(int) Math.min(wanted, Integer.MAX_VALUE - 8)];
    int at = 0;
    for (int i = 0; i < size; i++) {
      int slot = slotAfter(head, i);
      int bytes = lengths[slot] & LENGTH_MASK;
      System.arraycopy(arena, starts[slot], next, at, bytes);
      starts[slot] = at;
      at += bytes;
    }
    arena = next;
    arenaTail = at;
    arenaWrapped = false;
  }

  /** Doubles the rings (up to {@code capacity}), oldest entry to slot 0, and rebuilds the index for them. */
  private void growRings() {
    int slots = (int) Math.min(capacity, Math.max(INITIAL_SLOTS, 2L * starts.length));
    int[] newStarts = new int[slots];
    int[] newLengths = new int[slots];
    int[] newValues = new int[slots];
    for (int i = 0; i < size; i++) {
      int slot = slotAfter(head, i);
      newStarts[i] = starts[slot];
      newLengths[i] = lengths[slot];
      newValues[i] = values[slot];
    }
    long[] newIndex = new long[Math.max(2 * INITIAL_SLOTS, Integer.highestOneBit(Math.max(1, 2 * slots - 1)) << 1)];
    long[] oldIndex = index;
    int oldSlots = starts.length;
    int oldHead = head;
    starts = newStarts;
    lengths = newLengths;
    values = newValues;
    head = 0;
    index = newIndex;
    for (long entry : oldIndex) {
      if (entry != 0) {
        int oldSlot = (int) entry - 1;
        int slot = oldSlot >= oldHead ? oldSlot - oldHead : oldSlot + oldSlots - oldHead;
        insertCell((int) (entry >>> 32), slot);
      }
    }
  }

  /** The seeded 64-bit multiplicative hash of {@code id}'s chars, mixed (MurmurHash3's fmix64) and folded. */
  static int seededHash(CharSequence id) {
    long h = SEED ^ id.length();
    for (int i = 0, n = id.length(); i < n; i++) {
      h = (h ^ id.charAt(i)) * 0x9E3779B97F4A7C15L;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }

  /** A stored id as a {@link CharSequence}, over the arena; reused, valid until the ring changes. */
  private final class StoredId implements CharSequence {
    private int start;
    private boolean twoByte;
    private int chars;

    void of(int slot) {
      start = starts[slot];
      twoByte = (lengths[slot] & TWO_BYTE) != 0;
      int bytes = lengths[slot] & LENGTH_MASK;
      chars = twoByte ? bytes / 2 : bytes;
    }

    @Override
    public int length() {
      return chars;
    }

    @Override
    public char charAt(int i) {
      Objects.checkIndex(i, chars);
      return BoundedIdRing.this.charAt(start, twoByte, i);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return toString().substring(from, to);
    }

    @Override
    public String toString() {
      char[] copy = new char[chars];
      for (int i = 0; i < chars; i++) {
        copy[i] = BoundedIdRing.this.charAt(start, twoByte, i);
      }
      return new String(copy);
    }
  }
}

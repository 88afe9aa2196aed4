package io.riskpulse.model.portfolio;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * A portfolio's dedup window ({@link ExecutionIdWindow}) in the form its snapshots hold: one byte string instead of
 * a list of ids and a list of fingerprints.
 *
 * <p>Why: the window is most of a snapshot (a snapshot is written every few hundred events and holds up to
 * {@code dedup-window} ids), and as two CBOR lists every id and every boxed fingerprint was a separate value for
 * Jackson to write and read. Here consecutive ids share their common prefix (execution ids are mostly sequential),
 * and the whole window is one value.
 *
 * <p>Layout, version 1 (varint: unsigned LEB128, 7 bits per byte, low bits first; at most 5 bytes):
 * <pre>
 *   byte    version = 1
 *   varint  count of entries, oldest first
 *   count x
 *     varint  shared: UTF-16 chars this id shares with the previous one (0 for the first entry)
 *     varint  length in bytes of the rest of the id
 *     bytes   the rest of the id, UTF-8
 *     int32   the entry's content fingerprint, big-endian
 * </pre>
 * A shared prefix never ends between the two halves of a surrogate pair, so the rest is always valid UTF-16.
 *
 * <p>Immutable by convention: the array is neither copied nor changed after construction. Equality compares
 * contents, so a snapshot's round trip compares equal.
 *
 * @param bytes the encoded window
 */
public record PackedExecutionIds(byte[] bytes) {

  /** The only layout version written and read. */
  static final byte VERSION = 1;
  /** Fewest bytes an entry takes: two one-byte varints and the fingerprint. */
  private static final int MIN_ENTRY_BYTES = 6;

  public PackedExecutionIds {
    if (bytes == null) {
      throw new IllegalArgumentException("bytes must not be null");
    }
  }

  /** Receives the entries of a window, oldest first. */
  @FunctionalInterface
  interface EntrySink {
    /**
     * @param executionId the id; when given by {@link #forEach}, a buffer valid only during this call
     * @param fingerprint its content fingerprint
     */
    void accept(CharSequence executionId, int fingerprint);
  }

  /**
   * Packs the entries that {@code entries} gives its sink, oldest first.
   *
   * @param count how many entries it gives
   */
  static PackedExecutionIds pack(int count, Consumer<EntrySink> entries) {
    Writer out = new Writer(16 + count * 12);
    out.put(VERSION);
    out.varint(count);
    int[] written = {0};
    entries.accept((id, fingerprint) -> {
      int shared = out.sharedWithPrevious(id);
      out.varint(shared);
      out.rest(id, shared);
      out.int32(fingerprint);
      out.previous(id);
      written[0]++;
    });
    if (written[0] != count) {
      throw new IllegalArgumentException("count was " + count + " but the ids were " + written[0]);
    }
    return new PackedExecutionIds(out.bytes());
  }

  /** Entries held (read from the header). */
  int count() {
    Reader in = new Reader(bytes);
    in.version();
    return in.count();
  }

  /**
   * Gives every entry to {@code sink}, oldest first.
   *
   * @throws IllegalArgumentException if the bytes are not a valid version 1 window (a corrupt snapshot: recovery
   *     must fail loudly rather than forget ids)
   */
  void forEach(EntrySink sink) {
    Reader in = new Reader(bytes);
    in.version();
    int count = in.count();
    StringBuilder id = new StringBuilder(32);
    for (int i = 0; i < count; i++) {
      int shared = in.varint();
      if (shared > id.length()) {
        throw in.corrupt("entry " + i + " shares " + shared + " chars with a previous id of " + id.length());
      }
      id.setLength(shared);
      in.utf8(in.varint(), id);
      sink.accept(id, in.int32());
    }
    if (in.position != bytes.length) {
      throw in.corrupt((bytes.length - in.position) + " bytes after the last entry");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PackedExecutionIds packed && Arrays.equals(bytes, packed.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "PackedExecutionIds[" + bytes.length + " bytes: "
        + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 32)) + (bytes.length > 32 ? "...]" : "]");
  }

  /** A growing byte buffer; not thread-safe. */
  private static final class Writer {
    private byte[] buffer;
    private int size;
    /** The previous id's chars, for the prefix the next one shares. */
    private char[] previous = new char[32];
    private int previousLength;

    Writer(int capacity) {
      buffer = new byte[Math.max(16, capacity)];
    }

    void put(byte b) {
      ensure(1);
      buffer[size++] = b;
    }

    void varint(int value) {
      ensure(5);
      int v = value;
      while ((v & ~0x7F) != 0) {
        buffer[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buffer[size++] = (byte) v;
    }

    void int32(int value) {
      ensure(4);
      buffer[size++] = (byte) (value >>> 24);
      buffer[size++] = (byte) (value >>> 16);
      buffer[size++] = (byte) (value >>> 8);
      buffer[size++] = (byte) value;
    }

    /** UTF-16 chars {@code id} shares with the previous id, never ending between the halves of a surrogate pair. */
    int sharedWithPrevious(CharSequence id) {
      int limit = Math.min(previousLength, id.length());
      int shared = 0;
      while (shared < limit && previous[shared] == id.charAt(shared)) {
        shared++;
      }
      if (shared > 0 && Character.isHighSurrogate(id.charAt(shared - 1))) {
        shared--; // keep a surrogate pair whole in the rest
      }
      return shared;
    }

    void previous(CharSequence id) {
      if (id.length() > previous.length) {
        previous = new char[Math.max(id.length(), 2 * previous.length)];
      }
      for (int i = 0; i < id.length(); i++) {
        previous[i] = id.charAt(i);
      }
      previousLength = id.length();
    }

    /** The length-prefixed UTF-8 of {@code id} from char {@code from}; ASCII without an intermediate array. */
    void rest(CharSequence id, int from) {
      int length = id.length() - from;
      boolean ascii = true;
      for (int i = from; i < id.length() && ascii; i++) {
        ascii = id.charAt(i) < 0x80;
      }
      if (ascii) {
        varint(length);
        ensure(length);
        for (int i = from; i < id.length(); i++) {
          buffer[size++] = (byte) id.charAt(i);
        }
        return;
      }
      byte[] utf8 = id.subSequence(from, id.length()).toString().getBytes(StandardCharsets.UTF_8);
      varint(utf8.length);
      ensure(utf8.length);
      System.arraycopy(utf8, 0, buffer, size, utf8.length);
      size += utf8.length;
    }

    byte[] bytes() {
      return Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
      if (size + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
      }
    }
  }

  /** Reads the layout with bounds checks; not thread-safe. */
  private static final class Reader {
    private final byte[] bytes;
    private int position;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    void version() {
      if (bytes.length == 0 || bytes[0] != VERSION) {
        throw corrupt("unknown version " + (bytes.length == 0 ? "(empty)" : Byte.toString(bytes[0])));
      }
      position = 1;
    }

    int count() {
      int count = varint();
      if (count > (bytes.length - position) / MIN_ENTRY_BYTES) {
        throw corrupt(count + " entries cannot fit in " + (bytes.length - position) + " bytes");
      }
      return count;
    }

    int varint() {
      int value = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        if (position >= bytes.length) {
          throw corrupt("truncated varint");
        }
        byte b = bytes[position++];
        if (shift == 28 && (b & 0x7F) > 0x07) {
          throw corrupt("varint out of range");
        }
        value |= (b & 0x7F) << shift;
        if (b >= 0) {
          if (value < 0) {
            throw corrupt("varint out of range");
          }
          return value;
        }
      }
      throw corrupt("varint longer than 5 bytes");
    }

    /** Appends {@code length} bytes of UTF-8 to {@code to}; ASCII without an intermediate string. */
    void utf8(int length, StringBuilder to) {
      if (length > bytes.length - position) {
        throw corrupt("an id of " + length + " bytes runs past the end");
      }
      boolean ascii = true;
      for (int i = position; i < position + length && ascii; i++) {
        ascii = bytes[i] >= 0;
      }
      if (ascii) {
        for (int i = position; i < position + length; i++) {
          to.append((char) bytes[i]);
        }
      } else {
        to.append(new String(bytes, position, length, StandardCharsets.UTF_8));
      }
      position += length;
    }

    int int32() {
      if (bytes.length - position < 4) {
        throw corrupt("truncated fingerprint");
      }
      int value = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
          | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
      position += 4;
      return value;
    }

    IllegalArgumentException corrupt(String why) {
      return new IllegalArgumentException("corrupt dedup window in a snapshot (" + bytes.length + " bytes, at byte "
          + position + "): " + why);
    }
  }
}

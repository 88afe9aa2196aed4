package io.riskpulse.ingestion.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A reusable, allocation-free view of one fixed-width, zero-padded ASCII text field of a frame. The view's
 * length is the number of bytes before the first zero byte (or the whole width).
 *
 * <p>For the hot path: compare with {@link #contentEquals(CharSequence)}, hash with {@link #stringHashCode()}
 * (equal to {@code toString().hashCode()}, so it can probe a table keyed by {@code String}s), copy with
 * {@link #getBytes(byte[], int)} or append to a reused {@link StringBuilder}. {@link #toString()} allocates and
 * is meant for the slow path. {@link #equals(Object)} and {@link #hashCode()} are identity-based, like any
 * flyweight's: the content changes whenever the view is re-wrapped.
 *
 * <p>Not thread-safe: a view belongs to one decoder, which belongs to one thread, and is valid only until that
 * decoder (or the underlying buffer) moves on to another frame.
 */
public final class AsciiSequence implements CharSequence {

  private DirectBuffer buffer;
  private int offset;
  private int length;

  /** Views the field of {@code width} bytes at {@code offset}; does not validate the bytes. */
  public AsciiSequence wrap(DirectBuffer buffer, int offset, int width) {
    this.buffer = buffer;
    this.offset = offset;
    int n = 0;
    while (n < width && buffer.getByte(offset + n) != 0) {
      n++;
    }
    this.length = n;
    return this;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public boolean isEmpty() {
    return length == 0;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " outside [0, " + length + ")");
    }
    return (char) (buffer.getByte(offset + index) & 0xFF);
  }

  /** Allocates a new {@code String}; slow path only. */
  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().substring(start, end);
  }

  /** True when {@code other} has exactly the same characters; does not allocate. */
  public boolean contentEquals(CharSequence other) {
    if (other == null || other.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (other.charAt(i) != (char) (buffer.getByte(offset + i) & 0xFF)) {
        return false;
      }
    }
    return true;
  }

  /** The hash {@link String#hashCode()} would return for this text; does not allocate. */
  public int stringHashCode() {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + (buffer.getByte(offset + i) & 0xFF);
    }
    return h;
  }

  /** Copies the text bytes (without padding) into {@code dst}; returns the number of bytes copied. */
  public int getBytes(byte[] dst, int dstOffset) {
    buffer.getBytes(offset, dst, dstOffset, length);
    return length;
  }

  /** Copies the text bytes (without padding) into {@code dst}; returns the number of bytes copied. */
  public int getBytes(MutableDirectBuffer dst, int dstOffset) {
    dst.putBytes(dstOffset, buffer, offset, length);
    return length;
  }

  /** Appends the text to {@code sb}; allocates only if {@code sb} must grow. */
  public StringBuilder appendTo(StringBuilder sb) {
    for (int i = 0; i < length; i++) {
      sb.append((char) (buffer.getByte(offset + i) & 0xFF));
    }
    return sb;
  }

  /** The text as a new {@code String}; allocates, slow path only. */
  @Override
  public String toString() {
    return length == 0 ? "" : buffer.getStringWithoutLengthAscii(offset, length);
  }
}

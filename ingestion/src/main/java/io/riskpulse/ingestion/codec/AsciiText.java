package io.riskpulse.ingestion.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Reading, checking and writing fixed-width ASCII text fields: printable characters 0x21..0x7E, then zero bytes
 * up to the field width. Stateless; safe from any thread; nothing here allocates except
 * {@link #put}'s exception for a value that cannot be encoded.
 */
final class AsciiText {

  /** {@link #check} result: the field is well-formed. */
  static final int VALID = -1;

  /** {@link #check} result: a required field is empty. */
  static final int EMPTY = -2;

  private AsciiText() {}

  /**
   * Checks a field: {@link #VALID}, {@link #EMPTY} (when required and empty), or the position of the first bad
   * byte (non-printable in the text, or non-zero in the padding).
   */
  static int check(DirectBuffer buffer, int index, int width, boolean required) {
    int n = 0;
    while (n < width) {
      byte c = buffer.getByte(index + n);
      if (c == 0) {
        break;
      }
      if (c < 0x21 || c > 0x7E) {
        return n;
      }
      n++;
    }
    for (int i = n + 1; i < width; i++) {
      if (buffer.getByte(index + i) != 0) {
        return i;
      }
    }
    return n == 0 && required ? EMPTY : VALID;
  }

  /**
   * Writes {@code value} into the field and zero-pads it; {@code null} or empty writes an empty field. Bytes are
   * written as given (a control character is written, and later rejected by the decoder) so that tests can
   * produce malformed frames.
   *
   * @throws IllegalArgumentException when the value is longer than the field or has a non-ASCII character
   */
  static void put(MutableDirectBuffer buffer, int index, int width, CharSequence value) {
    int length = value == null ? 0 : value.length();
    if (length > width) {
      throw new IllegalArgumentException(
          "text of " + length + " characters does not fit a field of " + width + " bytes: " + value);
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c > 0x7F) {
        throw new IllegalArgumentException("non-ASCII character at " + i + " in " + value);
      }
      buffer.putByte(index + i, (byte) c);
    }
    if (length < width) {
      buffer.setMemory(index + length, width - length, (byte) 0);
    }
  }
}

package io.riskpulse.ingestion.codec;

import static io.riskpulse.ingestion.codec.WireFormat.BYTE_ORDER;

import org.agrona.DirectBuffer;

/**
 * Flyweight over the 32-byte header that starts every frame (little-endian):
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+-------------------------------+
 *  |       templateId (uint16)     |     schemaVersion (uint16)    |  0
 *  +-------------------------------+-------------------------------+
 *  |                      frameLength (int32)                      |  4
 *  +---------------------------------------------------------------+
 *  |                        sourceId (int32)                       |  8
 *  +---------------------------------------------------------------+
 *  |                  flags (int32, reserved, 0)                   | 12
 *  +---------------------------------------------------------------+
 *  |                        sequence (int64)                       | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                     sendTimeNanos (int64)                     | 24
 *  |                                                               |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Reads fields on demand from the wrapped buffer; holds no copy. Accessors do not check bounds beyond the
 * buffer's own checks: call them only on a frame of at least {@link #LENGTH} bytes ({@link FrameDecoder}
 * does). Not thread-safe: one instance per thread, re-wrapped for each frame, which is what makes decoding
 * allocation-free.
 */
public final class MessageHeader {

  /** Header length, bytes; the first message field starts here. */
  public static final int LENGTH = 32;

  public static final int TEMPLATE_ID_OFFSET = 0;
  public static final int SCHEMA_VERSION_OFFSET = 2;
  public static final int FRAME_LENGTH_OFFSET = 4;
  public static final int SOURCE_ID_OFFSET = 8;
  public static final int FLAGS_OFFSET = 12;
  public static final int SEQUENCE_OFFSET = 16;
  public static final int SEND_TIME_NANOS_OFFSET = 24;

  private DirectBuffer buffer;
  private int offset;
  private int receivedLength;

  /**
   * Wraps the frame starting at {@code offset}.
   *
   * @param length bytes received for this frame (as delivered by the transport), kept for
   *     {@link #receivedLength()}
   */
  public MessageHeader wrap(DirectBuffer buffer, int offset, int length) {
    this.buffer = buffer;
    this.offset = offset;
    this.receivedLength = length;
    return this;
  }

  public DirectBuffer buffer() {
    return buffer;
  }

  public int offset() {
    return offset;
  }

  /** Bytes received for this frame, as passed to {@link #wrap}. */
  public int receivedLength() {
    return receivedLength;
  }

  /** Message type id (unsigned 16 bits), see {@link MessageType}. */
  public int templateId() {
    return buffer.getShort(offset + TEMPLATE_ID_OFFSET, BYTE_ORDER) & 0xFFFF;
  }

  /** Schema version the sender wrote (unsigned 16 bits); {@link WireFormat#SCHEMA_VERSION} is accepted. */
  public int schemaVersion() {
    return buffer.getShort(offset + SCHEMA_VERSION_OFFSET, BYTE_ORDER) & 0xFFFF;
  }

  /** Total bytes of the frame as the sender wrote them, header included. */
  public int frameLength() {
    return buffer.getInt(offset + FRAME_LENGTH_OFFSET, BYTE_ORDER);
  }

  /** Publisher identity; events carry it as {@code "aeron:" + sourceId}. */
  public int sourceId() {
    return buffer.getInt(offset + SOURCE_ID_OFFSET, BYTE_ORDER);
  }

  /** Reserved for flags; written as 0 in version 1, ignored by readers. */
  public int flags() {
    return buffer.getInt(offset + FLAGS_OFFSET, BYTE_ORDER);
  }

  /** Per-source sequence number: 1 for the first frame of a source, then +1 per frame. */
  public long sequence() {
    return buffer.getLong(offset + SEQUENCE_OFFSET, BYTE_ORDER);
  }

  /** When the publisher sent the frame, epoch nanoseconds (for latency measurement). */
  public long sendTimeNanos() {
    return buffer.getLong(offset + SEND_TIME_NANOS_OFFSET, BYTE_ORDER);
  }
}

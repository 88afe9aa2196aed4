package io.riskpulse.ingestion.codec;

import static io.riskpulse.ingestion.codec.WireFormat.BYTE_ORDER;

import org.agrona.DirectBuffer;

/**
 * Base of the message flyweights: wraps one frame (header included) and reads fields on demand, so decoding
 * allocates nothing. Every message body starts with {@code eventTimeNanos} at {@link #EVENT_TIME_NANOS_OFFSET}
 * and names one instrument in a {@code char[16]} symbol, at an offset each subclass gives.
 *
 * <p>Accessors assume a frame that {@link FrameDecoder#validate} accepted; on other bytes they return garbage
 * or throw the buffer's bounds exception. Not thread-safe: one instance per thread, re-wrapped per frame.
 */
public abstract class MessageDecoder {

  /** Offset of {@code eventTimeNanos}, the first field after the header in every message. */
  public static final int EVENT_TIME_NANOS_OFFSET = MessageHeader.LENGTH;

  private static final long NANOS_PER_MILLI = 1_000_000L;

  protected DirectBuffer buffer;
  protected int offset;
  private final int symbolOffset;
  private final AsciiSequence symbolView = new AsciiSequence();

  /** @param symbolOffset offset of the message's {@code char[16]} symbol in the frame */
  MessageDecoder(int symbolOffset) {
    this.symbolOffset = symbolOffset;
  }

  /** Wraps the frame whose header starts at {@code offset}. */
  public MessageDecoder wrap(DirectBuffer buffer, int offset) {
    this.buffer = buffer;
    this.offset = offset;
    return this;
  }

  public DirectBuffer buffer() {
    return buffer;
  }

  /** Offset of the frame (its header) in {@link #buffer()}. */
  public int offset() {
    return offset;
  }

  /** The message type from the header's template id, or {@code null} if unknown. */
  public MessageType messageType() {
    return MessageType.fromTemplateId(buffer.getShort(offset + MessageHeader.TEMPLATE_ID_OFFSET, BYTE_ORDER)
        & 0xFFFF);
  }

  /** Publisher identity from the header. */
  public int sourceId() {
    return buffer.getInt(offset + MessageHeader.SOURCE_ID_OFFSET, BYTE_ORDER);
  }

  /** Per-source sequence number from the header. */
  public long sequence() {
    return buffer.getLong(offset + MessageHeader.SEQUENCE_OFFSET, BYTE_ORDER);
  }

  /** Publisher send time from the header, epoch nanoseconds. */
  public long sendTimeNanos() {
    return buffer.getLong(offset + MessageHeader.SEND_TIME_NANOS_OFFSET, BYTE_ORDER);
  }

  /**
   * When the event happened at its origin (exchange time of a tick, venue time of an order event or fill),
   * epoch nanoseconds; the domain records' timestamp.
   */
  public long eventTimeNanos() {
    return buffer.getLong(offset + EVENT_TIME_NANOS_OFFSET, BYTE_ORDER);
  }

  /** {@link #eventTimeNanos()} truncated to epoch milliseconds. */
  public long eventTimeMillis() {
    return Math.floorDiv(eventTimeNanos(), NANOS_PER_MILLI);
  }

  /** Instrument symbol; allocates (slow path). */
  public String symbol() {
    return string(symbolOffset, WireFormat.SYMBOL_LENGTH);
  }

  /** Instrument symbol as a reused view; does not allocate. */
  public AsciiSequence symbolView() {
    return text(symbolView, symbolOffset, WireFormat.SYMBOL_LENGTH);
  }

  final double getDouble(int fieldOffset) {
    return buffer.getDouble(offset + fieldOffset, BYTE_ORDER);
  }

  final int getUnsignedByte(int fieldOffset) {
    return buffer.getByte(offset + fieldOffset) & 0xFF;
  }

  final AsciiSequence text(AsciiSequence view, int fieldOffset, int width) {
    return view.wrap(buffer, offset + fieldOffset, width);
  }

  final String string(int fieldOffset, int width) {
    int n = 0;
    while (n < width && buffer.getByte(offset + fieldOffset + n) != 0) {
      n++;
    }
    return n == 0 ? "" : buffer.getStringWithoutLengthAscii(offset + fieldOffset, n);
  }
}

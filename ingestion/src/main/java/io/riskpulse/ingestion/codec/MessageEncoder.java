package io.riskpulse.ingestion.codec;

import static io.riskpulse.ingestion.codec.WireFormat.BYTE_ORDER;

import org.agrona.MutableDirectBuffer;

/**
 * Base of the message encoders: {@code wrapAndApplyHeader} zero-fills the frame and writes its header, the
 * setters write body fields in place, {@link #encodedLength()} gives the bytes to publish. Encoders do not
 * validate values (so that tests and tools can produce bad frames); the receiving {@link FrameDecoder} does.
 * Encoding allocates nothing.
 *
 * <p>Not thread-safe: one instance per publishing thread.
 */
public abstract class MessageEncoder {

  private final MessageHeaderEncoder header = new MessageHeaderEncoder();
  protected MutableDirectBuffer buffer;
  protected int offset;
  private int length;

  MessageEncoder() {}

  final void wrapFrame(MutableDirectBuffer buffer, int offset, MessageType type, int sourceId, long sequence,
      long sendTimeNanos) {
    buffer.checkLimit(offset + type.frameLength());
    this.buffer = buffer;
    this.offset = offset;
    this.length = type.frameLength();
    buffer.setMemory(offset, length, (byte) 0);
    header.wrap(buffer, offset).apply(type, sourceId, sequence, sendTimeNanos);
  }

  /** The header of the frame being encoded, to overwrite single header fields. */
  public MessageHeaderEncoder header() {
    return header;
  }

  /** Total bytes of the frame being encoded, header included (the type's fixed frame length). */
  public int encodedLength() {
    return length;
  }

  public MutableDirectBuffer buffer() {
    return buffer;
  }

  /** Offset of the frame (its header) in {@link #buffer()}. */
  public int offset() {
    return offset;
  }

  final void putEventTimeNanos(long eventTimeNanos) {
    buffer.putLong(offset + MessageDecoder.EVENT_TIME_NANOS_OFFSET, eventTimeNanos, BYTE_ORDER);
  }

  final void putDouble(int fieldOffset, double value) {
    buffer.putDouble(offset + fieldOffset, value, BYTE_ORDER);
  }

  final void putByte(int fieldOffset, int value) {
    buffer.putByte(offset + fieldOffset, (byte) value);
  }

  final void putText(int fieldOffset, int width, CharSequence value) {
    AsciiText.put(buffer, offset + fieldOffset, width, value);
  }
}

package io.riskpulse.ingestion.codec;

import static io.riskpulse.ingestion.codec.WireFormat.BYTE_ORDER;

import org.agrona.MutableDirectBuffer;

/**
 * Writes the fields of the 32-byte header laid out in {@link MessageHeader}. The message encoders use it to
 * write a correct header; tests use it to overwrite single fields and produce bad frames.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class MessageHeaderEncoder {

  private MutableDirectBuffer buffer;
  private int offset;

  public MessageHeaderEncoder wrap(MutableDirectBuffer buffer, int offset) {
    this.buffer = buffer;
    this.offset = offset;
    return this;
  }

  /** Writes every header field: the given type, its frame length, schema version 1 and zero flags. */
  public MessageHeaderEncoder apply(MessageType type, int sourceId, long sequence, long sendTimeNanos) {
    return templateId(type.templateId())
        .schemaVersion(WireFormat.SCHEMA_VERSION)
        .frameLength(type.frameLength())
        .sourceId(sourceId)
        .flags(0)
        .sequence(sequence)
        .sendTimeNanos(sendTimeNanos);
  }

  /** Writes the low 16 bits of {@code templateId}. */
  public MessageHeaderEncoder templateId(int templateId) {
    buffer.putShort(offset + MessageHeader.TEMPLATE_ID_OFFSET, (short) templateId, BYTE_ORDER);
    return this;
  }

  /** Writes the low 16 bits of {@code schemaVersion}. */
  public MessageHeaderEncoder schemaVersion(int schemaVersion) {
    buffer.putShort(offset + MessageHeader.SCHEMA_VERSION_OFFSET, (short) schemaVersion, BYTE_ORDER);
    return this;
  }

  public MessageHeaderEncoder frameLength(int frameLength) {
    buffer.putInt(offset + MessageHeader.FRAME_LENGTH_OFFSET, frameLength, BYTE_ORDER);
    return this;
  }

  public MessageHeaderEncoder sourceId(int sourceId) {
    buffer.putInt(offset + MessageHeader.SOURCE_ID_OFFSET, sourceId, BYTE_ORDER);
    return this;
  }

  public MessageHeaderEncoder flags(int flags) {
    buffer.putInt(offset + MessageHeader.FLAGS_OFFSET, flags, BYTE_ORDER);
    return this;
  }

  public MessageHeaderEncoder sequence(long sequence) {
    buffer.putLong(offset + MessageHeader.SEQUENCE_OFFSET, sequence, BYTE_ORDER);
    return this;
  }

  /** Publisher send time, epoch nanoseconds. */
  public MessageHeaderEncoder sendTimeNanos(long sendTimeNanos) {
    buffer.putLong(offset + MessageHeader.SEND_TIME_NANOS_OFFSET, sendTimeNanos, BYTE_ORDER);
    return this;
  }
}

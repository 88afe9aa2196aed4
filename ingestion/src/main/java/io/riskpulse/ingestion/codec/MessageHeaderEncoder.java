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
    return putShort(MessageHeader.TEMPLATE_ID_OFFSET, templateId);
  }

  /** Writes the low 16 bits of {@code schemaVersion}. */
  public MessageHeaderEncoder schemaVersion(int schemaVersion) {
    return putShort(MessageHeader.SCHEMA_VERSION_OFFSET, schemaVersion);
  }

  public MessageHeaderEncoder frameLength(int frameLength) {
    return putInt(MessageHeader.FRAME_LENGTH_OFFSET, frameLength);
  }

  public MessageHeaderEncoder sourceId(int sourceId) {
    return putInt(MessageHeader.SOURCE_ID_OFFSET, sourceId);
  }

  public MessageHeaderEncoder flags(int flags) {
    return putInt(MessageHeader.FLAGS_OFFSET, flags);
  }

  public MessageHeaderEncoder sequence(long sequence) {
    return putLong(MessageHeader.SEQUENCE_OFFSET, sequence);
  }

  /** Publisher send time, epoch nanoseconds. */
  public MessageHeaderEncoder sendTimeNanos(long sendTimeNanos) {
    return putLong(MessageHeader.SEND_TIME_NANOS_OFFSET, sendTimeNanos);
  }

  private MessageHeaderEncoder putShort(int fieldOffset, int value) {
    buffer.putShort(offset + fieldOffset, (short) value, BYTE_ORDER);
    return this;
  }

  private MessageHeaderEncoder putInt(int fieldOffset, int value) {
    buffer.putInt(offset + fieldOffset, value, BYTE_ORDER);
    return this;
  }

  private MessageHeaderEncoder putLong(int fieldOffset, long value) {
    buffer.putLong(offset + fieldOffset, value, BYTE_ORDER);
    return this;
  }
}

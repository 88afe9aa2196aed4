package io.riskpulse.ingestion.aeron;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The acknowledgement frame the node sends back to publishers (docs/WIRE_FORMAT.md, "ACK"): for one source,
 * the range {@code [fromSequence, handledSequence]} of sequence numbers whose messages this node has all
 * handled (a fill: persisted in its portfolio). {@code fromSequence} is the lowest number this node has
 * received from the source. A publisher may forget frames up to {@code handledSequence} only when the range
 * reaches back to what it already knows to be handled ({@code fromSequence <= acknowledged + 1}); a range
 * starting higher means this node never received the frames below it (it joined the stream mid-way, after a
 * crash), and the publisher sends them again.
 *
 * <p>Layout, 24 bytes, little-endian: uint16 templateId = 20 @0, uint16 schemaVersion = 2 @2, int32 sourceId @4,
 * int64 fromSequence @8, int64 handledSequence @16.
 */
public final class Ack {

  public static final int TEMPLATE_ID = 20;
  public static final int SCHEMA_VERSION = 2;
  public static final int LENGTH = 24;

  private Ack() {}

  /** Writes an ack at {@code offset}; returns its length. */
  public static int encode(
      MutableDirectBuffer buffer, int offset, int sourceId, long fromSequence, long handledSequence) {
    buffer.putShort(offset, (short) TEMPLATE_ID, ByteOrder.LITTLE_ENDIAN);
    buffer.putShort(offset + 2, (short) SCHEMA_VERSION, ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(offset + 4, sourceId, ByteOrder.LITTLE_ENDIAN);
    buffer.putLong(offset + 8, fromSequence, ByteOrder.LITTLE_ENDIAN);
    buffer.putLong(offset + 16, handledSequence, ByteOrder.LITTLE_ENDIAN);
    return LENGTH;
  }

  /** True when the bytes are an ack of this version. */
  public static boolean isAck(DirectBuffer buffer, int offset, int length) {
    return length == LENGTH && (buffer.getShort(offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF) == TEMPLATE_ID
        && (buffer.getShort(offset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF) == SCHEMA_VERSION;
  }

  public static int sourceId(DirectBuffer buffer, int offset) {
    return buffer.getInt(offset + 4, ByteOrder.LITTLE_ENDIAN);
  }

  public static long fromSequence(DirectBuffer buffer, int offset) {
    return buffer.getLong(offset + 8, ByteOrder.LITTLE_ENDIAN);
  }

  public static long handledSequence(DirectBuffer buffer, int offset) {
    return buffer.getLong(offset + 16, ByteOrder.LITTLE_ENDIAN);
  }
}

package io.riskpulse.ingestion.aeron;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The acknowledgement frame the node sends back to publishers (docs/WIRE_FORMAT.md, "ACK"): for one source,
 * the highest sequence number whose message the node has handled (a fill: persisted in its portfolio), with
 * every lower number handled too. A publisher may forget frames up to it and must replay the rest after the
 * node restarts.
 *
 * <p>Layout, 16 bytes, little-endian: uint16 templateId = 20 @0, uint16 schemaVersion = 1 @2, int32 sourceId @4,
 * int64 handledSequence @8.
 */
public final class Ack {

  public static final int TEMPLATE_ID = 20;
  public static final int LENGTH = 16;

  private Ack() {}

  /** Writes an ack at {@code offset}; returns its length. */
  public static int encode(MutableDirectBuffer buffer, int offset, int sourceId, long handledSequence) {
    buffer.putShort(offset, (short) TEMPLATE_ID, ByteOrder.LITTLE_ENDIAN);
    buffer.putShort(offset + 2, (short) 1, ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(offset + 4, sourceId, ByteOrder.LITTLE_ENDIAN);
    buffer.putLong(offset + 8, handledSequence, ByteOrder.LITTLE_ENDIAN);
    return LENGTH;
  }

  /** True when the bytes are a version-1 ack. */
  public static boolean isAck(DirectBuffer buffer, int offset, int length) {
    return length == LENGTH && (buffer.getShort(offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF) == TEMPLATE_ID
        && (buffer.getShort(offset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF) == 1;
  }

  public static int sourceId(DirectBuffer buffer, int offset) {
    return buffer.getInt(offset + 4, ByteOrder.LITTLE_ENDIAN);
  }

  public static long handledSequence(DirectBuffer buffer, int offset) {
    return buffer.getLong(offset + 8, ByteOrder.LITTLE_ENDIAN);
  }
}

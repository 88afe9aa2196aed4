package io.riskpulse.model.journal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The journal's binary form of a {@link ChainedEvent}: a fixed layout around the event's own bytes, so sealing
 * adds a copy and 70-odd bytes to each journaled event rather than a second trip through Jackson, and so an
 * auditor's own tools can read the chain without this code. Big-endian:
 *
 * <pre>
 *   offset  size  field
 *   0       1     format version, 1
 *   1       4     serializerId of the payload (int)
 *   5       2     manifest length M in bytes (unsigned short)
 *   7       M     manifest, UTF-8
 *   7+M     32    previousHash
 *   39+M    32    hash
 *   71+M    4     payload length P (int)
 *   75+M    P     payload: the event as its own serializer wrote it
 * </pre>
 *
 * <p>Thread-safety: stateless, safe to share (Pekko shares one instance per system).
 */
public final class ChainedEventSerializer extends SerializerWithStringManifest {

  /** This serializer's id in Pekko's registry (ids up to 40 are Pekko's own). */
  public static final int IDENTIFIER = 761_901;
  /** The manifest of format version 1. */
  public static final String MANIFEST_V1 = "chained-v1";
  private static final byte VERSION = 1;

  /** Pekko instantiates serializers with the system. */
  public ChainedEventSerializer(ExtendedActorSystem system) {}

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object o) {
    return MANIFEST_V1;
  }

  @Override
  public byte[] toBinary(Object o) {
    if (!(o instanceof ChainedEvent event)) {
      throw new IllegalArgumentException("cannot serialize " + o.getClass().getName() + " as a chained event");
    }
    byte[] manifest = event.manifest().getBytes(StandardCharsets.UTF_8);
    if (manifest.length > 0xFFFF) {
      throw new IllegalArgumentException("manifest longer than 65,535 bytes");
    }
    ByteBuffer out = ByteBuffer.allocate(75 + manifest.length + event.payload().length);
    out.put(VERSION).putInt(event.serializerId()).putShort((short) manifest.length).put(manifest)
        .put(event.previousHash()).put(event.hash()).putInt(event.payload().length).put(event.payload());
    return out.array();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) {
    if (!MANIFEST_V1.equals(manifest)) {
      throw new IllegalArgumentException("unknown chained-event manifest '" + manifest + "'");
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      byte version = in.get();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown chained-event format version " + version);
      }
      int serializerId = in.getInt();
      byte[] eventManifest = new byte[Short.toUnsignedInt(in.getShort())];
      in.get(eventManifest);
      byte[] previousHash = new byte[HashChain.HASH_BYTES];
      in.get(previousHash);
      byte[] hash = new byte[HashChain.HASH_BYTES];
      in.get(hash);
      int length = in.getInt();
      if (length < 0 || length != in.remaining()) {
        throw new IllegalArgumentException("payload length " + length + " but " + in.remaining() + " bytes left");
      }
      byte[] payload = new byte[length];
      in.get(payload);
      return new ChainedEvent(serializerId, new String(eventManifest, StandardCharsets.UTF_8), payload,
          previousHash, hash);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("a chained event cut short (" + bytes.length + " bytes)", e);
    }
  }
}

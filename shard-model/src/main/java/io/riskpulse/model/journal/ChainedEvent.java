package io.riskpulse.model.journal;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * How an entity's event is stored in the journal: the event's own serialized form, linked to the event before it
 * by a SHA-256 hash chain, so that an auditor can tell that no event was altered, removed, inserted or reordered
 * (see {@link HashChain} for what the hash covers, and {@code io.riskpulse.persistence.audit} for the verifier).
 *
 * <p>The payload is kept as the bytes the hash was computed over, not re-serialized on reading: a verifier checks
 * exactly what is stored, whatever version of the serializer reads it later. Stored by
 * {@link ChainedEventSerializer}, whose layout is documented byte by byte.
 *
 * @param serializerId the Pekko serializer that wrote {@code payload}
 * @param manifest that serializer's manifest for the event (its class, for Jackson)
 * @param payload the serialized event
 * @param previousHash the hash of the entity's previous event, or the chain's genesis for its first chained event
 *     (32 bytes)
 * @param hash SHA-256 over {@code previousHash}, {@code serializerId}, {@code manifest} and {@code payload} (32 bytes)
 */
public record ChainedEvent(int serializerId, String manifest, byte[] payload, byte[] previousHash, byte[] hash) {

  @Override
  public boolean equals(Object other) {
    return other instanceof ChainedEvent that
        && serializerId == that.serializerId
        && manifest.equals(that.manifest)
        && Arrays.equals(payload, that.payload)
        && Arrays.equals(previousHash, that.previousHash)
        && Arrays.equals(hash, that.hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "ChainedEvent[" + manifest + ", " + payload.length + " bytes, hash " + HexFormat.of().formatHex(hash)
        + "]";
  }
}

package io.riskpulse.model;

/**
 * Marker for every message that crosses a node boundary or is written to the journal (commands, replies,
 * events, snapshots). Bound to Pekko's Jackson CBOR serializer in this module's {@code reference.conf}, so a
 * message type that forgets the marker fails loudly in tests instead of silently using Java serialization.
 */
public interface CborSerializable {}

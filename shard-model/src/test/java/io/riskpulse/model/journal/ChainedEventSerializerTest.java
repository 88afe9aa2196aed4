package io.riskpulse.model.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The chained event's byte layout: round trips, and damaged bytes are refused with a reason. */
class ChainedEventSerializerTest {

  private final ChainedEventSerializer serializer = new ChainedEventSerializer(null);
  private final ChainedEvent event = new ChainedEvent(33, "io.riskpulse.Évent",
      "payload bytes".getBytes(StandardCharsets.UTF_8), filled(1), filled(2));

  private static byte[] filled(int value) {
    byte[] hash = new byte[HashChain.HASH_BYTES];
    Arrays.fill(hash, (byte) value);
    return hash;
  }

  @Test
  void shouldRoundTripWithTheDocumentedLayout() {
    byte[] bytes = serializer.toBinary(event);
    int manifestLength = "io.riskpulse.Évent".getBytes(StandardCharsets.UTF_8).length;
    assertEquals(75 + manifestLength + 13, bytes.length);
    assertEquals(1, bytes[0], "format version");
    assertEquals(33, bytes[4], "serializer id, big-endian");
    assertEquals(manifestLength, bytes[6]);
    assertEquals(2, bytes[7 + manifestLength + 32], "the hash follows the previous hash");
    assertEquals(event, serializer.fromBinary(bytes, serializer.manifest(event)));
  }

  @Test
  void shouldRefuseDamagedBytesWithAReason() {
    byte[] bytes = serializer.toBinary(event);
    IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
        () -> serializer.fromBinary(Arrays.copyOf(bytes, 40), ChainedEventSerializer.MANIFEST_V1));
    assertTrue(cut.getMessage().contains("cut short"), cut.getMessage());
    IllegalArgumentException longer = assertThrows(IllegalArgumentException.class,
        () -> serializer.fromBinary(Arrays.copyOf(bytes, bytes.length + 1), ChainedEventSerializer.MANIFEST_V1));
    assertTrue(longer.getMessage().contains("payload length 13 but 14 bytes left"), longer.getMessage());
    byte[] version = bytes.clone();
    version[0] = 9;
    assertThrows(IllegalArgumentException.class,
        () -> serializer.fromBinary(version, ChainedEventSerializer.MANIFEST_V1));
    assertThrows(IllegalArgumentException.class, () -> serializer.fromBinary(bytes, "chained-v0"));
  }
}

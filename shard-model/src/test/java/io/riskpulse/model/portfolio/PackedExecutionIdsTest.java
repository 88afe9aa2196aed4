package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedExecutionIdsTest {

  private record Entry(String id, int fingerprint) {}

  private static PackedExecutionIds pack(List<Entry> entries) {
    return PackedExecutionIds.pack(entries.size(), sink -> entries.forEach(e -> sink.accept(e.id(), e.fingerprint())));
  }

  private static List<Entry> unpack(PackedExecutionIds packed) {
    List<Entry> entries = new ArrayList<>();
    packed.forEach((id, fingerprint) -> entries.add(new Entry(id.toString(), fingerprint)));
    return entries;
  }

  @Test
  void shouldGiveBackEveryIdWithItsFingerprintInOrder() {
    List<Entry> entries = List.of(new Entry("F1000", 7), new Entry("F1050", -1), new Entry("F1", Integer.MIN_VALUE),
        new Entry("F10", Integer.MAX_VALUE), new Entry("G", 0), new Entry("exec-ü-1", 42),
        new Entry("exec-ü-2", 43), new Entry("x".repeat(300), 44), new Entry("x".repeat(299) + "y", 45));
    PackedExecutionIds packed = pack(entries);
    assertEquals(entries, unpack(packed));
    assertEquals(entries.size(), packed.count());
  }

  @Test
  void shouldKeepASurrogatePairWholeWhenTwoIdsShareItsFirstHalf() {
    // U+1F600 and U+1F601 share their high surrogate: the rest must start with it, or it would not be UTF-8.
    List<Entry> entries = List.of(new Entry("E\uD83D\uDE00", 1), new Entry("E\uD83D\uDE01", 2),
        new Entry("E\uD83D\uDE01!", 3));
    assertEquals(entries, unpack(pack(entries)));
  }

  /** The layout is a stored format: snapshots written by earlier builds must read back, these bytes by hand. */
  @Test
  void shouldWriteTheDocumentedBytesFromAListAndFromAWindow() {
    List<Entry> entries = List.of(new Entry("F1000", 7), new Entry("F1050", -1), new Entry("E\uD83D\uDE00", 1),
        new Entry("E\uD83D\uDE01", 2), new Entry("E\uD800", 3));
    String expected = "0105" + "0005" + "4631303030" + "00000007" + "0302" + "3530" + "ffffffff"
        + "0005" + "45f09f9880" + "00000001" + "0104" + "f09f9881" + "00000002" + "0101" + "3f" + "00000003";
    assertEquals(expected, HexFormat.of().formatHex(pack(entries).bytes()));
    ExecutionIdWindow window = new ExecutionIdWindow(10);
    entries.forEach(e -> window.add(e.id(), e.fingerprint()));
    assertEquals(expected, HexFormat.of().formatHex(window.pack().bytes()));
  }

  @Test
  void shouldPackAnEmptyWindow() {
    PackedExecutionIds packed = pack(List.of());
    assertEquals(List.of(), unpack(packed));
    assertEquals(0, packed.count());
  }

  @Test
  void shouldRoundTripRandomIdsThatShareRandomPrefixes() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      List<Entry> entries = new ArrayList<>();
      String previous = "";
      for (int i = random.nextInt(50); i > 0; i--) {
        int keep = previous.isEmpty() ? 0 : random.nextInt(previous.length() + 1);
        if (keep > 0 && Character.isHighSurrogate(previous.charAt(keep - 1))) {
          keep--; // valid ids only: never half a pair
        }
        StringBuilder next = new StringBuilder(previous.substring(0, keep));
        for (int c = random.nextInt(8); c >= 0; c--) {
          // ASCII, two- and three-byte UTF-8, and supplementary code points (surrogate pairs)
          int codePoint = switch (random.nextInt(4)) {
            case 0 -> 'a' + random.nextInt(3);
            case 1 -> 0x80 + random.nextInt(0x780);
            case 2 -> 0xE000 + random.nextInt(0x1000);
            default -> 0x1F600 + random.nextInt(3);
          };
          next.appendCodePoint(codePoint);
        }
        String id = next.toString();
        if (entries.stream().noneMatch(e -> e.id().equals(id))) {
          entries.add(new Entry(id, random.nextInt()));
        }
        previous = id;
      }
      assertEquals(entries, unpack(pack(entries)), "round " + round);
    }
  }

  @Test
  void shouldBeSmallerThanTheListsItReplacesForSequentialIds() throws Exception {
    List<String> ids = new ArrayList<>();
    List<Integer> prints = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    Random random = new Random(5);
    for (int i = 0; i < 5_000; i++) {
      String id = "F" + (120_000 + 50 * i);
      int print = random.nextInt();
      ids.add(id);
      prints.add(print);
      entries.add(new Entry(id, print));
    }
    ObjectMapper cbor = new ObjectMapper(new CBORFactory());
    int lists = cbor.writeValueAsBytes(ids).length + cbor.writeValueAsBytes(prints).length;
    int packed = pack(entries).bytes().length;
    assertTrue(packed < 0.7 * lists, "packed " + packed + " bytes, lists " + lists);
  }

  @Test
  void shouldCompareByContent() {
    PackedExecutionIds one = pack(List.of(new Entry("E1", 1)));
    PackedExecutionIds same = pack(List.of(new Entry("E1", 1)));
    assertEquals(one, same);
    assertEquals(one.hashCode(), same.hashCode());
    assertNotEquals(one, pack(List.of(new Entry("E1", 2))));
  }

  @Test
  void shouldRefuseCorruptBytesWithTheReason() {
    byte[] good = pack(List.of(new Entry("E100", 1), new Entry("E101", 2))).bytes();
    assertCorrupt(new byte[0], "unknown version (empty)");
    byte[] version = good.clone();
    version[0] = 2;
    assertCorrupt(version, "unknown version 2");
    assertCorrupt(Arrays.copyOf(good, good.length - 1), "truncated fingerprint");
    assertCorrupt(Arrays.copyOf(good, good.length + 1), "1 bytes after the last entry");
    byte[] count = good.clone();
    count[1] = 100;
    assertCorrupt(count, "100 entries cannot fit");
    byte[] shared = good.clone();
    shared[2] = 9; // the first entry shares 9 chars with nothing
    assertCorrupt(shared, "entry 0 shares 9 chars with a previous id of 0");
    byte[] length = good.clone();
    length[3] = 120; // the first id's length
    assertCorrupt(length, "an id of 120 bytes runs past the end");
    assertCorrupt(new byte[] {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}, "varint out of range");
    assertCorrupt(new byte[] {1, (byte) 0x80}, "truncated varint");
  }

  private static void assertCorrupt(byte[] bytes, String reason) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PackedExecutionIds(bytes).forEach((id, print) -> { }));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void shouldRestoreAWindowThatForgetsItsOldestIdsWhenSmaller() {
    ExecutionIdWindow window = new ExecutionIdWindow(3);
    for (int i = 1; i <= 5; i++) {
      window.add("E" + i, i);
    }
    PackedExecutionIds packed = window.pack();
    assertEquals(3, packed.count());
    ExecutionIdWindow restored = new ExecutionIdWindow(2);
    restored.addAll(packed);
    assertEquals(2, restored.size());
    assertEquals(5, restored.fingerprint("E5"));
    assertEquals(4, restored.fingerprint("E4"));
    assertNull(restored.fingerprint("E3"));
  }
}

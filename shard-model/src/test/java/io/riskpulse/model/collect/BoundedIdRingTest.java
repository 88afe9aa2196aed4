package io.riskpulse.model.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoundedIdRingTest {

  private static Map<String, Integer> entries(BoundedIdRing ring) {
    Map<String, Integer> entries = new LinkedHashMap<>();
    ring.forEach((id, value) -> entries.put(id.toString(), value));
    return entries;
  }

  @Test
  void shouldForgetTheOldestBeyondItsCapacity() {
    BoundedIdRing ring = new BoundedIdRing(3);
    for (int i = 1; i <= 4; i++) {
      assertTrue(ring.add("E" + i, 10 * i));
    }
    assertFalse(ring.contains("E1"));
    assertEquals(OptionalInt.empty(), ring.get("E1"));
    assertEquals(OptionalInt.of(40), ring.get("E4"));
    assertEquals(Map.of("E2", 20, "E3", 30, "E4", 40), entries(ring));
    assertEquals(List.of("E2", "E3", "E4"), List.copyOf(entries(ring).keySet()));
    assertEquals(3, ring.size());
  }

  @Test
  void shouldKeepTheFirstValueAndAgeOfAnIdAddedAgain() {
    BoundedIdRing ring = new BoundedIdRing(2);
    ring.add("a", 1);
    ring.add("b", 2);
    assertFalse(ring.add("a", 99));
    assertEquals(OptionalInt.of(1), ring.get("a"));
    ring.add("c", 3); // "a" is still the oldest
    assertEquals(List.of("b", "c"), List.copyOf(entries(ring).keySet()));
  }

  @Test
  void shouldTellIdsApartExactlyWhateverTheirChars() {
    BoundedIdRing ring = new BoundedIdRing(100);
    List<String> ids = List.of("", "a", "A", "é", "\u00FF", "\u0100", "\u20AC1", "\uD83D\uDE00", "\uD83D\uDE01",
        "\uD800", "?", "x".repeat(1_000), "x".repeat(999) + "\u4E2D", "E-1", "E-10", "E-1\0");
    for (int i = 0; i < ids.size(); i++) {
      assertTrue(ring.add(ids.get(i), i), ids.get(i));
    }
    for (int i = 0; i < ids.size(); i++) {
      assertEquals(OptionalInt.of(i), ring.get(ids.get(i)), ids.get(i));
    }
    assertFalse(ring.contains("E-1\0\0"));
    assertFalse(ring.contains("\uDE00"));
    assertEquals(ids, List.copyOf(entries(ring).keySet()));
  }

  @Test
  void shouldTakeAnyCharSequenceAndKeepACopy() {
    BoundedIdRing ring = new BoundedIdRing(4);
    StringBuilder id = new StringBuilder("F-100");
    ring.add(id, 7);
    id.setLength(0);
    id.append("F-200");
    assertTrue(ring.contains("F-100"));
    assertFalse(ring.contains(id));
  }

  @Test
  void shouldFindEveryIdWhenAllHashesCollide() {
    // two hashes with neighbouring home cells: a forgotten id's cell is not simply taken by the next id
    BoundedIdRing ring = new BoundedIdRing(5, id -> 42 + id.charAt(id.length() - 1) % 2);
    for (int i = 0; i < 40; i++) {
      ring.add("id-" + i, i);
      for (int kept = Math.max(0, i - 4); kept <= i; kept++) {
        assertEquals(OptionalInt.of(kept), ring.get("id-" + kept), "after adding " + i);
      }
      if (i >= 5) {
        assertFalse(ring.contains("id-" + (i - 5)), "after adding " + i);
      }
    }
  }

  /** The obviously correct reference: a linked hash map trimmed to the capacity. */
  @Test
  void shouldAgreeWithALinkedHashMapOnRandomIds() {
    SplittableRandom random = new SplittableRandom(23);
    for (int round = 0; round < 60; round++) {
      int capacity = 1 + random.nextInt(round < 30 ? 40 : 3_000);
      // a few distinct hashes only in some rounds, so that probing, deletion and wrap-around are exercised
      int hashes = round % 3 == 0 ? 1 + random.nextInt(8) : 0;
      BoundedIdRing ring = hashes == 0 ? new BoundedIdRing(capacity)
          : new BoundedIdRing(capacity, id -> BoundedIdRing.seededHash(id) % hashes);
      LinkedHashMap<String, Integer> reference = new LinkedHashMap<>();
      int universe = capacity * 3 + 5;
      for (int step = 0; step < capacity * 8 + 50; step++) {
        String id = randomId(random, universe);
        int value = random.nextInt();
        boolean added = ring.add(id, value);
        assertEquals(!reference.containsKey(id), added, "round " + round + " step " + step);
        if (added) {
          reference.put(id, value);
          if (reference.size() > capacity) {
            reference.remove(reference.keySet().iterator().next());
          }
        }
        String probe = randomId(random, universe);
        assertEquals(reference.containsKey(probe), ring.contains(probe), "round " + round + " probe " + probe);
        if (reference.containsKey(probe)) {
          assertEquals(OptionalInt.of(reference.get(probe)), ring.get(probe));
        }
      }
      assertEquals(reference.size(), ring.size());
      assertEquals(new ArrayList<>(reference.entrySet()), new ArrayList<>(entries(ring).entrySet()),
          "round " + round);
    }
  }

  /** Ids of varied lengths (so the arena wraps at different places) and chars (one and two bytes per char). */
  private static String randomId(SplittableRandom random, int universe) {
    int n = random.nextInt(universe);
    String base = Integer.toString(n, 36);
    return switch (n % 6) {
      case 5 -> "";
      case 0 -> "E" + base;
      case 1 -> "exec-" + base + "-" + "p".repeat(n % 23);
      case 2 -> "\u20AC" + base;
      case 3 -> base + "\u00E9\u00E9";
      default -> "EXEC-2026-11-29-" + base + "\uD83D\uDE00".repeat(n % 3);
    };
  }

  /** Adds each id and compares the whole ring with a linked hash map trimmed to the capacity after every add. */
  private static void assertAgreesWithReference(int capacity, List<String> ids) {
    BoundedIdRing ring = new BoundedIdRing(capacity);
    LinkedHashMap<String, Integer> reference = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      assertEquals(!reference.containsKey(id), ring.add(id, i), "add " + i);
      reference.putIfAbsent(id, i);
      if (reference.size() > capacity) {
        reference.remove(reference.keySet().iterator().next());
      }
      assertEquals(reference, entries(ring), "after add " + i);
      assertEquals(new ArrayList<>(reference.keySet()), new ArrayList<>(entries(ring).keySet()), "after add " + i);
      for (String kept : reference.keySet()) {
        assertTrue(ring.contains(kept), kept + " after add " + i);
      }
    }
  }

  @Test
  void shouldKeepEmptyIdsInAFullRingThatWraps() {
    assertAgreesWithReference(3, List.of("a".repeat(30), "", "b".repeat(30), "c".repeat(30), "", "d".repeat(30),
        "e".repeat(5), "", "f".repeat(40), "g", "", "h".repeat(70)));
  }

  @Test
  void shouldKeepAnIdLongerThanTheArenaOnceTheRingIsFullAndWrapped() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      ids.add("id-" + (1_000_000 + i));
    }
    ids.add("z".repeat(10_000));
    for (int i = 0; i < 200; i++) {
      ids.add("id-" + (2_000_000 + i));
    }
    assertAgreesWithReference(50, ids);
  }

  @Test
  void shouldKeepOneIdWithACapacityOfOne() {
    assertAgreesWithReference(1, List.of("ab", "", "ab", "\u0100", "ab", "ab", "\u0100\u0101"));
  }

  @Test
  void shouldHoldAFullWindowOfSequentialIdsInUnderSixtyBytesAnId() {
    int capacity = 100_000;
    BoundedIdRing ring = new BoundedIdRing(capacity);
    for (int i = 0; i < 3 * capacity; i++) {
      ring.add("EXEC-" + (1_000_000 + i), i); // 12 chars
    }
    assertEquals(capacity, ring.size());
    assertTrue(ring.contains("EXEC-" + (1_000_000 + 3 * capacity - 1)));
    assertFalse(ring.contains("EXEC-" + (1_000_000 + 2 * capacity - 1)));
    // 12 (three int rings) + 21 (index at load 0.38) + about 24 (arena) bytes an id: no object per id
    assertTrue(ring.arrayBytes() < 60L * capacity, ring.arrayBytes() + " bytes for " + capacity + " ids");
  }

  @Test
  void shouldRefuseANonPositiveCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new BoundedIdRing(0));
    assertThrows(IllegalArgumentException.class, () -> new BoundedIdRing(BoundedIdRing.MAX_CAPACITY + 1));
  }
}

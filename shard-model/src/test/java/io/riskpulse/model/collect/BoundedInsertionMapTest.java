package io.riskpulse.model.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoundedInsertionMapTest {

  @Test
  void shouldForgetTheOldestBeyondItsCapacityAndSaySo() {
    List<Integer> evicted = new ArrayList<>();
    BoundedInsertionMap<Integer> map = new BoundedInsertionMap<>(3, evicted::add);
    map.put("a", 1);
    map.put("b", 2);
    map.put("c", 3);
    assertNull(map.put("d", 4));
    assertEquals(List.of(1), evicted);
    assertFalse(map.containsKey("a"));
    assertEquals(List.of(2, 3, 4), map.values());
  }

  @Test
  void shouldReplaceAValueInPlaceAndLetRemovalsMakeRoom() {
    List<Integer> evicted = new ArrayList<>();
    BoundedInsertionMap<Integer> map = new BoundedInsertionMap<>(3, evicted::add);
    map.put("a", 1);
    map.put("b", 2);
    assertEquals(1, map.put("a", 10)); // keeps its age: still the oldest
    assertEquals(2, map.remove("b"));
    assertNull(map.remove("b"));
    map.put("c", 3);
    map.put("d", 4);
    assertEquals(List.of(), evicted); // a, c, d: three kept, nothing forgotten
    map.put("e", 5);
    assertEquals(List.of(10), evicted);
    assertEquals(List.of(3, 4, 5), map.values());
    assertEquals(3, map.size());
  }

  @Test
  void shouldRefuseANonPositiveCapacityAndNullKeysOrValues() {
    assertThrows(IllegalArgumentException.class, () -> new BoundedInsertionMap<Integer>(0, v -> { }));
    BoundedInsertionMap<Integer> map = new BoundedInsertionMap<>(2, v -> { });
    assertThrows(NullPointerException.class, () -> map.put(null, 1));
    assertThrows(NullPointerException.class, () -> map.put("a", null));
    assertNull(map.get("a"));
    assertEquals(List.of(), map.values());
  }

  /** Random puts, replaces and removes over a small key space, against a LinkedHashMap that evicts its eldest. */
  @Test
  void shouldBehaveLikeABoundedLinkedHashMapUnderRandomOperations() {
    for (int capacity : new int[] {1, 2, 5, 17, 100, 1_000}) {
      SplittableRandom random = new SplittableRandom(capacity);
      List<Integer> evicted = new ArrayList<>();
      List<Integer> expectedEvicted = new ArrayList<>();
      BoundedInsertionMap<Integer> map = new BoundedInsertionMap<>(capacity, evicted::add);
      Map<String, Integer> model = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          if (size() > capacity) {
            expectedEvicted.add(eldest.getValue());
            return true;
          }
          return false;
        }
      };
      int keySpace = capacity * 3;
      for (int step = 0; step < 50_000; step++) {
        String key = "O" + random.nextInt(keySpace);
        int value = step;
        int op = random.nextInt(10);
        if (op < 6) {
          assertEquals(model.put(key, value), map.put(key, value), "put " + key + " at " + step);
        } else if (op < 9) {
          assertEquals(model.remove(key), map.remove(key), "remove " + key + " at " + step);
        } else {
          assertEquals(model.get(key), map.get(key), "get " + key + " at " + step);
          assertEquals(model.containsKey(key), map.containsKey(key));
        }
        assertEquals(model.size(), map.size(), "size at " + step);
      }
      assertEquals(new ArrayList<>(model.values()), map.values(), "order, capacity " + capacity);
      assertEquals(new ArrayList<>(model.keySet()), map.keys(), "keys, capacity " + capacity);
      assertEquals(expectedEvicted, evicted, "evictions, capacity " + capacity);
    }
  }

  /** Keys with one String.hashCode ("Aa" and "BB" collide) are told apart by equals. */
  @Test
  void shouldTellApartKeysWithTheSameHashCode() {
    BoundedInsertionMap<Integer> map = new BoundedInsertionMap<>(100, v -> { });
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      StringBuilder key = new StringBuilder();
      for (int bit = 0; bit < 6; bit++) {
        key.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      keys.add(key.toString());
    }
    assertEquals(1, keys.stream().mapToInt(String::hashCode).distinct().count());
    for (int i = 0; i < keys.size(); i++) {
      map.put(keys.get(i), i);
    }
    for (int i = 0; i < keys.size(); i += 2) {
      map.remove(keys.get(i));
    }
    for (int i = 0; i < keys.size(); i++) {
      assertEquals(i % 2 == 0 ? null : Integer.valueOf(i), map.get(keys.get(i)), keys.get(i));
    }
    assertTrue(map.containsKey(keys.get(63)));
  }
}

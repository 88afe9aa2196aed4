package io.riskpulse.model.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimedValuesTest {

  @Test
  void shouldGiveSamplesBackOldestFirstAcrossGrowthAndWrapAround() {
    TimedValues samples = new TimedValues(100, 2);
    samples.add(1, 10.0);
    samples.add(2, 20.0);
    assertEquals(10.0, samples.removeFirst());
    samples.add(3, 30.0); // wraps to slot 0
    samples.add(4, 40.0); // grows, oldest first
    assertEquals(3, samples.size());
    assertEquals(List.of(2L, 3L, 4L), List.of(samples.time(0), samples.time(1), samples.time(2)));
    assertEquals(40.0, samples.value(2));
    assertEquals(90.0, samples.sum());
    samples.evictBefore(4);
    assertEquals(1, samples.size());
    assertEquals(40.0, samples.sum());
    assertEquals(40.0, samples.removeFirst());
    assertTrue(samples.isEmpty());
    assertEquals(0.0, samples.sum());
  }

  @Test
  void shouldDropTheOldestBeyondItsCapacity() {
    TimedValues samples = new TimedValues(3, 1);
    for (int i = 1; i <= 5; i++) {
      samples.add(i, i);
    }
    assertEquals(3, samples.size());
    assertEquals(3, samples.time(0));
    assertEquals(12.0, samples.sum());
  }

  /** The obviously correct reference: a deque of pairs, as the impact detector kept before. */
  @Test
  void shouldAgreeWithADequeOfPairs() {
    SplittableRandom random = new SplittableRandom(3);
    TimedValues samples = new TimedValues(1_000, 1);
    ArrayDeque<double[]> reference = new ArrayDeque<>();
    long time = 0;
    for (int step = 0; step < 20_000; step++) {
      if (reference.isEmpty() || random.nextInt(3) > 0) {
        double value = random.nextInt(100);
        samples.add(++time, value);
        reference.addLast(new double[] {time, value});
        if (reference.size() > 1_000) {
          reference.pollFirst();
        }
      } else {
        assertEquals(reference.pollFirst()[1], samples.removeFirst());
      }
      assertEquals(reference.size(), samples.size());
      assertEquals(reference.stream().mapToDouble(pair -> pair[1]).sum(), samples.sum());
      if (!reference.isEmpty()) {
        assertEquals((long) reference.peekFirst()[0], samples.time(0));
        assertEquals(reference.peekLast()[1], samples.value(samples.size() - 1));
      }
    }
    List<Double> rest = new ArrayList<>();
    while (!samples.isEmpty()) {
      rest.add(samples.removeFirst());
    }
    assertEquals(reference.stream().map(pair -> pair[1]).toList(), rest);
  }

  @Test
  void shouldRestoreThePairsWithTheRecordedSum() {
    TimedValues restored = TimedValues.restore(3, List.of(1L, 2L, 3L), List.of(1.0, 2.0, 3.0), 6.000000001);
    assertEquals(3, restored.size());
    assertEquals(6.000000001, restored.sum(), "the recorded sum, bit for bit");
    TimedValues smaller = TimedValues.restore(2, List.of(1L, 2L, 3L), List.of(1.0, 2.0, 3.0), 6.000000001);
    assertEquals(2L, smaller.time(0));
    assertEquals(5.0, smaller.sum(), "the newest two kept: their own sum, not the recorded one");
  }

  @Test
  void shouldRefuseToReadPastThePairsHeld() {
    TimedValues samples = new TimedValues(4, 4);
    assertThrows(IndexOutOfBoundsException.class, samples::removeFirst);
    samples.add(1, 1.0);
    assertThrows(IndexOutOfBoundsException.class, () -> samples.time(1));
    assertThrows(IllegalArgumentException.class, () -> new TimedValues(0));
  }
}

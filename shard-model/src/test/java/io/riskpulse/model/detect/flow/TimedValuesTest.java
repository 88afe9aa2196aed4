package io.riskpulse.model.detect.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimedValuesTest {

  @Test
  void shouldGiveSamplesBackOldestFirstAcrossGrowthAndWrapAround() {
    TimedValues samples = new TimedValues(2);
    samples.addLast(1, 10.0);
    samples.addLast(2, 20.0);
    assertEquals(10.0, samples.removeFirst());
    samples.addLast(3, 30.0); // wraps to slot 0
    samples.addLast(4, 40.0); // grows, oldest first
    assertEquals(3, samples.size());
    assertEquals(List.of(2L, 3L, 4L), List.of(samples.time(0), samples.time(1), samples.time(2)));
    assertEquals(40.0, samples.value(2));
    assertEquals(20.0, samples.removeFirst());
    assertEquals(30.0, samples.removeFirst());
    assertEquals(40.0, samples.removeFirst());
    assertTrue(samples.isEmpty());
  }

  /** The obviously correct reference: a deque of pairs, as the impact detector kept before. */
  @Test
  void shouldAgreeWithADequeOfPairs() {
    SplittableRandom random = new SplittableRandom(3);
    TimedValues samples = new TimedValues(1);
    ArrayDeque<double[]> reference = new ArrayDeque<>();
    long time = 0;
    for (int step = 0; step < 20_000; step++) {
      if (reference.isEmpty() || random.nextInt(3) > 0) {
        double value = random.nextDouble();
        samples.addLast(++time, value);
        reference.addLast(new double[] {time, value});
      } else {
        assertEquals(reference.pollFirst()[1], samples.removeFirst());
      }
      assertEquals(reference.size(), samples.size());
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
  void shouldRefuseToReadPastTheSamplesHeld() {
    TimedValues samples = new TimedValues(4);
    assertThrows(NoSuchElementException.class, samples::removeFirst);
    samples.addLast(1, 1.0);
    assertThrows(NoSuchElementException.class, () -> samples.time(1));
    assertThrows(IllegalArgumentException.class, () -> new TimedValues(0));
  }
}

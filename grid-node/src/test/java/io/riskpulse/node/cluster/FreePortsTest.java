package io.riskpulse.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void shouldGiveRunsThatDoNotOverlapOneAnotherBelowTheEphemeralRange() {
    // 200 random runs of 5 among 12,000 ports: without the overlap check, some would share ports almost surely.
    int length = 5;
    int[] bases = FreePorts.runs(200, length);

    assertEquals(200, bases.length);
    int[] sorted = bases.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      assertTrue(sorted[i] >= 20_000 && sorted[i] + length - 1 < 32_768, "run from " + sorted[i]);
      if (i > 0) {
        assertTrue(sorted[i] - sorted[i - 1] >= length, "runs from " + sorted[i - 1] + " and " + sorted[i]);
      }
    }
  }
}

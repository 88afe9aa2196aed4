package io.riskpulse.model.risk.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

class TrafficLightTest {

  @Test
  void shouldReproduceTheBaselTableFor250DaysAt99Percent() {
    for (int x = 0; x <= 4; x++) {
      assertEquals(TrafficLight.GREEN, TrafficLight.of(x, 250, 0.99), "x=" + x);
    }
    for (int x = 5; x <= 9; x++) {
      assertEquals(TrafficLight.YELLOW, TrafficLight.of(x, 250, 0.99), "x=" + x);
    }
    for (int x = 10; x <= 250; x++) {
      assertEquals(TrafficLight.RED, TrafficLight.of(x, 250, 0.99), "x=" + x);
    }
    assertEquals(4, TrafficLight.greenMaxExceptions(250, 0.99));
    assertEquals(9, TrafficLight.yellowMaxExceptions(250, 0.99));
  }

  @Test
  void shouldPlaceTheBoundariesWhereTheBinomialCdfCrossesItsLevels() {
    // Basel's published cumulative probabilities: 89.22% at 4, 95.88% at 5, 99.97% at 9, 99.99% at 10
    BinomialDistribution count = new BinomialDistribution(null, 250, 0.01);
    assertEquals(0.8922, count.cumulativeProbability(4), 1e-4);
    assertEquals(0.9588, count.cumulativeProbability(5), 1e-4);
    assertEquals(0.99975, count.cumulativeProbability(9), 1e-5);
    assertEquals(0.99995, count.cumulativeProbability(10), 1e-5);
  }

  @Test
  void shouldGeneraliseToOtherSampleSizesAndConfidences() {
    int[][] cases = {{500, 99}, {1000, 99}, {250, 975}, {125, 99}};
    for (int[] c : cases) {
      int n = c[0];
      double confidence = c[1] >= 100 ? c[1] / 1000.0 : c[1] / 100.0;
      BinomialDistribution count = new BinomialDistribution(null, n, 1 - confidence);
      int green = TrafficLight.greenMaxExceptions(n, confidence);
      int yellow = TrafficLight.yellowMaxExceptions(n, confidence);
      String label = "N=" + n + " c=" + confidence;
      assertTrue(count.cumulativeProbability(green) < 0.95, label);
      assertTrue(count.cumulativeProbability(green + 1) >= 0.95, label);
      assertTrue(count.cumulativeProbability(yellow) < 0.9999, label);
      assertTrue(count.cumulativeProbability(yellow + 1) >= 0.9999, label);
      assertEquals(TrafficLight.GREEN, TrafficLight.of(green, n, confidence), label);
      assertEquals(TrafficLight.YELLOW, TrafficLight.of(green + 1, n, confidence), label);
      assertEquals(TrafficLight.YELLOW, TrafficLight.of(yellow, n, confidence), label);
      assertEquals(TrafficLight.RED, TrafficLight.of(yellow + 1, n, confidence), label);
    }
    // 500 days at 99%: 5 expected, green up to 8, red from 15
    assertEquals(8, TrafficLight.greenMaxExceptions(500, 0.99));
    assertEquals(14, TrafficLight.yellowMaxExceptions(500, 0.99));
  }
}

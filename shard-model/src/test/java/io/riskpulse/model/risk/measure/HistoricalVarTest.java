package io.riskpulse.model.risk.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class HistoricalVarTest {

  /** Losses 1..20 as P&amp;L -1..-20, shuffled. */
  private static final double[] TWENTY = {
      -7, -3, -20, -1, -14, -9, -18, -5, -11, -2, -16, -4, -19, -13, -8, -6, -17, -10, -12, -15};

  @Test
  void shouldTakeTheLossOfRankCeilCnWithoutInterpolation() {
    double[] scratch = new double[TWENTY.length];

    // n = 20: k = ceil(0.95 * 20) = 19 -> L_(19) = 19; k = ceil(0.975 * 20) = ceil(19.5) = 20 -> 20;
    // k = ceil(0.9 * 20) = 18 -> 18; k = ceil(0.99 * 20) = ceil(19.8) = 20 -> 20.
    assertEquals(19, HistoricalVar.valueAtRisk(TWENTY, 20, Confidence.P95, scratch), 0);
    assertEquals(20, HistoricalVar.valueAtRisk(TWENTY, 20, Confidence.P975, scratch), 0);
    assertEquals(18, HistoricalVar.valueAtRisk(TWENTY, 20, Confidence.of(0.9), scratch), 0);
    assertEquals(20, HistoricalVar.valueAtRisk(TWENTY, 20, Confidence.P99, scratch), 0);
  }

  @Test
  void shouldAverageTheLossesFromTheVarRankUpwardsForExpectedShortfall() {
    double[] scratch = new double[TWENTY.length];

    // 95%: mean(L_(19), L_(20)) = 19.5; 90%: mean(18, 19, 20) = 19; 80% (k = 16): mean(16..20) = 18.
    assertEquals(19.5, HistoricalVar.expectedShortfall(TWENTY, 20, Confidence.P95, scratch), 0);
    assertEquals(19, HistoricalVar.expectedShortfall(TWENTY, 20, Confidence.of(0.9), scratch), 0);
    assertEquals(18, HistoricalVar.expectedShortfall(TWENTY, 20, Confidence.of(0.8), scratch), 0);
  }

  @Test
  void shouldUseTheSixthLargestOfFiveHundredLossesForNinetyNinePercent() {
    double[] pnl = new double[500];
    for (int s = 0; s < 500; s++) {
      pnl[s] = -((s * 37) % 500); // losses 0..499, shuffled
    }

    assertEquals(495, Confidence.P99.varRank(500));
    assertEquals(488, Confidence.P975.varRank(500));
    assertEquals(475, Confidence.P95.varRank(500));
    assertEquals(494, HistoricalVar.valueAtRisk(pnl, 500, Confidence.P99, new double[500]), 0);
    assertEquals((494 + 495 + 496 + 497 + 498 + 499) / 6.0,
        HistoricalVar.expectedShortfall(pnl, 500, Confidence.P99, new double[500]), 1e-12);
  }

  @Test
  void shouldCountTiesAtVarByRankAndLeaveTheInputUntouched() {
    double[] pnl = {-5, -5, -5, -1, 0, 2, -5, 3, -9, 1};
    double[] copy = pnl.clone();

    // n = 10, 80%: k = 8. Sorted losses: -3 -2 -1 0 1 5 5 5 5 9 -> VaR = L_(8) = 5, ES = mean(5, 5, 9).
    TailRisk risk = HistoricalVar.tailRisk(pnl, Confidence.of(0.8));

    assertEquals(5, risk.valueAtRisk(), 0);
    assertEquals(19.0 / 3, risk.expectedShortfall(), 1e-15);
    assertArrayEquals(copy, pnl, 0);
  }

  @Test
  void shouldReportAGainAsANegativeVarAndNanWhenAScenarioIsUnpriced() {
    double[] gains = {1, 2, 3, 4};
    // Losses -4 -3 -2 -1; k = ceil(0.51 * 4) = 3.
    assertEquals(-2, HistoricalVar.valueAtRisk(gains, 4, Confidence.of(0.51), new double[4]), 0);

    double[] blind = {-1, Double.NaN, -3};
    assertTrue(Double.isNaN(HistoricalVar.valueAtRisk(blind, 3, Confidence.P99, new double[3])));
    assertTrue(Double.isNaN(HistoricalVar.expectedShortfall(blind, 3, Confidence.P99, new double[3])));
  }

  @Test
  void shouldMatchNormalClosedFormsOnExactNormalQuantileScenarios() {
    double sigma = 1_000;
    int n = 200_000;
    NormalDistribution normal = new NormalDistribution(null, 0, 1);
    double[] pnl = new double[n];
    for (int s = 0; s < n; s++) {
      pnl[s] = sigma * normal.inverseCumulativeProbability((s + 0.5) / n);
    }

    TailRisk var99 = HistoricalVar.tailRisk(pnl, Confidence.P99);
    TailRisk es975 = HistoricalVar.tailRisk(pnl, Confidence.P975);

    // Discretisation error of the empirical quantile at n = 2e5 is about 1e-4 sigma: 0.05% tolerance.
    assertEquals(2.326348 * sigma, var99.valueAtRisk(), 0.0005 * 2.326348 * sigma);
    assertEquals(2.337803 * sigma, es975.expectedShortfall(), 0.0005 * 2.337803 * sigma);
    assertEquals(2.337803, Confidence.P975.normalShortfallFactor(), 1e-6);
  }

  @Test
  void shouldMatchNormalClosedFormsOnALargeSeededSample() {
    double sigma = 250;
    int n = 1_000_000;
    Well19937c random = new Well19937c(20200420L);
    double[] pnl = new double[n];
    for (int s = 0; s < n; s++) {
      pnl[s] = sigma * random.nextGaussian();
    }

    TailRisk var99 = HistoricalVar.tailRisk(pnl, Confidence.P99);
    TailRisk es975 = HistoricalVar.tailRisk(pnl, Confidence.P975);

    // Standard error of the 99% quantile: sqrt(0.99 * 0.01 / n) / phi(2.326) = 0.0037 sigma (0.16%); of ES(97.5%)
    // about 0.004 sigma. 1% tolerance is more than 5 standard errors.
    assertEquals(2.326348 * sigma, var99.valueAtRisk(), 0.01 * 2.326348 * sigma);
    assertEquals(2.337803 * sigma, es975.expectedShortfall(), 0.01 * 2.337803 * sigma);
  }

  @Test
  void shouldScaleOneDayToTenDaysBySqrtTen() {
    TailRisk oneDay = new TailRisk(Confidence.P99, 1, 100, 120);

    TailRisk tenDay = oneDay.scaledTo(10);

    assertEquals(10, tenDay.horizonDays());
    assertEquals(100 * Math.sqrt(10), tenDay.valueAtRisk(), 1e-12);
    assertEquals(120 * Math.sqrt(10), tenDay.expectedShortfall(), 1e-12);
  }

  @Test
  void shouldKeepTheSameTailAsASortIncludingTiesAndAdversarialOrders() {
    Well19937c random = new Well19937c(11);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + random.nextInt(300);
      double[] pnl = new double[n];
      for (int s = 0; s < n; s++) {
        pnl[s] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextGaussian(); // many ties
      }
      if (trial % 3 == 1) {
        Arrays.sort(pnl); // losses descending: nothing enters the heap after it fills
      } else if (trial % 3 == 2) {
        Arrays.sort(pnl);
        reverse(pnl); // losses ascending: every loss enters the heap
      }
      double[] losses = new double[n];
      for (int s = 0; s < n; s++) {
        losses[s] = -pnl[s];
      }
      Arrays.sort(losses);
      int m = 1 + random.nextInt(n);
      double[] heap = new double[m];

      assertTrue(TailHeap.collect(pnl, n, m, heap));

      assertEquals(losses[n - m], heap[0], 0, "n=" + n + " m=" + m);
      double expectedSum = 0;
      for (int s = n - m; s < n; s++) {
        expectedSum += losses[s];
      }
      assertEquals(expectedSum, TailHeap.sum(heap, m), 1e-12 * n, "n=" + n + " m=" + m);
    }
  }

  private static void reverse(double[] values) {
    for (int i = 0, j = values.length - 1; i < j; i++, j--) {
      double t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}

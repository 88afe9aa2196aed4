package io.riskpulse.model.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EwmaCovarianceTest {

  @Test
  void shouldFollowTheRiskMetricsRecursionFromASampleSeedOnAHandComputedSeries() {
    double[][] moves = {{0.01, -0.02, 0.03, -0.01}};

    EwmaCovariance ewma = EwmaCovariance.estimate(moves, 0.94, 2);

    // seed: sigma2_2 = (0.01^2 + 0.02^2) / 2 = 2.5e-4
    // sigma2_3 = 0.94 * 2.5e-4 + 0.06 * 0.03^2 = 2.35e-4 + 0.54e-4 = 2.89e-4
    // sigma2_4 = 0.94 * 2.89e-4 + 0.06 * 0.01^2 = 2.7166e-4 + 0.06e-4 = 2.7766e-4
    assertEquals(2.7766e-4, ewma.covariance(0, 0), 1e-18);
    assertEquals(Math.sqrt(2.7766e-4), ewma.volatility(0), 1e-15);
  }

  @Test
  void shouldEqualTheRecursionForEveryPairOfARandomPanel() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 4;
    int days = 60;
    int seedDays = 10;
    double lambda = 0.94;
    double[][] moves = new double[n][days];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < days; t++) {
        moves[i][t] = 0.01 * (random.nextDouble() - 0.5) + (i > 0 ? 0.5 * moves[0][t] : 0);
      }
    }

    EwmaCovariance ewma = EwmaCovariance.estimate(moves, lambda, seedDays);

    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int t = 0; t < seedDays; t++) {
          s += moves[i][t] * moves[j][t] / seedDays;
        }
        for (int t = seedDays; t < days; t++) {
          s = lambda * s + (1 - lambda) * moves[i][t] * moves[j][t];
        }
        assertEquals(s, ewma.covariance(i, j), 1e-15 * Math.abs(s) + 1e-20, "(" + i + "," + j + ")");
      }
    }
    assertEquals(ewma.covariance(1, 0) / (ewma.volatility(0) * ewma.volatility(1)), ewma.correlation(0, 1),
        1e-15);
  }
}

package io.riskpulse.model.risk.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class MonteCarloVarTest {

  private static final double[] EXPOSURES = {1000, 500};

  @Test
  void shouldReproduceIdenticalNumbersFromTheSameSeed() {
    MonteCarloVar mc = MonteCarloVar.of(ParametricVarTest.TWO_ASSETS);

    double[] first = mc.simulatePnl(EXPOSURES, MonteCarloSpec.studentT(5_000, 42, 5));
    double[] again = MonteCarloVar.of(ParametricVarTest.TWO_ASSETS)
        .simulatePnl(EXPOSURES, MonteCarloSpec.studentT(5_000, 42, 5));
    double[] other = mc.simulatePnl(EXPOSURES, MonteCarloSpec.studentT(5_000, 43, 5));

    assertArrayEquals(first, again, 0);
    assertFalse(Arrays.equals(first, other));
  }

  @Test
  void shouldConvergeToDeltaNormalVarWithinFourStandardErrors() {
    int paths = 200_000;
    MonteCarloVar mc = MonteCarloVar.of(ParametricVarTest.TWO_ASSETS);

    TailRisk simulated = mc.tailRisk(EXPOSURES, MonteCarloSpec.normal(paths, 2024), Confidence.P99);

    double sigma = ParametricVar.portfolioVolatility(EXPOSURES, ParametricVarTest.TWO_ASSETS);
    double expected = ParametricVar.valueAtRisk(EXPOSURES, ParametricVarTest.TWO_ASSETS, Confidence.P99, 1);
    // Standard error of an empirical c-quantile: sqrt(c (1 - c) / n) / f(VaR), f the P&L density there.
    double density = new NormalDistribution(null, 0, sigma).density(expected);
    double standardError = Math.sqrt(0.99 * 0.01 / paths) / density;
    assertEquals(expected, simulated.valueAtRisk(), 4 * standardError);
  }

  @Test
  void shouldGiveStudentTTheSameVolatilityButAFatterTail() {
    int paths = 200_000;
    MonteCarloVar mc = MonteCarloVar.of(ParametricVarTest.TWO_ASSETS);

    double[] pnl = mc.simulatePnl(EXPOSURES, MonteCarloSpec.studentT(paths, 9, 4));

    double sigma = ParametricVar.portfolioVolatility(EXPOSURES, ParametricVarTest.TWO_ASSETS);
    double sumSquares = 0;
    for (double p : pnl) {
      sumSquares += p * p;
    }
    // nu = 4 has infinite kurtosis, so the sample variance converges slowly: 10% tolerance.
    assertEquals(sigma, Math.sqrt(sumSquares / paths), 0.1 * sigma);
    TailRisk t = HistoricalVar.tailRisk(pnl, Confidence.P99);
    // Standardised t(4) at 99%: 3.747 * sqrt(2 / 4) = 2.649 > 2.326; ES / VaR grows too.
    assertEquals(2.649 * sigma, t.valueAtRisk(), 0.03 * 2.649 * sigma);
    assertTrue(t.expectedShortfall() / t.valueAtRisk() > 2.665 / 2.326);
  }

  @Test
  void shouldFactoriseASemiDefiniteCovarianceOfFewerDaysThanInstruments() {
    // Instruments 0 and 1 perfectly correlated: rank 2 of 3.
    double[][] singular = {
        {1e-4, 1e-4, 0},
        {1e-4, 1e-4, 0},
        {0, 0, 4e-4}};

    MonteCarloVar mc = MonteCarloVar.of(singular);
    TailRisk risk = mc.tailRisk(new double[] {500, 500, 0}, MonteCarloSpec.normal(100_000, 1), Confidence.P99);

    assertEquals(2, mc.factorCount());
    assertEquals(2.326348 * 10, risk.valueAtRisk(), 0.03 * 2.326348 * 10);
  }
}

package io.riskpulse.model.risk.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.history.ReturnType;
import io.riskpulse.model.history.ScenarioSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class RiskAttributionTest {

  /** A 5-asset covariance with daily vols 0.8..2% and correlations 0.2..0.6. */
  private static double[][] covariance() {
    double[] vol = {0.008, 0.011, 0.014, 0.017, 0.02};
    double[][] cov = new double[5][5];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        double rho = i == j ? 1 : 0.2 + 0.1 * Math.abs(i - j);
        cov[i][j] = rho * vol[i] * vol[j];
      }
    }
    return cov;
  }

  private static final double[] EXPOSURES = {2e6, -1e6, 1.5e6, 5e5, -7.5e5};

  @Test
  void shouldSplitParametricVarIntoComponentsThatSumToTheTotal() {
    double[][] cov = covariance();

    RiskContributions contributions = RiskAttribution.parametricVar(EXPOSURES, cov, Confidence.P99, 10);

    double total = ParametricVar.valueAtRisk(EXPOSURES, cov, Confidence.P99, 10);
    assertEquals(total, contributions.total(), 1e-9 * total);
    assertEquals(total, contributions.componentSum(), 1e-9 * total);
    for (int i = 0; i < EXPOSURES.length; i++) {
      assertEquals(EXPOSURES[i] * contributions.marginal(i), contributions.component(i), 1e-9 * total);
    }
  }

  @Test
  void shouldHaveMarginalVarEqualToAFiniteDifferenceBump() {
    double[][] cov = covariance();
    RiskContributions contributions = RiskAttribution.parametricVar(EXPOSURES, cov, Confidence.P99, 1);

    for (int i = 0; i < EXPOSURES.length; i++) {
      double bump = 1.0; // 1 currency unit of exposure on millions: central difference error ~1e-12
      double[] up = EXPOSURES.clone();
      double[] down = EXPOSURES.clone();
      up[i] += bump;
      down[i] -= bump;
      double finiteDifference = (ParametricVar.valueAtRisk(up, cov, Confidence.P99, 1)
          - ParametricVar.valueAtRisk(down, cov, Confidence.P99, 1)) / (2 * bump);

      assertEquals(finiteDifference, contributions.marginal(i), 1e-6, "position " + i);
    }
  }

  @Test
  void shouldComputeIncrementalVarAsAFullRecomputation() {
    double[][] cov = covariance();
    double[] trade = {0, 0, -1.5e6, 0, 2e5};
    double[] after = EXPOSURES.clone();
    for (int i = 0; i < after.length; i++) {
      after[i] += trade[i];
    }

    double incremental = IncrementalVar.parametric(EXPOSURES, trade, cov, Confidence.P99, 1);

    double expected = ParametricVar.valueAtRisk(after, cov, Confidence.P99, 1)
        - ParametricVar.valueAtRisk(EXPOSURES, cov, Confidence.P99, 1);
    assertEquals(expected, incremental, 1e-9);
    // Closing most of the largest long reduces risk, and by more than a first-order estimate says (convexity).
    RiskContributions before = RiskAttribution.parametricVar(EXPOSURES, cov, Confidence.P99, 1);
    double firstOrder = trade[2] * before.marginal(2) + trade[4] * before.marginal(4);
    assertTrue(incremental < 0);
    assertTrue(incremental >= firstOrder, incremental + " < first order " + firstOrder);
  }

  @Test
  void shouldSplitHistoricalVarAndEsIntoComponentsThatSumToTheTotals() {
    ScenarioSet scenarios = randomScenarios(5, 250, 3);
    double[] pnl = new double[250];
    for (int i = 0; i < 5; i++) {
      scenarios.addExposurePnl(i, EXPOSURES[i], pnl);
    }

    RiskContributions var = RiskAttribution.historicalVar(scenarios, EXPOSURES, Confidence.P99);
    RiskContributions es = RiskAttribution.historicalExpectedShortfall(scenarios, EXPOSURES, Confidence.P975);

    double[] scratch = new double[250];
    double expectedVar = HistoricalVar.valueAtRisk(pnl, 250, Confidence.P99, scratch);
    double expectedEs = HistoricalVar.expectedShortfall(pnl, 250, Confidence.P975, scratch);
    assertEquals(expectedVar, var.total(), 1e-9 * expectedVar);
    assertEquals(expectedVar, var.componentSum(), 1e-9 * expectedVar);
    assertEquals(expectedEs, es.total(), 1e-9 * expectedEs);
    assertEquals(expectedEs, es.componentSum(), 1e-9 * expectedEs);
  }

  @Test
  void shouldComputeHistoricalIncrementalVarAsAFullRecomputation() {
    ScenarioSet scenarios = randomScenarios(5, 250, 4);
    double[] pnl = new double[250];
    double[] tradePnl = new double[250];
    for (int i = 0; i < 5; i++) {
      scenarios.addExposurePnl(i, EXPOSURES[i], pnl);
    }
    scenarios.addExposurePnl(1, 3e6, tradePnl);
    double[] after = new double[250];
    for (int s = 0; s < 250; s++) {
      after[s] = pnl[s] + tradePnl[s];
    }

    double incremental = IncrementalVar.historical(pnl, tradePnl, Confidence.P99);

    assertEquals(HistoricalVar.tailRisk(after, Confidence.P99).valueAtRisk()
        - HistoricalVar.tailRisk(pnl, Confidence.P99).valueAtRisk(), incremental, 1e-9);
  }

  /** Correlated relative scenarios built from a seeded generator. */
  static ScenarioSet randomScenarios(int instruments, int scenarios, long seed) {
    Well19937c random = new Well19937c(seed);
    double[][] shocks = new double[instruments][scenarios];
    List<LocalDate> dates = new ArrayList<>();
    for (int s = 0; s < scenarios; s++) {
      dates.add(LocalDate.of(2020, 1, 1).plusDays(s));
      double market = random.nextGaussian();
      for (int i = 0; i < instruments; i++) {
        shocks[i][s] = 0.01 * (0.6 * market + 0.8 * random.nextGaussian());
      }
    }
    List<String> symbols = new ArrayList<>();
    for (int i = 0; i < instruments; i++) {
      symbols.add("I" + i);
    }
    return ScenarioSet.of(symbols, dates, Collections.nCopies(instruments, ReturnType.RELATIVE), shocks);
  }
}

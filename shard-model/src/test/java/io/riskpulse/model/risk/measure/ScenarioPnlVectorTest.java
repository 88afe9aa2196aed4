package io.riskpulse.model.risk.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riskpulse.model.history.ReturnType;
import io.riskpulse.model.history.ScenarioSet;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class ScenarioPnlVectorTest {

  private static final int INSTRUMENTS = 20;
  private static final int SCENARIOS = 500;

  /** Correlated scenarios; instrument 0 uses absolute moves (a crude future through April 2020). */
  private static ScenarioSet scenarios(long seed) {
    Well19937c random = new Well19937c(seed);
    double[][] shocks = new double[INSTRUMENTS][SCENARIOS];
    List<LocalDate> dates = new ArrayList<>();
    for (int s = 0; s < SCENARIOS; s++) {
      dates.add(LocalDate.of(2019, 1, 1).plusDays(s));
      double market = random.nextGaussian();
      for (int i = 0; i < INSTRUMENTS; i++) {
        shocks[i][s] = 0.015 * (0.5 * market + 0.85 * random.nextGaussian());
      }
      shocks[0][s] *= 100; // dollars per barrel
    }
    List<String> symbols = new ArrayList<>();
    List<ReturnType> types = new ArrayList<>();
    for (int i = 0; i < INSTRUMENTS; i++) {
      symbols.add("I" + i);
      types.add(i == 0 ? ReturnType.ABSOLUTE : ReturnType.RELATIVE);
    }
    return ScenarioSet.of(symbols, dates, types, shocks);
  }

  private static double[] prices(Well19937c random) {
    double[] prices = new double[INSTRUMENTS];
    for (int i = 0; i < INSTRUMENTS; i++) {
      prices[i] = 10 + 190 * random.nextDouble();
    }
    return prices;
  }

  /** Full revaluation of the vector's quantities at {@code prices}, the slow obviously-correct reference. */
  private static double[] reference(ScenarioSet set, double[] quantities, double[] prices) {
    double[] pnl = new double[set.scenarioCount()];
    for (int s = 0; s < set.scenarioCount(); s++) {
      for (int i = 0; i < set.instrumentCount(); i++) {
        pnl[s] += quantities[i] * set.pnlPerUnit(i, s, prices[i]);
      }
    }
    return pnl;
  }

  private static void assertSameVector(double[] expected, ScenarioPnlVector actual) {
    double scale = 0;
    for (double e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int s = 0; s < expected.length; s++) {
      assertEquals(expected[s], actual.pnl(s), 1e-9 * scale, "scenario " + s);
    }
  }

  @Test
  void shouldEqualAFullRevaluationAfterRandomTradesAndPriceMoves() {
    ScenarioSet set = scenarios(1);
    Well19937c random = new Well19937c(2);
    double[] prices = prices(random);
    ScenarioPnlVector vector = ScenarioPnlVector.flat(set, prices, 0, Integer.MAX_VALUE);

    for (int step = 0; step < 5_000; step++) {
      int instrument = random.nextInt(INSTRUMENTS);
      if (random.nextInt(4) == 0) {
        prices[instrument] *= 1 + 0.01 * random.nextGaussian();
        vector.markPrice(instrument, prices[instrument]);
      } else {
        vector.applyExecution(instrument, 100 * Math.round(20 * random.nextGaussian()));
      }
    }

    assertEquals(5_000, vector.updatesSinceRebuild(), 1_250); // one per execution and per re-base with a position
    assertSameVector(reference(set, vector.quantities(), prices), vector);
    double[] scratch = new double[SCENARIOS];
    double[] full = reference(set, vector.quantities(), prices);
    assertEquals(HistoricalVar.valueAtRisk(full, SCENARIOS, Confidence.P99, scratch),
        vector.valueAtRisk(Confidence.P99), 1e-9 * Math.abs(vector.valueAtRisk(Confidence.P99)));
    assertEquals(HistoricalVar.expectedShortfall(full, SCENARIOS, Confidence.P975, scratch),
        vector.expectedShortfall(Confidence.P975), 1e-9 * Math.abs(vector.expectedShortfall(Confidence.P975)));
  }

  @Test
  void shouldDeferRebasesWithinTheToleranceAndCatchUpOnRebaseAll() {
    ScenarioSet set = scenarios(3);
    double[] start = prices(new Well19937c(4));
    ScenarioPnlVector sparse = ScenarioPnlVector.sparse(set, 0.01, Integer.MAX_VALUE);
    sparse.markPrice(5, start[5]);
    for (ScenarioPnlVector vector : List.of(ScenarioPnlVector.flat(set, start, 0.01, Integer.MAX_VALUE), sparse)) {
      deferAndCatchUp(set, start.clone(), vector);
    }
  }

  private static void deferAndCatchUp(ScenarioSet set, double[] prices, ScenarioPnlVector vector) {
    vector.applyExecution(5, 1_000);

    assertFalse(vector.markPrice(5, prices[5] * 1.005));
    assertEquals(prices[5], vector.basePrice(5), 0);
    assertTrue(vector.markPrice(5, prices[5] * 1.02));

    prices[5] *= 1.02;
    assertSameVector(reference(set, vector.quantities(), prices), vector);
    assertFalse(vector.markPrice(5, prices[5] * 0.995));
    prices[5] *= 0.995;
    vector.rebaseAll();
    assertSameVector(reference(set, vector.quantities(), prices), vector);
  }

  @Test
  void shouldRebuildAfterTheIntervalWithoutChangingTheVector() {
    ScenarioSet set = scenarios(5);
    double[] prices = prices(new Well19937c(6));
    ScenarioPnlVector vector = ScenarioPnlVector.flat(set, prices, 0, 10);

    for (int i = 0; i < 9; i++) {
      vector.applyExecution(i, 1_000 + i);
    }
    assertEquals(9, vector.updatesSinceRebuild());
    vector.applyExecution(9, -500);

    assertEquals(0, vector.updatesSinceRebuild());
    assertSameVector(reference(set, vector.quantities(), prices), vector);
  }

  @Test
  void shouldAnswerWhatIfWithoutChangingTheVector() {
    ScenarioSet set = scenarios(7);
    double[] prices = prices(new Well19937c(8));
    ScenarioPnlVector vector = ScenarioPnlVector.flat(set, prices);
    for (int i = 0; i < INSTRUMENTS; i++) {
      vector.applyExecution(i, 1_000);
    }
    double before = vector.valueAtRisk(Confidence.P99);

    double incremental = vector.incrementalVar(3, -5_000, Confidence.P99);

    assertEquals(before, vector.valueAtRisk(Confidence.P99), 0);
    vector.applyExecution(3, -5_000);
    assertEquals(vector.valueAtRisk(Confidence.P99) - before, incremental, 1e-9 * before);
  }

  @Test
  void shouldAggregatePortfoliosIntoADeskWhoseVarIsAtMostTheSumOfTheirs() {
    ScenarioSet set = scenarios(9);
    double[] prices = prices(new Well19937c(10));
    ScenarioPnlVector equities = ScenarioPnlVector.flat(set, prices);
    ScenarioPnlVector hedges = ScenarioPnlVector.flat(set, prices);
    ScenarioPnlVector crude = ScenarioPnlVector.flat(set, prices);
    for (int i = 1; i < INSTRUMENTS; i++) {
      equities.applyExecution(i, 2_000);
    }
    hedges.applyExecution(1, -10_000);
    hedges.applyExecution(2, -10_000);
    crude.applyExecution(0, 5_000);
    // The crude book last saw a different price for instrument 4, where it holds nothing, and for 0 (absolute).
    crude.markPrice(0, prices[0] + 3);

    ScenarioPnlVector desk = equities.emptyCopy();
    desk.add(equities);
    desk.add(hedges);
    desk.add(crude);

    double[] deskQuantities = desk.quantities();
    assertEquals(2_000 - 10_000, deskQuantities[1], 0);
    assertEquals(5_000, deskQuantities[0], 0);
    assertSameVector(reference(set, deskQuantities, prices), desk);
    double sumOfVars = equities.valueAtRisk(Confidence.P99) + hedges.valueAtRisk(Confidence.P99)
        + crude.valueAtRisk(Confidence.P99);
    assertTrue(desk.valueAtRisk(Confidence.P99) < sumOfVars,
        desk.valueAtRisk(Confidence.P99) + " >= " + sumOfVars);

    desk.subtract(hedges);
    assertSameVector(reference(set, desk.quantities(), prices), desk);
    assertEquals(2_000, desk.quantity(1), 0);
  }

  @Test
  void shouldReBaseAnotherVectorsContributionsToThisVectorsPrices() {
    ScenarioSet set = scenarios(11);
    double[] prices = prices(new Well19937c(12));
    ScenarioPnlVector portfolio = ScenarioPnlVector.flat(set, prices);
    portfolio.applyExecution(7, 3_000);
    portfolio.markPrice(7, prices[7] * 1.1); // the portfolio saw a tick the desk has not
    ScenarioPnlVector desk = ScenarioPnlVector.flat(set, prices);

    desk.add(portfolio);

    assertSameVector(reference(set, desk.quantities(), prices), desk);
    assertThrows(IllegalArgumentException.class, () -> desk.add(ScenarioPnlVector.flat(scenarios(11), prices)));
  }

  @Test
  void shouldGiveASparseVectorTheSameFiguresAsAFlatOneAndTrackOnlyWhatItTouched() {
    ScenarioSet set = scenarios(21);
    Well19937c random = new Well19937c(22);
    double[] prices = prices(random);
    ScenarioPnlVector flat = ScenarioPnlVector.flat(set, prices, 0, Integer.MAX_VALUE);
    ScenarioPnlVector sparse = ScenarioPnlVector.sparse(set, 0, Integer.MAX_VALUE);
    assertEquals(0, sparse.instrumentsTracked());
    assertTrue(Double.isNaN(sparse.basePrice(3)), "no price yet");
    assertEquals(0, sparse.quantity(3));
    assertThrows(IllegalStateException.class, () -> sparse.applyExecution(3, 100), "traded before any price");

    Set<Integer> touched = new TreeSet<>();
    for (int step = 0; step < 5_000; step++) {
      int instrument = random.nextInt(INSTRUMENTS - 5); // the last five are never touched
      touched.add(instrument);
      if (step < INSTRUMENTS || random.nextInt(4) == 0) {
        prices[instrument] *= 1 + 0.01 * random.nextGaussian();
        flat.markPrice(instrument, prices[instrument]);
        sparse.markPrice(instrument, prices[instrument]);
      } else if (!Double.isNaN(sparse.basePrice(instrument))) {
        double quantity = 100 * Math.round(20 * random.nextGaussian());
        flat.applyExecution(instrument, quantity);
        sparse.applyExecution(instrument, quantity);
      }
    }

    assertEquals(touched.size(), sparse.instrumentsTracked(), "slots only for instruments priced or traded");
    assertTrue(touched.size() > 4, "more than the initial slots: the table grew");
    assertArrayEquals(flat.quantities(), sparse.quantities(), 0);
    assertSameVector(reference(set, sparse.quantities(), prices), sparse);
    assertEquals(flat.valueAtRisk(Confidence.P99), sparse.valueAtRisk(Confidence.P99),
        1e-9 * Math.abs(flat.valueAtRisk(Confidence.P99)));
    for (int i = INSTRUMENTS - 5; i < INSTRUMENTS; i++) {
      assertTrue(Double.isNaN(sparse.basePrices()[i]), "untouched instrument " + i + " has no price");
    }

    // A desk built from sparse portfolios holds what they hold, re-based to its own prices.
    ScenarioPnlVector desk = ScenarioPnlVector.sparse(set, 0, Integer.MAX_VALUE);
    desk.add(sparse);
    desk.add(sparse);
    ScenarioPnlVector twice = ScenarioPnlVector.flat(set, prices, 0, Integer.MAX_VALUE);
    twice.add(flat);
    twice.add(flat);
    assertArrayEquals(twice.quantities(), desk.quantities(), 0);
    assertSameVector(reference(set, desk.quantities(), prices), desk);
    desk.subtract(sparse);
    assertArrayEquals(flat.quantities(), desk.quantities(), 0);
    sparse.rebuild();
    assertSameVector(reference(set, sparse.quantities(), prices), sparse);
  }

  @Test
  void shouldNotAllocateWhenApplyingExecutionsAndReadingVarAndEs() {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported());
    threads.setThreadAllocatedMemoryEnabled(true);
    ScenarioSet set = scenarios(13);
    double[] prices = prices(new Well19937c(14));
    ScenarioPnlVector flat = ScenarioPnlVector.flat(set, prices, 0, Integer.MAX_VALUE);
    ScenarioPnlVector sparse = ScenarioPnlVector.sparse(set, 0, Integer.MAX_VALUE);
    for (int i = 0; i < INSTRUMENTS; i++) {
      sparse.markPrice(i, prices[i]); // its slots: allocated once, when each instrument first appears
    }
    for (ScenarioPnlVector vector : List.of(flat, sparse)) {
      double checksum = exercise(vector, prices, 20_000);
      threads.getCurrentThreadAllocatedBytes();

      long before = threads.getCurrentThreadAllocatedBytes();
      checksum += exercise(vector, prices, 20_000);
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;

      assertTrue(checksum != 0);
      assertTrue(allocated < 1024, allocated + " bytes allocated for 20,000 executions, marks and reads ("
          + (vector == flat ? "flat" : "sparse") + ")");
    }
  }

  private static double exercise(ScenarioPnlVector vector, double[] prices, int steps) {
    double checksum = 0;
    for (int step = 0; step < steps; step++) {
      int instrument = step % INSTRUMENTS;
      vector.applyExecution(instrument, (step & 1) == 0 ? 100 : -99);
      vector.markPrice(instrument, prices[instrument] * (1 + 1e-4 * ((step % 7) - 3)));
      checksum += vector.valueAtRisk(Confidence.P99) + vector.expectedShortfall(Confidence.P975)
          + vector.incrementalVar(instrument, 10, Confidence.P99);
    }
    return checksum;
  }
}

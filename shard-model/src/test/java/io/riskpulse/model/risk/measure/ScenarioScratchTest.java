package io.riskpulse.model.risk.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.riskpulse.model.history.ReturnType;
import io.riskpulse.model.history.ScenarioSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class ScenarioScratchTest {

  private static final int INSTRUMENTS = 8;
  private static final int SCENARIOS = 250;

  private static ScenarioSet scenarios(long seed) {
    Well19937c random = new Well19937c(seed);
    double[][] shocks = new double[INSTRUMENTS][SCENARIOS];
    List<LocalDate> dates = new ArrayList<>();
    for (int s = 0; s < SCENARIOS; s++) {
      dates.add(LocalDate.of(2019, 1, 1).plusDays(s));
      for (int i = 0; i < INSTRUMENTS; i++) {
        shocks[i][s] = 0.02 * random.nextGaussian();
      }
    }
    List<String> symbols = new ArrayList<>();
    List<ReturnType> types = new ArrayList<>();
    for (int i = 0; i < INSTRUMENTS; i++) {
      symbols.add("I" + i);
      types.add(ReturnType.RELATIVE);
    }
    return ScenarioSet.of(symbols, dates, types, shocks);
  }

  /** A vector holding {@code seed}-dependent quantities of every instrument at price 100. */
  private static ScenarioPnlVector portfolio(ScenarioSet set, long seed) {
    double[] prices = new double[INSTRUMENTS];
    java.util.Arrays.fill(prices, 100);
    ScenarioPnlVector vector = ScenarioPnlVector.flat(set, prices);
    Well19937c random = new Well19937c(seed);
    for (int i = 0; i < INSTRUMENTS; i++) {
      vector.applyExecution(i, Math.round(2_000 * (random.nextDouble() - 0.3)));
    }
    return vector;
  }

  /** VaR, ES and a what-if, each computed with arrays of its own: what the shared scratch must reproduce. */
  private static double[] expected(ScenarioPnlVector vector, int instrument, double delta) {
    double[] pnl = vector.pnl();
    double var = HistoricalVar.valueAtRisk(pnl, SCENARIOS, Confidence.P99, new double[SCENARIOS]);
    double es = HistoricalVar.expectedShortfall(pnl, SCENARIOS, Confidence.P975, new double[SCENARIOS]);
    double[] whatIf = pnl.clone();
    vector.scenarios().addExposurePnl(instrument,
        vector.scenarios().exposure(instrument, delta, vector.basePrice(instrument)), whatIf);
    double after = HistoricalVar.valueAtRisk(whatIf, SCENARIOS, Confidence.P99, new double[SCENARIOS]);
    return new double[] {var, es, after - var};
  }

  private static double[] actual(ScenarioPnlVector vector, int instrument, double delta) {
    return new double[] {vector.valueAtRisk(Confidence.P99), vector.expectedShortfall(Confidence.P975),
        vector.incrementalVar(instrument, delta, Confidence.P99)};
  }

  @Test
  void shouldLendEachThreadItsOwnArraysAndTheSameOnesAgain() throws Exception {
    ScenarioScratch mine = ScenarioScratch.current();
    assertSame(mine, ScenarioScratch.current());
    double[] vector = mine.vector(SCENARIOS);
    assertSame(vector, mine.vector(SCENARIOS), "kept while the size holds: no allocation per read");
    assertNotSame(vector, mine.selection(SCENARIOS), "a vector and a selection buffer can be held at once");
    assertEquals(SCENARIOS, vector.length);
    assertEquals(100, mine.vector(100).length, "exactly the size asked, never longer");

    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      assertNotSame(mine, other.submit(ScenarioScratch::current).get(10, TimeUnit.SECONDS));
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void shouldGiveEveryVectorItsOwnFiguresWhenVectorsShareAThreadsScratch() {
    ScenarioSet set = scenarios(1);
    List<ScenarioPnlVector> vectors = new ArrayList<>();
    for (long seed = 0; seed < 4; seed++) {
      vectors.add(portfolio(set, seed));
    }
    for (int round = 0; round < 3; round++) {
      for (int k = 0; k < vectors.size(); k++) {
        ScenarioPnlVector vector = vectors.get(k);
        assertEquals(java.util.Arrays.toString(expected(vector, k, 500.0 * (k + 1))),
            java.util.Arrays.toString(actual(vector, k, 500.0 * (k + 1))), "vector " + k + ", round " + round);
      }
    }
  }

  @Test
  void shouldGiveTheSameFiguresOnManyThreadsAtOnce() throws Exception {
    ScenarioSet set = scenarios(2);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        ScenarioPnlVector vector = portfolio(set, 100 + t);
        int instrument = t % INSTRUMENTS;
        String want = java.util.Arrays.toString(expected(vector, instrument, 750));
        results.add(pool.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            String got = java.util.Arrays.toString(actual(vector, instrument, 750));
            if (!got.equals(want)) {
              return got + " instead of " + want;
            }
          }
          return "same";
        }));
      }
      for (Future<String> result : results) {
        assertEquals("same", result.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

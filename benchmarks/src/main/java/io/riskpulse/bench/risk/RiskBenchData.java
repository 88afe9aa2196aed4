package io.riskpulse.bench.risk;

import io.riskpulse.model.history.ReturnType;
import io.riskpulse.model.history.ScenarioSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;

/**
 * Seeded synthetic inputs of the risk benchmarks: instruments whose daily moves follow 10 common factors plus an
 * idiosyncratic part (daily volatility about 1-2%), prices between 10 and 200, a long/short book. Synthetic, not
 * the shared real data, so the benchmarks scale to 1,000 instruments and run without {@code ../shared/data}; the
 * kernels' cost does not depend on the values.
 */
final class RiskBenchData {

  static final int FACTORS = 10;

  private RiskBenchData() {}

  /** Factor loadings {@code [instrument][factor]}, daily fraction per unit factor move. */
  static double[][] loadings(int instruments, long seed) {
    Well19937c random = new Well19937c(seed);
    double[][] loadings = new double[instruments][FACTORS];
    for (int i = 0; i < instruments; i++) {
      for (int f = 0; f < FACTORS; f++) {
        loadings[i][f] = (f == 0 ? 0.008 : 0.003) * random.nextGaussian();
      }
    }
    return loadings;
  }

  /** Idiosyncratic daily volatility per instrument. */
  static double idiosyncraticVolatility(int instrument) {
    return 0.006 + 0.001 * (instrument % 7);
  }

  /** Scenarios drawn from the factor model; every 50th instrument uses absolute moves (a future). */
  static ScenarioSet scenarios(int instruments, int scenarios, long seed) {
    double[][] loadings = loadings(instruments, seed);
    Well19937c random = new Well19937c(seed + 1);
    double[][] shocks = new double[instruments][scenarios];
    double[] factor = new double[FACTORS];
    List<LocalDate> dates = new ArrayList<>(scenarios);
    for (int s = 0; s < scenarios; s++) {
      dates.add(LocalDate.of(2020, 1, 1).plusDays(s));
      for (int f = 0; f < FACTORS; f++) {
        factor[f] = random.nextGaussian();
      }
      for (int i = 0; i < instruments; i++) {
        double move = idiosyncraticVolatility(i) * random.nextGaussian();
        for (int f = 0; f < FACTORS; f++) {
          move += loadings[i][f] * factor[f];
        }
        shocks[i][s] = move;
      }
    }
    List<String> symbols = new ArrayList<>(instruments);
    List<ReturnType> types = new ArrayList<>(instruments);
    for (int i = 0; i < instruments; i++) {
      symbols.add("I" + i);
      types.add(i % 50 == 0 ? ReturnType.ABSOLUTE : ReturnType.RELATIVE);
    }
    return ScenarioSet.of(symbols, dates, types, shocks);
  }

  /** The factor model's covariance {@code B B' + D}, daily fractions squared. */
  static double[][] covariance(int instruments, long seed) {
    double[][] loadings = loadings(instruments, seed);
    double[][] covariance = new double[instruments][instruments];
    for (int i = 0; i < instruments; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = 0;
        for (int f = 0; f < FACTORS; f++) {
          sum += loadings[i][f] * loadings[j][f];
        }
        if (i == j) {
          sum += idiosyncraticVolatility(i) * idiosyncraticVolatility(i);
        }
        covariance[i][j] = sum;
        covariance[j][i] = sum;
      }
    }
    return covariance;
  }

  static double[] prices(int instruments, long seed) {
    Well19937c random = new Well19937c(seed + 2);
    double[] prices = new double[instruments];
    for (int i = 0; i < instruments; i++) {
      prices[i] = 10 + 190 * random.nextDouble();
    }
    return prices;
  }

  /** About 100,000 USD per position, two longs for each short. */
  static double[] quantities(double[] prices) {
    double[] quantities = new double[prices.length];
    for (int i = 0; i < prices.length; i++) {
      quantities[i] = (i % 3 == 2 ? -1 : 1) * Math.rint(100_000 / prices[i]);
    }
    return quantities;
  }

  /** Exposures (P&amp;L per unit of move): notional for relative moves, as if every instrument were relative. */
  static double[] exposures(double[] quantities, double[] prices) {
    double[] exposures = new double[quantities.length];
    for (int i = 0; i < quantities.length; i++) {
      exposures[i] = quantities[i] * prices[i];
    }
    return exposures;
  }
}

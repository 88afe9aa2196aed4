package io.riskpulse.bench.risk;

import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.HistoricalVar;
import io.riskpulse.model.risk.measure.MonteCarloSpec;
import io.riskpulse.model.risk.measure.MonteCarloVar;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Monte Carlo VaR and ES of a 100-factor book: 10,000 paths of 100 correlated normal ({@code normal}) or
 * Student-t with 5 degrees of freedom ({@code studentT}) moves, 1,000,000 normal draws per run from a fresh
 * seeded {@code Well19937c}, then 99% VaR and 97.5% ES over the 10,000 outcomes. The Cholesky factor is computed
 * once in setup ({@link MonteCarloVar#of}). Target: under 50 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MonteCarloVarBenchmark {

  private static final int FACTORS = 100;
  private static final int PATHS = 10_000;

  private MonteCarloVar monteCarlo;
  private double[] exposures;
  private double[] pnl;
  private double[] scratch;

  @Setup
  public void setUp() {
    monteCarlo = MonteCarloVar.of(RiskBenchData.covariance(FACTORS, 1));
    double[] prices = RiskBenchData.prices(FACTORS, 1);
    exposures = RiskBenchData.exposures(RiskBenchData.quantities(prices), prices);
    pnl = new double[PATHS];
    scratch = new double[PATHS];
  }

  @Benchmark
  public double normal() {
    return run(MonteCarloSpec.normal(PATHS, 42));
  }

  @Benchmark
  public double studentT() {
    return run(MonteCarloSpec.studentT(PATHS, 42, 5));
  }

  private double run(MonteCarloSpec spec) {
    monteCarlo.simulatePnl(exposures, spec, pnl);
    return HistoricalVar.valueAtRisk(pnl, PATHS, Confidence.P99, scratch)
        + HistoricalVar.expectedShortfall(pnl, PATHS, Confidence.P975, scratch);
  }
}

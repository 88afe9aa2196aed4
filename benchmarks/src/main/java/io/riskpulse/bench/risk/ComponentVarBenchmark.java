package io.riskpulse.bench.risk;

import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.RiskAttribution;
import io.riskpulse.model.risk.measure.RiskContributions;
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
 * Marginal and component VaR of a 1,000-position book: {@code parametric} (delta-normal on a dense 1,000
 * &times; 1,000 covariance: one matrix-vector product, O(n&sup2;)) and {@code historicalEs} (ES attribution over
 * 500 scenarios: a full revaluation plus an average over the 13 tail scenarios). Target for the parametric one:
 * under 1 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ComponentVarBenchmark {

  private static final int POSITIONS = 1_000;
  private static final int SCENARIOS = 500;

  private double[][] covariance;
  private double[] exposures;
  private ScenarioSet scenarios;

  @Setup
  public void setUp() {
    covariance = RiskBenchData.covariance(POSITIONS, 1);
    double[] prices = RiskBenchData.prices(POSITIONS, 1);
    exposures = RiskBenchData.exposures(RiskBenchData.quantities(prices), prices);
    scenarios = RiskBenchData.scenarios(POSITIONS, SCENARIOS, 1);
  }

  @Benchmark
  public RiskContributions parametric() {
    return RiskAttribution.parametricVar(exposures, covariance, Confidence.P99, 1);
  }

  @Benchmark
  public RiskContributions historicalEs() {
    return RiskAttribution.historicalExpectedShortfall(scenarios, exposures, Confidence.P975);
  }
}

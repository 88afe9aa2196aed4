package io.riskpulse.bench.risk;

import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.ScenarioPnlVector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The live risk state of a 1,000-position book over 500 scenarios after one execution:
 * {@code applyExecution} (500 multiply-adds into the vector), {@code applyExecutionAndReadVarEs} (the same
 * followed by 99% VaR and 97.5% ES, what a portfolio entity does per fill), and {@code incrementalVar} (the
 * what-if of a proposed order, vector unchanged). Executions cycle over instruments with alternating signs so
 * quantities stay bounded; the default rebuild interval applies, so about one call in 100,000 includes a full
 * rebuild (amortised in the average). Targets: under 5 &micro;s and 0 B/op ({@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScenarioPnlVectorBenchmark {

  private static final int POSITIONS = 1_000;
  private static final int SCENARIOS = 500;

  /**
   * {@code flat}: every instrument starts at a given price ({@link ScenarioPnlVector#flat}); {@code sparse}: slots
   * only for instruments priced or traded ({@link ScenarioPnlVector#sparse}, what a portfolio's live risk uses).
   */
  @Param({"flat", "sparse"})
  public String layout;

  private ScenarioPnlVector vector;
  private int next;
  private double sign = 1;

  @Setup
  public void setUp() {
    ScenarioSet scenarios = RiskBenchData.scenarios(POSITIONS, SCENARIOS, 1);
    double[] prices = RiskBenchData.prices(POSITIONS, 1);
    double[] quantities = RiskBenchData.quantities(prices);
    if (layout.equals("flat")) {
      vector = ScenarioPnlVector.flat(scenarios, prices);
    } else {
      vector = ScenarioPnlVector.sparse(scenarios, 0, ScenarioPnlVector.DEFAULT_REBUILD_INTERVAL);
      for (int i = 0; i < POSITIONS; i++) {
        vector.markPrice(i, prices[i]);
      }
    }
    for (int i = 0; i < POSITIONS; i++) {
      vector.applyExecution(i, quantities[i]);
    }
  }

  private int nextInstrument() {
    int instrument = next;
    next = next + 1 == POSITIONS ? 0 : next + 1;
    if (instrument == 0) {
      sign = -sign;
    }
    return instrument;
  }

  @Benchmark
  public double applyExecution() {
    int instrument = nextInstrument();
    vector.applyExecution(instrument, sign * 100);
    return vector.pnl(instrument % SCENARIOS);
  }

  @Benchmark
  public double applyExecutionAndReadVarEs() {
    vector.applyExecution(nextInstrument(), sign * 100);
    return vector.valueAtRisk(Confidence.P99) + vector.expectedShortfall(Confidence.P975);
  }

  @Benchmark
  public double incrementalVar() {
    return vector.incrementalVar(nextInstrument(), 1_000, Confidence.P99);
  }
}

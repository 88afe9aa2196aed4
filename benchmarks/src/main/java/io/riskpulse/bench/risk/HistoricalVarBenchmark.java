package io.riskpulse.bench.risk;

import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.HistoricalVar;
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
 * Full historical simulation of a 1,000-position book over 500 scenarios: {@link ScenarioSet#portfolioPnl}
 * (1,000 &times; 500 multiply-adds, instrument-major), then 99% VaR and 97.5% ES by selection over the 500
 * P&amp;Ls ({@code fullRevaluation}); and the selection alone on a ready vector ({@code varAndEsOnly}). Target for
 * the full revaluation: under 200 &micro;s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HistoricalVarBenchmark {

  private static final int POSITIONS = 1_000;
  private static final int SCENARIOS = 500;

  private ScenarioSet scenarios;
  private double[] quantities;
  private double[] prices;
  private double[] pnl;
  private double[] scratch;

  @Setup
  public void setUp() {
    scenarios = RiskBenchData.scenarios(POSITIONS, SCENARIOS, 1);
    prices = RiskBenchData.prices(POSITIONS, 1);
    quantities = RiskBenchData.quantities(prices);
    pnl = new double[SCENARIOS];
    scratch = new double[SCENARIOS];
    scenarios.portfolioPnl(quantities, prices, pnl);
  }

  @Benchmark
  public double fullRevaluation() {
    scenarios.portfolioPnl(quantities, prices, pnl);
    return HistoricalVar.valueAtRisk(pnl, SCENARIOS, Confidence.P99, scratch)
        + HistoricalVar.expectedShortfall(pnl, SCENARIOS, Confidence.P975, scratch);
  }

  @Benchmark
  public double varAndEsOnly() {
    return HistoricalVar.valueAtRisk(pnl, SCENARIOS, Confidence.P99, scratch)
        + HistoricalVar.expectedShortfall(pnl, SCENARIOS, Confidence.P975, scratch);
  }
}

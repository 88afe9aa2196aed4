package io.riskpulse.bench.risk;

import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.risk.PriceSource;
import io.riskpulse.model.risk.stress.ScenarioPnl;
import io.riskpulse.model.risk.stress.ShockTable;
import io.riskpulse.model.risk.stress.StressScenario;
import io.riskpulse.model.risk.stress.StressTester;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * The stress part of a portfolio's live risk refresh (ten a second per portfolio while prices move): a book of 20
 * positions in 4 asset classes and 3 currencies, under 5 scenarios shaped like the shipped ones (2 historical with a
 * move for every symbol, equity down, rates up, USD up). {@code fullRun}: {@link StressTester#run}, one record per
 * position and scenario, then the worst loss (the refresh before {@link ShockTable}); {@code shockTable}:
 * {@link StressTester#pnls} with the node's shared factors, then the worst loss. Both give the same doubles
 * (StressTesterTest).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StressRevaluationBenchmark {

  private StressTester tester;
  private List<StressScenario> scenarios;
  private ShockTable table;
  private Map<String, Double> book;

  @Setup
  public void setUp() {
    List<Instrument> instruments = new ArrayList<>();
    Map<String, Double> marks = new HashMap<>();
    Map<String, double[]> history = new HashMap<>();
    AssetClass[] classes = {AssetClass.EQUITY, AssetClass.RATES, AssetClass.COMMODITY, AssetClass.EQUITY};
    String[] currencies = {"USD", "EUR", "JPY"};
    book = new TreeMap<>();
    for (int i = 0; i < 20; i++) {
      String symbol = "S" + i;
      instruments.add(new Instrument(symbol, classes[i % 4], currencies[i % 3], 1, "", ""));
      marks.put(symbol, 50.0 + i);
      history.put(symbol, new double[] {60.0 + i, 45.0 + i});
      book.put(symbol, (i % 2 == 0 ? 1 : -1) * 100.0 * (i + 1));
    }
    instruments.add(new Instrument("EURUSD", AssetClass.FX, "USD", 1000, "", ""));
    instruments.add(new Instrument("USDJPY", AssetClass.FX, "JPY", 1000, "", ""));
    marks.put("EURUSD", 1.10);
    marks.put("USDJPY", 150.0);
    InstrumentRegistry registry = InstrumentRegistry.of(instruments);
    PriceSource prices = new PriceSource() {
      @Override
      public double markPrice(String symbol) {
        return marks.getOrDefault(symbol, Double.NaN);
      }

      @Override
      public double fxToReporting(String symbol) {
        return registry.find(symbol).map(i -> currencyToReporting(i.currency())).orElse(Double.NaN);
      }

      @Override
      public double currencyToReporting(String currency) {
        return switch (currency) {
          case "USD" -> 1;
          case "EUR" -> 1.10;
          case "JPY" -> 1 / 150.0;
          default -> Double.NaN;
        };
      }
    };
    LocalDate[] dates = {LocalDate.of(2020, 3, 6), LocalDate.of(2020, 3, 23)};
    scenarios = List.of(
        StressScenario.historical("gfc", "", dates, history, dates[0], dates[1]),
        StressScenario.historical("covid", "", dates, history, dates[0], dates[1]),
        StressScenario.hypothetical("equity-down", "", Map.of(), Map.of(AssetClass.EQUITY, -0.2), Map.of(),
            Map.of()),
        StressScenario.hypothetical("rates-up", "", Map.of("S1", -0.17), Map.of(AssetClass.RATES, -0.08), Map.of(),
            Map.of()),
        StressScenario.hypothetical("usd-up", "", Map.of(), Map.of(), Map.of(), Map.of("USD", 0.10)));
    tester = new StressTester(prices, registry, "USD");
    table = new ShockTable(scenarios, registry, "USD");
  }

  @Benchmark
  public double fullRun() {
    double worst = Double.NEGATIVE_INFINITY;
    for (ScenarioPnl result : tester.run("p", scenarios, book)) {
      worst = Math.max(worst, -result.pnl());
    }
    return worst;
  }

  @Benchmark
  public double shockTable() {
    double worst = Double.NEGATIVE_INFINITY;
    for (double pnl : tester.pnls(table, book)) {
      worst = Math.max(worst, -pnl);
    }
    return worst;
  }
}

package io.riskpulse.model.risk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.history.GapPolicy;
import io.riskpulse.model.history.PriceHistory;
import io.riskpulse.model.risk.backtest.BacktestReport;
import io.riskpulse.model.risk.backtest.TrafficLight;
import io.riskpulse.model.risk.backtest.VarExceedance;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.MonteCarloSpec;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestRunnerTest {

  private static final int WINDOW = 20;
  private static final int DAYS = 200;
  /** Days of a -5% crash; more than a window apart, so a window never holds two of them. */
  private static final int[] CRASH_DAYS = {40, 70, 100, 130, 160};
  private static final double QUANTITY = 10;
  private static final MonteCarloSpec MONTE_CARLO = MonteCarloSpec.studentT(2_000, 7, 5);

  @TempDir Path folder;

  /**
   * Every ordinary day gains, by a little more each day ({@code 0.1% + 0.001% t}), and the crash days lose 5%.
   * With 20 scenarios at 95% the VaR is the 2nd largest loss (k = 19): minus the second smallest gain of the
   * window, or minus the smallest when the window holds a crash (never two). Either way it is below a gain, so
   * an ordinary day (a larger gain than any before it) never exceeds it and a crash always does. Exactly the
   * crashes are exceptions.
   */
  private static double[] crashSeries() {
    double[] returns = new double[DAYS];
    for (int t = 1; t < DAYS; t++) {
      returns[t] = 0.001 + 0.00001 * t;
    }
    for (int day : CRASH_DAYS) {
      returns[day] = -0.05;
    }
    return SyntheticPrices.compound(100, returns);
  }

  private static PositionsFile book(String text) throws IOException {
    return PositionsFile.parse(new StringReader("symbol,quantity\n" + text), "book");
  }

  private PriceHistory history(String... symbols) {
    return MarketDataFolder.load(folder, List.of(symbols), GapPolicy.DEFAULT).history();
  }

  private static LocalDate day(int t) {
    return SyntheticPrices.START.plusDays(t);
  }

  @Test
  void shouldCountExactlyTheCrashDaysAsExceptionsOfHistoricalVar() throws IOException {
    SyntheticPrices.write(folder, "AAA", crashSeries());
    BacktestReport report = BacktestRunner.of(history("AAA"), book("AAA," + QUANTITY), day(WINDOW + 1),
        day(DAYS - 1), Confidence.P95, WINDOW, MONTE_CARLO).run(VarMethod.HISTORICAL);

    assertEquals(DAYS - 1 - WINDOW, report.observations());
    assertEquals(0, report.skippedDays());
    assertEquals(Arrays.stream(CRASH_DAYS).mapToObj(BacktestRunnerTest::day).collect(Collectors.toList()),
        report.exceptions().stream().map(VarExceedance::date).collect(Collectors.toList()));
    double[] closes = crashSeries();
    VarExceedance first = report.exceptions().get(0);
    assertEquals(QUANTITY * (closes[40] - closes[39]), first.pnl(), 1e-9);
    // VaR of the first crash day: minus the 2nd smallest gain (day 21) of the crash-free window of days 20..39,
    // on the position at the close of day 39.
    assertEquals(-QUANTITY * closes[39] * (0.001 + 0.00001 * 21), first.var(), 1e-9);
    assertEquals(TrafficLight.of(CRASH_DAYS.length, report.observations(), 0.95), report.zone());
    assertTrue(report.method().startsWith("hs: historical simulation, 20-day window"), report.method());
  }

  @Test
  void shouldMirrorTheExceptionsForAShortPosition() throws IOException {
    // Short: the crash days are gains; every ordinary day loses more than any loss in its window (gains grow).
    SyntheticPrices.write(folder, "AAA", crashSeries());
    BacktestReport report = BacktestRunner.of(history("AAA"), book("AAA,-" + QUANTITY), day(WINDOW + 1),
        day(DAYS - 1), Confidence.P95, WINDOW, MONTE_CARLO).run(VarMethod.HISTORICAL);
    assertTrue(report.exceptions().stream().noneMatch(e -> Arrays.stream(CRASH_DAYS)
        .anyMatch(d -> day(d).equals(e.date()))), "a crash is a gain for a short");
    assertTrue(report.exceptionCount() > report.observations() / 2, "the model lags a steady loss: "
        + report.exceptionCount());
  }

  @Test
  void shouldForecastFromPriorDaysOnly() throws IOException {
    double[] closes = SyntheticPrices.randomWalk(11, DAYS, 50, 0.02);
    double[] other = SyntheticPrices.randomWalk(12, DAYS, 80, 0.01);
    SyntheticPrices.write(folder, "AAA", closes);
    SyntheticPrices.write(folder, "BBB", other);
    PriceHistory original = history("AAA", "BBB");
    double[] changed = closes.clone();
    int d = 120;
    changed[d] *= 0.5;
    SyntheticPrices.write(folder, "AAA", changed);
    PriceHistory tampered = history("AAA", "BBB");
    double[] quantities = {100, -40};

    for (VarMethod method : VarMethod.values()) {
      RollingVarForecaster before =
          new RollingVarForecaster(original, quantities, WINDOW, Confidence.P99, method, MONTE_CARLO);
      RollingVarForecaster after =
          new RollingVarForecaster(tampered, quantities, WINDOW, Confidence.P99, method, MONTE_CARLO);
      assertEquals(before.forecast(d), after.forecast(d), 0.0, method + ": the forecast for day d saw day d");
      assertNotEquals(before.forecast(d + 1), after.forecast(d + 1), method + ": day d+1 must see day d");
      assertNotEquals(before.realizedPnl(d), after.realizedPnl(d), "the realized P&L of day d does");
    }
  }

  @Test
  void shouldMatchASlowSortedLossReferenceForHistoricalVar() throws IOException {
    double[] a = SyntheticPrices.randomWalk(21, DAYS, 50, 0.02);
    double[] b = SyntheticPrices.randomWalk(22, DAYS, 80, 0.01);
    SyntheticPrices.write(folder, "AAA", a);
    SyntheticPrices.write(folder, "BBB", b);
    double[] quantities = {100, -40};
    RollingVarForecaster forecaster = new RollingVarForecaster(history("AAA", "BBB"), quantities, WINDOW,
        Confidence.P95, VarMethod.HISTORICAL, MONTE_CARLO);
    for (int d = WINDOW + 1; d < DAYS; d += 17) {
      double[] losses = new double[WINDOW];
      for (int s = 0; s < WINDOW; s++) {
        int t = d - WINDOW + s;
        losses[s] = -(quantities[0] * a[d - 1] * (a[t] / a[t - 1] - 1) + quantities[1] * b[d - 1] * (b[t] / b[t - 1] - 1));
      }
      Arrays.sort(losses);
      assertEquals(losses[18], forecaster.forecast(d), 1e-6, "day " + d + ": k = ceil(0.95 * 20) = 19");
    }
  }

  @Test
  void shouldCompareTheThreeMethodsOverTheSameDays() throws IOException {
    SyntheticPrices.write(folder, "AAA", SyntheticPrices.randomWalk(31, DAYS, 50, 0.02));
    BacktestRun run = BacktestRunner.of(history("AAA"), book("AAA,100"), day(WINDOW + 1), day(DAYS - 1),
        Confidence.P99, WINDOW, MONTE_CARLO).run(List.of(VarMethod.values()));
    assertEquals(3, run.reports().size());
    assertEquals(List.of("hs", "parametric", "mc"),
        run.verdicts().stream().map(BacktestRun.MethodVerdict::method).collect(Collectors.toList()));
    for (int i = 0; i < 3; i++) {
      assertEquals(run.days(), run.reports().get(i).observations());
      assertEquals(run.reports().get(i).exceptionCount(),
          run.verdicts().get(i).exceptionsByYear().values().stream().mapToInt(Integer::intValue).sum());
    }
    assertEquals(Map.of("AAA", 100.0), run.positions());
    assertTrue(BacktestRunText.render(run).contains("Model comparison"));
  }

  @Test
  void shouldRefuseRangesTheHistoryCannotSupport() throws IOException {
    SyntheticPrices.write(folder, "AAA", crashSeries());
    PriceHistory history = history("AAA");
    PositionsFile book = book("AAA,1");
    String tooEarly = assertThrows(IllegalArgumentException.class, () -> BacktestRunner.of(history, book,
        day(WINDOW), day(DAYS - 1), Confidence.P99, WINDOW, MONTE_CARLO)).getMessage();
    assertTrue(tooEarly.startsWith("window longer than history: a 20-day window before " + day(WINDOW)), tooEarly);
    assertTrue(tooEarly.endsWith("the first day that can be backtested with it is " + day(WINDOW + 1)), tooEarly);
    String longWindow = assertThrows(IllegalArgumentException.class, () -> BacktestRunner.of(history, book,
        day(100), day(DAYS - 1), Confidence.P99, 500, MONTE_CARLO)).getMessage();
    assertTrue(longWindow.endsWith("the whole history is shorter than the window"), longWindow);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BacktestRunner.of(history, book, day(50),
        day(DAYS), Confidence.P99, WINDOW, MONTE_CARLO)).getMessage().contains("is outside the data"));
    assertEquals("--from " + day(60) + " is after --to " + day(50), assertThrows(IllegalArgumentException.class,
        () -> BacktestRunner.of(history, book, day(60), day(50), Confidence.P99, WINDOW, MONTE_CARLO))
        .getMessage());
  }

  @Test
  void shouldNameAnUnknownSymbolAndWhatTheFolderHas() throws IOException {
    SyntheticPrices.write(folder, "AAA", crashSeries());
    String message = assertThrows(IllegalArgumentException.class,
        () -> MarketDataFolder.load(folder, List.of("AAA", "ZZZ"), GapPolicy.DEFAULT)).getMessage();
    assertEquals("unknown symbol ZZZ: no price file ZZZ.csv in " + folder + "; it has [AAA]", message);
  }
}

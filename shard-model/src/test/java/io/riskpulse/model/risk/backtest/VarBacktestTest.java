package io.riskpulse.model.risk.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VarBacktestTest {

  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final int WARM_UP = 10;
  private static final int DAYS = 260;
  /** Days (after the warm-up) whose loss exceeds VaR: 7 evenly spread, never adjacent. */
  private static final Set<Integer> EXCEPTION_DAYS = Set.of(10, 45, 80, 115, 150, 185, 220);

  private static LocalDate[] dates(int n) {
    LocalDate[] dates = new LocalDate[n];
    for (int i = 0; i < n; i++) {
      dates[i] = START.plusDays(i);
    }
    return dates;
  }

  /** 10 warm-up days without forecast, then 250 days of VaR 100 with 7 losses of 150 and one loss of exactly 100. */
  private static BacktestReport sevenExceptions() {
    double[] pnl = new double[DAYS];
    double[] var = new double[DAYS];
    for (int i = 0; i < DAYS; i++) {
      int day = i - WARM_UP;
      var[i] = day < 0 ? Double.NaN : 100;
      pnl[i] = EXCEPTION_DAYS.contains(day) ? -150 : day == 30 ? -100 : 20;
    }
    return VarBacktest.run(dates(DAYS), pnl, var, 0.99, "historical 250d");
  }

  @Test
  void shouldCountExceptionsAndRunEveryTest() {
    BacktestReport report = sevenExceptions();

    assertEquals(250, report.observations());
    assertEquals(WARM_UP, report.skippedDays());
    assertEquals(START.plusDays(WARM_UP), report.firstDate());
    assertEquals(START.plusDays(DAYS - 1), report.lastDate());
    assertEquals(7, report.exceptionCount()); // the loss of exactly VaR is not an exception
    assertEquals(2.5, report.expectedExceptions(), 1e-12);
    assertEquals(0.028, report.exceptionRate(), 1e-12);
    assertEquals(0.01, report.expectedExceptionRate(), 1e-12);

    VarExceedance first = report.exceptions().get(0);
    assertEquals(START.plusDays(WARM_UP + 10), first.date());
    assertEquals(-150, first.pnl(), 0);
    assertEquals(150, first.loss(), 0);
    assertEquals(100, first.var(), 0);
    assertEquals(50, first.excess(), 0);

    assertEquals(new TransitionCounts(235, 7, 7, 0), report.transitions());
    assertEquals(5.496990, report.kupiec().statistic(), 1e-6);
    assertTrue(report.kupiec().rejected());
    assertEquals(0.405015, report.independence().statistic(), 1e-6);
    assertFalse(report.independence().rejected());
    assertEquals(5.902006, report.conditionalCoverage().statistic(), 1e-6);
    assertFalse(report.conditionalCoverage().rejected());
    assertEquals(TrafficLight.YELLOW, report.zone());
  }

  @Test
  void shouldExplainTheFindingsInPlainEnglish() {
    String text = sevenExceptions().explanation();
    assertTrue(text.startsWith("historical 250d VaR at 99%: 7 exceptions in 250 days where 2.5 are expected"
        + " (rate 2.80% vs 1.00%): yellow zone."), text);
    assertTrue(text.contains("Kupiec's test rejects correct coverage at the 95% level (LR 5.497 > 3.841,"
        + " p = 0.0190): the model has too many exceptions, so it understates risk."), text);
    assertTrue(text.contains("Christoffersen's test does not reject independence (LR 0.405, p = 0.5245)"), text);
    assertTrue(text.contains("Conditional coverage (both together) is not rejected (LR 5.902 <= 5.991"), text);
    assertTrue(text.endsWith("10 days without a VaR forecast (not enough history) were skipped."), text);
  }

  @Test
  void shouldSayTooFewExceptionsOverstateRisk() {
    double[] pnl = new double[250];
    double[] var = new double[250];
    Arrays.fill(var, 100);
    BacktestReport report = VarBacktest.run(dates(250), pnl, var, 0.99, "parametric");
    assertEquals(0, report.exceptionCount());
    assertEquals(5.025168, report.kupiec().statistic(), 1e-6);
    assertEquals(TrafficLight.GREEN, report.zone());
    assertTrue(report.explanation().contains("too few exceptions, so it overstates risk"), report.explanation());
    assertFalse(report.explanation().contains("skipped"), report.explanation());
  }

  @Test
  void shouldExplainClusteredExceptions() {
    double[] pnl = new double[250];
    double[] var = new double[250];
    Arrays.fill(var, 100);
    for (int i = 100; i < 105; i++) {
      pnl[i] = -101;
    }
    BacktestReport report = VarBacktest.run(dates(250), pnl, var, 0.99, "EWMA");
    assertTrue(report.independence().rejected());
    assertTrue(report.explanation().contains("an exception came the day after 4/5 exception days and after"
        + " 1/244 other days, so exceptions cluster"), report.explanation());
  }

  @Test
  void shouldNotLinkDaysAcrossASkippedDay() {
    double[] pnl = {-200, 0, -200, 0};
    double[] var = {100, Double.NaN, 100, 100};
    BacktestReport report = VarBacktest.run(dates(4), pnl, var, 0.99, "HS");
    assertEquals(3, report.observations());
    assertEquals(1, report.skippedDays());
    assertEquals(2, report.exceptionCount());
    // only day 2 -> day 3 is a transition between adjacent compared days
    assertEquals(new TransitionCounts(0, 0, 1, 0), report.transitions());
    assertTrue(report.explanation().contains("1 day without a VaR forecast (not enough history) was skipped."));
  }

  @Test
  void shouldFailOnBadInputInsteadOfDroppingDays() {
    LocalDate[] dates = dates(3);
    double[] var = {100, 100, 100};
    assertThrows(IllegalArgumentException.class,
        () -> VarBacktest.run(dates, new double[] {0, Double.NaN, 0}, var, 0.99, "HS"));
    assertThrows(IllegalArgumentException.class,
        () -> VarBacktest.run(dates, new double[] {0, 0}, var, 0.99, "HS"));
    assertThrows(IllegalArgumentException.class, () -> VarBacktest.run(
        new LocalDate[] {START, START, START.plusDays(1)}, new double[3], var, 0.99, "HS"));
    assertThrows(IllegalArgumentException.class, () -> VarBacktest.run(
        dates, new double[3], new double[] {Double.NaN, Double.NaN, Double.NaN}, 0.99, "HS"));
    assertThrows(IllegalArgumentException.class, () -> VarBacktest.run(
        dates, new double[3], new double[] {1, Double.POSITIVE_INFINITY, 1}, 0.99, "HS"));
  }

  @Test
  void shouldRenderJsonThatReadsBack() throws Exception {
    BacktestReport report = sevenExceptions();
    JsonNode json = new ObjectMapper().readTree(BacktestReportJson.render(report));

    assertEquals("historical 250d", json.get("method").asText());
    assertEquals(0.99, json.get("confidence").asDouble(), 0);
    assertEquals(250, json.get("observations").asInt());
    assertEquals(10, json.get("skippedDays").asInt());
    assertEquals(7, json.get("exceptionCount").asInt());
    assertEquals("2024-01-11", json.get("firstDate").asText());
    assertEquals(7, json.get("exceptions").size());
    assertEquals("2024-01-21", json.get("exceptions").get(0).get("date").asText());
    assertEquals(150, json.get("exceptions").get(0).get("loss").asDouble(), 0);
    assertEquals(report.kupiec().statistic(), json.get("kupiec").get("statistic").asDouble(), 0);
    assertTrue(json.get("kupiec").get("rejected").asBoolean());
    assertEquals(235, json.get("transitions").get("n00").asInt());
    assertEquals("YELLOW", json.get("zone").asText());
    assertEquals(report.explanation(), json.get("explanation").asText());
    assertEquals(json, new ObjectMapper().readTree(BacktestReportJson.renderPretty(report)));
  }

  @Test
  void shouldEscapeTheMethodNameInJson() throws Exception {
    double[] var = {100};
    BacktestReport report = VarBacktest.run(dates(1), new double[] {0}, var, 0.99, "HS \"fast\"\n\\ 250d");
    JsonNode json = new ObjectMapper().readTree(BacktestReportJson.render(report));
    assertEquals("HS \"fast\"\n\\ 250d", json.get("method").asText());
  }

  @Test
  void shouldRenderAnAlignedTextTable() {
    String text = BacktestReportText.render(sevenExceptions());
    List<String> lines = text.lines().collect(Collectors.toList());
    assertEquals("VaR backtest: historical 250d at 99.00%, 2024-01-11 to 2024-09-16", lines.get(0));
    assertTrue(lines.contains("  exceptions               7 (expected 2.50)"), text);
    assertTrue(lines.contains("  traffic light            YELLOW"), text);

    List<String> tests = lines.stream()
        .filter(l -> l.startsWith("Kupiec") || l.startsWith("Christoffersen") || l.startsWith("conditional"))
        .collect(Collectors.toList());
    assertEquals(3, tests.size());
    String header = lines.stream().filter(l -> l.startsWith("test ")).findFirst().orElseThrow();
    for (String row : tests) {
      assertEquals(header.length(), row.length(), row);
    }
    assertTrue(tests.get(0).endsWith("REJECT"), tests.get(0));
    assertTrue(tests.get(2).endsWith("accept"), tests.get(2));
    assertTrue(text.contains("2024-01-21          -150.00           100.00            50.00"), text);
  }
}

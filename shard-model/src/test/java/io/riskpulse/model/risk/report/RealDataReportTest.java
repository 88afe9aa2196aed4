package io.riskpulse.model.risk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.history.DailyPriceSeries;
import io.riskpulse.model.history.GapPolicy;
import io.riskpulse.model.history.SharedData;
import io.riskpulse.model.risk.backtest.BacktestReport;
import io.riskpulse.model.risk.backtest.TrafficLight;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.report.RiskReport.Measure;
import io.riskpulse.model.risk.report.RiskReport.StressLine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The backtest and the risk report on the real daily closes of {@code ../shared/data/daily} (skipped when
 * absent), for a diversified long book of about 1,000,000 USD in each of SPXTR, XNDX, TLT and GLD at the close of
 * 2017-12-29. CL is left out: its negative settlement of 2020-04-20 switches it to absolute moves, which is
 * tested where that rule lives ({@code RealDataVarTest}), and it would dominate a four-asset book's tail.
 */
class RealDataReportTest {

  private static final List<String> SYMBOLS = List.of("SPXTR", "XNDX", "TLT", "GLD");
  private static final LocalDate SIZING_DATE = LocalDate.of(2017, 12, 29);
  private static final double NOTIONAL_USD = 1_000_000;

  private static PositionsFile equalNotionalBook(Path daily) {
    Map<String, Double> quantities = new LinkedHashMap<>();
    for (String symbol : SYMBOLS) {
      DailyPriceSeries series = DailyPriceSeries.load(daily.resolve(symbol + ".csv"));
      quantities.put(symbol, NOTIONAL_USD / series.close(series.indexOf(SIZING_DATE)));
    }
    return new PositionsFile("equal notional", quantities);
  }

  @Test
  void shouldExplainTheZoneAndExceptionCountOfA99HistoricalVarBacktest() {
    Path daily = SharedData.dailyFolder();
    PositionsFile book = equalNotionalBook(daily);
    MarketDataFolder data = MarketDataFolder.load(daily, book.symbols(), GapPolicy.DEFAULT);
    BacktestReport report = BacktestRunner.of(data.history(), book, LocalDate.of(2018, 1, 1),
        LocalDate.of(2021, 12, 31), Confidence.P99, 500, BacktestRunner.defaultMonteCarlo())
        .run(VarMethod.HISTORICAL);

    assertEquals(LocalDate.of(2018, 1, 2), report.firstDate());
    assertEquals(LocalDate.of(2021, 12, 31), report.lastDate());
    assertTrue(report.observations() > 950 && report.observations() < 1020, "days " + report.observations());
    assertEquals(0, report.skippedDays());
    int exceptions = report.exceptionCount();
    assertEquals(TrafficLight.of(exceptions, report.observations(), 0.99), report.zone());
    String explanation = report.explanation();
    assertTrue(explanation.contains(exceptions + " exception" + (exceptions == 1 ? "" : "s") + " in "
        + report.observations() + " days"), explanation);
    assertTrue(explanation.contains(report.zone().name().toLowerCase(Locale.ROOT) + " zone"), explanation);
    // March 2020 is in the range: a 500-day window of calm 2018-2019 moves cannot have covered it.
    assertTrue(report.exceptions().stream().anyMatch(e -> e.date().getYear() == 2020 && e.date().getMonthValue() == 3),
        report.exceptions().toString());
  }

  @Test
  void shouldLoseMoreInTheCovidScenarioThanTheHistoricalVarBeforeIt() {
    Path daily = SharedData.dailyFolder();
    RiskReport report = RiskReport.builder()
        .positions(equalNotionalBook(daily))
        .dataFolder(daily)
        .asOf(LocalDate.of(2020, 2, 14))
        .config(ConfigFactory.load())
        .build();

    assertEquals(LocalDate.of(2020, 2, 14), report.asOf());
    double var99 = report.measure(Measure.HISTORICAL, 0.99, 1).orElseThrow().valueAtRisk();
    StressLine covid = report.stress().stream().filter(s -> s.name().equals("covid-2020-03")).findFirst()
        .orElseThrow();
    assertTrue(covid.complete(), covid.problems().toString());
    assertTrue(-covid.pnl() > var99, "covid loss " + -covid.pnl() + " vs HS VaR99 " + var99);
    assertEquals(-covid.pnl() / var99, covid.lossOverHistoricalVar99(), 1e-12);
    // Every symbol is classified by the folder's instruments.csv; the folder has no volume, so liquidity is unknown.
    assertTrue(report.exposures().unclassifiedSymbols().isEmpty());
    assertTrue(!report.liquidity().daysToLiquidateBook().known()
        && report.liquidity().daysToLiquidateBook().reason().contains("no ADV"));
  }
}

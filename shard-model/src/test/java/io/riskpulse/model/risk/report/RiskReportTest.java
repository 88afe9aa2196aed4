package io.riskpulse.model.risk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.risk.report.RiskReport.Attribution;
import io.riskpulse.model.risk.report.RiskReport.LiquidityLine;
import io.riskpulse.model.risk.report.RiskReport.Measure;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The risk report on two seeded random walks in a temporary folder. */
class RiskReportTest {

  private static final int DAYS = 400;
  private static final int WINDOW = 250;
  private static final LocalDate AS_OF = SyntheticPrices.START.plusDays(DAYS - 1);

  @TempDir Path folder;
  private PositionsFile book;

  @BeforeEach
  void writeData() throws IOException {
    SyntheticPrices.write(folder, "AAA", SyntheticPrices.randomWalk(1, DAYS, 50, 0.02));
    SyntheticPrices.write(folder, "BBB", SyntheticPrices.randomWalk(2, DAYS, 80, 0.01));
    book = PositionsFile.parse(new StringReader("symbol,quantity\nAAA,1000\nBBB,-300\n"), "book");
  }

  private RiskReport report(LocalDate asOf) {
    return RiskReport.builder().positions(book).dataFolder(folder).asOf(asOf).windowDays(WINDOW)
        .monteCarlo(20_000, 3, 5).config(ConfigFactory.load()).build();
  }

  @Test
  void shouldReportEveryMethodConfidenceAndHorizonWithEsAtLeastVar() {
    RiskReport report = report(AS_OF);
    assertEquals(4 * 3 * 2, report.measures().size());
    for (Measure m : report.measures()) {
      assertTrue(m.expectedShortfall() >= m.valueAtRisk(), m.toString());
      assertTrue(m.valueAtRisk() > 0, m.toString());
    }
    for (String method : List.of(Measure.HISTORICAL, Measure.PARAMETRIC, Measure.MONTE_CARLO_NORMAL,
        Measure.MONTE_CARLO_STUDENT_T)) {
      double oneDay = report.measure(method, 0.99, 1).orElseThrow().valueAtRisk();
      assertEquals(Math.sqrt(10) * oneDay, report.measure(method, 0.99, 10).orElseThrow().valueAtRisk(),
          1e-9 * oneDay, method);
    }
    double parametric = report.measure(Measure.PARAMETRIC, 0.99, 1).orElseThrow().valueAtRisk();
    double normal = report.measure(Measure.MONTE_CARLO_NORMAL, 0.99, 1).orElseThrow().valueAtRisk();
    assertEquals(parametric, normal, 0.05 * parametric, "normal Monte Carlo is delta-normal plus noise");
    assertEquals(WINDOW, report.dataQuality().scenarios());
    assertEquals(AS_OF, report.dataQuality().windowLastDate());
  }

  @Test
  void shouldAttributeWithComponentsThatSumToTheTotal() {
    RiskReport report = report(AS_OF);
    assertEquals(3, report.attributions().size());
    for (Attribution a : report.attributions()) {
      double sum = a.contributions().stream().mapToDouble(RiskReport.Contribution::component).sum();
      assertEquals(a.total(), sum, 1e-9 * Math.abs(a.total()), a.measure());
      assertEquals(a.total(), a.componentSum(), 1e-9 * Math.abs(a.total()), a.measure());
    }
    double parametric = report.measure(Measure.PARAMETRIC, 0.99, 1).orElseThrow().valueAtRisk();
    assertEquals(parametric, report.attributions().get(0).total(), 1e-9 * parametric);
  }

  @Test
  void shouldSayUnclassifiedAndFailStressClosedWithoutReferenceData() {
    RiskReport report = report(AS_OF);
    assertEquals(List.of("AAA", "BBB"), report.exposures().unclassifiedSymbols());
    assertTrue(report.stress().stream().noneMatch(RiskReport.StressLine::complete));
    assertTrue(report.stress().stream().allMatch(s -> Double.isNaN(s.pnl())));
    assertTrue(report.dataQuality().warnings().stream().anyMatch(w -> w.startsWith("no instruments.csv")));
    assertTrue(RiskReportText.render(report).contains("unclassified (no reference data): AAA, BBB"));
  }

  @Test
  void shouldClassifyAndStressWithReferenceData() throws IOException {
    Files.writeString(folder.resolve("instruments.csv"),
        "symbol,asset_class,currency,sector\nAAA,equity,USD,tech\nBBB,rates,USD,\n");
    RiskReport report = report(AS_OF);
    assertTrue(report.exposures().unclassifiedSymbols().isEmpty());
    assertEquals(1, report.exposures().byAssetClass().get(AssetClass.EQUITY).positions());
    RiskReport.StressLine equities = report.stress().stream().filter(s -> s.name().equals("equity-down-20pct"))
        .findFirst().orElseThrow();
    double aaaValue = 1000 * report.positions().get(0).price();
    assertEquals(-0.2 * aaaValue, equities.pnl(), 1e-9 * aaaValue);
    // Historical windows of 2008 and 2020 are outside this synthetic history: incomplete, never zero.
    RiskReport.StressLine gfc = report.stress().stream().filter(s -> s.name().equals("gfc-2008-10"))
        .findFirst().orElseThrow();
    assertFalse(gfc.complete());
  }

  @Test
  void shouldReportLiquidityOnlyWhereAdvIsGiven() throws IOException {
    Files.writeString(folder.resolve("liquidity.csv"), "symbol,adv,spread_mean,spread_sd\nAAA,50000,0.001,0.0005\n");
    RiskReport report = report(AS_OF);
    LiquidityLine aaa = report.liquidity().positions().get(0);
    assertEquals(1000 / (0.1 * 50_000), aaa.daysToLiquidate().value(), 1e-12);
    assertTrue(aaa.impactCost().known() && aaa.impactCost().value() > 0);
    assertEquals(0.5 * Math.abs(aaa.notional()) * (0.001 + 3 * 0.0005), aaa.spreadCost().value(), 1e-9);
    LiquidityLine bbb = report.liquidity().positions().get(1);
    assertFalse(bbb.daysToLiquidate().known());
    assertTrue(bbb.daysToLiquidate().reason().startsWith("no ADV"), bbb.daysToLiquidate().reason());
    assertFalse(report.liquidity().daysToLiquidateBook().known(), "one unknown position makes the book unknown");
  }

  @Test
  void shouldUseTheLastTradingDayAndRefuseDatesOutsideTheData() {
    int holiday = DAYS - 2;
    SyntheticPrices.write(folder, "AAA", SyntheticPrices.randomWalk(1, DAYS, 50, 0.02), holiday);
    SyntheticPrices.write(folder, "BBB", SyntheticPrices.randomWalk(2, DAYS, 80, 0.01), holiday);
    RiskReport report = report(SyntheticPrices.START.plusDays(holiday));
    assertEquals(SyntheticPrices.START.plusDays(holiday - 1), report.asOf());
    assertEquals(SyntheticPrices.START.plusDays(holiday), report.asOfRequested());
    assertTrue(report.dataQuality().warnings().get(0).contains("is not a trading day"));
    String outside = assertThrows(IllegalArgumentException.class, () -> report(AS_OF.plusDays(1))).getMessage();
    assertTrue(outside.startsWith("as-of " + AS_OF.plusDays(1) + " is outside the data"), outside);
    String early = assertThrows(IllegalArgumentException.class,
        () -> report(SyntheticPrices.START.plusDays(100))).getMessage();
    assertTrue(early.startsWith("window longer than history"), early);
    assertTrue(early.endsWith("the first as-of date possible is " + SyntheticPrices.START.plusDays(WINDOW)), early);
  }

  @Test
  void shouldRenderJsonThatParsesBack() throws IOException {
    RiskReport report = report(AS_OF);
    JsonNode json = new ObjectMapper().readTree(ReportJson.render(report));
    assertEquals(AS_OF.toString(), json.get("asOf").asText());
    assertEquals(24, json.get("measures").size());
    assertEquals(report.measures().get(0).valueAtRisk(), json.get("measures").get(0).get("valueAtRisk").asDouble());
    assertEquals("NaN", json.get("stress").get(0).get("pnl").asText(), "unknown P&L is explicit, not 0");
    assertFalse(json.get("liquidity").get("daysToLiquidateBook").get("known").asBoolean());
    assertEquals(2, json.get("dataQuality").get("symbols").size());
  }
}

package io.riskpulse.model.risk.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.risk.PriceSource;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stress scenarios over the real daily closes of ../shared/data/daily (skipped when the folder is absent). */
class RealDataStressTest {

  private static final InstrumentRegistry INSTRUMENTS = InstrumentRegistry.of(List.of(
      new Instrument("SPXTR", AssetClass.EQUITY_INDEX, "USD", 1, "", "US"),
      new Instrument("TLT", AssetClass.RATES, "USD", 1, "", "US"),
      new Instrument("CL", AssetClass.COMMODITY, "USD", 1, "energy", "")));

  private static SharedDailyCloses data;
  private static StressTester tester;

  @BeforeAll
  static void load() throws IOException {
    data = SharedDailyCloses.load("SPXTR", "TLT", "CL");
    Map<String, Double> marks = Map.of(
        "SPXTR", data.lastClose("SPXTR"), "TLT", data.lastClose("TLT"), "CL", data.lastClose("CL"));
    PriceSource prices = symbol -> marks.getOrDefault(symbol, Double.NaN);
    tester = new StressTester(prices, INSTRUMENTS, "USD");
  }

  private static StressScenario configured(String name) {
    return StressScenarios.fromConfig(ConfigFactory.defaultReference()).resolve(data.dates, data.closes).stream()
        .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void shouldLoseAQuarterOfALongSpxtrPositionInTheCovidScenario() {
    StressScenario covid = configured("covid-2020-03");
    double spxtrMove = data.close("SPXTR", LocalDate.of(2020, 3, 23)) / data.close("SPXTR", LocalDate.of(2020, 3, 6)) - 1;
    assertEquals(-0.2465, spxtrMove, 5e-4);

    ScenarioPnl longIndex = tester.run("long-spx", covid, Map.of("SPXTR", 100.0));
    double value = 100 * data.lastClose("SPXTR");
    assertTrue(longIndex.complete(), longIndex.problems().toString());
    assertEquals(value * spxtrMove, longIndex.pnl(), 1e-6 * value);
    assertTrue(longIndex.pnl() < -0.2 * value, "covid loss " + longIndex.pnl() + " on " + value);

    // a 60/40 book: bonds barely moved over the window (TLT -0.5%), so they cushion little
    ScenarioPnl balanced = tester.run("60-40", covid,
        Map.of("SPXTR", 0.6 * value / data.lastClose("SPXTR"), "TLT", 0.4 * value / data.lastClose("TLT")));
    assertTrue(balanced.pnl() < -0.14 * value && balanced.pnl() > -0.16 * value, "60/40 loss " + balanced.pnl());
  }

  @Test
  void shouldLoseInTheOctober2008Scenario() {
    ScenarioPnl result = tester.run(configured("gfc-2008-10"), Map.of("SPXTR", 1.0));
    assertEquals(data.lastClose("SPXTR") * (1436.562 / 1861.438 - 1), result.pnl(), 1e-6 * data.lastClose("SPXTR"));
  }

  @Test
  void shouldHandleTheNegativeOilPriceWithoutNaNOrInfinity() {
    assertEquals(-37.63, data.close("CL", LocalDate.of(2020, 4, 20)), 1e-5);
    Map<String, Double> longOil = Map.of("CL", 1000.0);
    LocalDate[][] windows = {
        {LocalDate.of(2020, 4, 17), LocalDate.of(2020, 4, 20)},
        {LocalDate.of(2020, 4, 20), LocalDate.of(2020, 4, 21)},
        {LocalDate.of(2020, 4, 1), LocalDate.of(2020, 4, 30)},
        {LocalDate.of(2020, 4, 18), LocalDate.of(2020, 4, 20)}};
    for (LocalDate[] window : windows) {
      StressScenario scenario = StressScenario.historical("cl", "", data.dates, data.closes, window[0], window[1]);
      ScenarioPnl result = tester.run(scenario, longOil);
      assertTrue(Double.isFinite(result.pnl()), window[0] + ".." + window[1] + ": " + result);
      assertTrue(Double.isFinite(result.positions().get(0).shockedPrice()));
    }
    StressScenario intoNegative = StressScenario.historical("cl", "", data.dates, data.closes,
        LocalDate.of(2020, 4, 17), LocalDate.of(2020, 4, 20));
    assertEquals(Shock.Type.ABSOLUTE, intoNegative.priceShocksBySymbol().get("CL").type());
    assertEquals(1000 * (-37.630001 - 18.27), tester.run(intoNegative, longOil).pnl(), 1e-6);

    WorstDays worst = tester.worstDays(longOil, data.dates, data.closes,
        LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), 3);
    assertEquals(LocalDate.of(2020, 4, 20), worst.days().get(0).date());
    assertEquals(1000 * (-37.630001 - 18.27), worst.days().get(0).pnl(), 1e-6);
    for (WorstDay day : worst.days()) {
      assertTrue(Double.isFinite(day.pnl()), day.toString());
    }
    // the rebound day (absolute +47.64) is the best, not among the worst
    assertTrue(worst.days().stream().noneMatch(d -> d.date().equals(LocalDate.of(2020, 4, 21))));
  }

  @Test
  void shouldFindMarch2020AmongTheWorstDaysOfALongSpxtrBook() {
    WorstDays worst = tester.worstDays(Map.of("SPXTR", 1.0), data.dates, data.closes,
        LocalDate.of(2008, 1, 1), LocalDate.of(2020, 12, 31), 5);
    // SPXTR -11.98% on 2020-03-16 and -9.03% on 2008-10-15 (SOURCES.md)
    assertEquals(LocalDate.of(2020, 3, 16), worst.days().get(0).date());
    assertEquals(-0.1198, worst.days().get(0).pnl() / data.lastClose("SPXTR"), 5e-4);
    assertTrue(worst.days().stream().anyMatch(d -> d.date().equals(LocalDate.of(2008, 10, 15))));
    // dates where only CL or TLT has a close are skipped, and the move runs from the previous SPXTR close
    assertTrue(worst.daysSkipped() > 0);
    assertEquals(LocalDate.of(2020, 3, 13), worst.days().get(0).previousDate());
  }
}

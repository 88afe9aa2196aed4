package io.riskpulse.model.risk.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.risk.FxRates;
import io.riskpulse.model.risk.PriceSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StressTesterTest {

  private static final InstrumentRegistry INSTRUMENTS = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US"),
      new Instrument("TLT", AssetClass.RATES, "USD", 1, "", "US"),
      new Instrument("7203", AssetClass.EQUITY, "JPY", 100, "autos", "JP"),
      new Instrument("EURUSD", AssetClass.FX, "USD", 1000, "", ""),
      new Instrument("USDJPY", AssetClass.FX, "JPY", 1000, "", "")));

  /** Marks from a map; FX through {@link FxRates} and the instruments' currencies, as ReportingPrices does. */
  private static PriceSource prices(Map<String, Double> marks) {
    return new PriceSource() {
      @Override
      public double markPrice(String symbol) {
        return marks.getOrDefault(symbol, Double.NaN);
      }

      @Override
      public double fxToReporting(String symbol) {
        return INSTRUMENTS.find(symbol).map(i -> currencyToReporting(i.currency())).orElse(Double.NaN);
      }

      @Override
      public double currencyToReporting(String currency) {
        return FxRates.toReporting(currency, "USD", this::markPrice);
      }
    };
  }

  private static final Map<String, Double> MARKS =
      Map.of("SPY", 400.0, "TLT", 100.0, "7203", 2000.0, "EURUSD", 1.10, "USDJPY", 150.0);
  private static final StressTester TESTER = new StressTester(prices(MARKS), INSTRUMENTS, "USD");
  /** Long 100 SPY (40,000), short 50 TLT (-5,000), long 1,000 7203 (2,000,000 JPY = 13,333.33 USD), long 10,000 EURUSD. */
  private static final Map<String, Double> BOOK =
      Map.of("SPY", 100.0, "TLT", -50.0, "7203", 1000.0, "EURUSD", 10_000.0);

  @Test
  void shouldShockEquitiesOnlyUnderAnEquityScenario() {
    StressScenario equity = StressScenario.hypothetical("eq", "", Map.of(),
        Map.of(AssetClass.EQUITY, -0.2), Map.of(), Map.of());
    ScenarioPnl result = TESTER.run("book-1", equity, BOOK);

    assertTrue(result.complete());
    assertEquals("book-1", result.portfolioId());
    double toyotaUsd = 1000 * 2000 / 150.0;
    assertEquals(-0.2 * 40_000 - 0.2 * toyotaUsd, result.pnl(), 1e-9);
    assertEquals(40_000 - 5_000 + toyotaUsd + 11_000, result.baseValue(), 1e-9);
    assertEquals(List.of("7203", "EURUSD", "SPY", "TLT"),
        result.positions().stream().map(PositionStress::symbol).toList());
    PositionStress toyota = result.positions().get(0);
    assertEquals(1600, toyota.shockedPrice(), 1e-9);
    assertEquals(1 / 150.0, toyota.fxRate(), 1e-15);
    assertEquals("asset class EQUITY", toyota.selector());
    assertEquals(0, result.positions().get(3).pnl(), 0);
  }

  @Test
  void shouldGainOnAShortBondPositionWhenRatesRise() {
    StressScenario rates = StressScenario.hypothetical("rates", "", Map.of("TLT", -0.17), Map.of(AssetClass.RATES, -0.08),
        Map.of(), Map.of());
    ScenarioPnl result = TESTER.run(rates, BOOK);
    assertEquals(-50 * 100 * -0.17, result.pnl(), 1e-9);
    assertEquals("symbol TLT", result.positions().get(3).selector());
  }

  @Test
  void shouldTranslateForeignPositionsAndMoveFxPairsWhenTheDollarRises() {
    StressScenario usdUp = StressScenario.hypothetical("usd", "", Map.of(), Map.of(), Map.of(), Map.of("USD", 0.10));
    ScenarioPnl result = TESTER.run(usdUp, Map.of("7203", 1000.0, "EURUSD", 10_000.0, "SPY", 1.0, "USDJPY", 1.0));

    PositionStress toyota = result.positions().get(0);
    assertEquals(1 / 150.0 / 1.1, toyota.shockedFxRate(), 1e-15);
    assertEquals(1000 * 2000 / 150.0 * (1 / 1.1 - 1), toyota.pnl(), 1e-9);
    PositionStress eurusd = result.positions().get(1);
    assertEquals(1.0, eurusd.shockedPrice(), 1e-12); // 1.10 / 1.1
    assertEquals(10_000 * (1.0 - 1.10), eurusd.pnl(), 1e-9);
    // USDJPY priced in JPY: price x 1.1, translated at 1/150 / 1.1: the USD value of one dollar stays one dollar
    PositionStress usdjpy = result.positions().get(3);
    assertEquals(165, usdjpy.shockedPrice(), 1e-9);
    assertEquals(0, usdjpy.pnl(), 1e-12);
    assertEquals(0, result.positions().get(2).pnl(), 0);
    assertEquals(toyota.pnl() + eurusd.pnl(), result.pnl(), 1e-9);
  }

  @Test
  void shouldFailClosedWhenAPositionCannotBeStressed() {
    Map<String, Double> marks = new HashMap<>(MARKS);
    marks.remove("TLT");
    StressTester tester = new StressTester(prices(marks), INSTRUMENTS, "USD");
    StressScenario equity = StressScenario.hypothetical("eq", "", Map.of(), Map.of(AssetClass.EQUITY, -0.2),
        Map.of(), Map.of());
    Map<String, Double> book = Map.of("SPY", 100.0, "TLT", -50.0, "XYZ", 5.0);

    ScenarioPnl result = tester.run(equity, book);
    assertFalse(result.complete());
    assertTrue(Double.isNaN(result.pnl()));
    assertEquals(-8_000, result.partialPnl(), 1e-9);
    assertEquals(List.of("TLT: no current price", "XYZ: no reference data for XYZ"), result.problems());

    Map<String, Double> noFx = new HashMap<>(MARKS);
    noFx.remove("USDJPY");
    ScenarioPnl blind = new StressTester(prices(noFx), INSTRUMENTS, "USD").run(equity, Map.of("7203", 1.0));
    assertEquals(List.of("7203: no FX rate from JPY to USD"), blind.problems());
  }

  /**
   * {@link StressTester#pnls} (the live risk's path) gives exactly the P&L of {@link StressTester#run} for every
   * scenario, hypothetical (asset class, currency, symbol and FX shocks, absolute and relative) and historical, and
   * null exactly when some position cannot be stressed: random books, prices missing one time in ten, a symbol
   * without reference data, one a historical scenario has no move for.
   */
  @Test
  void shouldGiveTheFullRunsProfitAndLossWithoutItsRecords() {
    LocalDate[] dates = {LocalDate.of(2020, 3, 6), LocalDate.of(2020, 3, 23)};
    List<StressScenario> scenarios = List.of(
        StressScenario.hypothetical("eq", "", Map.of("SPY", -0.12), Map.of(AssetClass.EQUITY, -0.2),
            Map.of("JPY", -0.05), Map.of("USD", 0.03)),
        StressScenario.hypothetical("rates", "", Map.of("TLT", -0.17), Map.of(AssetClass.RATES, -0.08), Map.of(),
            Map.of("EUR", -0.04, "JPY", 0.02)),
        StressScenario.historical("covid", "", dates, Map.of("SPY", new double[] {300, 225},
            "TLT", new double[] {150, 170}, "7203", new double[] {2100, 1800}, "EURUSD", new double[] {1.12, 1.08}),
            dates[0], dates[1])); // no history for USDJPY: a book holding it cannot be stressed under covid
    ShockTable table = new ShockTable(scenarios, INSTRUMENTS, "USD");
    String[] symbols = {"SPY", "TLT", "7203", "EURUSD", "USDJPY", "NOSUCH"};
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    int complete = 0;
    for (int round = 0; round < 2_000; round++) {
      Map<String, Double> marks = new java.util.HashMap<>();
      for (String symbol : symbols) {
        if (random.nextInt(10) != 0) {
          marks.put(symbol, MARKS.getOrDefault(symbol, 10.0) * (0.8 + 0.4 * random.nextDouble()));
        }
      }
      Map<String, Double> book = new java.util.HashMap<>();
      for (String symbol : symbols) {
        if (random.nextInt(3) != 0 && (!symbol.equals("NOSUCH") || random.nextInt(5) == 0)) {
          book.put(symbol, (double) random.nextInt(-2_000, 2_001));
        }
      }
      StressTester tester = new StressTester(prices(marks), INSTRUMENTS, "USD");
      double[] fast = tester.pnls(table, book);
      List<ScenarioPnl> full = tester.run("", scenarios, book);
      boolean allComplete = full.stream().allMatch(ScenarioPnl::complete);
      assertEquals(allComplete, fast != null, "round " + round + ": " + book + " " + marks);
      if (fast != null) {
        complete++;
        for (int s = 0; s < scenarios.size(); s++) {
          assertEquals(full.get(s).pnl(), fast[s], 0, "round " + round + ", " + scenarios.get(s).name());
        }
      }
    }
    assertTrue(complete > 100 && complete < 2_000, complete + " complete books");
  }

  @Test
  void shouldNotGiveAZeroMoveToAHeldSymbolMissingFromHistory() {
    LocalDate[] dates = {LocalDate.of(2020, 3, 6), LocalDate.of(2020, 3, 23)};
    StressScenario covid = StressScenario.historical("covid", "", dates,
        Map.of("SPY", new double[] {300, 225}, "TLT", new double[] {Double.NaN, 170}), dates[0], dates[1]);
    ScenarioPnl result = TESTER.run(covid, Map.of("SPY", 100.0, "TLT", -50.0, "7203", 1000.0));
    assertEquals(List.of("7203: no price history for 7203 in scenario 'covid'", "TLT: no close on 2020-03-06"),
        result.problems());
    assertTrue(Double.isNaN(result.pnl()));
    assertEquals(100 * 400 * (225.0 / 300 - 1), result.partialPnl(), 1e-9);
    assertEquals("historical 2020-03-06..2020-03-23", result.positions().get(1).selector());
  }

  @Test
  void shouldRunEveryScenarioOnEveryPortfolio() {
    List<StressScenario> scenarios = List.of(
        StressScenario.hypothetical("a", "", Map.of("SPY", -0.1), Map.of(), Map.of(), Map.of()),
        StressScenario.hypothetical("b", "", Map.of("SPY", 0.1), Map.of(), Map.of(), Map.of()));
    Map<String, List<ScenarioPnl>> results = TESTER.runAll(scenarios,
        Map.of("p1", Map.of("SPY", 10.0), "p2", Map.of("SPY", -20.0, "TLT", 0.0)));
    assertEquals(-400, results.get("p1").get(0).pnl(), 1e-9);
    assertEquals(400, results.get("p1").get(1).pnl(), 1e-9);
    assertEquals(800, results.get("p2").get(0).pnl(), 1e-9);
    assertEquals(1, results.get("p2").get(0).positions().size()); // the flat TLT line is ignored
  }

  @Test
  void shouldFindTheWorstDaysAndAgreeWithTheHistoricalScenarioOfEachDay() {
    LocalDate d0 = LocalDate.of(2021, 1, 4);
    LocalDate[] dates = {d0, d0.plusDays(1), d0.plusDays(2), d0.plusDays(3), d0.plusDays(4), d0.plusDays(7)};
    Map<String, double[]> closes = Map.of(
        "SPY", new double[] {100, 95, 96, 90, Double.NaN, 99},
        "TLT", new double[] {50, 51, 49, 52, 52, 52});
    Map<String, Double> book = Map.of("SPY", 100.0, "TLT", 200.0);

    WorstDays worst = TESTER.worstDays(book, dates, closes, d0, d0.plusDays(30), 2);
    // day 1: SPY -5%, TLT +2%:   100 x 400 x -0.05 + 200 x 100 x 0.02  = -2000 + 400 = -1600
    // day 2: SPY +1/95, TLT -2/51: 421.05 - 784.31 = -363.26
    // day 3: SPY -6/96, TLT +3/49: -2500 + 1224.49 = -1275.51
    // day 4: SPY has no close, skipped; day 5: moves from day 3 (SPY +10%, TLT flat) = +4000
    assertEquals(4, worst.daysEvaluated());
    assertEquals(1, worst.daysSkipped());
    assertEquals(2, worst.days().size());
    assertEquals(dates[1], worst.days().get(0).date());
    assertEquals(dates[0], worst.days().get(0).previousDate());
    assertEquals(-1600, worst.days().get(0).pnl(), 1e-9);
    assertEquals(dates[3], worst.days().get(1).date());
    assertEquals(40_000 * (-6.0 / 96) + 20_000 * (3.0 / 49), worst.days().get(1).pnl(), 1e-9);

    WorstDays all = TESTER.worstDays(book, dates, closes, d0, d0.plusDays(30), 10);
    assertEquals(4, all.days().size());
    WorstDay best = all.days().get(3);
    assertEquals(dates[5], best.date());
    assertEquals(dates[3], best.previousDate());
    assertEquals(4_000, best.pnl(), 1e-9);

    for (WorstDay day : all.days()) {
      StressScenario replay = StressScenario.historical("day", "", dates, closes, day.previousDate(), day.date());
      assertEquals(TESTER.run(replay, book).pnl(), day.pnl(), 1e-9);
    }

    WorstDays window = TESTER.worstDays(book, dates, closes, dates[2], dates[3], 5);
    assertEquals(List.of(dates[3], dates[2]), window.days().stream().map(WorstDay::date).toList());
  }

  @Test
  void shouldRefuseWorstDaysForAHeldSymbolWithoutHistoryOrPrice() {
    LocalDate[] dates = {LocalDate.of(2021, 1, 4), LocalDate.of(2021, 1, 5)};
    Map<String, double[]> closes = Map.of("SPY", new double[] {1, 2});
    assertThrows(IllegalArgumentException.class,
        () -> TESTER.worstDays(Map.of("TLT", 1.0), dates, closes, dates[0], dates[1], 1));
    StressTester noPrices = new StressTester(prices(Map.of()), INSTRUMENTS, "USD");
    assertThrows(IllegalArgumentException.class,
        () -> noPrices.worstDays(Map.of("SPY", 1.0), dates, closes, dates[0], dates[1], 1));
  }
}

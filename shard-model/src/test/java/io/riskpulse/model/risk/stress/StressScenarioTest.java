package io.riskpulse.model.risk.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StressScenarioTest {

  private static final LocalDate MON = LocalDate.of(2020, 4, 13);
  private static final LocalDate[] DATES = {MON, MON.plusDays(1), MON.plusDays(2), MON.plusDays(7)};

  private static Instrument instrument(String symbol, AssetClass assetClass, String currency) {
    return new Instrument(symbol, assetClass, currency, 1, "", "");
  }

  @Test
  void shouldReplayRelativeMovesOverTheWindow() {
    StressScenario scenario = StressScenario.historical("w", "", DATES,
        Map.of("A", new double[] {100, 110, 90, 99}), DATES[0], DATES[2]);
    Shock shock = scenario.priceShocksBySymbol().get("A");
    assertEquals(Shock.Type.RELATIVE, shock.type());
    assertEquals(90.0 / 100 - 1, shock.value(), 1e-15);
    assertEquals(50 * 0.9, shock.apply(50), 1e-12);
  }

  @Test
  void shouldStartAndEndTheWindowAtTheLastTradingDayOnOrBeforeEachDate() {
    // from Sunday 2020-04-12 (before the first date) has no close; from Saturday 04-18 uses Wednesday 04-15
    StressScenario early = StressScenario.historical("w", "", DATES, Map.of("A", new double[] {100, 110, 90, 99}),
        MON.minusDays(1), DATES[3]);
    assertTrue(early.priceShocksBySymbol().isEmpty());
    assertEquals("history starts on 2020-04-13, after 2020-04-12", early.unavailable().get("A"));

    StressScenario weekend = StressScenario.historical("w", "", DATES,
        Map.of("A", new double[] {100, 110, 90, 99}), MON.plusDays(5), MON.plusDays(7));
    assertEquals(99.0 / 90 - 1, weekend.priceShocksBySymbol().get("A").value(), 1e-15);
  }

  @Test
  void shouldUseAbsoluteMovesWhenACloseIsNotPositive() {
    // WTI: 18.27 on 2020-04-17, -37.63 on 2020-04-20, 10.01 on 2020-04-21
    LocalDate[] dates = {LocalDate.of(2020, 4, 17), LocalDate.of(2020, 4, 20), LocalDate.of(2020, 4, 21)};
    Map<String, double[]> closes = Map.of("CL", new double[] {18.27, -37.63, 10.01}, "Z", new double[] {5, 0, 4});

    Shock intoNegative = StressScenario.historical("a", "", dates, closes, dates[0], dates[1])
        .priceShocksBySymbol().get("CL");
    assertEquals(Shock.absolute(-37.63 - 18.27), intoNegative);
    assertEquals(97.70 - 55.90, intoNegative.apply(97.70), 1e-9);

    Shock outOfNegative = StressScenario.historical("b", "", dates, closes, dates[1], dates[2])
        .priceShocksBySymbol().get("CL");
    assertEquals(Shock.absolute(10.01 + 37.63), outOfNegative);

    Shock overTheDip = StressScenario.historical("c", "", dates, closes, dates[0], dates[2])
        .priceShocksBySymbol().get("CL");
    assertEquals(Shock.relative(10.01 / 18.27 - 1), overTheDip);

    StressScenario zero = StressScenario.historical("d", "", dates, closes, dates[0], dates[1]);
    assertEquals(Shock.absolute(-5), zero.priceShocksBySymbol().get("Z"));
    StressScenario fromZero = StressScenario.historical("e", "", dates, closes, dates[1], dates[2]);
    assertEquals(Shock.absolute(4), fromZero.priceShocksBySymbol().get("Z"));
  }

  @Test
  void shouldListSymbolsWithoutACloseAsUnavailable() {
    StressScenario scenario = StressScenario.historical("w", "", DATES,
        Map.of("A", new double[] {Double.NaN, 110, 90, 99}, "B", new double[] {1, 2, Double.NaN, 3},
            "C", new double[] {1, 2, 3, 4}),
        DATES[0], DATES[2]);
    assertEquals(Map.of("C", Shock.relative(2)), scenario.priceShocksBySymbol());
    assertEquals(Map.of("A", "no close on 2020-04-13", "B", "no close on 2020-04-15"), scenario.unavailable());
    assertTrue(scenario.priceShock(instrument("A", AssetClass.EQUITY, "USD")).isEmpty());

    StressScenario beyond = StressScenario.historical("w", "", DATES, Map.of("C", new double[] {1, 2, 3, 4}),
        DATES[0], DATES[3].plusDays(30));
    assertEquals("history ends on 2020-04-20, before 2020-05-20", beyond.unavailable().get("C"));
  }

  @Test
  void shouldRejectMisalignedHistory() {
    assertThrows(IllegalArgumentException.class, () -> StressScenario.historical("w", "", DATES,
        Map.of("A", new double[] {1, 2, 3}), DATES[0], DATES[2]));
    assertThrows(IllegalArgumentException.class, () -> StressScenario.historical("w", "",
        new LocalDate[] {DATES[1], DATES[0]}, Map.of(), DATES[0], DATES[2]));
    assertThrows(IllegalArgumentException.class, () -> StressScenario.historical("w", "", DATES,
        Map.of(), DATES[2], DATES[2]));
  }

  @Test
  void shouldPreferInstrumentOverAssetClassOverCurrency() {
    StressScenario scenario = StressScenario.hypothetical("japan", "", Map.of("7203", -0.30),
        Map.of(AssetClass.EQUITY, -0.20), Map.of("JPY", -0.10), Map.of());

    StressScenario.SelectedShock toyota = scenario.priceShock(instrument("7203", AssetClass.EQUITY, "JPY")).orElseThrow();
    assertEquals(Shock.relative(-0.30), toyota.shock());
    assertEquals("symbol 7203", toyota.selector());

    StressScenario.SelectedShock sony = scenario.priceShock(instrument("6758", AssetClass.EQUITY, "JPY")).orElseThrow();
    assertEquals(Shock.relative(-0.20), sony.shock());
    assertEquals("asset class EQUITY", sony.selector());

    StressScenario.SelectedShock jgb = scenario.priceShock(instrument("JGB10", AssetClass.RATES, "JPY")).orElseThrow();
    assertEquals(Shock.relative(-0.10), jgb.shock());
    assertEquals("currency JPY", jgb.selector());

    StressScenario.SelectedShock treasury = scenario.priceShock(instrument("TLT", AssetClass.RATES, "USD")).orElseThrow();
    assertEquals(Shock.NONE, treasury.shock());
    assertEquals("none", treasury.selector());
  }

  @Test
  void shouldMoveFxRatesByTheRatioOfCurrencyMoves() {
    StressScenario usdUp = StressScenario.hypothetical("usd", "", Map.of(), Map.of(), Map.of(), Map.of("USD", 0.10));
    assertEquals(1 / 1.1, usdUp.fxFactor("EUR", "USD"), 1e-15);
    assertEquals(1.1, usdUp.fxFactor("USD", "EUR"), 1e-15);
    assertEquals(1, usdUp.fxFactor("EUR", "JPY"), 0);
    assertEquals(1, usdUp.fxFactor("USD", "USD"), 0);

    StressScenario both = StressScenario.hypothetical("x", "", Map.of(), Map.of(), Map.of(),
        Map.of("EUR", 0.05, "USD", -0.02));
    assertEquals(1.05 / 0.98, both.fxFactor("EUR", "USD"), 1e-15);
  }

  @Test
  void shouldRejectShocksThatWouldFlipPrices() {
    assertThrows(IllegalArgumentException.class, () -> Shock.relative(-1.01));
    assertThrows(IllegalArgumentException.class, () -> Shock.relative(Double.NaN));
    assertEquals(0, Shock.relative(-1).apply(42), 0);
    assertThrows(IllegalArgumentException.class, () -> StressScenario.hypothetical("x", "", Map.of(), Map.of(),
        Map.of(), Map.of("USD", -1.0)));
  }
}

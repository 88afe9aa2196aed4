package io.riskpulse.model.risk.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.portfolio.PortfolioSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StressScenariosTest {

  private static List<String> names(List<StressScenario> scenarios) {
    return scenarios.stream().map(StressScenario::name).collect(Collectors.toList());
  }

  @Test
  void shouldShipSensibleDefaults() {
    StressScenarios scenarios = StressScenarios.fromConfig(ConfigFactory.defaultReference());

    assertEquals(List.of(
            new HistoricalWindow("covid-2020-03", "", LocalDate.of(2020, 3, 6), LocalDate.of(2020, 3, 23)),
            new HistoricalWindow("gfc-2008-10", "", LocalDate.of(2008, 9, 30), LocalDate.of(2008, 10, 10))),
        scenarios.historicalWindows().stream()
            .map(w -> new HistoricalWindow(w.name(), "", w.from(), w.to())).collect(Collectors.toList()));
    assertEquals(List.of("equity-down-20pct", "rates-up-100bp", "usd-up-10pct"), names(scenarios.hypothetical()));

    StressScenario equity = scenarios.hypothetical().get(0);
    assertEquals(Map.of(AssetClass.EQUITY, Shock.relative(-0.20), AssetClass.EQUITY_INDEX, Shock.relative(-0.20)),
        equity.priceShocksByAssetClass());
    StressScenario rates = scenarios.hypothetical().get(1);
    assertEquals(Map.of("IEF", Shock.relative(-0.075), "TLT", Shock.relative(-0.17)), rates.priceShocksBySymbol());
    assertEquals(Map.of(AssetClass.RATES, Shock.relative(-0.08)), rates.priceShocksByAssetClass());
    assertEquals(Map.of("USD", 0.10), scenarios.hypothetical().get(2).fxMoves());
    assertTrue(scenarios.hypothetical().get(2).description().contains("9.09%"));
  }

  @Test
  void shouldKeepTheRestOfTheReferenceConfigWorking() {
    PortfolioSettings settings = PortfolioSettings.fromConfig(ConfigFactory.defaultReference());
    assertEquals("USD", settings.reportingCurrency());
  }

  @Test
  void shouldLetApplicationConfigAddOverrideAndRemoveScenarios() {
    Config config = ConfigFactory.parseString(String.join("\n",
        "riskpulse.risk.stress.scenarios {",
        "  \"gfc-2008-10\" = null",
        "  \"covid-2020-03\".to = \"2020-03-31\"",
        "  \"eur-down\" { kind = hypothetical, currencies { EUR = -0.1 }, fx { EUR = -0.05 } }",
        "}")).withFallback(ConfigFactory.defaultReference());
    StressScenarios scenarios = StressScenarios.fromConfig(config);
    assertEquals(1, scenarios.historicalWindows().size());
    assertEquals(LocalDate.of(2020, 3, 31), scenarios.historicalWindows().get(0).to());
    assertEquals(List.of("equity-down-20pct", "eur-down", "rates-up-100bp", "usd-up-10pct"),
        names(scenarios.hypothetical()));
    StressScenario eur = scenarios.hypothetical().get(1);
    assertEquals(Map.of("EUR", Shock.relative(-0.1)), eur.priceShocksByCurrency());
    assertEquals(Map.of("EUR", -0.05), eur.fxMoves());
  }

  @Test
  void shouldResolveHistoricalWindowsOverHistoryInNameOrder() {
    LocalDate[] dates = {LocalDate.of(2020, 3, 6), LocalDate.of(2020, 3, 23)};
    List<StressScenario> resolved = StressScenarios.fromConfig(ConfigFactory.defaultReference())
        .resolve(dates, Map.of("SPXTR", new double[] {6050.8, 4559.5}));
    assertEquals(List.of("covid-2020-03", "equity-down-20pct", "gfc-2008-10", "rates-up-100bp", "usd-up-10pct"),
        names(resolved));
    assertEquals(4559.5 / 6050.8 - 1, resolved.get(0).priceShocksBySymbol().get("SPXTR").value(), 1e-15);
    assertEquals("history starts on 2020-03-06, after 2008-09-30", resolved.get(2).unavailable().get("SPXTR"));
  }

  @Test
  void shouldNameTheScenarioOfAMalformedEntry() {
    Config badKind = ConfigFactory.parseString("riskpulse.risk.stress.scenarios { x { kind = magic } }");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StressScenarios.fromConfig(badKind));
    assertTrue(e.getMessage().startsWith("stress scenario 'x': kind must be"), e.getMessage());

    Config badDate = ConfigFactory.parseString(
        "riskpulse.risk.stress.scenarios { y { kind = historical, from = \"2020-13-01\", to = \"2020-12-31\" } }");
    e = assertThrows(IllegalArgumentException.class, () -> StressScenarios.fromConfig(badDate));
    assertTrue(e.getMessage().startsWith("stress scenario 'y': not an ISO date"), e.getMessage());

    Config badClass = ConfigFactory.parseString(
        "riskpulse.risk.stress.scenarios { z { kind = hypothetical, asset-classes { stocks = -0.1 } } }");
    e = assertThrows(IllegalArgumentException.class, () -> StressScenarios.fromConfig(badClass));
    assertTrue(e.getMessage().contains("unknown asset class 'stocks'"), e.getMessage());
  }
}

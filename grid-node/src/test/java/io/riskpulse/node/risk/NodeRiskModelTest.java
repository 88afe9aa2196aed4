package io.riskpulse.node.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.risk.live.RiskModel;
import io.riskpulse.model.risk.stress.StressScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeRiskModelTest {

  private static final InstrumentRegistry INSTRUMENTS = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "", ""),
      new Instrument("AAPL", AssetClass.EQUITY, "USD", 1, "", ""),
      new Instrument("NOHIST", AssetClass.EQUITY, "USD", 1, "", "")));

  @TempDir Path folder;

  private static Config config(String overrides) {
    return ConfigFactory.parseString(overrides).withFallback(ConfigFactory.load());
  }

  @Test
  void shouldBuildTheSameSyntheticScenariosOnEveryNodeForTheInstrumentsTheSimulatorKnows() {
    RiskModel first = NodeRiskModel.build(config("riskpulse.risk.window-days = 250"), INSTRUMENTS);
    RiskModel second = NodeRiskModel.build(config("riskpulse.risk.window-days = 250"), INSTRUMENTS);
    assertEquals(first.scenarioSetId(), second.scenarioSetId(), "same seed, same scenarios");
    assertEquals(List.of("AAPL", "SPY"), first.scenarios().symbols()); // NOHIST: none, fails closed
    assertEquals(-1, first.indexOf("NOHIST"));
    assertEquals(250, first.scenarios().scenarioCount());
    assertEquals(SyntheticHistory.LAST_DATE, first.scenarios().asOf());
    assertTrue(first.stressScenarios().stream().allMatch(s -> s.kind() == StressScenario.Kind.HYPOTHETICAL));
    RiskModel reseeded = NodeRiskModel.build(
        config("riskpulse.risk.window-days = 250\nriskpulse.risk.synthetic-seed = 1"), INSTRUMENTS);
    assertNotEquals(first.scenarioSetId(), reseeded.scenarioSetId());
  }

  @Test
  void shouldReadScenariosFromAHistoryFolderWhenOneIsConfigured() throws Exception {
    LocalDate start = LocalDate.of(2020, 3, 2);
    StringBuilder spy = new StringBuilder("date,close\n");
    StringBuilder aapl = new StringBuilder("date,close\n");
    for (int d = 0; d < 30; d++) {
      spy.append(start.plusDays(d)).append(',').append(300 + d).append('\n');
      aapl.append(start.plusDays(d)).append(',').append(100 - d % 3).append('\n');
    }
    Files.writeString(folder.resolve("SPY.csv"), spy);
    Files.writeString(folder.resolve("AAPL.csv"), aapl);

    RiskModel model = NodeRiskModel.build(config("riskpulse.risk.window-days = 20\n"
        + "riskpulse.risk.history-dir = \"" + folder.toString().replace('\\', '/') + "\""), INSTRUMENTS);
    assertEquals(20, model.scenarios().scenarioCount());
    assertEquals(start.plusDays(29), model.scenarios().asOf());
    int spyIndex = model.indexOf("SPY");
    assertEquals(329.0 / 328 - 1, model.scenarios().shock(spyIndex, 19), 1e-12);
    assertEquals(-1, model.indexOf("NOHIST"));
    // The configured historical windows (2008, 2020-03-06..23) are kept only when the history covers them.
    assertTrue(model.stressScenarios().stream().anyMatch(s -> s.name().equals("covid-2020-03")));
    assertTrue(model.stressScenarios().stream().noneMatch(s -> s.name().equals("gfc-2008-10")));
  }
}

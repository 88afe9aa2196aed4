package io.riskpulse.node.risk;

import com.typesafe.config.Config;
import io.riskpulse.model.history.GapPolicy;
import io.riskpulse.model.history.PriceHistory;
import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.risk.live.RiskModel;
import io.riskpulse.model.risk.stress.HistoricalWindow;
import io.riskpulse.model.risk.stress.StressScenario;
import io.riskpulse.model.risk.stress.StressScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the node's {@link RiskModel} once at start, from {@code riskpulse.risk} (see shard-model's
 * reference.conf):
 *
 * <ul>
 *   <li>{@code history-dir} set: the daily closes {@code <SYMBOL>.csv} found there for the node's instruments,
 *       aligned ({@link GapPolicy#DEFAULT}); scenarios are the last {@code window-days} moves up to the last
 *       aligned date. Stress scenarios: the hypothetical ones, and the historical ones whose window the history
 *       covers.
 *   <li>else: a {@link SyntheticHistory} of {@code window-days + 1} days seeded with {@code synthetic-seed};
 *       stress scenarios: the hypothetical ones (the historical windows are real dates it does not have).
 * </ul>
 *
 * Instruments left without history are logged and get no scenarios: positions in them make VaR NaN (fail closed).
 */
public final class NodeRiskModel {

  private static final Logger log = LoggerFactory.getLogger(NodeRiskModel.class);

  private NodeRiskModel() {}

  /**
   * @throws IllegalArgumentException when the history folder is unreadable or malformed, or holds fewer than
   *     {@code window-days + 1} aligned closes: a node must not start with a risk model it was not asked for
   */
  public static RiskModel build(Config config, InstrumentRegistry instruments) {
    Config risk = config.getConfig("riskpulse.risk");
    int windowDays = risk.getInt("window-days");
    StressScenarios stress = StressScenarios.fromConfig(config);
    String historyDir = risk.getString("history-dir");
    RiskModel model = historyDir.isBlank()
        ? synthetic(instruments, windowDays, risk.getLong("synthetic-seed"), stress)
        : fromHistory(Path.of(historyDir), instruments, windowDays, stress);
    List<String> without = new ArrayList<>();
    for (Instrument instrument : instruments.all()) {
      if (model.indexOf(instrument.symbol()) < 0) {
        without.add(instrument.symbol());
      }
    }
    log.info("Risk model: {}", model);
    if (!without.isEmpty()) {
      log.warn("No VaR scenarios for {} instrument(s); positions in them make VaR unknown: {}",
          without.size(), without.stream().sorted().toList());
    }
    return model;
  }

  private static RiskModel synthetic(InstrumentRegistry instruments, int windowDays, long seed,
      StressScenarios stress) {
    Optional<PriceHistory> history = SyntheticHistory.generate(instruments, windowDays, seed);
    if (history.isEmpty()) {
      return new RiskModel(RiskModel.none().scenarios(), stress.hypothetical(), "none (no simulated instrument)");
    }
    if (!stress.historicalWindows().isEmpty()) {
      log.info("Historical stress scenarios need real history (riskpulse.risk.history-dir); skipped: {}",
          stress.historicalWindows().stream().map(HistoricalWindow::name).toList());
    }
    return new RiskModel(ScenarioSet.of(history.get(), history.get().lastDate(), windowDays),
        stress.hypothetical(), "synthetic(seed " + seed + ")");
  }

  private static RiskModel fromHistory(Path folder, InstrumentRegistry instruments, int windowDays,
      StressScenarios stress) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("riskpulse.risk.history-dir is not a folder: " + folder);
    }
    List<String> symbols = new ArrayList<>();
    for (Instrument instrument : instruments.all()) {
      if (Files.isRegularFile(folder.resolve(instrument.symbol() + ".csv"))) {
        symbols.add(instrument.symbol());
      }
    }
    symbols.sort(null);
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("riskpulse.risk.history-dir " + folder
          + " holds no <SYMBOL>.csv for any of the node's instruments");
    }
    PriceHistory history = PriceHistory.load(folder, symbols, GapPolicy.DEFAULT);
    ScenarioSet scenarios = ScenarioSet.of(history, history.lastDate(), windowDays);
    return new RiskModel(scenarios, stressScenarios(stress, history), "history(" + folder + ")");
  }

  /** The hypothetical scenarios, and the historical ones whose whole window lies within the history. */
  private static List<StressScenario> stressScenarios(StressScenarios stress, PriceHistory history) {
    LocalDate[] dates = new LocalDate[history.dayCount()];
    for (int d = 0; d < dates.length; d++) {
      dates[d] = history.date(d);
    }
    Map<String, double[]> closes = new HashMap<>();
    for (int i = 0; i < history.instrumentCount(); i++) {
      double[] series = new double[dates.length];
      for (int d = 0; d < dates.length; d++) {
        series[d] = history.close(i, d);
      }
      closes.put(history.symbols().get(i), series);
    }
    List<StressScenario> scenarios = new ArrayList<>(stress.hypothetical());
    for (HistoricalWindow window : stress.historicalWindows()) {
      if (window.from().isBefore(history.firstDate()) || window.to().isAfter(history.lastDate())) {
        log.info("Historical stress scenario {} ({}..{}) is outside the history ({}..{}); skipped", window.name(),
            window.from(), window.to(), history.firstDate(), history.lastDate());
      } else {
        scenarios.add(window.resolve(dates, closes));
      }
    }
    return scenarios;
  }
}

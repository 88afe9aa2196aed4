package io.riskpulse.model.risk.live;

import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.risk.stress.ShockTable;
import io.riskpulse.model.risk.stress.StressScenario;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a node values risk with: one {@link ScenarioSet} (historical simulation) and the stress scenarios, built
 * once at node start and shared by every portfolio entity on the node. Immutable and thread-safe.
 *
 * <p>The {@link #scenarioSetId()} fingerprints the scenarios (symbols, dates, return types and every shock), so
 * that desk and firm aggregates, which add P&amp;L vectors coming from several nodes, can refuse to add vectors
 * of different scenario sets (two nodes configured differently) instead of producing a meaningless sum.
 */
public final class RiskModel {

  private final ScenarioSet scenarios;
  private final List<StressScenario> stressScenarios;
  private final String source;
  private final String scenarioSetId;
  private final Map<String, Integer> indexBySymbol = new HashMap<>();
  /** The stress scenarios' factors, per instrument registry and reporting currency (one of each on a node). */
  private final java.util.concurrent.ConcurrentHashMap<ShockTableKey, ShockTable> shockTables =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record ShockTableKey(InstrumentRegistry instruments, String reportingCurrency) {}

  /**
   * @param scenarios the historical scenarios; instruments it does not hold have no VaR (fail closed)
   * @param stressScenarios resolved stress scenarios (historical ones already over price history)
   * @param source where the scenarios come from, for logs and reports (e.g. {@code history:/data/daily})
   */
  public RiskModel(ScenarioSet scenarios, List<StressScenario> stressScenarios, String source) {
    this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
    this.stressScenarios = List.copyOf(stressScenarios);
    this.source = Objects.requireNonNull(source, "source");
    for (int i = 0; i < scenarios.instrumentCount(); i++) {
      indexBySymbol.put(scenarios.symbols().get(i), i);
    }
    this.scenarioSetId = scenarios.scenarioCount() + "x" + scenarios.instrumentCount() + "@" + scenarios.asOf()
        + "#" + Long.toHexString(fingerprint(scenarios));
  }

  /**
   * No scenarios and no stress scenarios: every open position makes VaR unknown (NaN), so a VaR limit breaches.
   * What a node without a risk model (a test, a tool) gives its portfolios.
   */
  public static RiskModel none() {
    return new RiskModel(
        ScenarioSet.of(List.of(), List.of(LocalDate.EPOCH), List.of(), new double[0][]), List.of(), "none");
  }

  public ScenarioSet scenarios() {
    return scenarios;
  }

  public List<StressScenario> stressScenarios() {
    return stressScenarios;
  }

  /**
   * The stress scenarios' factors per instrument for {@code instruments} and {@code reportingCurrency}, shared by
   * every portfolio that asks with the same two (thread-safe).
   */
  public ShockTable shockTable(InstrumentRegistry instruments, String reportingCurrency) {
    return shockTables.computeIfAbsent(new ShockTableKey(instruments, reportingCurrency),
        key -> new ShockTable(stressScenarios, key.instruments(), key.reportingCurrency()));
  }

  public String source() {
    return source;
  }

  /** Fingerprint of the scenario set: equal sets on two nodes give the same id. */
  public String scenarioSetId() {
    return scenarioSetId;
  }

  /** Index of a symbol in the scenario set, or -1 when it has no scenarios. */
  public int indexOf(String symbol) {
    Integer index = indexBySymbol.get(symbol);
    return index == null ? -1 : index;
  }

  /** 64-bit FNV-1a over the symbols, dates, return types and shocks. */
  private static long fingerprint(ScenarioSet scenarios) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < scenarios.instrumentCount(); i++) {
      hash = mix(hash, scenarios.symbols().get(i).hashCode());
      hash = mix(hash, scenarios.returnType(i).ordinal());
      for (int s = 0; s < scenarios.scenarioCount(); s++) {
        hash = mix(hash, Double.doubleToLongBits(scenarios.shock(i, s)));
      }
    }
    for (int s = 0; s < scenarios.scenarioCount(); s++) {
      hash = mix(hash, scenarios.scenarioDate(s).toEpochDay());
    }
    return hash;
  }

  private static long mix(long hash, long value) {
    return (hash ^ value) * 0x100000001b3L;
  }

  @Override
  public String toString() {
    return "RiskModel[" + source + ", " + scenarios + ", " + stressScenarios.size() + " stress scenarios, id "
        + scenarioSetId + "]";
  }
}

package io.riskpulse.model.risk.stress;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each stress scenario of a list does to an instrument (its price shock, the move of an FX pair's price that
 * the scenario's FX moves imply, the move of its currency's rate into the reporting currency), worked out once per
 * instrument and shared: every portfolio of a node revalues its positions under every scenario after each price
 * move ({@link StressTester#pnls}), and these factors depend on the instrument alone, not on prices or quantities.
 *
 * <p>Thread-safe: rows are computed once per symbol into a concurrent map and never change. Memory: one row per
 * instrument held anywhere on the node, three arrays of one entry per scenario.
 */
public final class ShockTable {

  /** One instrument's factors per scenario, in the scenarios' order. */
  record Row(Shock[] shocks, double[] pairFactors, double[] fxFactors) {}

  /** A symbol some scenario cannot move, or without reference data: {@link StressTester#run} says why. */
  private static final Row UNAVAILABLE = new Row(new Shock[0], new double[0], new double[0]);

  private final List<StressScenario> scenarios;
  private final InstrumentRegistry instruments;
  private final String reportingCurrency;
  private final ConcurrentHashMap<String, Row> rows = new ConcurrentHashMap<>();

  /**
   * @param scenarios the scenarios, in the order {@link StressTester#pnls} returns their P&amp;L
   * @param reportingCurrency ISO currency every P&amp;L is in
   */
  public ShockTable(List<StressScenario> scenarios, InstrumentRegistry instruments, String reportingCurrency) {
    this.scenarios = List.copyOf(scenarios);
    this.instruments = instruments;
    this.reportingCurrency = reportingCurrency;
  }

  public List<StressScenario> scenarios() {
    return scenarios;
  }

  /** The factors of {@code symbol}, or {@code null} when it has no reference data or a scenario cannot move it. */
  Row row(String symbol) {
    Row row = rows.computeIfAbsent(symbol, this::compute);
    return row == UNAVAILABLE ? null : row;
  }

  private Row compute(String symbol) {
    Optional<Instrument> found = instruments.find(symbol);
    if (found.isEmpty()) {
      return UNAVAILABLE;
    }
    Instrument instrument = found.get();
    int n = scenarios.size();
    Shock[] shocks = new Shock[n];
    double[] pairFactors = new double[n];
    double[] fxFactors = new double[n];
    for (int s = 0; s < n; s++) {
      StressScenario scenario = scenarios.get(s);
      Optional<StressScenario.SelectedShock> selected = scenario.priceShock(instrument);
      if (selected.isEmpty()) {
        return UNAVAILABLE;
      }
      shocks[s] = selected.get().shock();
      pairFactors[s] = StressTester.pairFactor(scenario, instrument);
      fxFactors[s] = scenario.fxFactor(instrument.currency(), reportingCurrency);
    }
    return new Row(shocks, pairFactors, fxFactors);
  }
}

package io.riskpulse.model.risk.live;

import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.portfolio.Position;
import io.riskpulse.model.risk.PriceSource;
import io.riskpulse.model.risk.liquidity.DaysToLiquidate;
import io.riskpulse.model.risk.liquidity.LiquidityEstimate;
import io.riskpulse.model.risk.liquidity.LiquiditySettings;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.HistoricalVar;
import io.riskpulse.model.risk.measure.ScenarioPnlVector;
import io.riskpulse.model.risk.measure.ScenarioScratch;
import io.riskpulse.model.risk.stress.ScenarioPnl;
import io.riskpulse.model.risk.stress.ShockTable;
import io.riskpulse.model.risk.stress.StressScenario;
import io.riskpulse.model.risk.stress.StressTester;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The live risk of one portfolio: its {@link ScenarioPnlVector} over the node's scenario set, kept current as
 * positions change and prices move, and the figures read from it ({@link RiskMeasures}). Transient by design:
 * derived from the journaled positions and the current prices, never journaled itself, and rebuilt from the
 * positions after recovery ({@link #sync}).
 *
 * <p>Costs: a position change is O(scenarios) ({@link ScenarioPnlVector#applyExecution}); a refresh re-bases
 * each held instrument whose price moved, O(held &times; scenarios), and does nothing at all when the market
 * view's version has not changed since the last one; VaR and ES are O(scenarios) selections, recomputed only
 * when something changed. Stress losses revalue the held positions under each configured stress scenario.
 * Days to liquidate are O(positions), from the positions alone: |quantity| / (participation rate &times; ADV), with
 * ADV from the instrument reference ({@link Instrument#averageDailyVolume()}).
 *
 * <p>Prices: the vector values each instrument at its mark price converted to the reporting currency (the
 * scenarios' shocks are in the price currency's terms, see {@link ScenarioSet}). Until the market has quoted an
 * instrument, the portfolio's own latest fill price stands in for it, as the valuation does at execution time.
 *
 * <p>Fails closed: an open position in an instrument without scenarios, or without any price or FX rate, makes
 * VaR and ES NaN and names the position; a position a stress scenario cannot move makes the stress loss NaN; a
 * position in an instrument without an average daily volume makes the days to liquidate NaN and names it. Such
 * a position is never left out of a figure silently.
 *
 * <p>Thread-safety: none; confine an instance to the owning portfolio entity.
 */
public final class LiveRisk {

  private final String portfolioId;
  private final RiskModel model;
  private final ScenarioSet scenarios;
  private final PriceSource market;
  private final LongSupplier marketVersion;
  private final ScenarioPnlVector vector;
  /**
   * Symbols the vector has a price for but whose price or FX rate then went missing (usually none, so
   * {@code null} until one does). An instrument is priced once the vector has its base price and it is not here.
   * Nothing in this class is sized by the scenario set's universe: memory follows the positions.
   */
  private Set<String> unpriced;
  /** Every open position, symbol → signed quantity (instrument units). */
  private final Map<String, Double> positions = new TreeMap<>();
  /** The portfolio's latest fill price per symbol, price currency: the stand-in until the market quotes it. */
  private final Map<String, Double> fillPrices = new HashMap<>();
  private final StressTester stressTester;
  /** The stress scenarios' factors per instrument, shared by the node's portfolios. */
  private final ShockTable shockTable;
  private final InstrumentRegistry instruments;
  /** Share of ADV traded per day when unwinding, in (0, 1]. */
  private final double participationRate;
  private long seenMarketVersion = Long.MIN_VALUE;
  /** Bumped whenever positions or the prices they are valued at may have changed. */
  private long version;
  private long measuredVersion = -1;
  private RiskMeasures measures;

  /**
   * @param market mark prices (price currency) and FX rates into the reporting currency, e.g. the node's
   *     {@link io.riskpulse.model.risk.ReportingPrices}
   * @param marketVersion changes whenever any price of {@code market} may have changed (e.g.
   *     {@link io.riskpulse.model.market.MarketView#version()}); lets a refresh skip all work when nothing moved
   * @param instruments the reference the stress scenarios classify by and the average daily volumes come from
   * @param liquidity the participation rate days to liquidate assume
   */
  public LiveRisk(String portfolioId, RiskModel model, PriceSource market, LongSupplier marketVersion,
      InstrumentRegistry instruments, String reportingCurrency, LiquiditySettings liquidity) {
    this.portfolioId = portfolioId;
    this.model = model;
    this.scenarios = model.scenarios();
    this.market = market;
    this.marketVersion = marketVersion;
    // Re-base on every price change; a held instrument enters the vector once it has a price.
    this.vector = ScenarioPnlVector.sparse(scenarios, 0, ScenarioPnlVector.DEFAULT_REBUILD_INTERVAL);
    this.stressTester = new StressTester(new PricesWithFills(), instruments, reportingCurrency);
    this.shockTable = model.shockTable(instruments, reportingCurrency);
    this.instruments = instruments;
    this.participationRate = liquidity.participationRate();
  }

  /**
   * Brings the positions in line with {@code current} (the journaled state): each changed position is applied
   * in O(scenarios). After recovery this rebuilds the vector from nothing; after a persisted execution it applies
   * just the positions the execution changed.
   */
  public void sync(Collection<Position> current) {
    Set<String> seen = new HashSet<>();
    for (Position position : current) {
      seen.add(position.symbol());
      setPosition(position.symbol(), position.quantity());
    }
    for (String symbol : List.copyOf(positions.keySet())) {
      if (!seen.contains(symbol)) {
        setPosition(symbol, 0);
      }
    }
  }

  /** Remembers fill prices (price currency) as stand-ins for instruments the market has not quoted yet. */
  public void recordFillPrices(Map<String, Double> fillPricesBySymbol) {
    fillPrices.putAll(fillPricesBySymbol);
  }

  /**
   * Re-marks every held instrument to the current prices if the market moved since the last refresh.
   *
   * @return whether anything was re-marked
   */
  public boolean refresh() {
    long current = marketVersion.getAsLong();
    if (current == seenMarketVersion) {
      return false;
    }
    seenMarketVersion = current;
    boolean changed = false;
    for (String symbol : positions.keySet()) {
      int i = model.indexOf(symbol);
      if (i >= 0) {
        changed |= mark(i, symbol);
      }
    }
    if (changed) {
      version++; // only a move of a held instrument changes the figures, not any move of the market
    }
    return changed;
  }

  /** The current figures, refreshed first; recomputed only when positions or prices changed. */
  public RiskMeasures measures(long nowMillis) {
    refresh();
    if (measures == null || measuredVersion != version) {
      List<String> varProblems = varProblems(positions);
      double var = Double.NaN;
      double es = Double.NaN;
      if (varProblems.isEmpty()) {
        var = vector.valueAtRisk(Confidence.P99);
        es = vector.expectedShortfall(Confidence.P975);
      }
      measures = withLiquidity(withStress(var, es, varProblems, positions, nowMillis), positions);
      measuredVersion = version;
    } else {
      measures = measures.withAsOf(nowMillis);
    }
    return measures;
  }

  /**
   * The figures the portfolio would have after some positions change, without changing what this holds (other
   * than bringing prices up to date): what limits judge an execution on before it is persisted.
   * O(changed &times; scenarios) plus the stress revaluation.
   *
   * @param quantitiesAfter new signed quantity per changed symbol
   * @param withStress whether to revalue the stress scenarios too (the costlier part); when not, the stress loss
   *     is NaN, "not computed"
   */
  public RiskMeasures whatIf(Map<String, Double> quantitiesAfter, long nowMillis, boolean withStress) {
    refresh();
    // Bring the changed instruments up to date in the live vector before copying it: marking can price an
    // instrument for the first time (the fill's own price) and add the quantity already held, which the what-if
    // must include, or a large held position would be judged as if only the new fill existed (fail open).
    for (String symbol : quantitiesAfter.keySet()) {
      int i = model.indexOf(symbol);
      if (i >= 0 && mark(i, symbol)) {
        version++;
      }
    }
    Map<String, Double> after = new TreeMap<>(positions);
    int n = scenarios.scenarioCount();
    ScenarioScratch scratch = ScenarioScratch.current(); // borrowed until the VaR and ES below are read
    double[] whatIf = scratch.vector(n);
    for (int s = 0; s < n; s++) {
      whatIf[s] = vector.pnl(s);
    }
    for (Map.Entry<String, Double> change : quantitiesAfter.entrySet()) {
      String symbol = change.getKey();
      double quantity = change.getValue();
      if (quantity == 0) {
        after.remove(symbol);
      } else {
        after.put(symbol, quantity);
      }
      int i = model.indexOf(symbol);
      if (i >= 0) {
        double delta = quantity - positions.getOrDefault(symbol, 0.0);
        if (delta != 0 && priced(i, symbol)) {
          scenarios.addPnl(i, delta, vector.basePrice(i), whatIf);
        }
      }
    }
    List<String> varProblems = varProblems(after);
    double var = Double.NaN;
    double es = Double.NaN;
    if (varProblems.isEmpty()) {
      var = HistoricalVar.valueAtRisk(whatIf, n, Confidence.P99, scratch.selection(n));
      es = HistoricalVar.expectedShortfall(whatIf, n, Confidence.P975, scratch.selection(n));
    }
    if (!withStress) {
      return withLiquidity(new RiskMeasures(var, es, Double.NaN, "", varProblems, List.of("not computed"),
          model.scenarioSetId(), n, nowMillis), after);
    }
    return withLiquidity(withStress(var, es, varProblems, after, nowMillis), after);
  }

  /** A copy of the scenario P&amp;L vector (reporting currency), e.g. to report to the desk aggregate. */
  public double[] pnlVector() {
    return vector.pnl();
  }

  /** Changes whenever the figures may have changed; equal versions mean equal vectors. */
  public long version() {
    return version;
  }

  public RiskModel model() {
    return model;
  }

  private void setPosition(String symbol, double quantity) {
    Double previous = positions.get(symbol);
    if ((previous == null ? 0 : previous) == quantity) {
      return;
    }
    if (quantity == 0) {
      positions.remove(symbol);
    } else {
      positions.put(symbol, quantity);
    }
    version++;
    int i = model.indexOf(symbol);
    if (i >= 0) {
      mark(i, symbol);
    }
  }

  /**
   * Re-bases instrument {@code i} to its current price and brings the vector's quantity to what is held.
   *
   * @return whether the vector changed
   */
  private boolean mark(int i, String symbol) {
    boolean changed = false;
    boolean wasPriced = priced(i, symbol);
    double price = reportingPrice(symbol);
    if (Double.isFinite(price)) {
      changed = vector.markPrice(i, price) || !wasPriced;
      if (unpriced != null) {
        unpriced.remove(symbol);
      }
    } else if (wasPriced) {
      if (unpriced == null) {
        unpriced = new HashSet<>();
      }
      unpriced.add(symbol); // the price or FX rate went missing: VaR is unknown again (fail closed), not stale
      changed = true;
    }
    if (priced(i, symbol)) {
      double missing = positions.getOrDefault(symbol, 0.0) - vector.quantity(i);
      if (missing != 0) {
        vector.applyExecution(i, missing);
        changed = true;
      }
    }
    return changed;
  }

  /** Whether the vector values instrument {@code i} ({@code symbol}) at a real price (market or fill). */
  private boolean priced(int i, String symbol) {
    return !Double.isNaN(vector.basePrice(i)) && (unpriced == null || !unpriced.contains(symbol));
  }

  /** Mark price (else latest fill price) times the FX rate into the reporting currency; NaN when unknown. */
  private double reportingPrice(String symbol) {
    double mark = market.markPrice(symbol);
    if (Double.isNaN(mark)) {
      mark = fillPrices.getOrDefault(symbol, Double.NaN);
    }
    return mark * market.fxToReporting(symbol);
  }

  /** Why VaR cannot be computed for these positions: one line per position it cannot value. */
  private List<String> varProblems(Map<String, Double> open) {
    List<String> problems = new ArrayList<>(0);
    for (String symbol : open.keySet()) {
      int i = model.indexOf(symbol);
      if (i < 0) {
        problems.add("no scenarios for " + symbol);
      } else if (!priced(i, symbol)) {
        problems.add("no price or FX rate for " + symbol);
      }
    }
    return problems;
  }

  private RiskMeasures withStress(double var, double es, List<String> varProblems, Map<String, Double> open,
      long nowMillis) {
    double worst = 0;
    String worstName = "";
    List<String> stressProblems = new ArrayList<>(0);
    Map<String, Double> lossByScenario = new LinkedHashMap<>();
    if (!open.isEmpty() && !model.stressScenarios().isEmpty()) {
      worst = Double.NEGATIVE_INFINITY;
      // The same figures as the full run's, without its per-position records; it runs only to say what is missing.
      double[] pnls = stressTester.pnls(shockTable, open);
      if (pnls != null) {
        List<StressScenario> stress = shockTable.scenarios();
        for (int s = 0; s < pnls.length; s++) {
          String name = stress.get(s).name();
          lossByScenario.put(name, -pnls[s]);
          if (-pnls[s] > worst) {
            worst = -pnls[s];
            worstName = name;
          }
        }
      } else { // some position cannot be stressed: the full run says which, and what the other scenarios lose
        for (ScenarioPnl result : stressTester.run(portfolioId, model.stressScenarios(), open)) {
          if (!result.complete()) {
            stressProblems.add(result.scenario() + ": " + String.join(", ", result.problems()));
            lossByScenario.put(result.scenario(), Double.NaN);
            continue;
          }
          lossByScenario.put(result.scenario(), -result.pnl());
          if (-result.pnl() > worst) {
            worst = -result.pnl();
            worstName = result.scenario();
          }
        }
      }
      if (!stressProblems.isEmpty()) {
        worst = Double.NaN;
        worstName = "";
      }
    }
    return new RiskMeasures(var, es, worst, worstName, varProblems, stressProblems, model.scenarioSetId(),
        scenarios.scenarioCount(), nowMillis, Double.NaN, "", List.of("not computed"), lossByScenario);
  }

  /**
   * {@code figures} with the days to liquidate {@code open}: the longest position's (positions unwind in
   * parallel), and the symbol that takes it; NaN with one problem per position (naming it) when any position's
   * ADV is unknown. Ties go to the first symbol in order. O(positions).
   */
  private RiskMeasures withLiquidity(RiskMeasures figures, Map<String, Double> open) {
    double longest = 0;
    String leastLiquid = "";
    List<String> problems = new ArrayList<>(0);
    for (Map.Entry<String, Double> position : open.entrySet()) {
      String symbol = position.getKey();
      Instrument instrument = instruments.find(symbol).orElse(null);
      if (instrument == null) {
        problems.add("no instrument reference (so no average daily volume) for " + symbol);
        continue;
      }
      LiquidityEstimate days =
          DaysToLiquidate.of(position.getValue(), instrument.averageDailyVolume(), participationRate);
      if (!days.known()) {
        problems.add(days.reason() + " for " + symbol);
      } else if (days.value() > longest) {
        longest = days.value();
        leastLiquid = symbol;
      }
    }
    return problems.isEmpty()
        ? figures.withLiquidity(longest, leastLiquid, List.of())
        : figures.withLiquidity(Double.NaN, "", problems);
  }

  /** The market's prices, with the portfolio's latest fills standing in for instruments not quoted yet. */
  private final class PricesWithFills implements PriceSource {
    @Override
    public double markPrice(String symbol) {
      double mark = market.markPrice(symbol);
      return Double.isNaN(mark) ? fillPrices.getOrDefault(symbol, Double.NaN) : mark;
    }

    @Override
    public double fxToReporting(String symbol) {
      return market.fxToReporting(symbol);
    }

    @Override
    public double currencyToReporting(String currency) {
      return market.currencyToReporting(currency);
    }
  }
}

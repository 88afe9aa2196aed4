package io.riskpulse.model.risk.measure;

import io.riskpulse.model.history.ReturnType;
import io.riskpulse.model.history.ScenarioSet;
import java.util.Arrays;
import java.util.Objects;

/**
 * The live historical-simulation risk state of one portfolio (or, by aggregation, of a desk or the firm): its
 * P&amp;L in every scenario of a {@link ScenarioSet}, kept current as executions and prices arrive so that VaR and
 * ES are a selection away. Mutable and NOT thread-safe: confine it to the entity or actor that owns the
 * portfolio.
 *
 * <p>State: {@code pnl[s] = sum_i q_i * pnlPerUnit(i, s, B_i)}, reporting currency, with {@code q_i} the quantity
 * held and {@code B_i} the base price at which instrument {@code i} is currently valued. Prices must already be
 * in the reporting currency and finite (validated at the edge).
 *
 * <p>Exact (up to floating-point rounding) under the model, each in O(scenarios) with no allocation:
 * <ul>
 *   <li>{@link #applyExecution}: adds {@code dq * pnlPerUnit(i, s, B_i)};
 *   <li>a re-base of instrument {@code i} to a new price {@code P}: P&amp;L per unit is linear in the price for a
 *       {@link ReturnType#RELATIVE} instrument ({@code P * r}), so adding {@code q_i * (P - B_i) * r} gives the
 *       same vector as a revaluation at {@code P}; an {@link ReturnType#ABSOLUTE} instrument's P&amp;L does not
 *       depend on the price at all.
 * </ul>
 *
 * <p>Approximated, by choice:
 * <ul>
 *   <li>{@link #markPrice} re-bases only when the price has moved by more than {@code rebaseTolerance} (relative)
 *       since the base, so a quote storm costs nothing; until then each relative instrument's contribution is off
 *       by at most that fraction of itself. Tolerance 0 re-bases on every change. {@link #rebaseAll} catches up.
 *   <li>Rounding accumulates over incremental updates (large positions opened and closed leave residues of the
 *       order of 1e-16 of the largest contribution each time), so after {@code rebuildInterval} incremental
 *       updates the vector is recomputed from quantities and base prices by {@link #rebuild} (O(instruments
 *       &times; scenarios), about 0.1-0.2 ms for 1,000 &times; 500; amortised over the interval).
 * </ul>
 *
 * <p>VaR and ES follow {@link HistoricalVar} (1-day, reporting currency, loss positive) and use the current
 * thread's {@link ScenarioScratch}: no allocation per read, and no working array kept per vector (a vector holds
 * its P&amp;L and three per-instrument arrays, nothing else sized by the scenarios).
 *
 * <p>Aggregation: VaR is not additive, so a desk's VaR is the VaR of the sum of its portfolios' vectors, never the
 * sum of their VaRs. {@link #add} and {@link #subtract} combine vectors over the same scenario set (and their
 * quantities), re-basing the other vector's contributions to this vector's base prices so the sum stays exact.
 * They build an aggregate (or move a portfolio between desks); a live desk vector then applies its portfolios'
 * executions itself, at the same O(scenarios) cost as theirs.
 */
public final class ScenarioPnlVector {

  /** Incremental updates between full rebuilds by default. */
  public static final int DEFAULT_REBUILD_INTERVAL = 100_000;

  private final ScenarioSet scenarios;
  private final int scenarioCount;
  private final double[] pnl;
  private final double[] quantities;
  private final double[] basePrices;
  private final double[] lastPrices;
  private final double rebaseTolerance;
  private final int rebuildInterval;
  private int updatesSinceRebuild;

  private ScenarioPnlVector(ScenarioSet scenarios, double[] prices, double rebaseTolerance, int rebuildInterval) {
    this.scenarios = scenarios;
    this.scenarioCount = scenarios.scenarioCount();
    this.pnl = new double[scenarioCount];
    this.quantities = new double[scenarios.instrumentCount()];
    this.basePrices = prices.clone();
    this.lastPrices = prices.clone();
    this.rebaseTolerance = rebaseTolerance;
    this.rebuildInterval = rebuildInterval;
  }

  /**
   * A flat portfolio that re-bases on every price change and rebuilds every
   * {@value #DEFAULT_REBUILD_INTERVAL} updates.
   *
   * @param prices current price of every instrument of {@code scenarios}, reporting currency, finite
   */
  public static ScenarioPnlVector flat(ScenarioSet scenarios, double[] prices) {
    return flat(scenarios, prices, 0, DEFAULT_REBUILD_INTERVAL);
  }

  /**
   * A flat portfolio.
   *
   * @param prices current price of every instrument of {@code scenarios}, reporting currency, finite
   * @param rebaseTolerance relative price move that triggers a re-base in {@link #markPrice}, &ge; 0
   * @param rebuildInterval incremental updates between full rebuilds, &ge; 1
   */
  public static ScenarioPnlVector flat(ScenarioSet scenarios, double[] prices, double rebaseTolerance,
      int rebuildInterval) {
    Objects.requireNonNull(scenarios, "scenarios");
    if (prices.length != scenarios.instrumentCount()) {
      throw new IllegalArgumentException(prices.length + " prices for " + scenarios.instrumentCount()
          + " instruments");
    }
    for (int i = 0; i < prices.length; i++) {
      checkPrice(i, prices[i]);
    }
    if (!(rebaseTolerance >= 0)) {
      throw new IllegalArgumentException("rebaseTolerance must be >= 0, was " + rebaseTolerance);
    }
    if (rebuildInterval < 1) {
      throw new IllegalArgumentException("rebuildInterval must be >= 1, was " + rebuildInterval);
    }
    return new ScenarioPnlVector(scenarios, prices, rebaseTolerance, rebuildInterval);
  }

  /** An empty vector with the same scenarios, prices and settings, e.g. the start of a desk aggregate. */
  public ScenarioPnlVector emptyCopy() {
    return new ScenarioPnlVector(scenarios, basePrices, rebaseTolerance, rebuildInterval);
  }

  /**
   * Applies an execution: {@code quantityDelta} units of an instrument (positive bought, negative sold), valued at
   * the instrument's base price. O(scenarios), no allocation.
   */
  public void applyExecution(int instrument, double quantityDelta) {
    quantities[instrument] += quantityDelta;
    scenarios.addPnl(instrument, quantityDelta, basePrices[instrument], pnl);
    countUpdate();
  }

  /**
   * Records a new price of an instrument (reporting currency, finite) and re-bases its contribution when it moved
   * by more than the tolerance. O(scenarios) when it re-bases, O(1) otherwise; no allocation.
   *
   * @return whether it re-based
   */
  public boolean markPrice(int instrument, double price) {
    checkPrice(instrument, price);
    lastPrices[instrument] = price;
    double base = basePrices[instrument];
    if (price == base) {
      return false;
    }
    if (Math.abs(price - base) <= rebaseTolerance * Math.abs(base)) {
      return false;
    }
    rebase(instrument, price);
    return true;
  }

  /** Re-bases every instrument whose last price differs from its base. O(changed &times; scenarios). */
  public void rebaseAll() {
    for (int i = 0; i < quantities.length; i++) {
      if (lastPrices[i] != basePrices[i]) {
        rebase(i, lastPrices[i]);
      }
    }
  }

  /** Recomputes the vector from quantities and base prices (drops accumulated rounding). O(instruments &times; n). */
  public void rebuild() {
    scenarios.portfolioPnl(quantities, basePrices, pnl);
    updatesSinceRebuild = 0;
  }

  /**
   * Adds another vector's P&amp;L and quantities to this one, e.g. a portfolio into its desk. Contributions the
   * other vector values at a different base price are re-based to this vector's (exact, see the class comment).
   * O(scenarios &times; (1 + instruments with different base prices)), no allocation.
   *
   * @throws IllegalArgumentException when the vectors do not share the same {@link ScenarioSet} instance
   */
  public void add(ScenarioPnlVector other) {
    combine(other, 1);
  }

  /**
   * Removes another vector's P&amp;L and quantities, e.g. a portfolio leaving a desk. Removes what the other vector
   * holds now: to take out exactly what was added earlier, the other vector must not have changed since.
   */
  public void subtract(ScenarioPnlVector other) {
    combine(other, -1);
  }

  private void combine(ScenarioPnlVector other, double sign) {
    if (other.scenarios != scenarios) {
      throw new IllegalArgumentException("vectors over different scenario sets cannot be combined");
    }
    double[] otherPnl = other.pnl;
    for (int s = 0; s < scenarioCount; s++) {
      pnl[s] += sign * otherPnl[s];
    }
    for (int i = 0; i < quantities.length; i++) {
      double q = other.quantities[i];
      if (q != 0) {
        quantities[i] += sign * q;
        double priceGap = basePrices[i] - other.basePrices[i];
        if (priceGap != 0 && scenarios.returnType(i) == ReturnType.RELATIVE) {
          scenarios.addExposurePnl(i, sign * q * priceGap, pnl);
        }
      }
    }
    countUpdate();
  }

  /**
   * What-if: the change of 1-day historical VaR if {@code quantityDelta} units of an instrument were traded now,
   * {@code VaR(after) - VaR(now)}, reporting currency. Leaves the vector unchanged; O(scenarios), no allocation.
   */
  public double incrementalVar(int instrument, double quantityDelta, Confidence confidence) {
    double before = valueAtRisk(confidence);
    double exposure = scenarios.exposure(instrument, quantityDelta, basePrices[instrument]);
    ScenarioScratch scratch = ScenarioScratch.current();
    double[] whatIf = scratch.vector(scenarioCount);
    System.arraycopy(pnl, 0, whatIf, 0, scenarioCount);
    scenarios.addExposurePnl(instrument, exposure, whatIf);
    return HistoricalVar.valueAtRisk(whatIf, scenarioCount, confidence, scratch.selection(scenarioCount)) - before;
  }

  /** 1-day historical VaR, reporting currency, loss positive. O(scenarios), no allocation. */
  public double valueAtRisk(Confidence confidence) {
    return HistoricalVar.valueAtRisk(pnl, scenarioCount, confidence,
        ScenarioScratch.current().selection(scenarioCount));
  }

  /** 1-day historical expected shortfall, reporting currency, loss positive. O(scenarios), no allocation. */
  public double expectedShortfall(Confidence confidence) {
    return HistoricalVar.expectedShortfall(pnl, scenarioCount, confidence,
        ScenarioScratch.current().selection(scenarioCount));
  }

  public ScenarioSet scenarios() {
    return scenarios;
  }

  public int scenarioCount() {
    return scenarioCount;
  }

  /** P&amp;L in one scenario, reporting currency. */
  public double pnl(int scenario) {
    return pnl[scenario];
  }

  /** A copy of the P&amp;L vector. */
  public double[] pnl() {
    return pnl.clone();
  }

  public double quantity(int instrument) {
    return quantities[instrument];
  }

  /** A copy of the quantities, by instrument index. */
  public double[] quantities() {
    return quantities.clone();
  }

  /** Price the instrument's contribution is valued at. */
  public double basePrice(int instrument) {
    return basePrices[instrument];
  }

  /** A copy of the base prices, by instrument index. */
  public double[] basePrices() {
    return basePrices.clone();
  }

  /** Incremental updates since the last full rebuild. */
  public int updatesSinceRebuild() {
    return updatesSinceRebuild;
  }

  private void rebase(int instrument, double price) {
    double q = quantities[instrument];
    if (q != 0 && scenarios.returnType(instrument) == ReturnType.RELATIVE) {
      scenarios.addExposurePnl(instrument, q * (price - basePrices[instrument]), pnl);
      basePrices[instrument] = price;
      countUpdate();
    } else {
      basePrices[instrument] = price;
    }
  }

  private void countUpdate() {
    if (++updatesSinceRebuild >= rebuildInterval) {
      rebuild();
    }
  }

  private static void checkPrice(int instrument, double price) {
    if (!Double.isFinite(price)) {
      throw new IllegalArgumentException("price of instrument " + instrument + " is not finite: " + price);
    }
  }

  @Override
  public String toString() {
    return "ScenarioPnlVector[" + scenarios + ", " + updatesSinceRebuild + " updates since rebuild]";
  }
}

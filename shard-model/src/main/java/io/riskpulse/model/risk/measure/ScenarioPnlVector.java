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
 * its P&amp;L, nothing else sized by the scenarios).
 *
 * <p>Per-instrument state (quantity, base price, and the last price when re-bases can be deferred) is kept only
 * for the instruments a vector has been priced or traded in, in slots found through a small open-addressing table:
 * its memory follows what a portfolio holds, not the size of the scenario set's universe (a node's instrument
 * registry can hold thousands). A
 * {@link #sparse} vector has no price for an instrument until {@link #markPrice} gives one; a {@link #flat} one
 * starts every instrument at the price it was given (kept as one array: use it for a few wide aggregates).
 * Slots are added as instruments appear and never removed; adding one may allocate (the table grows by
 * doubling), updating one never does.
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

  /** Slots a new vector has room for before its arrays grow. */
  private static final int INITIAL_SLOTS = 4;

  private final ScenarioSet scenarios;
  private final int scenarioCount;
  private final double[] pnl;
  /** Price of every instrument before it has a slot (a {@link #flat} vector), or {@code null} (sparse: none). */
  private final double[] startPrices;
  private final double rebaseTolerance;
  private final int rebuildInterval;
  private int updatesSinceRebuild;
  /** Slots in use; slot k describes instrument {@code instrumentAt[k]}. */
  private int slotCount;
  private int[] instrumentAt = new int[INITIAL_SLOTS];
  private double[] quantities = new double[INITIAL_SLOTS];
  private double[] basePrices = new double[INITIAL_SLOTS];
  /** Latest price per slot, for re-bases deferred within the tolerance; {@code null} at tolerance 0 (none are). */
  private double[] lastPrices;
  /** Open addressing, linear probing: slot + 1 per entry, 0 when empty; length a power of two, at most half full. */
  private int[] table = new int[INITIAL_SLOTS * 2];

  private ScenarioPnlVector(ScenarioSet scenarios, double[] startPrices, double rebaseTolerance,
      int rebuildInterval) {
    this.scenarios = scenarios;
    this.scenarioCount = scenarios.scenarioCount();
    this.pnl = new double[scenarioCount];
    this.startPrices = startPrices;
    this.rebaseTolerance = rebaseTolerance;
    this.rebuildInterval = rebuildInterval;
    this.lastPrices = rebaseTolerance == 0 ? null : new double[INITIAL_SLOTS];
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
    checkSettings(rebaseTolerance, rebuildInterval);
    return new ScenarioPnlVector(scenarios, prices.clone(), rebaseTolerance, rebuildInterval);
  }

  /**
   * A flat portfolio that knows no price yet: memory in proportion to the instruments it is priced or traded in.
   * An instrument must be given a price ({@link #markPrice}) before it is traded ({@link #applyExecution}).
   *
   * @param rebaseTolerance relative price move that triggers a re-base in {@link #markPrice}, &ge; 0
   * @param rebuildInterval incremental updates between full rebuilds, &ge; 1
   */
  public static ScenarioPnlVector sparse(ScenarioSet scenarios, double rebaseTolerance, int rebuildInterval) {
    Objects.requireNonNull(scenarios, "scenarios");
    checkSettings(rebaseTolerance, rebuildInterval);
    return new ScenarioPnlVector(scenarios, null, rebaseTolerance, rebuildInterval);
  }

  private static void checkSettings(double rebaseTolerance, int rebuildInterval) {
    if (!(rebaseTolerance >= 0)) {
      throw new IllegalArgumentException("rebaseTolerance must be >= 0, was " + rebaseTolerance);
    }
    if (rebuildInterval < 1) {
      throw new IllegalArgumentException("rebuildInterval must be >= 1, was " + rebuildInterval);
    }
  }

  /**
   * An empty vector with the same scenarios, prices and settings, e.g. the start of a desk aggregate: every
   * instrument this vector has a base price for starts there.
   */
  public ScenarioPnlVector emptyCopy() {
    ScenarioPnlVector copy = new ScenarioPnlVector(scenarios, startPrices, rebaseTolerance, rebuildInterval);
    for (int k = 0; k < slotCount; k++) {
      copy.slotFor(instrumentAt[k], basePrices[k]);
    }
    return copy;
  }

  /**
   * Applies an execution: {@code quantityDelta} units of an instrument (positive bought, negative sold), valued at
   * the instrument's base price. O(scenarios), no allocation.
   */
  public void applyExecution(int instrument, double quantityDelta) {
    int slot = slotOf(instrument);
    if (slot < 0) {
      if (startPrices == null) {
        throw new IllegalStateException("instrument " + instrument + " has no price yet: mark it before trading it");
      }
      slot = slotFor(instrument, startPrices[instrument]);
    }
    quantities[slot] += quantityDelta;
    scenarios.addPnl(instrument, quantityDelta, basePrices[slot], pnl);
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
    int slot = slotOf(instrument);
    if (slot < 0) {
      if (startPrices == null) {
        slotFor(instrument, price); // the first price: the base, nothing held to re-base
        return false;
      }
      slot = slotFor(instrument, startPrices[instrument]);
    }
    if (lastPrices != null) {
      lastPrices[slot] = price;
    }
    double base = basePrices[slot];
    if (price == base) {
      return false;
    }
    if (Math.abs(price - base) <= rebaseTolerance * Math.abs(base)) {
      return false;
    }
    rebase(slot, price);
    return true;
  }

  /** Re-bases every instrument whose last price differs from its base. O(changed &times; scenarios). */
  public void rebaseAll() {
    if (lastPrices == null) {
      return; // tolerance 0: every move re-based at once, nothing deferred
    }
    for (int k = 0; k < slotCount; k++) {
      if (lastPrices[k] != basePrices[k]) {
        rebase(k, lastPrices[k]);
      }
    }
  }

  /**
   * Recomputes the vector from quantities and base prices (drops accumulated rounding).
   * O(instruments held &times; scenarios).
   */
  public void rebuild() {
    Arrays.fill(pnl, 0.0);
    for (int k = 0; k < slotCount; k++) {
      if (quantities[k] != 0) {
        scenarios.addPnl(instrumentAt[k], quantities[k], basePrices[k], pnl);
      }
    }
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
    for (int k = 0; k < other.slotCount; k++) {
      double q = other.quantities[k];
      if (q != 0) {
        int i = other.instrumentAt[k];
        int slot = slotOf(i);
        if (slot < 0) {
          slot = slotFor(i, startPrices == null ? other.basePrices[k] : startPrices[i]);
        }
        quantities[slot] += sign * q;
        double priceGap = basePrices[slot] - other.basePrices[k];
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
    double exposure = scenarios.exposure(instrument, quantityDelta, basePrice(instrument));
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

  /** Units held of an instrument; 0 for one never traded. */
  public double quantity(int instrument) {
    int slot = slotOf(instrument);
    return slot < 0 ? 0 : quantities[slot];
  }

  /** The quantities, by instrument index (a new array the size of the scenario set's universe). */
  public double[] quantities() {
    double[] all = new double[scenarios.instrumentCount()];
    for (int k = 0; k < slotCount; k++) {
      all[instrumentAt[k]] = quantities[k];
    }
    return all;
  }

  /** Price the instrument's contribution is valued at; NaN for an instrument a sparse vector has no price for. */
  public double basePrice(int instrument) {
    int slot = slotOf(instrument);
    if (slot >= 0) {
      return basePrices[slot];
    }
    return startPrices == null ? Double.NaN : startPrices[instrument];
  }

  /** The base prices, by instrument index (a new array; NaN where a sparse vector has no price). */
  public double[] basePrices() {
    double[] all = new double[scenarios.instrumentCount()];
    for (int i = 0; i < all.length; i++) {
      all[i] = startPrices == null ? Double.NaN : startPrices[i];
    }
    for (int k = 0; k < slotCount; k++) {
      all[instrumentAt[k]] = basePrices[k];
    }
    return all;
  }

  /** Instruments this vector keeps a slot for (priced or traded so far): what its memory grows with. */
  public int instrumentsTracked() {
    return slotCount;
  }

  /** Incremental updates since the last full rebuild. */
  public int updatesSinceRebuild() {
    return updatesSinceRebuild;
  }

  private void rebase(int slot, double price) {
    double q = quantities[slot];
    int instrument = instrumentAt[slot];
    if (q != 0 && scenarios.returnType(instrument) == ReturnType.RELATIVE) {
      scenarios.addExposurePnl(instrument, q * (price - basePrices[slot]), pnl);
      basePrices[slot] = price;
      countUpdate();
    } else {
      basePrices[slot] = price;
    }
  }

  /** The slot of {@code instrument}, or -1 when it has none. No allocation. */
  private int slotOf(int instrument) {
    if (instrument < 0 || instrument >= scenarios.instrumentCount()) {
      throw new IndexOutOfBoundsException("instrument " + instrument + " of " + scenarios.instrumentCount());
    }
    int mask = table.length - 1;
    for (int h = mix(instrument) & mask; ; h = (h + 1) & mask) {
      int entry = table[h];
      if (entry == 0) {
        return -1;
      }
      if (instrumentAt[entry - 1] == instrument) {
        return entry - 1;
      }
    }
  }

  /** A new slot for {@code instrument} (which has none) at base and last price {@code price}, quantity 0. */
  private int slotFor(int instrument, double price) {
    if (slotCount == instrumentAt.length) {
      int grown = slotCount * 2;
      instrumentAt = Arrays.copyOf(instrumentAt, grown);
      quantities = Arrays.copyOf(quantities, grown);
      basePrices = Arrays.copyOf(basePrices, grown);
      lastPrices = lastPrices == null ? null : Arrays.copyOf(lastPrices, grown);
      table = new int[grown * 2];
      for (int k = 0; k < slotCount; k++) {
        insert(instrumentAt[k], k);
      }
    }
    int slot = slotCount++;
    instrumentAt[slot] = instrument;
    basePrices[slot] = price;
    if (lastPrices != null) {
      lastPrices[slot] = price;
    }
    insert(instrument, slot);
    return slot;
  }

  private void insert(int instrument, int slot) {
    int mask = table.length - 1;
    int h = mix(instrument) & mask;
    while (table[h] != 0) {
      h = (h + 1) & mask;
    }
    table[h] = slot + 1;
  }

  /** Spreads consecutive instrument indices over the table (Fibonacci hashing, high bits folded down). */
  private static int mix(int instrument) {
    int h = instrument * 0x9E3779B9;
    return h ^ (h >>> 16);
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

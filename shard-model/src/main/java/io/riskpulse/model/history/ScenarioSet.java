package io.riskpulse.model.history;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Historical scenarios: the daily moves of each instrument over the last {@code W} days of a {@link PriceHistory}
 * ending on an as-of date, each day being one scenario for tomorrow. Immutable and thread-safe.
 *
 * <p>Shocks are stored instrument-major ({@code shocks[instrument][scenario]}, one contiguous array per
 * instrument, oldest scenario first) because every kernel loops over scenarios for one instrument at a time
 * ({@code pnl[s] += a * shock[s]}), which the JIT vectorises.
 *
 * <p>A scenario's P&amp;L per unit of instrument {@code i} at current price {@code P} is {@code P * r} for a
 * {@link ReturnType#RELATIVE} instrument and {@code dP} for an {@link ReturnType#ABSOLUTE} one (see
 * {@link #pnlPerUnit}). The result is in the instrument's price currency; callers that report in another
 * currency pass prices already converted (price &times; FX rate), which keeps FX moves out of the scenarios: FX
 * is not a risk factor here.
 */
public final class ScenarioSet {

  /** Default window: 500 daily scenarios, about two years. */
  public static final int DEFAULT_WINDOW_DAYS = 500;

  private final List<String> symbols;
  private final Map<String, Integer> indexBySymbol;
  private final LocalDate[] scenarioDates;
  private final ReturnType[] returnTypes;
  private final double[][] shocks;

  private ScenarioSet(List<String> symbols, LocalDate[] scenarioDates, ReturnType[] returnTypes, double[][] shocks) {
    this.symbols = List.copyOf(symbols);
    this.indexBySymbol = new HashMap<>();
    for (int i = 0; i < this.symbols.size(); i++) {
      if (indexBySymbol.put(this.symbols.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate symbol " + this.symbols.get(i));
      }
    }
    this.scenarioDates = scenarioDates;
    this.returnTypes = returnTypes;
    this.shocks = shocks;
  }

  /** The last {@value #DEFAULT_WINDOW_DAYS} days ending on or before {@code asOf}. */
  public static ScenarioSet of(PriceHistory history, LocalDate asOf) {
    return of(history, asOf, DEFAULT_WINDOW_DAYS);
  }

  /**
   * The last {@code windowDays} moves of every instrument of {@code history} ending on the last aligned day on or
   * before {@code asOf}; each instrument's {@link ReturnType} is the one {@link PriceHistory#returnType} picks for
   * this window.
   *
   * @throws IllegalArgumentException when the history holds fewer than {@code windowDays + 1} closes up to
   *     {@code asOf} (a shorter window would change the meaning of the confidence level silently)
   */
  public static ScenarioSet of(PriceHistory history, LocalDate asOf, int windowDays) {
    if (windowDays < 1) {
      throw new IllegalArgumentException("windowDays must be >= 1, was " + windowDays);
    }
    int lastDay = history.dayOnOrBefore(asOf);
    int firstDay = lastDay - windowDays + 1;
    if (firstDay < 1) {
      throw new IllegalArgumentException("need " + (windowDays + 1) + " aligned closes up to " + asOf + " but "
          + history + " has " + (lastDay + 1));
    }
    int count = history.instrumentCount();
    ReturnType[] types = new ReturnType[count];
    double[][] shocks = new double[count][windowDays];
    for (int i = 0; i < count; i++) {
      types[i] = history.returnType(i, firstDay, lastDay);
      history.moves(i, firstDay, lastDay, types[i], shocks[i], 0);
    }
    LocalDate[] dates = new LocalDate[windowDays];
    for (int s = 0; s < windowDays; s++) {
      dates[s] = history.date(firstDay + s);
    }
    return new ScenarioSet(history.symbols(), dates, types, shocks);
  }

  /**
   * Scenarios from explicit shocks (copied), e.g. for tests and benchmarks.
   *
   * @param shocks {@code shocks[instrument][scenario]}, finite, every row as long as {@code scenarioDates}
   */
  public static ScenarioSet of(List<String> symbols, List<LocalDate> scenarioDates, List<ReturnType> returnTypes,
      double[][] shocks) {
    int count = symbols.size();
    if (returnTypes.size() != count || shocks.length != count) {
      throw new IllegalArgumentException(count + " symbols but " + returnTypes.size() + " return types and "
          + shocks.length + " shock rows");
    }
    double[][] copy = new double[count][];
    for (int i = 0; i < count; i++) {
      if (shocks[i].length != scenarioDates.size()) {
        throw new IllegalArgumentException(symbols.get(i) + ": " + shocks[i].length + " shocks but "
            + scenarioDates.size() + " scenario dates");
      }
      for (double shock : shocks[i]) {
        if (!Double.isFinite(shock)) {
          throw new IllegalArgumentException(symbols.get(i) + ": shock is not finite: " + shock);
        }
      }
      copy[i] = shocks[i].clone();
    }
    return new ScenarioSet(symbols, scenarioDates.toArray(new LocalDate[0]),
        returnTypes.toArray(new ReturnType[0]), copy);
  }

  public List<String> symbols() {
    return symbols;
  }

  public int instrumentCount() {
    return symbols.size();
  }

  /**
   * Index of an instrument.
   *
   * @throws IllegalArgumentException when the set does not hold it
   */
  public int indexOf(String symbol) {
    Integer index = indexBySymbol.get(symbol);
    if (index == null) {
      throw new IllegalArgumentException("no scenarios for " + symbol);
    }
    return index;
  }

  public int scenarioCount() {
    return scenarioDates.length;
  }

  /** The date whose move scenario {@code s} replays (oldest first). */
  public LocalDate scenarioDate(int scenario) {
    return scenarioDates[scenario];
  }

  /** The last scenario date: the as-of date actually used (the last aligned day on or before the one asked). */
  public LocalDate asOf() {
    return scenarioDates[scenarioDates.length - 1];
  }

  public ReturnType returnType(int instrument) {
    return returnTypes[instrument];
  }

  /** Shock of an instrument in a scenario: a fraction for RELATIVE, price currency per unit for ABSOLUTE. */
  public double shock(int instrument, int scenario) {
    return shocks[instrument][scenario];
  }

  /** A copy of one instrument's shocks, oldest scenario first. */
  public double[] shocks(int instrument) {
    return shocks[instrument].clone();
  }

  /**
   * P&amp;L of one unit of an instrument in a scenario at current price {@code price}: {@code price * r} or
   * {@code dP}, price currency (or reporting currency if {@code price} is).
   */
  public double pnlPerUnit(int instrument, int scenario, double price) {
    return returnTypes[instrument].pnlPerUnitOfShock(price) * shocks[instrument][scenario];
  }

  /**
   * Sensitivity of a position to its risk factor: P&amp;L per unit of shock, {@code quantity * price} (notional)
   * for RELATIVE, {@code quantity} for ABSOLUTE. This is the weight {@code w_i} of delta-normal measures, so that
   * a scenario's P&amp;L is {@code sum_i w_i * shock(i, s)}.
   */
  public double exposure(int instrument, double quantity, double price) {
    return quantity * returnTypes[instrument].pnlPerUnitOfShock(price);
  }

  /**
   * Adds {@code quantity} units of an instrument at {@code price} to a P&amp;L vector:
   * {@code pnl[s] += quantity * pnlPerUnit(instrument, s, price)} for every scenario. O(scenarios), no allocation;
   * the hot kernel of historical simulation.
   *
   * @param pnl at least {@link #scenarioCount()} long
   */
  public void addPnl(int instrument, double quantity, double price, double[] pnl) {
    addExposurePnl(instrument, exposure(instrument, quantity, price), pnl);
  }

  /**
   * Adds the P&amp;L of an exposure ({@link #exposure}: P&amp;L per unit of shock) to a P&amp;L vector:
   * {@code pnl[s] += exposure * shock(instrument, s)}. O(scenarios), no allocation.
   *
   * @param pnl at least {@link #scenarioCount()} long
   */
  public void addExposurePnl(int instrument, double exposure, double[] pnl) {
    double[] shock = shocks[instrument];
    int n = shock.length;
    Objects.checkFromIndexSize(0, n, pnl.length);
    for (int s = 0; s < n; s++) {
      pnl[s] += exposure * shock[s];
    }
  }

  /**
   * Full revaluation: the P&amp;L vector of a portfolio over every scenario, written into {@code pnl} (overwritten).
   * O(instruments &times; scenarios), no allocation. Instruments with quantity 0 are skipped (their price may be
   * NaN).
   *
   * @param quantities units held per instrument index
   * @param prices current price per instrument index
   */
  public void portfolioPnl(double[] quantities, double[] prices, double[] pnl) {
    checkInstruments(quantities.length);
    checkInstruments(prices.length);
    Arrays.fill(pnl, 0, scenarioCount(), 0.0);
    for (int i = 0; i < quantities.length; i++) {
      if (quantities[i] != 0) {
        addPnl(i, quantities[i], prices[i], pnl);
      }
    }
  }

  private void checkInstruments(int length) {
    if (length != symbols.size()) {
      throw new IllegalArgumentException("expected " + symbols.size() + " instruments, got " + length);
    }
  }

  /**
   * Shocks as a matrix {@code [instrument][scenario]} (a copy), e.g. the input of {@link EwmaCovariance}.
   */
  public double[][] shockMatrix() {
    double[][] copy = new double[shocks.length][];
    for (int i = 0; i < shocks.length; i++) {
      copy[i] = shocks[i].clone();
    }
    return copy;
  }

  @Override
  public String toString() {
    return "ScenarioSet[" + symbols.size() + " instruments, " + scenarioDates.length + " scenarios "
        + scenarioDates[0] + ".." + asOf() + "]";
  }
}

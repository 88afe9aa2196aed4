package io.riskpulse.model.risk.stress;

import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.risk.PriceSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Revalues portfolios under stress scenarios, and finds the days of history that would have hurt a portfolio
 * most. Thread-safe if its {@link PriceSource} is ({@link io.riskpulse.model.risk.ReportingPrices} is); holds
 * no mutable state.
 *
 * <p>Each open position is valued now as {@code q × p × fx} with the mark price and FX rate of the
 * {@link PriceSource} (the same ones {@link io.riskpulse.model.risk.PortfolioValuer} uses), then under the
 * scenario as {@code q × shock(p) × fx × fxFactor}, where the price shock is chosen by
 * {@link StressScenario#priceShock} and the FX factor by {@link StressScenario#fxFactor}. An FX pair
 * (asset class FX, six-letter symbol BASEQUOTE priced in QUOTE, e.g. EURUSD) also moves its price by
 * {@code (1 + move_BASE) / (1 + move_QUOTE)}, so "USD +10%" hits a long EURUSD position.
 *
 * <p>Fails closed: a position without a price, an FX rate, reference data or (historical) a move has NaN
 * P&amp;L and makes the scenario P&amp;L NaN (see {@link ScenarioPnl}).
 */
public final class StressTester {

  private final PriceSource prices;
  private final InstrumentRegistry instruments;
  private final String reportingCurrency;

  /**
   * @param prices current mark prices and FX rates into {@code reportingCurrency}
   * @param instruments reference data: asset class and price currency of each symbol
   * @param reportingCurrency ISO currency of every value and P&amp;L
   */
  public StressTester(PriceSource prices, InstrumentRegistry instruments, String reportingCurrency) {
    this.prices = prices;
    this.instruments = instruments;
    this.reportingCurrency = reportingCurrency;
  }

  /** Runs one scenario on positions (symbol → signed quantity) of an unnamed portfolio. */
  public ScenarioPnl run(StressScenario scenario, Map<String, Double> positions) {
    return run("", scenario, positions);
  }

  /**
   * Runs one scenario on one portfolio.
   *
   * @param portfolioId carried into the result
   * @param positions signed quantity per symbol, instrument units; zero quantities are ignored
   */
  public ScenarioPnl run(String portfolioId, StressScenario scenario, Map<String, Double> positions) {
    List<PositionStress> stressed = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    double partial = 0;
    double base = 0;
    for (Map.Entry<String, Double> position : new TreeMap<>(positions).entrySet()) {
      double quantity = position.getValue();
      if (quantity == 0) {
        continue;
      }
      PositionStress result = stress(scenario, position.getKey(), quantity);
      stressed.add(result);
      if (result.stressed()) {
        partial += result.pnl();
        base += result.value();
      } else {
        problems.add(result.symbol() + ": " + result.problem());
      }
    }
    double pnl = problems.isEmpty() ? partial : Double.NaN;
    return new ScenarioPnl(portfolioId, scenario.name(), scenario.kind(), pnl, partial, base, stressed, problems);
  }

  /**
   * The stress P&amp;L of {@code positions} under each scenario of {@code table}, in its order: the
   * {@link ScenarioPnl#pnl()} {@link #run(String, List, Map)} gives, by the same arithmetic in the same order (so
   * the same doubles), without its per-position records. {@code null} when some position cannot be stressed (no
   * reference data, price, FX rate or shock): {@link #run} then says why. Allocates one array; O(positions ×
   * scenarios) multiplications.
   *
   * @param table the scenarios' factors, for this tester's instruments and reporting currency
   * @param positions signed quantity per symbol, instrument units; zero quantities are ignored
   */
  public double[] pnls(ShockTable table, Map<String, Double> positions) {
    int n = table.scenarios().size();
    double[] pnl = new double[n];
    Map<String, Double> sorted = positions instanceof java.util.SortedMap<String, Double> map
        && map.comparator() == null ? positions : new TreeMap<>(positions);
    for (Map.Entry<String, Double> position : sorted.entrySet()) {
      double quantity = position.getValue();
      if (quantity == 0) {
        continue;
      }
      String symbol = position.getKey();
      ShockTable.Row row = table.row(symbol);
      double price = prices.markPrice(symbol);
      double fxRate = prices.fxToReporting(symbol);
      if (row == null || !Double.isFinite(price) || !Double.isFinite(fxRate)) {
        return null;
      }
      double value = quantity * price * fxRate;
      for (int s = 0; s < n; s++) {
        double shockedPrice = row.shocks()[s].apply(price) * row.pairFactors()[s];
        double shockedFxRate = fxRate * row.fxFactors()[s];
        double shockedValue = quantity * shockedPrice * shockedFxRate;
        pnl[s] += shockedValue - value;
      }
    }
    return pnl;
  }

  /** Runs every scenario on one portfolio, in the scenarios' order. */
  public List<ScenarioPnl> run(String portfolioId, List<StressScenario> scenarios, Map<String, Double> positions) {
    List<ScenarioPnl> results = new ArrayList<>(scenarios.size());
    for (StressScenario scenario : scenarios) {
      results.add(run(portfolioId, scenario, positions));
    }
    return List.copyOf(results);
  }

  /**
   * Runs every scenario on every portfolio.
   *
   * @param positionsByPortfolio positions (symbol → quantity) per portfolio id
   * @return per portfolio id (in the map's iteration order), one result per scenario
   */
  public Map<String, List<ScenarioPnl>> runAll(
      List<StressScenario> scenarios, Map<String, Map<String, Double>> positionsByPortfolio) {
    Map<String, List<ScenarioPnl>> results = new LinkedHashMap<>();
    positionsByPortfolio.forEach((id, positions) -> results.put(id, run(id, scenarios, positions)));
    return results;
  }

  /**
   * The {@code count} days in [{@code from}, {@code to}] whose one-day moves would lose most on today's
   * positions at today's prices and FX rates. A day's move runs from the previous date on which every held
   * symbol has a close to the day's close, relative or absolute as in {@link Shock#between}; dates on which
   * some held symbol has no close (another symbol's holiday in union-aligned data, a gap) are skipped and
   * counted, and the next move spans them. Each day gives the same P&amp;L as {@link #run(StressScenario, Map)}
   * on {@code StressScenario.historical(.., previousDate, date)}, so a day found here can be turned into a
   * scenario directly.
   *
   * @param positions signed quantity per symbol
   * @param dates trading dates, strictly ascending
   * @param closes closes per symbol aligned with {@code dates}, NaN where missing
   * @param count how many days to return, &gt; 0
   * @throws IllegalArgumentException when a held symbol has no history, current price or FX rate: no day
   *     could then be judged
   */
  public WorstDays worstDays(Map<String, Double> positions, LocalDate[] dates, Map<String, double[]> closes,
      LocalDate from, LocalDate to, int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("count must be > 0, was " + count);
    }
    AlignedCloses.checkAligned(dates, closes);
    List<String> symbols = new ArrayList<>();
    List<double[]> series = new ArrayList<>();
    List<Double> quantities = new ArrayList<>();
    List<Double> marks = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (Map.Entry<String, Double> position : new TreeMap<>(positions).entrySet()) {
      String symbol = position.getKey();
      if (position.getValue() == 0) {
        continue;
      }
      double[] history = closes.get(symbol);
      double mark = prices.markPrice(symbol);
      double rate = prices.fxToReporting(symbol);
      if (history == null) {
        throw new IllegalArgumentException("no price history for held symbol " + symbol);
      }
      if (!Double.isFinite(mark) || !Double.isFinite(rate)) {
        throw new IllegalArgumentException("no current price or FX rate for held symbol " + symbol);
      }
      symbols.add(symbol);
      series.add(history);
      quantities.add(position.getValue());
      marks.add(mark);
      rates.add(rate);
    }
    List<WorstDay> days = new ArrayList<>();
    int skipped = 0;
    int previous = -1;
    for (int i = 0; i < dates.length; i++) {
      boolean inRange = !dates[i].isBefore(from) && !dates[i].isAfter(to);
      boolean complete = true;
      for (int s = 0; s < symbols.size() && complete; s++) {
        complete = Double.isFinite(series.get(s)[i]);
      }
      if (!complete) {
        skipped += inRange ? 1 : 0;
        continue;
      }
      if (inRange && previous >= 0) {
        double pnl = 0;
        for (int s = 0; s < symbols.size(); s++) {
          double mark = marks.get(s);
          Shock move = Shock.between(series.get(s)[previous], series.get(s)[i]);
          pnl += quantities.get(s) * (move.apply(mark) - mark) * rates.get(s);
        }
        days.add(new WorstDay(dates[i], dates[previous], pnl));
      }
      previous = i;
    }
    int evaluated = days.size();
    days.sort(Comparator.comparingDouble(WorstDay::pnl).thenComparing(WorstDay::date));
    return new WorstDays(days.subList(0, Math.min(count, days.size())), evaluated, skipped);
  }

  private PositionStress stress(StressScenario scenario, String symbol, double quantity) {
    double price = prices.markPrice(symbol);
    double fxRate = prices.fxToReporting(symbol);
    Optional<Instrument> instrument = instruments.find(symbol);
    if (instrument.isEmpty()) {
      return failed(symbol, quantity, price, fxRate, "", "no reference data for " + symbol);
    }
    if (!Double.isFinite(price)) {
      return failed(symbol, quantity, price, fxRate, "", "no current price");
    }
    if (!Double.isFinite(fxRate)) {
      return failed(symbol, quantity, price, fxRate, "",
          "no FX rate from " + instrument.get().currency() + " to " + reportingCurrency);
    }
    Optional<StressScenario.SelectedShock> selected = scenario.priceShock(instrument.get());
    if (selected.isEmpty()) {
      return failed(symbol, quantity, price, fxRate, "", scenario.unavailableReason(symbol));
    }
    double shockedPrice = selected.get().shock().apply(price) * pairFactor(scenario, instrument.get());
    double shockedFxRate = fxRate * scenario.fxFactor(instrument.get().currency(), reportingCurrency);
    double value = quantity * price * fxRate;
    double shockedValue = quantity * shockedPrice * shockedFxRate;
    return new PositionStress(symbol, quantity, price, shockedPrice, fxRate, shockedFxRate, value, shockedValue,
        shockedValue - value, selected.get().selector(), "");
  }

  /** For an FX pair BASEQUOTE priced in QUOTE, the move of its price implied by the scenario's FX moves. */
  static double pairFactor(StressScenario scenario, Instrument instrument) {
    String symbol = instrument.symbol();
    if (instrument.assetClass() != AssetClass.FX || symbol.length() != 6
        || !symbol.endsWith(instrument.currency())) {
      return 1;
    }
    return scenario.fxFactor(symbol.substring(0, 3), instrument.currency());
  }

  private static PositionStress failed(
      String symbol, double quantity, double price, double fxRate, String selector, String problem) {
    return new PositionStress(symbol, quantity, price, Double.NaN, fxRate, Double.NaN, quantity * price * fxRate,
        Double.NaN, Double.NaN, selector, problem);
  }
}

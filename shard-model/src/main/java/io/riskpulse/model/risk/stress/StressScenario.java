package io.riskpulse.model.risk.stress;

import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A named set of market shocks to revalue portfolios under. Immutable and thread-safe.
 *
 * <p><b>Historical</b> scenarios replay the move of each symbol's close over a past window, from the close
 * of the last day on or before {@code windowStart} to the close of the last day on or before
 * {@code windowEnd} (see {@link #historical}). A symbol without a close at either end is listed in
 * {@link #unavailable()}; a position in it cannot be stressed and makes the scenario's result incomplete
 * (fail closed), it is never given a zero move.
 *
 * <p><b>Hypothetical</b> scenarios state price shocks by selector, and the most specific one wins:
 * <ol>
 *   <li>the instrument's symbol ({@code priceShocksBySymbol}),</li>
 *   <li>else its asset class ({@code priceShocksByAssetClass}),</li>
 *   <li>else its price currency ({@code priceShocksByCurrency}),</li>
 *   <li>else no price move.</li>
 * </ol>
 * Shocks never add up across selectors: an equity priced in JPY under "equities −20%" and "JPY assets −10%"
 * moves −20%. Unmatched instruments legitimately do not move (an equity scenario leaves bonds alone).
 *
 * <p><b>FX moves</b> ({@code fxMoves}, any kind) are changes in the value of a currency against every other:
 * USD +10% means one dollar buys 10% more of everything. The rate converting currency C into the reporting
 * currency R then becomes {@code rate × (1 + move_C) / (1 + move_R)}, a missing move being 0. With a USD
 * reporting currency, "USD +10%" cuts the value of every non-USD position by 1 − 1/1.1 = 9.09%. FX moves
 * compound with the price shock of the instrument.
 *
 * @param name unique name, e.g. {@code covid-2020-03}
 * @param description one line for reports
 * @param kind historical or hypothetical
 * @param windowStart historical: base date of the window; hypothetical: null
 * @param windowEnd historical: end date of the window; hypothetical: null
 * @param priceShocksBySymbol shock per instrument symbol
 * @param priceShocksByAssetClass shock per asset class (hypothetical only)
 * @param priceShocksByCurrency shock per ISO price currency (hypothetical only)
 * @param fxMoves relative change of each currency's value, fraction &gt; −1
 * @param unavailable historical: symbols with no move over the window, each with the reason
 */
public record StressScenario(
    String name,
    String description,
    Kind kind,
    LocalDate windowStart,
    LocalDate windowEnd,
    Map<String, Shock> priceShocksBySymbol,
    Map<AssetClass, Shock> priceShocksByAssetClass,
    Map<String, Shock> priceShocksByCurrency,
    Map<String, Double> fxMoves,
    Map<String, String> unavailable) {

  /** Where a scenario's shocks come from. */
  public enum Kind {
    /** Moves observed in the past over a date window. */
    HISTORICAL,
    /** Moves stated by hand. */
    HYPOTHETICAL
  }

  /**
   * The price shock chosen for an instrument and the selector that chose it.
   *
   * @param shock the shock
   * @param selector {@code "symbol SPY"}, {@code "asset class EQUITY"}, {@code "currency JPY"},
   *     {@code "historical 2020-03-06..2020-03-23"} or {@code "none"}
   */
  public record SelectedShock(Shock shock, String selector) {}

  public StressScenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.isBlank()) {
      throw new IllegalArgumentException("scenario name must not be blank");
    }
    description = description == null ? "" : description;
    if (kind == Kind.HISTORICAL) {
      if (windowStart == null || windowEnd == null || !windowStart.isBefore(windowEnd)) {
        throw new IllegalArgumentException("historical scenario '" + name
            + "' needs a window start strictly before its end, was " + windowStart + ".." + windowEnd);
      }
      if (!priceShocksByAssetClass.isEmpty() || !priceShocksByCurrency.isEmpty()) {
        throw new IllegalArgumentException(
            "historical scenario '" + name + "' shocks symbols only, not asset classes or currencies");
      }
    }
    for (Map.Entry<String, Double> move : fxMoves.entrySet()) {
      Double value = move.getValue();
      if (value == null || !(value > -1) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("scenario '" + name + "': FX move of " + move.getKey()
            + " must be a finite fraction > -1, was " + value);
      }
    }
    priceShocksBySymbol = Collections.unmodifiableMap(new TreeMap<>(priceShocksBySymbol));
    priceShocksByAssetClass = priceShocksByAssetClass.isEmpty()
        ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(priceShocksByAssetClass));
    priceShocksByCurrency = Collections.unmodifiableMap(new TreeMap<>(priceShocksByCurrency));
    fxMoves = Collections.unmodifiableMap(new TreeMap<>(fxMoves));
    unavailable = Collections.unmodifiableMap(new TreeMap<>(unavailable));
  }

  /**
   * A hypothetical scenario of relative shocks (fractions: −0.2 for −20%).
   *
   * @param bySymbol shock per instrument symbol
   * @param byAssetClass shock per asset class
   * @param byCurrency shock per price currency
   * @param fxMoves change in value per currency (see the class comment)
   */
  public static StressScenario hypothetical(String name, String description, Map<String, Double> bySymbol,
      Map<AssetClass, Double> byAssetClass, Map<String, Double> byCurrency, Map<String, Double> fxMoves) {
    Map<String, Shock> symbols = new TreeMap<>();
    bySymbol.forEach((symbol, fraction) -> symbols.put(symbol, Shock.relative(fraction)));
    Map<AssetClass, Shock> classes = new EnumMap<>(AssetClass.class);
    byAssetClass.forEach((assetClass, fraction) -> classes.put(assetClass, Shock.relative(fraction)));
    Map<String, Shock> currencies = new TreeMap<>();
    byCurrency.forEach((currency, fraction) -> currencies.put(currency, Shock.relative(fraction)));
    return new StressScenario(name, description, Kind.HYPOTHETICAL, null, null, symbols, classes, currencies,
        fxMoves, Map.of());
  }

  /**
   * A historical scenario: each symbol's move from the close of the last date on or before {@code from} to the
   * close of the last date on or before {@code to}, relative when both closes are &gt; 0, else absolute (see
   * {@link Shock#between}). Symbols whose close is NaN at either end, or a window the dates do not cover, are
   * listed as unavailable with the reason.
   *
   * @param dates trading dates, strictly ascending
   * @param closes closes per symbol aligned with {@code dates} (same length), NaN where the symbol has none
   * @param from base date of the window
   * @param to end date of the window, after {@code from}
   */
  public static StressScenario historical(String name, String description, LocalDate[] dates,
      Map<String, double[]> closes, LocalDate from, LocalDate to) {
    AlignedCloses.checkAligned(dates, closes);
    Map<String, Shock> shocks = new TreeMap<>();
    Map<String, String> unavailable = new TreeMap<>();
    int start = AlignedCloses.lastIndexOnOrBefore(dates, from);
    int end = AlignedCloses.lastIndexOnOrBefore(dates, to);
    String coverage = null;
    if (start < 0) {
      coverage = dates.length == 0 ? "no price history" : "history starts on " + dates[0] + ", after " + from;
    } else if (dates[dates.length - 1].isBefore(to)) {
      coverage = "history ends on " + dates[dates.length - 1] + ", before " + to;
    }
    for (Map.Entry<String, double[]> series : closes.entrySet()) {
      String symbol = series.getKey();
      if (coverage != null) {
        unavailable.put(symbol, coverage);
        continue;
      }
      double startClose = series.getValue()[start];
      double endClose = series.getValue()[end];
      if (!Double.isFinite(startClose)) {
        unavailable.put(symbol, "no close on " + dates[start]);
      } else if (!Double.isFinite(endClose)) {
        unavailable.put(symbol, "no close on " + dates[end]);
      } else {
        shocks.put(symbol, Shock.between(startClose, endClose));
      }
    }
    return new StressScenario(name, description, Kind.HISTORICAL, from, to, shocks, Map.of(), Map.of(),
        Map.of(), unavailable);
  }

  /**
   * The price shock for an instrument by the precedence in the class comment; empty when the scenario is
   * historical and has no move for the symbol (the position cannot be stressed).
   */
  public Optional<SelectedShock> priceShock(Instrument instrument) {
    Shock bySymbol = priceShocksBySymbol.get(instrument.symbol());
    if (bySymbol != null) {
      return Optional.of(new SelectedShock(bySymbol,
          kind == Kind.HISTORICAL ? "historical " + windowStart + ".." + windowEnd : "symbol " + instrument.symbol()));
    }
    if (kind == Kind.HISTORICAL) {
      return Optional.empty();
    }
    Shock byClass = priceShocksByAssetClass.get(instrument.assetClass());
    if (byClass != null) {
      return Optional.of(new SelectedShock(byClass, "asset class " + instrument.assetClass()));
    }
    Shock byCurrency = priceShocksByCurrency.get(instrument.currency());
    if (byCurrency != null) {
      return Optional.of(new SelectedShock(byCurrency, "currency " + instrument.currency()));
    }
    return Optional.of(new SelectedShock(Shock.NONE, "none"));
  }

  /**
   * The factor by which the rate converting {@code currency} into {@code reportingCurrency} moves:
   * {@code (1 + move_currency) / (1 + move_reporting)}, 1 when neither moves.
   */
  public double fxFactor(String currency, String reportingCurrency) {
    if (currency.equals(reportingCurrency)) {
      return 1;
    }
    return (1 + fxMoves.getOrDefault(currency, 0.0)) / (1 + fxMoves.getOrDefault(reportingCurrency, 0.0));
  }

  /** Why a symbol cannot be stressed under this scenario, for reports. */
  String unavailableReason(String symbol) {
    String reason = unavailable.get(symbol);
    return reason != null ? reason : "no price history for " + symbol + " in scenario '" + name + "'";
  }
}

package io.riskpulse.model.risk.report;

import io.riskpulse.model.history.ReturnType;
import io.riskpulse.model.risk.exposure.ExposureReport;
import io.riskpulse.model.risk.liquidity.LiquidityEstimate;
import io.riskpulse.model.risk.stress.StressScenario;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A risk report of fixed positions as of one day's close: VaR and expected shortfall by three methods, their
 * attribution to positions, stress scenarios, exposures, liquidity and the data quality behind all of it.
 * Immutable. Built by {@link RiskReportBuilder} ({@link #builder()}); rendered by {@link RiskReportText} and
 * {@link ReportJson}; every measure is defined in docs/RISK.md.
 *
 * <p>Amounts are in {@code reportingCurrency} and a positive VaR, ES or loss is a loss; P&amp;L is signed
 * (negative = loss). Values the data cannot support are explicit: NaN in numbers (rendered "NaN" in JSON) with
 * a reason next to them, never a silent zero.
 *
 * @param reportingCurrency ISO code of every amount (the positions' common price currency)
 * @param asOfRequested the as-of date asked for
 * @param asOf the day actually used: the last aligned trading day on or before the requested one
 * @param windowDays historical scenarios (daily moves) in the window ending at {@code asOf}
 * @param positions the positions valued at the as-of close
 * @param measures VaR/ES by method, confidence and horizon
 * @param attributions marginal and component contributions per position
 * @param stress P&amp;L per configured stress scenario
 * @param exposures gross/net/long/short, by asset class, currency and sector, concentration
 * @param liquidity days to liquidate, impact and liquidity-adjusted VaR where inputs exist
 * @param dataQuality what the numbers were computed from and what was wrong with it
 */
public record RiskReport(
    String reportingCurrency,
    LocalDate asOfRequested,
    LocalDate asOf,
    int windowDays,
    List<PositionLine> positions,
    List<Measure> measures,
    List<Attribution> attributions,
    List<StressLine> stress,
    ExposureReport exposures,
    Liquidity liquidity,
    DataQuality dataQuality) {

  public RiskReport {
    positions = List.copyOf(positions);
    measures = List.copyOf(measures);
    attributions = List.copyOf(attributions);
    stress = List.copyOf(stress);
  }

  /** A builder: positions, data folder and as-of date are required, the rest has documented defaults. */
  public static RiskReportBuilder builder() {
    return new RiskReportBuilder();
  }

  /** The measure of a method at a confidence and horizon, or empty. */
  public Optional<Measure> measure(String method, double confidence, int horizonDays) {
    return measures.stream()
        .filter(m -> m.method().equals(method) && m.confidence() == confidence && m.horizonDays() == horizonDays)
        .findFirst();
  }

  /**
   * One position at the as-of close.
   *
   * @param symbol instrument
   * @param quantity signed units
   * @param price as-of close, price currency
   * @param notional quantity &times; price
   * @param returnType how its scenarios move it in this window
   * @param exposure P&amp;L per unit of its risk factor's move: the notional for relative moves, the quantity
   *     for absolute ones (the weight {@code w_i} of the parametric measures)
   */
  public record PositionLine(String symbol, double quantity, double price, double notional, ReturnType returnType,
      double exposure) {}

  /**
   * VaR and ES of the whole book by one method at one confidence and horizon.
   *
   * @param method {@link #HISTORICAL}, {@link #PARAMETRIC}, {@link #MONTE_CARLO_NORMAL} or
   *     {@link #MONTE_CARLO_STUDENT_T}
   * @param confidence one-sided level, e.g. 0.99
   * @param horizonDays 1 or 10 trading days
   * @param valueAtRisk loss not exceeded with probability {@code confidence}, positive = loss
   * @param expectedShortfall mean loss at or beyond VaR
   * @param horizonRule how the horizon was reached: {@code "1-day"}, {@code "sqrt(10) x 1-day"} or
   *     {@code "sqrt(10) in the model"}
   * @param detail inputs: scenario window, covariance, paths and seed
   */
  public record Measure(String method, double confidence, int horizonDays, double valueAtRisk,
      double expectedShortfall, String horizonRule, String detail) {

    public static final String HISTORICAL = "historical simulation";
    public static final String PARAMETRIC = "delta-normal EWMA";
    public static final String MONTE_CARLO_NORMAL = "Monte Carlo normal";
    public static final String MONTE_CARLO_STUDENT_T = "Monte Carlo Student-t";
  }

  /**
   * A measure split by position (Euler allocation: the components add up to the total).
   *
   * @param measure what is split, e.g. "delta-normal EWMA VaR 99% 1-day"
   * @param confidence one-sided level
   * @param horizonDays trading days
   * @param total the measure, positive = loss
   * @param componentSum sum of the components; equals {@code total} up to rounding
   * @param contributions one per position, in positions order
   * @param note how the marginals are defined for this measure
   */
  public record Attribution(String measure, double confidence, int horizonDays, double total, double componentSum,
      List<Contribution> contributions, String note) {

    public Attribution {
      contributions = List.copyOf(contributions);
    }
  }

  /**
   * One position's share of a measure.
   *
   * @param symbol instrument
   * @param exposure {@code w_i}, as in {@link PositionLine#exposure()}
   * @param marginal {@code d measure / d w_i}: measure change per unit of exposure (per 1 of notional for
   *     relative moves, per unit held for absolute ones)
   * @param component {@code w_i * marginal}, reporting currency; negative for a hedge
   * @param percentOfTotal 100 &times; component / total
   */
  public record Contribution(String symbol, double exposure, double marginal, double component,
      double percentOfTotal) {}

  /**
   * The book under one stress scenario, revalued at the as-of close.
   *
   * @param name scenario name
   * @param kind historical (a past window's moves) or hypothetical (stated shocks)
   * @param description one line from the configuration
   * @param pnl signed P&amp;L; NaN when a position could not be stressed (see problems)
   * @param partialPnl P&amp;L of the positions that could be stressed, for diagnosis only
   * @param percentOfGross 100 &times; pnl / gross value of the book
   * @param lossOverHistoricalVar99 −pnl divided by the 1-day 99% historical VaR: how many "VaR days" it costs
   * @param complete true when every position was stressed
   * @param problems why positions could not be stressed
   */
  public record StressLine(String name, StressScenario.Kind kind, String description, double pnl, double partialPnl,
      double percentOfGross, double lossOverHistoricalVar99, boolean complete, List<String> problems) {

    public StressLine {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Liquidity of the book. Every estimate is either known or carries the reason it is not (fail closed).
   *
   * @param participationRate share of ADV traded per day when unwinding
   * @param impactCoefficient Y of the square-root impact law
   * @param spreadMultiplier a of Bangia et al.'s liquidity-adjusted VaR
   * @param positions one line per non-flat position
   * @param daysToLiquidateBook the longest position's days (positions unwound in parallel)
   * @param impactCostTotal sum of the positions' impact costs, reporting currency
   * @param liquidityAdjustedVar99 1-day 99% historical VaR plus every position's spread cost
   */
  public record Liquidity(double participationRate, double impactCoefficient, double spreadMultiplier,
      List<LiquidityLine> positions, LiquidityEstimate daysToLiquidateBook, LiquidityEstimate impactCostTotal,
      LiquidityEstimate liquidityAdjustedVar99) {

    public Liquidity {
      positions = List.copyOf(positions);
    }
  }

  /**
   * Liquidity of one position.
   *
   * @param symbol instrument
   * @param quantity signed units
   * @param notional quantity &times; price, reporting currency
   * @param averageDailyVolume ADV in units per day; NaN when unknown
   * @param advSource where the ADV came from, or why there is none
   * @param daysToLiquidate |quantity| / (participation &times; ADV), days
   * @param impactCost square-root-law cost of unwinding, reporting currency
   * @param spreadCost ½ &times; |notional| &times; (mean + a &times; sd of the relative spread), reporting currency
   */
  public record LiquidityLine(String symbol, double quantity, double notional, double averageDailyVolume,
      String advSource, LiquidityEstimate daysToLiquidate, LiquidityEstimate impactCost,
      LiquidityEstimate spreadCost) {}

  /**
   * What the report was computed from.
   *
   * @param dataFolder folder of the price files
   * @param referenceData {@code instruments.csv} status
   * @param historyFirstDate first day of the aligned history of the held symbols
   * @param historyLastDate last day of it
   * @param alignedDays days in the aligned history
   * @param maxForwardFillDays the gap policy: consecutive missing closes carried forward before a date is dropped
   * @param windowFirstDate date of the oldest scenario (its move is from the day before)
   * @param windowLastDate date of the newest scenario, the as-of day
   * @param scenarios number of scenarios
   * @param symbols one line per symbol
   * @param warnings everything a reader should know before trusting the numbers
   */
  public record DataQuality(String dataFolder, String referenceData, LocalDate historyFirstDate,
      LocalDate historyLastDate, int alignedDays, int maxForwardFillDays, LocalDate windowFirstDate,
      LocalDate windowLastDate, int scenarios, List<SymbolQuality> symbols, List<String> warnings) {

    public DataQuality {
      symbols = List.copyOf(symbols);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Data quality of one symbol.
   *
   * @param symbol instrument
   * @param classification asset class, currency and sector from reference data, or "unclassified"
   * @param fileFirstDate first date of its own file
   * @param fileLastDate last date of its own file
   * @param fileDays lines of its own file
   * @param returnType move type used in the window
   * @param forwardFilled closes carried forward over the whole aligned history
   * @param forwardFilledInWindow of which inside the scenario window
   * @param droppedDates its own dates dropped because another symbol was missing too long
   * @param droppedInWindow of which inside the scenario window (their move merges into the next day's)
   * @param trimmedDays its own dates outside the common span
   */
  public record SymbolQuality(String symbol, String classification, LocalDate fileFirstDate,
      LocalDate fileLastDate, int fileDays, ReturnType returnType, int forwardFilled, int forwardFilledInWindow,
      int droppedDates, int droppedInWindow, int trimmedDays) {}
}

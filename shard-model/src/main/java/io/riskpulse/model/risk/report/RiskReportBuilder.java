package io.riskpulse.model.risk.report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.history.DailyPriceSeries;
import io.riskpulse.model.history.EwmaCovariance;
import io.riskpulse.model.history.GapPolicy;
import io.riskpulse.model.history.GapReport;
import io.riskpulse.model.history.PriceHistory;
import io.riskpulse.model.history.ReturnType;
import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.risk.PositionValuation;
import io.riskpulse.model.risk.PriceSource;
import io.riskpulse.model.risk.Valuation;
import io.riskpulse.model.risk.exposure.ExposureAnalyzer;
import io.riskpulse.model.risk.exposure.ExposureReport;
import io.riskpulse.model.risk.liquidity.DaysToLiquidate;
import io.riskpulse.model.risk.liquidity.LiquidityAdjustedVar;
import io.riskpulse.model.risk.liquidity.LiquidityEstimate;
import io.riskpulse.model.risk.liquidity.LiquiditySettings;
import io.riskpulse.model.risk.liquidity.MarketImpact;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.HistoricalVar;
import io.riskpulse.model.risk.measure.MonteCarloSpec;
import io.riskpulse.model.risk.measure.MonteCarloVar;
import io.riskpulse.model.risk.measure.ParametricVar;
import io.riskpulse.model.risk.measure.RiskAttribution;
import io.riskpulse.model.risk.measure.RiskContributions;
import io.riskpulse.model.risk.measure.TailRisk;
import io.riskpulse.model.risk.report.RiskReport.Attribution;
import io.riskpulse.model.risk.report.RiskReport.Contribution;
import io.riskpulse.model.risk.report.RiskReport.DataQuality;
import io.riskpulse.model.risk.report.RiskReport.Liquidity;
import io.riskpulse.model.risk.report.RiskReport.LiquidityLine;
import io.riskpulse.model.risk.report.RiskReport.Measure;
import io.riskpulse.model.risk.report.RiskReport.PositionLine;
import io.riskpulse.model.risk.report.RiskReport.StressLine;
import io.riskpulse.model.risk.report.RiskReport.SymbolQuality;
import io.riskpulse.model.risk.stress.ScenarioPnl;
import io.riskpulse.model.risk.stress.StressScenario;
import io.riskpulse.model.risk.stress.StressScenarios;
import io.riskpulse.model.risk.stress.StressTester;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes a {@link RiskReport}: loads the held symbols from a data folder, takes the scenario window ending at
 * the as-of close, and runs every measure on it. Not thread-safe (a builder); {@link #build()} may be called
 * more than once and each call recomputes from the files.
 *
 * <p>Defaults: window {@value ScenarioSet#DEFAULT_WINDOW_DAYS} days, reporting currency USD, gap policy
 * {@link GapPolicy#DEFAULT}, Monte Carlo {@value #DEFAULT_MONTE_CARLO_PATHS} paths with seed
 * {@value BacktestRunner#DEFAULT_SEED} and Student-t {@code nu =} {@value BacktestRunner#DEFAULT_DEGREES_OF_FREEDOM},
 * stress scenarios and liquidity settings from {@code ConfigFactory.load()} ({@code riskpulse.risk.stress},
 * {@code riskpulse.risk.liquidity}). Confidences 95%, 97.5% and 99%; horizons 1 and 10 days.
 */
public final class RiskReportBuilder {

  /**
   * Monte Carlo paths of a report: one report, so it can afford 100,000 (1,000 paths beyond the 99% VaR, a
   * sampling error of the 99% quantile around 1%).
   */
  public static final int DEFAULT_MONTE_CARLO_PATHS = 100_000;
  /** Trading days of volume averaged into ADV when the price file has a volume column. */
  public static final int ADV_WINDOW_DAYS = 20;
  /** Confidence levels of every VaR/ES table. */
  public static final List<Confidence> CONFIDENCES = List.of(Confidence.P95, Confidence.P975, Confidence.P99);
  /** The long horizon, reached by sqrt(h) scaling. */
  public static final int LONG_HORIZON_DAYS = 10;

  private PositionsFile positions;
  private Path dataFolder;
  private LocalDate asOf;
  private int windowDays = ScenarioSet.DEFAULT_WINDOW_DAYS;
  private String reportingCurrency = "USD";
  private GapPolicy gapPolicy = GapPolicy.DEFAULT;
  private int monteCarloPaths = DEFAULT_MONTE_CARLO_PATHS;
  private long seed = BacktestRunner.DEFAULT_SEED;
  private double degreesOfFreedom = BacktestRunner.DEFAULT_DEGREES_OF_FREEDOM;
  private Config config;

  RiskReportBuilder() {}

  public RiskReportBuilder positions(PositionsFile positions) {
    this.positions = Objects.requireNonNull(positions, "positions");
    return this;
  }

  /** Folder of {@code <SYMBOL>.csv} price files, with optional instruments.csv and liquidity.csv. */
  public RiskReportBuilder dataFolder(Path dataFolder) {
    this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
    return this;
  }

  /** The as-of date: the window ends at this day's close (or the last trading day before it). */
  public RiskReportBuilder asOf(LocalDate asOf) {
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    return this;
  }

  public RiskReportBuilder windowDays(int windowDays) {
    if (windowDays < 2) {
      throw new IllegalArgumentException("window must be at least 2 days, was " + windowDays);
    }
    this.windowDays = windowDays;
    return this;
  }

  public RiskReportBuilder reportingCurrency(String reportingCurrency) {
    this.reportingCurrency = Objects.requireNonNull(reportingCurrency, "reportingCurrency");
    return this;
  }

  public RiskReportBuilder gapPolicy(GapPolicy gapPolicy) {
    this.gapPolicy = Objects.requireNonNull(gapPolicy, "gapPolicy");
    return this;
  }

  /** Monte Carlo paths, seed and Student-t degrees of freedom (&gt; 2). */
  public RiskReportBuilder monteCarlo(int paths, long seed, double degreesOfFreedom) {
    MonteCarloSpec.studentT(paths, seed, degreesOfFreedom); // validates now, not at build()
    this.monteCarloPaths = paths;
    this.seed = seed;
    this.degreesOfFreedom = degreesOfFreedom;
    return this;
  }

  /** Where stress scenarios and liquidity settings are read from; {@code ConfigFactory.load()} by default. */
  public RiskReportBuilder config(Config config) {
    this.config = Objects.requireNonNull(config, "config");
    return this;
  }

  /**
   * Loads the data and computes the report.
   *
   * @throws IllegalArgumentException for a missing input, an unknown symbol, a malformed file, an as-of date
   *     outside the data, or a window longer than the history before it
   */
  public RiskReport build() {
    Objects.requireNonNull(positions, "positions are required");
    Objects.requireNonNull(dataFolder, "a data folder is required");
    Objects.requireNonNull(asOf, "an as-of date is required");
    Config settings = config != null ? config : ConfigFactory.load();
    MarketDataFolder data = MarketDataFolder.load(dataFolder, positions.symbols(), gapPolicy);
    List<String> assumedCurrency = data.requireSingleCurrency(reportingCurrency);
    PriceHistory history = data.history();
    String span = "the aligned history of " + history.symbols() + " runs from " + history.firstDate() + " to "
        + history.lastDate();
    if (asOf.isBefore(history.firstDate()) || asOf.isAfter(history.lastDate())) {
      throw new IllegalArgumentException("as-of " + asOf + " is outside the data: " + span);
    }
    int asOfDay = history.dayOnOrBefore(asOf);
    if (asOfDay < windowDays) {
      throw new IllegalArgumentException("window longer than history: a " + windowDays + "-day window ending "
          + history.date(asOfDay) + " needs " + (windowDays + 1) + " closes but there are " + (asOfDay + 1)
          + " (" + span + ")" + (windowDays < history.dayCount()
              ? "; the first as-of date possible is " + history.date(windowDays) : ""));
    }
    ScenarioSet scenarios = ScenarioSet.of(history, asOf, windowDays);
    int n = history.instrumentCount();
    double[] quantities = new double[n];
    double[] prices = new double[n];
    double[] exposures = new double[n];
    List<PositionLine> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String symbol = history.symbols().get(i);
      quantities[i] = positions.quantity(symbol);
      prices[i] = history.close(i, asOfDay);
      exposures[i] = scenarios.exposure(i, quantities[i], prices[i]);
      lines.add(new PositionLine(symbol, quantities[i], prices[i], quantities[i] * prices[i],
          scenarios.returnType(i), exposures[i]));
    }
    double[] scenarioPnl = new double[scenarios.scenarioCount()];
    for (int i = 0; i < n; i++) {
      scenarios.addExposurePnl(i, exposures[i], scenarioPnl);
    }
    double[][] covariance = EwmaCovariance.of(scenarios).toArray();
    String window = scenarios.scenarioCount() + " daily scenarios " + scenarios.scenarioDate(0) + ".."
        + scenarios.asOf();

    List<Measure> measures = new ArrayList<>();
    for (Confidence c : CONFIDENCES) {
      addScaled(measures, Measure.HISTORICAL, HistoricalVar.tailRisk(scenarioPnl, c), window
          + ", empirical quantile k = ceil(c n), no interpolation");
    }
    for (Confidence c : CONFIDENCES) {
      String detail = "EWMA lambda " + EwmaCovariance.DEFAULT_LAMBDA + " over the " + window + ", "
          + EwmaCovariance.DEFAULT_SEED_DAYS + " seed days, zero mean";
      measures.add(measure(Measure.PARAMETRIC, ParametricVar.tailRisk(exposures, covariance, c, 1), "1-day", detail));
      measures.add(measure(Measure.PARAMETRIC, ParametricVar.tailRisk(exposures, covariance, c, LONG_HORIZON_DAYS),
          "sqrt(" + LONG_HORIZON_DAYS + ") in the model", detail));
    }
    boolean moves = ParametricVar.portfolioVolatility(exposures, covariance) > 0;
    MonteCarloVar monteCarlo = moves ? MonteCarloVar.of(covariance) : null;
    addMonteCarlo(measures, Measure.MONTE_CARLO_NORMAL, monteCarlo, exposures,
        MonteCarloSpec.normal(monteCarloPaths, seed), "multivariate normal");
    addMonteCarlo(measures, Measure.MONTE_CARLO_STUDENT_T, monteCarlo, exposures,
        MonteCarloSpec.studentT(monteCarloPaths, seed, degreesOfFreedom),
        "multivariate Student-t nu=" + trim(degreesOfFreedom) + " scaled to the EWMA covariance");

    List<Attribution> attributions = attributions(history.symbols(), scenarios, exposures, covariance);
    double historicalVar99 = HistoricalVar.tailRisk(scenarioPnl, Confidence.P99).valueAtRisk();
    InstrumentRegistry registry = data.instruments().orElse(InstrumentRegistry.of(List.of()));
    List<StressLine> stress = stress(settings, history, registry, prices, historicalVar99);
    ExposureReport exposureReport = ExposureAnalyzer.analyze(valuation(history.symbols(), quantities, prices),
        registry);
    Liquidity liquidity = liquidity(LiquiditySettings.fromConfig(settings), data, scenarios, quantities, prices,
        covariance, historicalVar99);
    DataQuality quality = dataQuality(data, scenarios, registry, assumedCurrency, stress, liquidity);
    return new RiskReport(reportingCurrency, asOf, scenarios.asOf(), windowDays, lines, measures, attributions,
        stress, exposureReport, liquidity, quality);
  }

  private static void addScaled(List<Measure> measures, String method, TailRisk oneDay, String detail) {
    measures.add(measure(method, oneDay, "1-day", detail));
    measures.add(measure(method, oneDay.scaledTo(LONG_HORIZON_DAYS), "sqrt(" + LONG_HORIZON_DAYS + ") x 1-day",
        detail));
  }

  private static Measure measure(String method, TailRisk risk, String horizonRule, String detail) {
    return new Measure(method, risk.confidence().level(), risk.horizonDays(), risk.valueAtRisk(),
        risk.expectedShortfall(), horizonRule, detail);
  }

  private static void addMonteCarlo(List<Measure> measures, String method, MonteCarloVar monteCarlo,
      double[] exposures, MonteCarloSpec spec, String law) {
    double[] simulated = monteCarlo == null ? new double[spec.paths()] : monteCarlo.simulatePnl(exposures, spec);
    String detail = law + ", " + spec.paths() + " paths, seed " + spec.seed()
        + (monteCarlo == null ? ", no exposure to anything that moved: P&L 0 on every path" : "");
    for (Confidence c : CONFIDENCES) {
      addScaled(measures, method, HistoricalVar.tailRisk(simulated, c), detail);
    }
  }

  private static List<Attribution> attributions(List<String> symbols, ScenarioSet scenarios, double[] exposures,
      double[][] covariance) {
    List<Attribution> attributions = new ArrayList<>();
    attributions.add(attribution(Measure.PARAMETRIC + " VaR 99% 1-day", symbols, exposures,
        RiskAttribution.parametricVar(exposures, covariance, Confidence.P99, 1),
        "marginal = z (S w)_i / sigma_p, exact derivative; NaN when the book has no variance"));
    RiskContributions historical = RiskAttribution.historicalVar(scenarios, exposures, Confidence.P99);
    double[] pnl = new double[scenarios.scenarioCount()];
    for (int i = 0; i < exposures.length; i++) {
      scenarios.addExposurePnl(i, exposures[i], pnl);
    }
    int varScenario = HistoricalVar.varScenario(pnl, pnl.length, Confidence.P99, new double[pnl.length]);
    attributions.add(attribution(Measure.HISTORICAL + " VaR 99% 1-day", symbols, exposures, historical,
        "marginal = -move of each factor in the VaR scenario (" + scenarios.scenarioDate(varScenario)
            + "); one scenario, so it jumps when another takes the VaR rank"));
    attributions.add(attribution(Measure.HISTORICAL + " ES 97.5% 1-day", symbols, exposures,
        RiskAttribution.historicalExpectedShortfall(scenarios, exposures, Confidence.P975),
        "marginal = -mean move of each factor over the tail scenarios that define ES; smoother"));
    return attributions;
  }

  private static Attribution attribution(String measure, List<String> symbols, double[] exposures,
      RiskContributions contributions, String note) {
    List<Contribution> lines = new ArrayList<>();
    double total = contributions.total();
    for (int i = 0; i < symbols.size(); i++) {
      double component = contributions.component(i);
      lines.add(new Contribution(symbols.get(i), exposures[i], contributions.marginal(i), component,
          total == 0 ? Double.NaN : 100 * component / total));
    }
    return new Attribution(measure, contributions.confidence().level(), contributions.horizonDays(), total,
        contributions.componentSum(), lines, note);
  }

  private List<StressLine> stress(Config settings, PriceHistory history, InstrumentRegistry registry,
      double[] prices, double historicalVar99) {
    LocalDate[] dates = new LocalDate[history.dayCount()];
    for (int d = 0; d < dates.length; d++) {
      dates[d] = history.date(d);
    }
    Map<String, double[]> closes = new LinkedHashMap<>();
    Map<String, Double> marks = new LinkedHashMap<>();
    for (int i = 0; i < history.instrumentCount(); i++) {
      double[] series = new double[dates.length];
      for (int d = 0; d < dates.length; d++) {
        series[d] = history.close(i, d);
      }
      closes.put(history.symbols().get(i), series);
      marks.put(history.symbols().get(i), prices[i]);
    }
    // Single currency (checked): every held symbol converts at 1; anything else is unknown.
    PriceSource marksAtAsOf = new PriceSource() {
      @Override
      public double markPrice(String symbol) {
        return marks.getOrDefault(symbol, Double.NaN);
      }

      @Override
      public double fxToReporting(String symbol) {
        return marks.containsKey(symbol) ? 1 : Double.NaN;
      }

      @Override
      public double currencyToReporting(String currency) {
        return currency.equals(reportingCurrency) ? 1 : Double.NaN;
      }
    };
    StressTester tester = new StressTester(marksAtAsOf, registry, reportingCurrency);
    double gross = 0;
    for (int i = 0; i < prices.length; i++) {
      gross += Math.abs(positions.quantity(history.symbols().get(i)) * prices[i]);
    }
    List<StressLine> lines = new ArrayList<>();
    for (StressScenario scenario : StressScenarios.fromConfig(settings).resolve(dates, closes)) {
      ScenarioPnl result = tester.run(scenario, positions.quantities());
      lines.add(new StressLine(scenario.name(), scenario.kind(), scenario.description(), result.pnl(),
          result.partialPnl(), gross == 0 ? Double.NaN : 100 * result.pnl() / gross,
          historicalVar99 > 0 ? 0.0 - result.pnl() / historicalVar99 : Double.NaN, result.complete(),
          result.problems()));
    }
    return lines;
  }

  private static Valuation valuation(List<String> symbols, double[] quantities, double[] prices) {
    double gross = 0;
    double net = 0;
    for (int i = 0; i < symbols.size(); i++) {
      gross += Math.abs(quantities[i] * prices[i]);
      net += quantities[i] * prices[i];
    }
    List<PositionValuation> valuations = new ArrayList<>();
    for (int i = 0; i < symbols.size(); i++) {
      double notional = quantities[i] * prices[i];
      valuations.add(new PositionValuation(symbols.get(i), quantities[i], prices[i], 0, prices[i], true, 1,
          notional, 0, gross == 0 ? 0 : 100 * Math.abs(notional) / gross));
    }
    return new Valuation(0, 0, 0, 0, gross, net, valuations, 0);
  }

  private Liquidity liquidity(LiquiditySettings settings, MarketDataFolder data, ScenarioSet scenarios,
      double[] quantities, double[] prices, double[][] covariance, double historicalVar99) {
    List<LiquidityLine> lines = new ArrayList<>();
    Map<String, LiquidityEstimate> days = new LinkedHashMap<>();
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, Double> spreadMeans = new LinkedHashMap<>();
    Map<String, Double> spreadSds = new LinkedHashMap<>();
    double impactTotal = 0;
    String impactUnknown = null;
    List<String> symbols = data.history().symbols();
    for (int i = 0; i < symbols.size(); i++) {
      if (quantities[i] == 0) {
        continue;
      }
      String symbol = symbols.get(i);
      double notional = quantities[i] * prices[i];
      LiquidityInputs inputs = data.liquidity().getOrDefault(symbol,
          new LiquidityInputs(symbol, Double.NaN, Double.NaN, Double.NaN));
      double adv = inputs.averageDailyVolume();
      String advSource;
      if (!Double.isNaN(adv)) {
        advSource = LiquidityInputs.FILE_NAME;
      } else {
        adv = volumeAverage(data.series().get(i), scenarios.asOf());
        advSource = !Double.isNaN(adv) ? "mean volume of the last " + ADV_WINDOW_DAYS + " days in " + symbol + ".csv"
            : "no ADV: " + symbol + ".csv has no volume and " + LiquidityInputs.FILE_NAME + " does not list it";
      }
      LiquidityEstimate toLiquidate = Double.isNaN(adv) ? LiquidityEstimate.unknown(advSource)
          : DaysToLiquidate.of(quantities[i], adv, settings.participationRate());
      LiquidityEstimate impact;
      if (Double.isNaN(adv)) {
        impact = LiquidityEstimate.unknown(advSource);
      } else if (scenarios.returnType(i) != ReturnType.RELATIVE) {
        impact = LiquidityEstimate.unknown("no relative volatility: " + symbol + " uses absolute moves");
      } else {
        impact = MarketImpact.cost(notional, quantities[i], adv, Math.sqrt(covariance[i][i]),
            settings.impactCoefficient());
      }
      LiquidityEstimate spread = LiquidityAdjustedVar.spreadCost(notional, inputs.meanRelativeSpread(),
          inputs.relativeSpreadSd(), settings.spreadMultiplier());
      if (!spread.known()) {
        spread = LiquidityEstimate.unknown("no bid-ask spread: " + LiquidityInputs.FILE_NAME
            + " gives no spread_mean/spread_sd for " + symbol);
      }
      if (impact.known()) {
        impactTotal += impact.value();
      } else if (impactUnknown == null) {
        impactUnknown = symbol + ": " + impact.reason();
      }
      days.put(symbol, toLiquidate);
      values.put(symbol, notional);
      spreadMeans.put(symbol, inputs.meanRelativeSpread());
      spreadSds.put(symbol, inputs.relativeSpreadSd());
      lines.add(new LiquidityLine(symbol, quantities[i], notional, adv, advSource, toLiquidate, impact, spread));
    }
    LiquidityEstimate lvar = LiquidityAdjustedVar.ofPortfolio(historicalVar99, values, spreadMeans, spreadSds,
        settings.spreadMultiplier());
    return new Liquidity(settings.participationRate(), settings.impactCoefficient(), settings.spreadMultiplier(),
        lines, DaysToLiquidate.longest(days),
        impactUnknown == null ? LiquidityEstimate.known(impactTotal) : LiquidityEstimate.unknown(impactUnknown),
        lvar);
  }

  /** Mean of the finite volumes of the last {@link #ADV_WINDOW_DAYS} own days on or before {@code asOf}; NaN if none. */
  static double volumeAverage(DailyPriceSeries series, LocalDate asOf) {
    int found = series.indexOf(asOf);
    int last = found >= 0 ? found : -found - 2;
    double sum = 0;
    int count = 0;
    for (int d = last; d >= 0 && d > last - ADV_WINDOW_DAYS; d--) {
      double volume = series.volume(d);
      if (Double.isFinite(volume)) {
        sum += volume;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  private DataQuality dataQuality(MarketDataFolder data, ScenarioSet scenarios, InstrumentRegistry registry,
      List<String> assumedCurrency, List<StressLine> stress, Liquidity liquidity) {
    PriceHistory history = data.history();
    LocalDate windowFirst = scenarios.scenarioDate(0);
    LocalDate windowLast = scenarios.asOf();
    List<String> warnings = new ArrayList<>();
    if (!windowLast.equals(asOf)) {
      warnings.add("as-of " + asOf + " is not a trading day of the aligned history: the report uses the close of "
          + windowLast + ", the last day on or before it");
    }
    List<SymbolQuality> symbols = new ArrayList<>();
    for (int i = 0; i < history.instrumentCount(); i++) {
      String symbol = history.symbols().get(i);
      DailyPriceSeries own = data.series().get(i);
      GapReport gaps = history.gapReport(symbol);
      int filledInWindow = (int) gaps.filledDates().stream()
          .filter(d -> !d.isBefore(windowFirst) && !d.isAfter(windowLast)).count();
      int droppedInWindow = (int) gaps.droppedDates().stream()
          .filter(d -> !d.isBefore(windowFirst) && !d.isAfter(windowLast)).count();
      Optional<Instrument> instrument = registry.find(symbol);
      String classification = instrument.map(x -> x.assetClass().name().toLowerCase(Locale.ROOT) + " "
          + x.currency() + (x.sector().isBlank() ? "" : " " + x.sector())).orElse("unclassified");
      symbols.add(new SymbolQuality(symbol, classification, own.firstDate(), own.lastDate(), own.size(),
          scenarios.returnType(i), gaps.filledDates().size(), filledInWindow, gaps.droppedDates().size(),
          droppedInWindow, gaps.trimmedDays()));
      if (scenarios.returnType(i) == ReturnType.ABSOLUTE) {
        warnings.add(symbol + ": a close <= 0 in the window, so its scenarios replay price changes (absolute"
            + " moves), not returns");
      }
      if (filledInWindow > 0) {
        warnings.add(symbol + ": " + filledInWindow + " close(s) carried forward inside the window (zero move"
            + " that day, the whole move on the next)");
      }
      if (droppedInWindow > 0) {
        warnings.add(symbol + ": " + droppedInWindow + " of its dates inside the window dropped from the aligned"
            + " history (another symbol missing longer than " + gapPolicy.maxForwardFillDays() + " days): the"
            + " next move spans two days");
      }
    }
    String referenceData;
    if (data.instruments().isEmpty()) {
      referenceData = "absent: no " + MarketDataFolder.INSTRUMENTS_FILE + " in the data folder";
      warnings.add("no " + MarketDataFolder.INSTRUMENTS_FILE + ": exposures are unclassified and stress"
          + " scenarios cannot be applied (no reference data: results NaN, fail closed)");
    } else {
      referenceData = MarketDataFolder.INSTRUMENTS_FILE;
    }
    if (!assumedCurrency.isEmpty()) {
      warnings.add("no reference data for " + String.join(", ", assumedCurrency) + ": unclassified, assumed priced in "
          + reportingCurrency);
    }
    for (StressLine line : stress) {
      if (!line.complete()) {
        warnings.add("stress " + line.name() + " incomplete: " + String.join("; ", line.problems()));
      }
    }
    if (!liquidity.daysToLiquidateBook().known()) {
      warnings.add("liquidity unknown: " + liquidity.daysToLiquidateBook().reason());
    }
    warnings.add("10-day figures: sqrt(10) x the 1-day ones (independent, identically distributed days and"
        + " unchanged positions assumed; see docs/RISK.md)");
    return new DataQuality(data.folder().toString(), referenceData, history.firstDate(), history.lastDate(),
        history.dayCount(), gapPolicy.maxForwardFillDays(), windowFirst, windowLast, scenarios.scenarioCount(),
        symbols, warnings);
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}

package io.riskpulse.ingestion.sim;

import io.riskpulse.model.history.DailyPriceSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Annualised volatilities of, and correlations between, the daily returns of a set of real price series: the
 * only market figures the simulator needs, and the only ones the repository may hold (prices themselves are
 * never committed). Immutable and thread-safe.
 *
 * <p>Method ({@link #compute}):
 *
 * <ol>
 *   <li>Window: the dates present in <em>every</em> series (the common overlap), so all statistics are measured
 *       over the same days; returns run between consecutive common dates.
 *   <li>Returns: daily log returns {@code ln(P_t / P_{t-1})}. A log return is undefined when either close is
 *       zero or negative (WTI crude settled at -37.63 on 2020-04-20). Such a return row is skipped <em>for all
 *       series</em> (listwise deletion) and counted in {@link #returnsSkipped()}: pairwise deletion would give a
 *       matrix that need not be positive semi-definite, and simple returns through a sign change (-312%, then
 *       -127%) are not a volatility anyone would simulate. In the committed window no close is non-positive, so
 *       nothing is skipped there.
 *   <li>Volatility: sample standard deviation of the daily returns (commons-math3 {@link StandardDeviation},
 *       bias-corrected) × √252.
 *   <li>Correlation: Pearson over the same return rows (commons-math3 {@link PearsonsCorrelation}).
 * </ol>
 *
 * <p>Regenerate the committed resource with {@link #main}: {@code Calibration <data-dir> <output-file>}. The
 * resource format is documented in its own header comments; {@link #parse} reads it back.
 */
public final class Calibration {

  /** Classpath location of the committed calibration. */
  public static final String DEFAULT_RESOURCE = "/riskpulse/sim/calibration.csv";
  /** Trading days per year used to annualise daily figures. */
  public static final int TRADING_DAYS_PER_YEAR = 252;
  /** Decimal places written for volatilities and correlations; the precision of the committed figures. */
  public static final int DECIMALS = 6;

  private static final Pattern METADATA = Pattern.compile(
      "^#\\s*(source|computed-on|window|common-dates|returns):\\s*(.*?)\\s*$");
  private static final Pattern RETURNS = Pattern.compile("(\\d+) used, (\\d+) skipped.*");

  private final List<String> symbols;
  private final Map<String, Integer> indexBySymbol;
  private final double[] annualVols;
  private final double[][] correlation;
  private final LocalDate windowStart;
  private final LocalDate windowEnd;
  private final int commonDates;
  private final int returnsUsed;
  private final int returnsSkipped;
  private final String source;
  private final LocalDate computedOn;

  private Calibration(List<String> symbols, double[] annualVols, double[][] correlation, LocalDate windowStart,
      LocalDate windowEnd, int commonDates, int returnsUsed, int returnsSkipped, String source,
      LocalDate computedOn) {
    this.symbols = List.copyOf(symbols);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < symbols.size(); i++) {
      if (index.put(symbols.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate symbol '" + symbols.get(i) + "' in calibration");
      }
    }
    this.indexBySymbol = Collections.unmodifiableMap(index);
    this.annualVols = annualVols;
    this.correlation = correlation;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.commonDates = commonDates;
    this.returnsUsed = returnsUsed;
    this.returnsSkipped = returnsSkipped;
    this.source = source;
    this.computedOn = computedOn;
  }

  /**
   * Computes the calibration of the given series over their common dates (method in the class comment).
   *
   * @param source free text naming the data, written to the resource header
   * @param computedOn date written to the resource header
   * @throws IllegalArgumentException when fewer than two series are given, the common window holds fewer than
   *     three usable return rows, or a series is constant over it
   */
  public static Calibration compute(List<DailyPriceSeries> series, String source, LocalDate computedOn) {
    if (series.size() < 2) {
      throw new IllegalArgumentException("need at least two series to calibrate, got " + series.size());
    }
    DailyPriceSeries first = series.get(0);
    List<LocalDate> common = new ArrayList<>();
    for (int d = 0; d < first.size(); d++) {
      LocalDate date = first.date(d);
      boolean everywhere = true;
      for (DailyPriceSeries s : series) {
        if (s.indexOf(date) < 0) {
          everywhere = false;
          break;
        }
      }
      if (everywhere) {
        common.add(date);
      }
    }
    int k = series.size();
    double[][] closes = new double[common.size()][k];
    for (int j = 0; j < k; j++) {
      DailyPriceSeries s = series.get(j);
      for (int t = 0; t < common.size(); t++) {
        closes[t][j] = s.close(s.indexOf(common.get(t)));
      }
    }
    List<double[]> rows = new ArrayList<>();
    int skipped = 0;
    for (int t = 1; t < common.size(); t++) {
      double[] row = new double[k];
      boolean usable = true;
      for (int j = 0; j < k; j++) {
        double p0 = closes[t - 1][j];
        double p1 = closes[t][j];
        if (!(p0 > 0 && p1 > 0)) {
          usable = false;
          break;
        }
        row[j] = Math.log(p1 / p0);
      }
      if (usable) {
        rows.add(row);
      } else {
        skipped++;
      }
    }
    if (rows.size() < 3) {
      throw new IllegalArgumentException("only " + rows.size() + " usable daily returns over the "
          + common.size() + " dates common to all series; need at least 3");
    }
    double[][] returns = rows.toArray(new double[0][]);
    double[] vols = new double[k];
    StandardDeviation stdev = new StandardDeviation(true);
    for (int j = 0; j < k; j++) {
      double[] column = new double[returns.length];
      for (int t = 0; t < returns.length; t++) {
        column[t] = returns[t][j];
      }
      double daily = stdev.evaluate(column);
      if (!(daily > 0)) {
        throw new IllegalArgumentException(series.get(j).symbol() + " does not move over the common window");
      }
      vols[j] = daily * Math.sqrt(TRADING_DAYS_PER_YEAR);
    }
    double[][] correlation = new PearsonsCorrelation(returns).getCorrelationMatrix().getData();
    List<String> symbols = new ArrayList<>(k);
    for (DailyPriceSeries s : series) {
      symbols.add(s.symbol());
    }
    return new Calibration(symbols, vols, correlation, common.get(0), common.get(common.size() - 1),
        common.size(), returns.length, skipped, source, computedOn);
  }

  /** The committed calibration ({@link #DEFAULT_RESOURCE}). */
  public static Calibration loadDefault() {
    try (InputStream in = Calibration.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("calibration resource " + DEFAULT_RESOURCE + " is not on the classpath");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * Reads a calibration written by {@link #write}.
   *
   * @param sourceName name used in error messages
   * @throws IllegalArgumentException {@code source:line: reason} when malformed, or when the matrix is not a
   *     symmetric correlation matrix
   */
  public static Calibration parse(Reader reader, String sourceName) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    Map<String, String> metadata = new HashMap<>();
    List<String> symbols = null;
    List<double[]> rows = new ArrayList<>();
    List<Double> vols = new ArrayList<>();
    String line;
    int lineNumber = 0;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        Matcher m = METADATA.matcher(line);
        if (m.matches()) {
          metadata.put(m.group(1), m.group(2));
        }
        continue;
      }
      String[] cells = line.split(",", -1);
      if (symbols == null) {
        if (cells.length < 4 || !cells[0].trim().equals("symbol") || !cells[1].trim().equals("annual_vol")) {
          throw new IllegalArgumentException(sourceName + ":" + lineNumber
              + ": expected header 'symbol,annual_vol,<SYM1>,<SYM2>,...' but found '" + line + "'");
        }
        symbols = new ArrayList<>();
        for (int i = 2; i < cells.length; i++) {
          symbols.add(cells[i].trim());
        }
        continue;
      }
      int row = rows.size();
      if (row >= symbols.size()) {
        throw new IllegalArgumentException(sourceName + ":" + lineNumber + ": more rows than header symbols");
      }
      if (cells.length != symbols.size() + 2) {
        throw new IllegalArgumentException(sourceName + ":" + lineNumber + ": expected " + (symbols.size() + 2)
            + " columns but found " + cells.length);
      }
      if (!cells[0].trim().equals(symbols.get(row))) {
        throw new IllegalArgumentException(sourceName + ":" + lineNumber + ": row symbol '" + cells[0].trim()
            + "' does not match header column '" + symbols.get(row) + "'");
      }
      try {
        double vol = Double.parseDouble(cells[1].trim());
        if (!(vol > 0) || Double.isInfinite(vol)) {
          throw new IllegalArgumentException("annual_vol must be a positive finite number, was " + vol);
        }
        vols.add(vol);
        double[] values = new double[symbols.size()];
        for (int j = 0; j < values.length; j++) {
          values[j] = Double.parseDouble(cells[j + 2].trim());
        }
        rows.add(values);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(sourceName + ":" + lineNumber + ": " + e.getMessage(), e);
      }
    }
    if (symbols == null || rows.size() != symbols.size()) {
      throw new IllegalArgumentException(sourceName + ": expected a header and one row per symbol, found "
          + rows.size() + " rows for " + (symbols == null ? 0 : symbols.size()) + " symbols");
    }
    double[][] correlation = rows.toArray(new double[0][]);
    for (int i = 0; i < correlation.length; i++) {
      for (int j = 0; j < correlation.length; j++) {
        double c = correlation[i][j];
        if (!(Math.abs(c) <= 1) || (i == j && c != 1) || c != correlation[j][i]) {
          throw new IllegalArgumentException(sourceName + ": correlation[" + symbols.get(i) + "]["
              + symbols.get(j) + "] = " + c + " breaks unit diagonal, symmetry or [-1, 1]");
        }
      }
    }
    String window = metadata.get("window");
    if (window == null) {
      throw new IllegalArgumentException(sourceName + ": missing '# window: <first> <last>' header line");
    }
    String[] bounds = window.split("\\s+");
    Matcher returns = RETURNS.matcher(metadata.getOrDefault("returns", ""));
    try {
      return new Calibration(symbols, vols.stream().mapToDouble(Double::doubleValue).toArray(), correlation,
          LocalDate.parse(bounds[0]), LocalDate.parse(bounds[bounds.length - 1]),
          Integer.parseInt(metadata.getOrDefault("common-dates", "0")),
          returns.matches() ? Integer.parseInt(returns.group(1)) : 0,
          returns.matches() ? Integer.parseInt(returns.group(2)) : 0,
          metadata.getOrDefault("source", ""),
          metadata.containsKey("computed-on") ? LocalDate.parse(metadata.get("computed-on")) : null);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(sourceName + ": bad header metadata: " + e.getMessage(), e);
    }
  }

  /** Writes the calibration in the documented resource format (figures rounded to {@link #DECIMALS}). */
  public void write(Writer out) throws IOException {
    String nl = "\n";
    out.write("# RiskPulse market simulator calibration. Derived figures only: no price is stored here." + nl);
    out.write("# Generated by io.riskpulse.ingestion.sim.Calibration <data-dir> <output-file>; do not edit." + nl);
    out.write("# source: " + source + nl);
    out.write("# computed-on: " + (computedOn == null ? "" : computedOn) + nl);
    out.write("# window: " + windowStart + " " + windowEnd + nl);
    out.write("# common-dates: " + commonDates + nl);
    out.write("# returns: " + returnsUsed + " used, " + returnsSkipped + " skipped (a close <= 0 in any series)"
        + nl);
    out.write("# Method: daily log returns ln(P_t/P_t-1) between consecutive dates present in every series (the"
        + nl);
    out.write("#   window above). A return row touching a close <= 0 in any series is skipped for all series, so"
        + nl);
    out.write("#   the matrix stays positive semi-definite. annual_vol = sample standard deviation of the daily"
        + nl);
    out.write("#   returns x sqrt(" + TRADING_DAYS_PER_YEAR + ") (commons-math3 StandardDeviation); correlations"
        + " are Pearson over the" + nl);
    out.write("#   same rows (commons-math3 PearsonsCorrelation)." + nl);
    out.write("# Format: after these comment lines, a header 'symbol,annual_vol,<SYM1>,...,<SYMn>' then one row"
        + nl);
    out.write("#   per symbol in header order: symbol, annualised volatility as a fraction (0.20 = 20%/yr), then"
        + nl);
    out.write("#   its correlation with each header symbol. The matrix is symmetric with a unit diagonal." + nl);
    StringBuilder header = new StringBuilder("symbol,annual_vol");
    for (String symbol : symbols) {
      header.append(',').append(symbol);
    }
    out.write(header.append(nl).toString());
    String format = "%." + DECIMALS + "f";
    for (int i = 0; i < symbols.size(); i++) {
      StringBuilder row = new StringBuilder(symbols.get(i));
      row.append(',').append(String.format(Locale.ROOT, format, annualVols[i]));
      for (int j = 0; j < symbols.size(); j++) {
        // Round the pair once so that the written matrix is exactly symmetric.
        double c = i == j ? 1 : correlation[Math.min(i, j)][Math.max(i, j)];
        row.append(',').append(String.format(Locale.ROOT, format, c));
      }
      out.write(row.append(nl).toString());
    }
  }

  /**
   * Computes the calibration of a data folder and writes it. Arguments: data dir (the
   * {@code <SYMBOL>.csv} files, ordered as in its {@code instruments.csv}), output file.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: Calibration <data-dir> <output-file>");
      System.exit(2);
    }
    Path dir = Paths.get(args[0]);
    Path output = Paths.get(args[1]);
    List<DailyPriceSeries> series = DataFolder.loadAll(dir);
    List<String> names = new ArrayList<>();
    for (DailyPriceSeries s : series) {
      names.add(s.symbol());
    }
    Path absolute = dir.toAbsolutePath().normalize();
    int depth = absolute.getNameCount();
    String folder = absolute.subpath(Math.max(0, depth - 3), depth).toString();
    Calibration calibration = compute(series,
        "daily closes of " + String.join(" ", names) + " in " + folder + " (see SOURCES.md there)",
        LocalDate.now(java.time.ZoneOffset.UTC));
    if (output.getParent() != null) {
      Files.createDirectories(output.getParent());
    }
    try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      calibration.write(out);
    }
    System.out.println("wrote " + output + ": " + calibration);
  }

  /** Symbols in matrix order. */
  public List<String> symbols() {
    return symbols;
  }

  public boolean contains(String symbol) {
    return indexBySymbol.containsKey(symbol);
  }

  /**
   * Matrix index of a symbol.
   *
   * @throws IllegalArgumentException when the symbol is not calibrated
   */
  public int indexOf(String symbol) {
    Integer index = indexBySymbol.get(symbol);
    if (index == null) {
      throw new IllegalArgumentException("'" + symbol + "' is not in the calibration " + symbols);
    }
    return index;
  }

  /** Annualised volatility of daily log returns, as a fraction (0.20 = 20% a year). */
  public double annualVol(String symbol) {
    return annualVols[indexOf(symbol)];
  }

  /** Correlation of the daily returns of two symbols, in [-1, 1]. */
  public double correlation(String a, String b) {
    return correlation[indexOf(a)][indexOf(b)];
  }

  /** The full correlation matrix in {@link #symbols()} order. A fresh copy. */
  public double[][] correlationMatrix() {
    double[][] copy = new double[correlation.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = correlation[i].clone();
    }
    return copy;
  }

  /** First date of the common window. */
  public LocalDate windowStart() {
    return windowStart;
  }

  /** Last date of the common window. */
  public LocalDate windowEnd() {
    return windowEnd;
  }

  /** Number of dates present in every series. */
  public int commonDates() {
    return commonDates;
  }

  /** Number of daily return rows the figures are computed from. */
  public int returnsUsed() {
    return returnsUsed;
  }

  /** Number of return rows skipped because a close was zero or negative. */
  public int returnsSkipped() {
    return returnsSkipped;
  }

  /** Free-text description of the data the figures come from. */
  public String source() {
    return source;
  }

  /** Date the figures were computed, or {@code null} when unknown. */
  public LocalDate computedOn() {
    return computedOn;
  }

  @Override
  public String toString() {
    StringBuilder vols = new StringBuilder();
    for (int i = 0; i < symbols.size(); i++) {
      vols.append(i == 0 ? "" : ", ").append(symbols.get(i))
          .append(String.format(Locale.ROOT, " %.1f%%", 100 * annualVols[i]));
    }
    return "Calibration[window " + windowStart + ".." + windowEnd + ", " + returnsUsed + " returns ("
        + returnsSkipped + " skipped); vols " + vols + "]";
  }
}

package io.riskpulse.model.risk.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Liquidity inputs of one instrument that price files cannot give: average daily volume and bid-ask spread
 * statistics. Immutable. Unknown values are NaN, never 0, so that every measure built on them is reported as
 * unknown (fail closed) rather than as perfectly liquid.
 *
 * <p>Read from the optional {@value #FILE_NAME} of a data folder: a header naming {@code symbol} and any of
 * {@code adv} (instrument units per day), {@code spread_mean} and {@code spread_sd} (relative bid-ask spread
 * {@code (ask - bid) / mid}, fractions: 0.0005 = 5 bp); blank cells are unknown; blank lines and {@code #}
 * lines skipped; a bad line fails the load with {@code file:line: reason}.
 *
 * @param symbol instrument
 * @param averageDailyVolume ADV, instrument units per day; NaN when unknown
 * @param meanRelativeSpread mean relative spread, fraction; NaN when unknown
 * @param relativeSpreadSd standard deviation of the relative spread, fraction; NaN when unknown
 */
public record LiquidityInputs(String symbol, double averageDailyVolume, double meanRelativeSpread,
    double relativeSpreadSd) {

  /** Name of the optional file in a data folder. */
  public static final String FILE_NAME = "liquidity.csv";

  /**
   * The inputs of every listed symbol; an empty map when the file does not exist.
   *
   * @throws IllegalArgumentException {@code file:line: reason} for the first bad line
   */
  public static Map<String, LiquidityInputs> load(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read liquidity file " + file, e);
    }
  }

  /** Parses CSV text in the format of the class comment. */
  public static Map<String, LiquidityInputs> parse(Reader reader, String source) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    String header = lines.readLine();
    if (header == null) {
      throw new IllegalArgumentException(source + ":1: empty file, expected a header with 'symbol'");
    }
    String[] names = header.replace("\uFEFF", "").split(",", -1);
    Map<String, Integer> columns = new TreeMap<>();
    for (int i = 0; i < names.length; i++) {
      columns.put(names[i].trim().toLowerCase(Locale.ROOT), i);
    }
    if (!columns.containsKey("symbol")) {
      throw new IllegalArgumentException(source + ":1: bad header '" + header + "', expected a 'symbol' column");
    }
    Map<String, LiquidityInputs> inputs = new TreeMap<>();
    String line;
    int lineNumber = 1;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      try {
        if (cells.length != names.length) {
          throw new IllegalArgumentException("expected " + names.length + " columns but found " + cells.length);
        }
        String symbol = cells[columns.get("symbol")].trim();
        if (symbol.isEmpty()) {
          throw new IllegalArgumentException("missing symbol");
        }
        LiquidityInputs entry = new LiquidityInputs(symbol, number(cells, columns, "adv"),
            number(cells, columns, "spread_mean"), number(cells, columns, "spread_sd"));
        if (inputs.putIfAbsent(symbol, entry) != null) {
          throw new IllegalArgumentException("duplicate symbol " + symbol);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ":" + lineNumber + ": " + e.getMessage() + " in '" + line + "'",
            e);
      }
    }
    return Collections.unmodifiableMap(inputs);
  }

  /** A non-negative finite number, or NaN for an absent column or blank cell. */
  private static double number(String[] cells, Map<String, Integer> columns, String column) {
    Integer index = columns.get(column);
    if (index == null || cells[index].isBlank()) {
      return Double.NaN;
    }
    String text = cells[index].trim();
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad " + column + " '" + text + "' (not a number)");
    }
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(column + " must be a finite number >= 0, was '" + text + "'");
    }
    return value;
  }
}

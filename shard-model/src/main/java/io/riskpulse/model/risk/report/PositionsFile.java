package io.riskpulse.model.risk.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fixed positions a risk report or a backtest is run on, read from a CSV file. Immutable and thread-safe.
 *
 * <p>Format: a header naming the columns {@code symbol} and {@code quantity} (order free, other columns
 * ignored), then one line per position with exactly as many cells as the header, e.g. {@code SPXTR,120.5}; no
 * quoting, so {@code SPXTR,1,000} is refused rather than read as 1. The quantity is in instrument units, finite,
 * and negative for a short position; zero is allowed (a flat line). Blank lines and lines starting with
 * {@code #} are skipped. A symbol names the price file {@code <SYMBOL>.csv} of the data folder, so it may not
 * contain path separators or whitespace.
 *
 * <p>Any malformed line, a missing header or a symbol listed twice fails the whole load with
 * {@code file:line: reason}: a report on half a book would understate its risk without anyone noticing, and a
 * duplicate could be a typo for another symbol or a position meant to be netted, which is not ours to guess.
 *
 * @param source where the positions came from (the file path), for messages
 * @param quantities signed quantity per symbol, instrument units, in file order
 */
public record PositionsFile(String source, Map<String, Double> quantities) {

  /** What a symbol may look like: it becomes a file name, so no separators, whitespace or leading dot. */
  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9_^=-][A-Za-z0-9._^=-]*");

  public PositionsFile {
    quantities = Collections.unmodifiableMap(new LinkedHashMap<>(quantities));
  }

  /**
   * Loads a positions file.
   *
   * @throws IllegalArgumentException {@code file:line: reason} for the first bad line, or when the file does
   *     not exist or holds no position
   * @throws UncheckedIOException when an existing file cannot be read
   */
  public static PositionsFile load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("positions file not found: " + file);
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("positions file not found: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read positions file " + file, e);
    }
  }

  /**
   * Parses CSV text in the format of the class comment.
   *
   * @param source name used in error messages (usually the file path)
   * @throws IllegalArgumentException {@code source:line: reason} for the first bad line
   */
  public static PositionsFile parse(Reader reader, String source) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    String header = lines.readLine();
    if (header == null) {
      throw new IllegalArgumentException(source + ":1: empty file, expected header 'symbol,quantity'");
    }
    String[] names = header.replace("\uFEFF", "").split(",", -1);
    int symbolColumn = -1;
    int quantityColumn = -1;
    for (int i = 0; i < names.length; i++) {
      String name = names[i].trim().toLowerCase(Locale.ROOT);
      symbolColumn = name.equals("symbol") && symbolColumn < 0 ? i : symbolColumn;
      quantityColumn = name.equals("quantity") && quantityColumn < 0 ? i : quantityColumn;
    }
    if (symbolColumn < 0 || quantityColumn < 0) {
      throw new IllegalArgumentException(source + ":1: bad header '" + header
          + "', expected columns 'symbol' and 'quantity' (e.g. 'symbol,quantity')");
    }
    Map<String, Double> quantities = new LinkedHashMap<>();
    String line;
    int lineNumber = 1;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != names.length) {
        throw bad(source, lineNumber, "expected " + names.length + " columns like the header but found "
            + cells.length + " (no thousands separators, no quoting)", line);
      }
      String symbol = cells[symbolColumn].trim();
      if (!SYMBOL.matcher(symbol).matches()) {
        throw bad(source, lineNumber, "bad symbol '" + symbol
            + "' (letters, digits and . _ ^ = - only, not starting with '.': it names the price file"
            + " <SYMBOL>.csv)", line);
      }
      String text = cells[quantityColumn].trim();
      double quantity;
      try {
        quantity = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw bad(source, lineNumber, "bad quantity '" + text + "' (not a number)", line);
      }
      if (!Double.isFinite(quantity)) {
        throw bad(source, lineNumber, "quantity is not finite: '" + text + "'", line);
      }
      if (quantities.putIfAbsent(symbol, quantity) != null) {
        throw bad(source, lineNumber, "duplicate symbol " + symbol
            + " (list each symbol once, with the net quantity)", line);
      }
    }
    if (quantities.isEmpty()) {
      throw new IllegalArgumentException(source + ": no position after the header");
    }
    return new PositionsFile(source, quantities);
  }

  private static IllegalArgumentException bad(String source, int lineNumber, String reason, String line) {
    return new IllegalArgumentException(source + ":" + lineNumber + ": " + reason + " in '" + line + "'");
  }

  /** Symbols in file order. */
  public List<String> symbols() {
    return List.copyOf(quantities.keySet());
  }

  /** Quantity of a symbol, 0 when it is not held. */
  public double quantity(String symbol) {
    return quantities.getOrDefault(symbol, 0.0);
  }
}

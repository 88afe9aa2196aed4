package io.riskpulse.node.book;

import io.riskpulse.model.instrument.CsvTable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the list of portfolios a node opens at start ({@code riskpulse node --portfolios FILE}): the accounts of the
 * firm as its reference data knows them, so that thousands of portfolios exist before the first execution names
 * them. A CSV text in {@link CsvTable}'s format with the columns {@code portfolio}, {@code desk}, {@code trader} and
 * an optional {@code initial_cash} (0 when absent), e.g.
 *
 * <pre>
 * portfolio,desk,trader,initial_cash
 * EQ-ARB-001,equities,alice,10000000
 * </pre>
 *
 * <p>Every line is checked before anything is opened, and the first bad one fails the whole file with its line
 * number: an id or desk that is blank or holds a character outside {@code [A-Za-z0-9._:-]} (ids travel in journal
 * keys, URLs and FIX tags), a cash that is not a finite number at least 0, more cells than the header has columns
 * (values are not quoted, so a comma in a value is an error), or an id listed twice (both lines named).
 * Stateless; thread-safe.
 */
public final class PortfolioListFile {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]+");
  private static final List<String> REQUIRED = List.of("portfolio", "desk", "trader");

  private PortfolioListFile() {}

  /**
   * The listings of {@code file}, in file order.
   *
   * @throws IllegalArgumentException {@code <file>:<line>: <reason> in '<line>'} for the first bad line, a missing
   *     header column, a file that does not exist or is not UTF-8 text
   * @throws IOException when the file cannot be read for another reason
   */
  public static List<PortfolioListing> read(Path file) throws IOException {
    try {
      return read(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text (save it as UTF-8 CSV)", e);
    }
  }

  /** The listings of {@code text}; {@code source} names it in error messages. */
  public static List<PortfolioListing> parse(String text, String source) {
    try {
      return read(new StringReader(text), source);
    } catch (IOException e) {
      throw new IllegalStateException("a string cannot fail to read", e);
    }
  }

  private static List<PortfolioListing> read(Reader reader, String source) throws IOException {
    try (reader) {
      Map<String, Integer> firstLine = new HashMap<>();
      return CsvTable.open(reader, source, "portfolio list", REQUIRED).rows(line -> {
        if (line.extraCells() > 0) {
          // No quoting: "10,000,000" would otherwise open with a cash of 10.
          throw new IllegalArgumentException(line.extraCells() + " cell(s) more than the header has columns (a comma"
              + " inside a value?)");
        }
        String id = identifier(line.cell("portfolio"), "portfolio");
        String desk = identifier(line.cell("desk"), "desk");
        String trader = line.cell("trader");
        double cash = cash(line.cell("initial_cash", "0"));
        Integer earlier = firstLine.putIfAbsent(id, line.lineNumber());
        if (earlier != null) {
          throw new IllegalArgumentException("portfolio " + id + " is listed twice (lines " + earlier + " and "
              + line.lineNumber() + ")");
        }
        return new PortfolioListing(id, desk, trader, cash);
      });
    }
  }

  private static String identifier(String value, String column) {
    if (!ID.matcher(value).matches()) {
      throw new IllegalArgumentException(column + " '" + value + "' may hold only letters, digits and . _ : -");
    }
    return value;
  }

  private static double cash(String text) {
    double cash;
    try {
      cash = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("initial_cash '" + text + "' is not a number");
    }
    if (!Double.isFinite(cash) || cash < 0) {
      throw new IllegalArgumentException("initial_cash " + text + " must be a finite number at least 0");
    }
    return cash;
  }
}

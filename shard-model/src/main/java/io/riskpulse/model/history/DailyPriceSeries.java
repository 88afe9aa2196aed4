package io.riskpulse.model.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The daily closing prices of one instrument, as read from a {@code <SYMBOL>.csv} file of a data folder.
 * Immutable and thread-safe.
 *
 * <p>File format: a header {@code date,close} or {@code date,close,volume}, then one line per trading day with an
 * ISO date ({@code 2020-04-20}), strictly ascending, and the closing price in the instrument's currency. The
 * optional volume is a finite number &ge; 0 (or empty) and is kept as NaN when absent. Blank lines are skipped.
 *
 * <p>Any other line fails the whole load with {@code file:line: reason}: a calibration or a replay silently
 * built on half a file would be wrong without anyone noticing. Closes must be finite but may be zero or
 * negative, because real prices can be (WTI crude settled at -37.63 on 2020-04-20); consumers decide what a
 * non-positive price means for them (the simulator's calibration and replay in {@code ingestion}, and
 * {@link PriceHistory}, document their choice).
 */
public final class DailyPriceSeries {

  private final String symbol;
  private final LocalDate[] dates;
  private final double[] closes;
  private final double[] volumes;

  private DailyPriceSeries(String symbol, LocalDate[] dates, double[] closes, double[] volumes) {
    this.symbol = symbol;
    this.dates = dates;
    this.closes = closes;
    this.volumes = volumes;
  }

  /**
   * A series from arrays (copied), e.g. for tests. Dates must be strictly ascending and closes finite.
   *
   * @throws IllegalArgumentException naming the first offending index
   */
  public static DailyPriceSeries of(String symbol, List<LocalDate> dates, double[] closes) {
    Objects.requireNonNull(symbol, "symbol");
    if (dates.size() != closes.length) {
      throw new IllegalArgumentException(
          symbol + ": " + dates.size() + " dates but " + closes.length + " closes");
    }
    for (int i = 0; i < closes.length; i++) {
      if (!Double.isFinite(closes[i])) {
        throw new IllegalArgumentException(symbol + "[" + i + "]: close is not finite: " + closes[i]);
      }
      if (i > 0 && !dates.get(i).isAfter(dates.get(i - 1))) {
        throw new IllegalArgumentException(symbol + "[" + i + "]: date " + dates.get(i)
            + " is not after the previous date " + dates.get(i - 1));
      }
    }
    double[] volumes = new double[closes.length];
    Arrays.fill(volumes, Double.NaN);
    return new DailyPriceSeries(symbol, dates.toArray(new LocalDate[0]), closes.clone(), volumes);
  }

  /**
   * Loads {@code <SYMBOL>.csv}; the symbol is the file name without its {@code .csv} extension.
   *
   * @throws IllegalArgumentException {@code file:line: reason} for the first malformed line
   * @throws UncheckedIOException when the file cannot be read
   */
  public static DailyPriceSeries load(Path file) {
    String name = file.getFileName().toString();
    String symbol = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString(), symbol);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read daily price file " + file, e);
    }
  }

  /**
   * Parses CSV text in the format of the class comment.
   *
   * @param source name used in error messages (usually the file path)
   * @param symbol symbol the series belongs to
   * @throws IllegalArgumentException {@code source:line: reason} for the first malformed line
   */
  public static DailyPriceSeries parse(Reader reader, String source, String symbol) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    String header = lines.readLine();
    if (header == null) {
      throw new IllegalArgumentException(source + ":1: empty file, expected header 'date,close'");
    }
    String normalisedHeader = header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replace(" ", "");
    boolean hasVolume;
    if (normalisedHeader.equals("date,close")) {
      hasVolume = false;
    } else if (normalisedHeader.equals("date,close,volume")) {
      hasVolume = true;
    } else {
      throw new IllegalArgumentException(
          source + ":1: bad header '" + header + "', expected 'date,close' or 'date,close,volume'");
    }
    int expectedCells = hasVolume ? 3 : 2;
    List<LocalDate> dates = new ArrayList<>();
    double[] closes = new double[256];
    double[] volumes = new double[256];
    String line;
    int lineNumber = 1;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != expectedCells) {
        throw malformed(source, lineNumber, "expected " + expectedCells + " columns but found " + cells.length,
            line);
      }
      LocalDate date;
      try {
        date = LocalDate.parse(cells[0].trim());
      } catch (DateTimeParseException e) {
        throw malformed(source, lineNumber, "bad date '" + cells[0].trim() + "' (expected yyyy-MM-dd)", line);
      }
      if (!dates.isEmpty() && !date.isAfter(dates.get(dates.size() - 1))) {
        throw malformed(source, lineNumber, "date " + date + " is not after the previous date "
            + dates.get(dates.size() - 1) + " (dates must be strictly ascending)", line);
      }
      double close = number(cells[1], "close", source, lineNumber, line);
      double volume = Double.NaN;
      if (hasVolume && !cells[2].isBlank()) {
        volume = number(cells[2], "volume", source, lineNumber, line);
        if (volume < 0) {
          throw malformed(source, lineNumber, "negative volume " + volume, line);
        }
      }
      int index = dates.size();
      if (index == closes.length) {
        closes = Arrays.copyOf(closes, index * 2);
        volumes = Arrays.copyOf(volumes, index * 2);
      }
      dates.add(date);
      closes[index] = close;
      volumes[index] = volume;
    }
    if (dates.isEmpty()) {
      throw new IllegalArgumentException(source + ": no price lines after the header");
    }
    int size = dates.size();
    return new DailyPriceSeries(symbol, dates.toArray(new LocalDate[0]), Arrays.copyOf(closes, size),
        Arrays.copyOf(volumes, size));
  }

  private static double number(String cell, String column, String source, int lineNumber, String line) {
    String text = cell.trim();
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw malformed(source, lineNumber, "bad " + column + " '" + text + "' (not a number)", line);
    }
    if (!Double.isFinite(value)) {
      throw malformed(source, lineNumber, column + " is not finite: '" + text + "'", line);
    }
    return value;
  }

  private static IllegalArgumentException malformed(String source, int lineNumber, String reason, String line) {
    return new IllegalArgumentException(source + ":" + lineNumber + ": " + reason + " in '" + line + "'");
  }

  public String symbol() {
    return symbol;
  }

  /** Number of trading days. */
  public int size() {
    return dates.length;
  }

  public LocalDate date(int index) {
    return dates[index];
  }

  /** Closing price of a day, instrument currency; finite, possibly &le; 0. */
  public double close(int index) {
    return closes[index];
  }

  /** Volume of a day in instrument units, or NaN when the file has none. */
  public double volume(int index) {
    return volumes[index];
  }

  public LocalDate firstDate() {
    return dates[0];
  }

  public LocalDate lastDate() {
    return dates[dates.length - 1];
  }

  /** Index of this date, or a negative number ({@code -(insertion point) - 1}) when it is not a trading day. */
  public int indexOf(LocalDate date) {
    return Arrays.binarySearch(dates, date);
  }

  /** Whether any close is zero or negative. */
  public boolean hasNonPositiveClose() {
    for (double close : closes) {
      if (!(close > 0)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "DailyPriceSeries[" + symbol + ", " + size() + " days " + firstDate() + ".." + lastDate() + "]";
  }
}

package io.riskpulse.model.instrument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The node's instrument reference: every symbol an execution or a price may name. Immutable after loading, so
 * it is shared by every entity on a node without locking.
 *
 * <p>File format: CSV with a header line. Required columns {@code symbol,asset_class,currency}; optional
 * {@code lot_size} (default 1), {@code sector}, {@code region}. Other columns (e.g. {@code description}) are
 * ignored, so the {@code instruments.csv} that ships with daily price folders loads as is. Lines starting with
 * {@code #} and blank lines are skipped. A malformed line fails the whole load with its line number: a risk
 * system must not start with a silently partial instrument universe.
 */
public final class InstrumentRegistry {

  private final Map<String, Instrument> bySymbol;

  private InstrumentRegistry(Map<String, Instrument> bySymbol) {
    this.bySymbol = Collections.unmodifiableMap(bySymbol);
  }

  /** A registry of the given instruments; symbols must be unique. */
  public static InstrumentRegistry of(Collection<Instrument> instruments) {
    Map<String, Instrument> map = new LinkedHashMap<>();
    for (Instrument instrument : instruments) {
      if (map.putIfAbsent(instrument.symbol(), instrument) != null) {
        throw new IllegalArgumentException("duplicate instrument symbol '" + instrument.symbol() + "'");
      }
    }
    return new InstrumentRegistry(map);
  }

  /** Loads a registry from a CSV file (format in the class comment). */
  public static InstrumentRegistry load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read instrument file " + file, e);
    }
  }

  /**
   * Parses CSV text (format in the class comment).
   *
   * @param source name of the source used in error messages
   * @throws IllegalArgumentException with source and line number for the first malformed line
   */
  public static InstrumentRegistry parse(Reader reader, String source) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    String header = lines.readLine();
    if (header == null) {
      throw new IllegalArgumentException(source + ": empty instrument file");
    }
    Map<String, Integer> columns = new HashMap<>();
    String[] names = header.split(",", -1);
    for (int i = 0; i < names.length; i++) {
      columns.put(names[i].trim().toLowerCase(Locale.ROOT), i);
    }
    for (String required : List.of("symbol", "asset_class", "currency")) {
      if (!columns.containsKey(required)) {
        throw new IllegalArgumentException(source + ": header lacks required column '" + required + "'");
      }
    }
    List<Instrument> instruments = new ArrayList<>();
    String line;
    int lineNumber = 1;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      try {
        instruments.add(
            new Instrument(
                cell(cells, columns, "symbol", null),
                AssetClass.parse(cell(cells, columns, "asset_class", null)),
                cell(cells, columns, "currency", null),
                Double.parseDouble(cell(cells, columns, "lot_size", "1")),
                cell(cells, columns, "sector", ""),
                cell(cells, columns, "region", "")));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            source + ":" + lineNumber + ": " + e.getMessage() + " in '" + line + "'", e);
      }
    }
    try {
      return of(instruments);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static String cell(String[] cells, Map<String, Integer> columns, String name, String fallback) {
    Integer index = columns.get(name);
    if (index == null || index >= cells.length || cells[index].isBlank()) {
      if (fallback == null) {
        throw new IllegalArgumentException("missing " + name + " (" + cells.length + " cells: "
            + Arrays.toString(cells) + ")");
      }
      return fallback;
    }
    return cells[index].trim();
  }

  /** The instrument with this symbol, if known. */
  public Optional<Instrument> find(String symbol) {
    return symbol == null ? Optional.empty() : Optional.ofNullable(bySymbol.get(symbol));
  }

  public boolean contains(String symbol) {
    return symbol != null && bySymbol.containsKey(symbol);
  }

  /** All instruments in file order. */
  public Collection<Instrument> all() {
    return bySymbol.values();
  }

  public int size() {
    return bySymbol.size();
  }
}

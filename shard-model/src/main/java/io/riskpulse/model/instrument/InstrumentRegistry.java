package io.riskpulse.model.instrument;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node's instrument reference: every symbol an execution or a price may name. Immutable after loading, so
 * it is shared by every entity on a node without locking.
 *
 * <p>File format: CSV with a header line. Required columns {@code symbol,asset_class,currency}; optional
 * {@code lot_size} (default 1), {@code sector}, {@code region} and {@code adv} (average daily volume, instrument
 * units per day; an absent column or a blank cell is unknown, which makes the instrument's liquidity unknown and
 * breaches a liquidity limit). Other columns (e.g. {@code description}) are
 * ignored, so the {@code instruments.csv} that ships with daily price folders loads as is. Lines starting with
 * {@code #} and blank lines are skipped. A malformed line fails the whole load with its line number: a risk
 * system must not start with a silently partial instrument universe. Read with {@link CsvTable}.
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
    CsvTable table = CsvTable.open(reader, source, "instrument file", List.of("symbol", "asset_class", "currency"));
    List<Instrument> instruments = table.rows(row -> new Instrument(
        row.cell("symbol"),
        AssetClass.parse(row.cell("asset_class")),
        row.cell("currency"),
        Double.parseDouble(row.cell("lot_size", "1")),
        row.cell("sector", ""),
        row.cell("region", ""),
        averageDailyVolume(row.cell("adv", ""))));
    try {
      return of(instruments);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * An {@code adv} cell: blank is unknown (NaN); otherwise a positive finite number. 0 is refused like any other
   * malformed value: a file that does not know an ADV says so with a blank cell.
   */
  private static double averageDailyVolume(String cell) {
    if (cell.isEmpty()) {
      return Double.NaN;
    }
    double adv;
    try {
      adv = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad adv '" + cell + "' (not a number)", e);
    }
    if (!(adv > 0) || Double.isInfinite(adv)) {
      throw new IllegalArgumentException("adv must be a positive finite number or blank (unknown), was '" + cell
          + "'");
    }
    return adv;
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

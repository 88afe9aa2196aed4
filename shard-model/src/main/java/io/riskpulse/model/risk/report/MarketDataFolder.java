package io.riskpulse.model.risk.report;

import io.riskpulse.model.history.DailyPriceSeries;
import io.riskpulse.model.history.GapPolicy;
import io.riskpulse.model.history.PriceHistory;
import io.riskpulse.model.instrument.InstrumentRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a data folder holds for a set of symbols: each symbol's own daily series ({@code <SYMBOL>.csv}), their
 * {@link PriceHistory} aligned under a {@link GapPolicy}, and the optional reference data
 * ({@value #INSTRUMENTS_FILE}) and liquidity inputs ({@value LiquidityInputs#FILE_NAME}). Immutable after
 * loading and thread-safe.
 *
 * <p>Loading checks what a user can get wrong and says so in one line: a folder that does not exist, a symbol
 * without a price file (listing the symbols the folder does have), a malformed file ({@code file:line: reason}).
 */
public final class MarketDataFolder {

  /** Optional reference data: {@code symbol,asset_class,currency[,sector,...]} ({@link InstrumentRegistry}). */
  public static final String INSTRUMENTS_FILE = "instruments.csv";

  private final Path folder;
  private final List<DailyPriceSeries> series;
  private final PriceHistory history;
  private final Optional<InstrumentRegistry> instruments;
  private final Map<String, LiquidityInputs> liquidity;

  private MarketDataFolder(Path folder, List<DailyPriceSeries> series, PriceHistory history,
      Optional<InstrumentRegistry> instruments, Map<String, LiquidityInputs> liquidity) {
    this.folder = folder;
    this.series = List.copyOf(series);
    this.history = history;
    this.instruments = instruments;
    this.liquidity = liquidity;
  }

  /**
   * Loads the series of {@code symbols} (in that order: instrument {@code i} of {@link #history()} is
   * {@code symbols[i]}) and aligns them.
   *
   * @throws IllegalArgumentException for a missing folder, an unknown symbol, a malformed file, or series that
   *     share no dates
   * @throws UncheckedIOException when a file exists but cannot be read
   */
  public static MarketDataFolder load(Path folder, Collection<String> symbols, GapPolicy policy) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("data folder not found: " + folder);
    }
    List<String> missing = symbols.stream()
        .filter(symbol -> !Files.isRegularFile(folder.resolve(symbol + ".csv")))
        .collect(Collectors.toList());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("unknown symbol" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing) + ": no price file " + missing.get(0) + ".csv in " + folder
          + "; it has " + availableSymbols(folder));
    }
    List<DailyPriceSeries> series = new ArrayList<>(symbols.size());
    for (String symbol : symbols) {
      series.add(DailyPriceSeries.load(folder.resolve(symbol + ".csv")));
    }
    PriceHistory history = PriceHistory.align(series, policy);
    Path instrumentsFile = folder.resolve(INSTRUMENTS_FILE);
    Optional<InstrumentRegistry> instruments = Files.isRegularFile(instrumentsFile)
        ? Optional.of(InstrumentRegistry.load(instrumentsFile)) : Optional.empty();
    return new MarketDataFolder(folder, series, history, instruments,
        LiquidityInputs.load(folder.resolve(LiquidityInputs.FILE_NAME)));
  }

  /** Symbols with a price file in a folder, sorted, for error messages. */
  static List<String> availableSymbols(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".csv") && !name.equals(INSTRUMENTS_FILE)
              && !name.equals(LiquidityInputs.FILE_NAME))
          .map(name -> name.substring(0, name.length() - 4))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list data folder " + folder, e);
    }
  }

  /**
   * Checks that every symbol with reference data is priced in {@code reportingCurrency}: the folder holds no FX
   * history, so amounts in two currencies could only be added wrongly.
   *
   * @return the symbols without reference data, whose currency is therefore assumed to be the reporting one
   * @throws IllegalArgumentException naming the first symbol priced in another currency
   */
  public List<String> requireSingleCurrency(String reportingCurrency) {
    List<String> assumed = new ArrayList<>();
    for (String symbol : history.symbols()) {
      Optional<String> currency = instruments.flatMap(registry -> registry.find(symbol)).map(i -> i.currency());
      if (currency.isEmpty()) {
        assumed.add(symbol);
      } else if (!currency.get().equals(reportingCurrency)) {
        throw new IllegalArgumentException(symbol + " is priced in " + currency.get() + " but reports are in "
            + reportingCurrency + " and the data folder has no FX history: positions must share one currency");
      }
    }
    return List.copyOf(assumed);
  }

  public Path folder() {
    return folder;
  }

  /** The aligned closes; instrument indices follow the symbols given to {@link #load}. */
  public PriceHistory history() {
    return history;
  }

  /** Each symbol's own, unaligned series, in instrument index order. */
  public List<DailyPriceSeries> series() {
    return series;
  }

  /** Reference data from {@value #INSTRUMENTS_FILE}, when the folder has one. */
  public Optional<InstrumentRegistry> instruments() {
    return instruments;
  }

  /** Liquidity inputs per symbol from {@value LiquidityInputs#FILE_NAME}; empty when the folder has none. */
  public Map<String, LiquidityInputs> liquidity() {
    return liquidity;
  }
}

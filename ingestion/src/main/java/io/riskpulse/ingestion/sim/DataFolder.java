package io.riskpulse.ingestion.sim;

import io.riskpulse.model.history.DailyPriceSeries;
import io.riskpulse.model.instrument.InstrumentRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A folder of daily price files: every {@code <SYMBOL>.csv} except {@code instruments.csv}, which (when present)
 * is the folder's instrument reference. Stateless.
 */
final class DataFolder {

  static final String INSTRUMENTS_FILE = "instruments.csv";

  private DataFolder() {}

  /** The folder's {@code instruments.csv}, if present. */
  static Optional<InstrumentRegistry> instruments(Path dir) {
    Path file = dir.resolve(INSTRUMENTS_FILE);
    return Files.isRegularFile(file) ? Optional.of(InstrumentRegistry.load(file)) : Optional.empty();
  }

  /**
   * Loads every price file of the folder, ordered as in {@code instruments.csv} (symbols it does not list
   * follow in alphabetical order), so outputs derived from a folder are stable.
   *
   * @throws IllegalArgumentException when the folder holds no price file, or a file is malformed
   */
  static List<DailyPriceSeries> loadAll(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("not a directory: " + dir);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".csv"))
          .filter(p -> !p.getFileName().toString().equals(INSTRUMENTS_FILE))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no <SYMBOL>.csv price file in " + dir);
    }
    List<DailyPriceSeries> series = new ArrayList<>(files.size());
    for (Path file : files) {
      series.add(DailyPriceSeries.load(file));
    }
    List<String> listed = instruments(dir)
        .map(r -> r.all().stream().map(i -> i.symbol()).collect(Collectors.toList()))
        .orElse(List.of());
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < listed.size(); i++) {
      rank.put(listed.get(i), i);
    }
    Function<DailyPriceSeries, Integer> position = s -> rank.getOrDefault(s.symbol(), Integer.MAX_VALUE);
    series.sort(Comparator.comparing(position).thenComparing(DailyPriceSeries::symbol));
    return series;
  }
}

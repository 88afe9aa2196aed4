package io.riskpulse.model.risk.stress;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Test-only reader of the real daily closes in {@code ../shared/data/daily} ({@code date,close} CSV files),
 * aligned on the union of their dates with NaN where a symbol has no close. Skips the calling test when system
 * property {@code riskpulse.shared.data} is unset or the folder is absent. The production loader lives
 * elsewhere; this one is deliberately minimal.
 */
final class SharedDailyCloses {

  final LocalDate[] dates;
  final Map<String, double[]> closes;

  private SharedDailyCloses(LocalDate[] dates, Map<String, double[]> closes) {
    this.dates = dates;
    this.closes = closes;
  }

  /** The {@code daily} folder; aborts (skips) the test when it cannot be found. */
  static Path dailyFolder() {
    String root = System.getProperty("riskpulse.shared.data");
    assumeTrue(root != null, "shared data folder absent: system property riskpulse.shared.data is not set");
    Path daily = Paths.get(root).resolve("daily").normalize();
    assumeTrue(Files.isDirectory(daily), "shared data folder absent: " + daily);
    return daily;
  }

  static SharedDailyCloses load(String... symbols) throws IOException {
    Path folder = dailyFolder();
    Map<String, TreeMap<LocalDate, Double>> series = new LinkedHashMap<>();
    TreeSet<LocalDate> allDates = new TreeSet<>();
    for (String symbol : symbols) {
      TreeMap<LocalDate, Double> closes = new TreeMap<>();
      List<String> lines = Files.readAllLines(folder.resolve(symbol + ".csv"), StandardCharsets.UTF_8);
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",");
        closes.put(LocalDate.parse(cells[0].trim()), Double.parseDouble(cells[1].trim()));
      }
      series.put(symbol, closes);
      allDates.addAll(closes.keySet());
    }
    LocalDate[] dates = allDates.toArray(new LocalDate[0]);
    Map<String, double[]> aligned = new LinkedHashMap<>();
    series.forEach((symbol, closes) -> {
      double[] values = new double[dates.length];
      Arrays.fill(values, Double.NaN);
      for (int i = 0; i < dates.length; i++) {
        Double close = closes.get(dates[i]);
        if (close != null) {
          values[i] = close;
        }
      }
      aligned.put(symbol, values);
    });
    return new SharedDailyCloses(dates, aligned);
  }

  /** The last non-NaN close of a symbol, used as its current mark. */
  double lastClose(String symbol) {
    double[] values = closes.get(symbol);
    for (int i = values.length - 1; i >= 0; i--) {
      if (!Double.isNaN(values[i])) {
        return values[i];
      }
    }
    throw new IllegalStateException("no close for " + symbol);
  }

  /** The close of a symbol on a date, NaN when none. */
  double close(String symbol, LocalDate date) {
    int i = Arrays.binarySearch(dates, date);
    return i < 0 ? Double.NaN : closes.get(symbol)[i];
  }
}

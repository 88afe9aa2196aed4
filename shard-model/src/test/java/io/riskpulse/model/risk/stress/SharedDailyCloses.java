package io.riskpulse.model.risk.stress;

import io.riskpulse.model.history.DailyPriceSeries;
import io.riskpulse.model.history.SharedData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;



/**
 * The real daily closes of {@code ../shared/data/daily} for the stress tests, read with the production loader
 * ({@link DailyPriceSeries}) and aligned on the union of their dates with NaN where a symbol has no close (the
 * arrays {@link StressScenario} and {@link StressTester} take). Skips the calling test when the folder is absent
 * ({@link SharedData}).
 */
final class SharedDailyCloses {

  final LocalDate[] dates;
  final Map<String, double[]> closes;

  private SharedDailyCloses(LocalDate[] dates, Map<String, double[]> closes) {
    this.dates = dates;
    this.closes = closes;
  }

  static SharedDailyCloses load(String... symbols) {
    Path folder = SharedData.dailyFolder();
    List<DailyPriceSeries> series = new ArrayList<>();
    TreeSet<LocalDate> allDates = new TreeSet<>();
    for (String symbol : symbols) {
      DailyPriceSeries one = DailyPriceSeries.load(folder.resolve(symbol + ".csv"));
      series.add(one);
      for (int i = 0; i < one.size(); i++) {
        allDates.add(one.date(i));
      }
    }
    LocalDate[] dates = allDates.toArray(new LocalDate[0]);
    Map<String, double[]> aligned = new LinkedHashMap<>();
    for (DailyPriceSeries one : series) {
      double[] values = new double[dates.length];
      Arrays.fill(values, Double.NaN);
      for (int i = 0; i < one.size(); i++) {
        values[Arrays.binarySearch(dates, one.date(i))] = one.close(i);
      }
      aligned.put(one.symbol(), values);
    }
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

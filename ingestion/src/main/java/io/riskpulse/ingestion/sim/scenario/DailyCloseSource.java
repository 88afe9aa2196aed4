package io.riskpulse.ingestion.sim.scenario;

import io.riskpulse.ingestion.sim.Calibration;
import io.riskpulse.ingestion.sim.CorrelatedPriceSimulator;
import io.riskpulse.ingestion.sim.SimUniverse;
import io.riskpulse.model.history.DailyPriceSeries;
import io.riskpulse.model.market.Quote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the scenario days' closes come from: a folder of real daily closes ({@code SYMBOL.csv}, {@code date,close})
 * or the calibrated synthetic simulator run one trading day per step. Either way each day carries the previous
 * close, the close and the standard deviation of the {@value #VOL_WINDOW} daily log returns before it. Stateless.
 */
public final class DailyCloseSource {

  /** Daily returns the volatility of a day is estimated from (count). */
  public static final int VOL_WINDOW = 20;
  /**
   * The instruments of a real-data scenario when none are named: an equity index (total return), long bonds and
   * gold ETFs, whose files run to recent years.
   */
  public static final List<String> DEFAULT_REAL_SYMBOLS = List.of("SPXTR", "TLT", "GLD");
  /** The instruments of a synthetic scenario when none are named: three equities of the simulated universe. */
  public static final List<String> DEFAULT_SYNTHETIC_SYMBOLS = List.of("AAPL", "JPM", "XOM");

  private DailyCloseSource() {}

  /**
   * The first {@code days} trading days on or after {@code from} on which every symbol has a positive close
   * and {@value #VOL_WINDOW} earlier positive returns.
   *
   * @throws IllegalArgumentException when a file is missing or malformed, or the folder has fewer such days
   */
  public static List<DayCloses> fromFolder(Path dailyDir, List<String> symbols, LocalDate from, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be >= 1, was " + days);
    }
    List<DailyPriceSeries> series = new ArrayList<>();
    for (String symbol : symbols) {
      Path file = dailyDir.resolve(symbol + ".csv");
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no price file " + symbol + ".csv in " + dailyDir);
      }
      series.add(DailyPriceSeries.load(file));
    }
    DailyPriceSeries first = series.get(0);
    List<DayCloses> out = new ArrayList<>();
    for (int d = Math.max(0, -first.indexOf(from) - 1); d < first.size() && out.size() < days; d++) {
      LocalDate date = first.date(d);
      if (date.isBefore(from)) {
        continue;
      }
      double[] open = new double[symbols.size()];
      double[] close = new double[symbols.size()];
      double[] vol = new double[symbols.size()];
      boolean usable = true;
      for (int i = 0; i < series.size() && usable; i++) {
        DailyPriceSeries s = series.get(i);
        int index = s.indexOf(date);
        if (index < VOL_WINDOW + 1) {
          usable = false;
          break;
        }
        double[] window = new double[VOL_WINDOW + 2];
        for (int k = 0; k < window.length; k++) {
          window[k] = s.close(index - VOL_WINDOW - 1 + k);
          usable &= window[k] > 0;
        }
        open[i] = window[VOL_WINDOW];
        close[i] = window[VOL_WINDOW + 1];
        vol[i] = logReturnVol(window, VOL_WINDOW + 1);
        usable &= vol[i] > 0;
      }
      if (usable) {
        out.add(new DayCloses(date, symbols, open, close, vol));
      }
    }
    if (out.size() < days) {
      throw new IllegalArgumentException("only " + out.size() + " usable trading days from " + from + " in "
          + dailyDir + " for " + symbols + ", " + days + " needed");
    }
    return out;
  }

  /**
   * {@code days} weekdays from {@code from} of the calibrated synthetic simulator (its default universe and
   * calibration, one step per 6.5-hour trading day), preceded by {@value #VOL_WINDOW} simulated days for the
   * volatility window.
   */
  public static List<DayCloses> synthetic(List<String> symbols, LocalDate from, int days, long seed) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be >= 1, was " + days);
    }
    SimUniverse universe = SimUniverse.loadDefault();
    for (String symbol : symbols) {
      universe.get(symbol);
    }
    CorrelatedPriceSimulator simulator = new CorrelatedPriceSimulator(universe, Calibration.loadDefault(), seed,
        from.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli(), ScenarioSettings.FULL_SESSION_SECONDS);
    int total = VOL_WINDOW + 1 + days;
    Map<String, double[]> closes = new HashMap<>();
    for (String symbol : symbols) {
      closes.put(symbol, new double[total]);
      closes.get(symbol)[0] = universe.get(symbol).startPrice();
    }
    for (int t = 1; t < total; t++) {
      for (Quote quote : simulator.next()) {
        double[] path = closes.get(quote.symbol());
        if (path != null) {
          path[t] = (quote.bid() + quote.ask()) / 2;
        }
      }
    }
    List<DayCloses> out = new ArrayList<>();
    LocalDate date = from;
    for (int d = 0; d < days; d++) {
      while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
        date = date.plusDays(1);
      }
      int index = VOL_WINDOW + 1 + d;
      double[] open = new double[symbols.size()];
      double[] close = new double[symbols.size()];
      double[] vol = new double[symbols.size()];
      for (int i = 0; i < symbols.size(); i++) {
        double[] path = closes.get(symbols.get(i));
        open[i] = path[index - 1];
        close[i] = path[index];
        double[] window = new double[VOL_WINDOW + 1];
        System.arraycopy(path, index - VOL_WINDOW - 1, window, 0, VOL_WINDOW + 1);
        vol[i] = logReturnVol(window, VOL_WINDOW + 1);
      }
      out.add(new DayCloses(date, symbols, open, close, vol));
      date = date.plusDays(1);
    }
    return out;
  }

  /** Sample standard deviation of the log returns of {@code closes[0..n)}. */
  static double logReturnVol(double[] closes, int n) {
    int m = n - 1;
    double sum = 0;
    double sumSq = 0;
    for (int k = 1; k < n; k++) {
      double r = Math.log(closes[k] / closes[k - 1]);
      sum += r;
      sumSq += r * r;
    }
    double mean = sum / m;
    return Math.sqrt(Math.max(0, (sumSq - m * mean * mean) / (m - 1)));
  }
}

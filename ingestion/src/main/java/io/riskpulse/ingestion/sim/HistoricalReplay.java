package io.riskpulse.ingestion.sim;

import io.riskpulse.model.history.DailyPriceSeries;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.market.Quote;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Replays real daily closes (the {@code --data-dir DIR} alternative to the synthetic simulator) as intraday
 * quotes: every trading day of a date range is cut into {@code stepsPerDay} steps, and each instrument moves
 * from the previous close to the day's close along a seeded Brownian bridge in log-price.
 *
 * <p>Bridge: with {@code x = ln(price)}, anchored at the previous close {@code x₀} and ending at the day's close
 * {@code x_N}, step {@code k = 1..N} draws
 * {@code x_k = x_{k-1} + (x_N - x_{k-1})/(N-k+1) + σ √(1/N · (N-k)/(N-k+1)) · z}, the exact conditional law of
 * a Brownian motion of daily vol σ pinned at both ends; the last step lands exactly on the real close. σ is the
 * standard deviation of the series' daily log returns over the whole file (commons-math3).
 *
 * <p>Calendar: the steps of a day are stamped from 09:30 to 16:00 New York, taken as 14:30-21:00 UTC (nominal,
 * daylight saving ignored), the last step at the close. A day is any date on which at least one series in the
 * folder has a close; an instrument with no close that day (holiday on its market, series not started or
 * ended) emits no quote that day.
 *
 * <p>Non-positive prices: real data holds one (WTI crude, -37.63 on 2020-04-20). A log-price bridge cannot pass
 * through it and a quote at a negative price would make every fill price there invalid, so an instrument emits
 * <em>no quotes on a day whose close is &le; 0</em>; the next day bridges from its last positive close
 * (2020-04-17 to 2020-04-21 for CL). Such days are counted in {@link #skippedNonPositiveCloses()}. Every emitted
 * price is thus finite and &gt; 0. An instrument whose first close in the range has no earlier positive close
 * starts flat at that close.
 *
 * <p>Instruments come from the folder's {@code instruments.csv} when present (its asset classes such as
 * {@code equity_index}, {@code real_estate} map through {@link AssetClass#parse}); a series it does not list is
 * an {@link AssetClass#EQUITY} in USD with lot size 1.
 *
 * <p>Deterministic for a folder, range, steps per day and seed. Not thread-safe: confine to one thread.
 */
public final class HistoricalReplay implements QuoteGenerator {

  /** Nominal session open, UTC (09:30 New York in winter). */
  public static final LocalTime SESSION_OPEN_UTC = LocalTime.of(14, 30);
  /** Nominal session length, seconds (6.5 hours). */
  public static final long SESSION_SECONDS = 6 * 3600 + 1800;

  private final List<Instrument> instruments;
  private final DailyPriceSeries[] series;
  private final double[] dailyVol;
  private final double[] halfSpread;
  private final List<LocalDate> days;
  private final int stepsPerDay;
  private final RandomGenerator random;

  /** ln of the last positive close before the current day, NaN when none yet. */
  private final double[] anchor;
  /** Current bridge position of each instrument during the day. */
  private final double[] current;
  /** ln of today's close, NaN when the instrument is not quoted today. */
  private final double[] target;
  private int dayIndex;
  private int stepInDay;
  private int skippedNonPositive;

  private HistoricalReplay(List<Instrument> instruments, List<DailyPriceSeries> series, LocalDate from,
      LocalDate to, int stepsPerDay, long seed) {
    if (stepsPerDay < 1) {
      throw new IllegalArgumentException("stepsPerDay must be >= 1, was " + stepsPerDay);
    }
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("empty date range " + from + ".." + to);
    }
    int n = series.size();
    this.instruments = List.copyOf(instruments);
    this.series = series.toArray(new DailyPriceSeries[0]);
    this.dailyVol = new double[n];
    this.halfSpread = new double[n];
    this.anchor = new double[n];
    this.current = new double[n];
    this.target = new double[n];
    TreeSet<LocalDate> dates = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      DailyPriceSeries s = this.series[i];
      for (int d = 0; d < s.size(); d++) {
        if (!s.date(d).isBefore(from) && !s.date(d).isAfter(to)) {
          dates.add(s.date(d));
        }
      }
      dailyVol[i] = dailyLogVol(s);
      halfSpread[i] = Spreads.halfSpread(instruments.get(i).assetClass());
      anchor[i] = Double.NaN;
      int firstInRange = s.indexOf(from);
      int before = (firstInRange >= 0 ? firstInRange : -firstInRange - 1) - 1;
      for (int d = before; d >= 0; d--) {
        if (s.close(d) > 0) {
          anchor[i] = Math.log(s.close(d));
          break;
        }
      }
    }
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("no series has a close between " + from + " and " + to);
    }
    this.days = List.copyOf(dates);
    this.stepsPerDay = stepsPerDay;
    this.random = new Well19937c(seed);
  }

  /**
   * Replays a data folder.
   *
   * @param dataDir folder of {@code <SYMBOL>.csv} daily files and an optional {@code instruments.csv}
   * @param from first day replayed (inclusive)
   * @param to last day replayed (inclusive)
   * @param stepsPerDay intraday steps per trading day, &ge; 1 (the last one lands on the close)
   * @param seed seed of the bridges
   * @throws IllegalArgumentException when a file is malformed or no series has a close in the range
   */
  public static HistoricalReplay load(Path dataDir, LocalDate from, LocalDate to, int stepsPerDay, long seed) {
    List<DailyPriceSeries> series = DataFolder.loadAll(dataDir);
    InstrumentRegistry listed = DataFolder.instruments(dataDir).orElse(InstrumentRegistry.of(List.of()));
    return of(series, listed, from, to, stepsPerDay, seed);
  }

  /**
   * Replays the given series; instruments are taken from {@code reference} by symbol, defaulting to
   * EQUITY/USD with lot size 1.
   */
  public static HistoricalReplay of(List<DailyPriceSeries> series, InstrumentRegistry reference, LocalDate from,
      LocalDate to, int stepsPerDay, long seed) {
    List<Instrument> instruments = new ArrayList<>(series.size());
    for (DailyPriceSeries s : series) {
      instruments.add(reference.find(s.symbol())
          .orElseGet(() -> new Instrument(s.symbol(), AssetClass.EQUITY, "USD", 1, "", "")));
    }
    return new HistoricalReplay(instruments, series, from, to, stepsPerDay, seed);
  }

  private static double dailyLogVol(DailyPriceSeries s) {
    double[] returns = new double[Math.max(0, s.size() - 1)];
    int count = 0;
    for (int d = 1; d < s.size(); d++) {
      if (s.close(d - 1) > 0 && s.close(d) > 0) {
        returns[count++] = Math.log(s.close(d) / s.close(d - 1));
      }
    }
    return count < 2 ? 0 : new StandardDeviation(true).evaluate(returns, 0, count);
  }

  @Override
  public List<Instrument> instruments() {
    return instruments;
  }

  @Override
  public boolean hasNext() {
    return dayIndex < days.size();
  }

  /**
   * The quotes of the next intraday step: one per instrument quoted today, stamped
   * {@code day 14:30 UTC + step × 6.5 h / stepsPerDay}.
   *
   * @throws NoSuchElementException after the last step of the last day
   */
  @Override
  public List<Quote> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("replay finished after " + days.get(days.size() - 1));
    }
    LocalDate day = days.get(dayIndex);
    if (stepInDay == 0) {
      startDay(day);
    }
    stepInDay++;
    int k = stepInDay;
    int n = stepsPerDay;
    long timestamp = day.atTime(SESSION_OPEN_UTC).toInstant(ZoneOffset.UTC).toEpochMilli()
        + k * SESSION_SECONDS * 1000 / n;
    List<Quote> quotes = new ArrayList<>(series.length);
    for (int i = 0; i < series.length; i++) {
      if (Double.isNaN(target[i])) {
        continue;
      }
      double x;
      if (k == n) {
        x = target[i];
      } else {
        double remaining = n - k + 1;
        double sd = dailyVol[i] * Math.sqrt((1.0 / n) * (n - k) / remaining);
        x = current[i] + (target[i] - current[i]) / remaining + sd * random.nextGaussian();
      }
      current[i] = x;
      double mid = Math.exp(x);
      if (!(mid > 0) || Double.isInfinite(mid)) {
        // A bridge between two positive finite closes cannot leave (0, inf) at daily vols; guard anyway.
        continue;
      }
      quotes.add(new Quote(series[i].symbol(), mid, mid * (1 - halfSpread[i]), mid * (1 + halfSpread[i]),
          timestamp));
    }
    if (k == n) {
      for (int i = 0; i < series.length; i++) {
        if (!Double.isNaN(target[i])) {
          anchor[i] = target[i];
        }
      }
      stepInDay = 0;
      dayIndex++;
    }
    return quotes;
  }

  private void startDay(LocalDate day) {
    for (int i = 0; i < series.length; i++) {
      DailyPriceSeries s = series[i];
      int d = s.indexOf(day);
      target[i] = Double.NaN;
      if (d < 0) {
        continue;
      }
      double close = s.close(d);
      if (!(close > 0)) {
        skippedNonPositive++;
        continue;
      }
      target[i] = Math.log(close);
      current[i] = Double.isNaN(anchor[i]) ? target[i] : anchor[i];
    }
  }

  /** The trading day of the last step returned (the first day before any step). */
  public LocalDate currentDate() {
    return days.get(Math.min(stepInDay == 0 ? Math.max(dayIndex - 1, 0) : dayIndex, days.size() - 1));
  }

  /** Trading days of the range, ascending. */
  public List<LocalDate> days() {
    return Collections.unmodifiableList(days);
  }

  public int stepsPerDay() {
    return stepsPerDay;
  }

  /** Instrument-days skipped so far because the close was zero or negative. */
  public int skippedNonPositiveCloses() {
    return skippedNonPositive;
  }
}

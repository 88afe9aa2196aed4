package io.riskpulse.model.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Daily closes of several instruments aligned on one calendar, the input of historical scenarios and EWMA
 * estimates. Immutable and thread-safe.
 *
 * <p>Alignment follows a {@link GapPolicy} (union of dates with bounded forward fill, or intersection); what it
 * filled, dropped or trimmed is reported per instrument by {@link #gapReport}. Closes are in each instrument's
 * own currency and may be zero or negative (see {@link ReturnType}).
 *
 * <p>Day {@code t}'s move is from day {@code t-1} to day {@code t} of the aligned calendar, so day 0 has no move.
 * Moves are {@link ReturnType#RELATIVE} unless a close used by the requested window is &le; 0, in which case the
 * instrument's moves over that window are {@link ReturnType#ABSOLUTE} ({@link #returnType}).
 */
public final class PriceHistory {

  private final List<String> symbols;
  private final Map<String, Integer> indexBySymbol;
  private final LocalDate[] dates;
  /** Instrument-major: closes[instrument][day]. */
  private final double[][] closes;
  private final List<GapReport> gapReports;

  private PriceHistory(List<String> symbols, LocalDate[] dates, double[][] closes, List<GapReport> gapReports) {
    this.symbols = List.copyOf(symbols);
    this.indexBySymbol = new HashMap<>();
    for (int i = 0; i < symbols.size(); i++) {
      indexBySymbol.put(symbols.get(i), i);
    }
    this.dates = dates;
    this.closes = closes;
    this.gapReports = List.copyOf(gapReports);
  }

  /**
   * Loads {@code <SYMBOL>.csv} ({@link DailyPriceSeries} format) of each requested symbol from a folder and aligns
   * them.
   *
   * @param symbols instruments in the order their indices will have; no duplicates
   * @throws IllegalArgumentException when a file is missing or malformed, or the instruments share no dates
   */
  public static PriceHistory load(Path folder, Collection<String> symbols, GapPolicy policy) {
    List<DailyPriceSeries> series = new ArrayList<>(symbols.size());
    for (String symbol : symbols) {
      Path file = folder.resolve(symbol + ".csv");
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no price file for " + symbol + ": " + file);
      }
      series.add(DailyPriceSeries.load(file));
    }
    return align(series, policy);
  }

  /**
   * Aligns series on one calendar under {@code policy}; instrument {@code i} is {@code series.get(i)}.
   *
   * @throws IllegalArgumentException for no series, a duplicate symbol, or series whose spans do not overlap on
   *     at least one kept date
   */
  public static PriceHistory align(List<DailyPriceSeries> series, GapPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    if (series.isEmpty()) {
      throw new IllegalArgumentException("no price series to align");
    }
    int count = series.size();
    List<String> symbols = new ArrayList<>(count);
    LocalDate spanStart = LocalDate.MIN;
    LocalDate spanEnd = LocalDate.MAX;
    for (DailyPriceSeries s : series) {
      if (symbols.contains(s.symbol())) {
        throw new IllegalArgumentException("duplicate symbol " + s.symbol());
      }
      symbols.add(s.symbol());
      spanStart = s.firstDate().isAfter(spanStart) ? s.firstDate() : spanStart;
      spanEnd = s.lastDate().isBefore(spanEnd) ? s.lastDate() : spanEnd;
    }
    if (spanStart.isAfter(spanEnd)) {
      throw new IllegalArgumentException("the series do not overlap: latest first date " + spanStart
          + " is after earliest last date " + spanEnd + " (" + symbols + ")");
    }
    TreeSet<LocalDate> union = new TreeSet<>();
    int[] trimmed = new int[count];
    for (int i = 0; i < count; i++) {
      DailyPriceSeries s = series.get(i);
      for (int d = 0; d < s.size(); d++) {
        LocalDate date = s.date(d);
        if (date.isBefore(spanStart) || date.isAfter(spanEnd)) {
          trimmed[i]++;
        } else {
          union.add(date);
        }
      }
    }
    List<LocalDate> kept = new ArrayList<>(union.size());
    List<double[]> keptCloses = new ArrayList<>(union.size());
    List<List<LocalDate>> filled = new ArrayList<>(count);
    List<List<LocalDate>> dropped = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      filled.add(new ArrayList<>());
      dropped.add(new ArrayList<>());
    }
    int[] cursor = new int[count];
    int[] missingRun = new int[count];
    double[] lastClose = new double[count];
    for (int i = 0; i < count; i++) {
      // Every series starts on or before spanStart: a close missing on the first date is carried from before it.
      DailyPriceSeries s = series.get(i);
      int found = s.indexOf(spanStart);
      cursor[i] = found >= 0 ? found : -found - 1;
      lastClose[i] = cursor[i] > 0 ? s.close(cursor[i] - 1) : Double.NaN;
    }
    boolean[] present = new boolean[count];
    for (LocalDate date : union) {
      boolean keep = true;
      for (int i = 0; i < count; i++) {
        DailyPriceSeries s = series.get(i);
        present[i] = cursor[i] < s.size() && s.date(cursor[i]).equals(date);
        if (present[i]) {
          lastClose[i] = s.close(cursor[i]);
          cursor[i]++;
          missingRun[i] = 0;
        } else {
          missingRun[i]++;
          keep &= missingRun[i] <= policy.maxForwardFillDays() && !Double.isNaN(lastClose[i]);
        }
      }
      if (keep) {
        kept.add(date);
        keptCloses.add(lastClose.clone());
        for (int i = 0; i < count; i++) {
          if (!present[i]) {
            filled.get(i).add(date);
          }
        }
      } else {
        for (int i = 0; i < count; i++) {
          if (present[i]) {
            dropped.get(i).add(date);
          }
        }
      }
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("no date left after aligning " + symbols + " under " + policy);
    }
    double[][] closes = new double[count][kept.size()];
    for (int d = 0; d < kept.size(); d++) {
      double[] row = keptCloses.get(d);
      for (int i = 0; i < count; i++) {
        closes[i][d] = row[i];
      }
    }
    List<GapReport> reports = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      reports.add(new GapReport(symbols.get(i), filled.get(i), dropped.get(i), trimmed[i]));
    }
    return new PriceHistory(symbols, kept.toArray(new LocalDate[0]), closes, reports);
  }

  /** Instruments in index order. */
  public List<String> symbols() {
    return symbols;
  }

  public int instrumentCount() {
    return symbols.size();
  }

  /**
   * Index of an instrument.
   *
   * @throws IllegalArgumentException when the history does not hold it
   */
  public int indexOf(String symbol) {
    Integer index = indexBySymbol.get(symbol);
    if (index == null) {
      throw new IllegalArgumentException("no history for " + symbol + "; have " + symbols);
    }
    return index;
  }

  /** Number of days of the aligned calendar. */
  public int dayCount() {
    return dates.length;
  }

  public LocalDate date(int day) {
    return dates[day];
  }

  public LocalDate firstDate() {
    return dates[0];
  }

  public LocalDate lastDate() {
    return dates[dates.length - 1];
  }

  /** The last day on or before {@code date}, or -1 when {@code date} is before the first day. */
  public int dayOnOrBefore(LocalDate date) {
    int found = Arrays.binarySearch(dates, date);
    return found >= 0 ? found : -found - 2;
  }

  /** Aligned close of an instrument on a day, its own currency; possibly forward-filled, possibly &le; 0. */
  public double close(int instrument, int day) {
    return closes[instrument][day];
  }

  /** What alignment did to each instrument, in index order. */
  public List<GapReport> gapReports() {
    return gapReports;
  }

  public GapReport gapReport(String symbol) {
    return gapReports.get(indexOf(symbol));
  }

  /**
   * The move type of an instrument over days {@code firstDay..lastDay} (inclusive): {@link ReturnType#ABSOLUTE}
   * when any close from {@code firstDay - 1} to {@code lastDay} is &le; 0, else {@link ReturnType#RELATIVE}.
   *
   * @throws IndexOutOfBoundsException unless {@code 1 <= firstDay <= lastDay < dayCount()}
   */
  public ReturnType returnType(int instrument, int firstDay, int lastDay) {
    checkWindow(firstDay, lastDay);
    double[] c = closes[instrument];
    for (int d = firstDay - 1; d <= lastDay; d++) {
      if (!(c[d] > 0)) {
        return ReturnType.ABSOLUTE;
      }
    }
    return ReturnType.RELATIVE;
  }

  /**
   * Writes the moves of days {@code firstDay..lastDay} (oldest first) into {@code out} from {@code offset}.
   *
   * @throws IndexOutOfBoundsException unless {@code 1 <= firstDay <= lastDay < dayCount()} and {@code out} has room
   */
  public void moves(int instrument, int firstDay, int lastDay, ReturnType type, double[] out, int offset) {
    checkWindow(firstDay, lastDay);
    Objects.checkFromIndexSize(offset, lastDay - firstDay + 1, out.length);
    double[] c = closes[instrument];
    for (int d = firstDay; d <= lastDay; d++) {
      out[offset + d - firstDay] = type.move(c[d - 1], c[d]);
    }
  }

  /** The moves of days {@code firstDay..lastDay} in the type {@link #returnType} chooses for that window. */
  public double[] returns(int instrument, int firstDay, int lastDay) {
    double[] out = new double[lastDay - firstDay + 1];
    moves(instrument, firstDay, lastDay, returnType(instrument, firstDay, lastDay), out, 0);
    return out;
  }

  private void checkWindow(int firstDay, int lastDay) {
    if (firstDay < 1 || lastDay < firstDay || lastDay >= dates.length) {
      throw new IndexOutOfBoundsException("window " + firstDay + ".." + lastDay + " outside 1.."
          + (dates.length - 1));
    }
  }

  @Override
  public String toString() {
    return "PriceHistory[" + symbols + ", " + dates.length + " days " + firstDate() + ".." + lastDate() + "]";
  }
}

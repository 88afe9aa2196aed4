package io.riskpulse.ingestion.sim.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * What one simulated trading day is anchored to, per instrument: the previous close (the day's open), the day's
 * close and the recent daily volatility.
 *
 * @param date the trading day
 * @param symbols the instruments, in a fixed order
 * @param open each instrument's previous close (the day opens there), price currency
 * @param close each instrument's close of the day, price currency
 * @param dailyVol each instrument's standard deviation of daily log returns over the preceding window (fraction)
 */
public record DayCloses(LocalDate date, List<String> symbols, double[] open, double[] close, double[] dailyVol) {

  public DayCloses {
    symbols = List.copyOf(symbols);
    if (open.length != symbols.size() || close.length != symbols.size() || dailyVol.length != symbols.size()) {
      throw new IllegalArgumentException("one open, close and volatility per symbol");
    }
    for (int i = 0; i < open.length; i++) {
      if (!(open[i] > 0) || !(close[i] > 0) || !(dailyVol[i] > 0) || Double.isInfinite(open[i] + close[i])) {
        throw new IllegalArgumentException(symbols.get(i) + " on " + date + ": open, close and volatility must be"
            + " positive and finite");
      }
    }
    open = open.clone();
    close = close.clone();
    dailyVol = dailyVol.clone();
  }

  public int size() {
    return symbols.size();
  }
}

package io.riskpulse.model.risk.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/** Writes hand-made or seeded daily price files into a test folder, one close per calendar day from {@link #START}. */
final class SyntheticPrices {

  static final LocalDate START = LocalDate.of(2020, 1, 1);

  private SyntheticPrices() {}

  /** Writes {@code <symbol>.csv} with {@code closes[t]} on {@code START + t days}. */
  static void write(Path folder, String symbol, double[] closes) {
    write(folder, symbol, closes, -1);
  }

  /** As {@link #write(Path, String, double[])} but without the line of day {@code missingDay} (a holiday). */
  static void write(Path folder, String symbol, double[] closes, int missingDay) {
    StringBuilder text = new StringBuilder("date,close\n");
    for (int t = 0; t < closes.length; t++) {
      if (t == missingDay) {
        continue;
      }
      text.append(START.plusDays(t)).append(',').append(String.format(Locale.ROOT, "%.10f", closes[t])).append('\n');
    }
    try {
      Files.writeString(folder.resolve(symbol + ".csv"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes from a start price compounding the given daily returns: {@code closes[t] = closes[t-1] (1 + r[t])}. */
  static double[] compound(double start, double[] returns) {
    double[] closes = new double[returns.length];
    closes[0] = start;
    for (int t = 1; t < returns.length; t++) {
      closes[t] = closes[t - 1] * (1 + returns[t]);
    }
    return closes;
  }

  /** A seeded random walk of {@code days} closes with daily volatility {@code vol}. */
  static double[] randomWalk(long seed, int days, double start, double vol) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] returns = new double[days];
    for (int t = 1; t < days; t++) {
      returns[t] = vol * random.nextGaussian();
    }
    return compound(start, returns);
  }
}

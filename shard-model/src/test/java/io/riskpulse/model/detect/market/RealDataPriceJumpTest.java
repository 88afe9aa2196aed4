package io.riskpulse.model.detect.market;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.history.DailyPriceSeries;
import io.riskpulse.model.history.SharedData;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * SPY's real daily closes ({@code ../shared/data/daily/SPY.csv}, skipped when absent) replayed as one-minute
 * updates: each session of 390 minutes is a seeded Brownian bridge in log price from the previous close to the
 * day's close, with a per-minute volatility of the trailing 20-day standard deviation of daily log returns / √390,
 * and 17.5 hours of silence between sessions. Through the volatility regimes of 1995 to today (2008, 2020) the
 * price-jump detector may only fire on crash days: days whose close-to-close move exceeds four trailing standard
 * deviations, and the sessions right after them (whose synthetic intraday volatility doubles overnight).
 */
class RealDataPriceJumpTest {

  private static final int MINUTES = 390;

  @Test
  void staysQuietOnRealDailyClosesInterpolatedIntradayExceptOnCrashDays() {
    DailyPriceSeries spy = DailyPriceSeries.load(SharedData.dailyFolder().resolve("SPY.csv"));
    PriceJumpDetector detector = new PriceJumpDetector("SPY", MarketSurveillanceSettings.DEFAULTS.priceJump());
    Random random = new Random(20240102);
    TreeSet<LocalDate> crashDays = new TreeSet<>();
    TreeSet<LocalDate> jumpDays = new TreeSet<>();
    double[] returns = new double[spy.size()];
    long updates = 0;
    for (int d = 1; d < spy.size(); d++) {
      double from = Math.log(spy.close(d - 1));
      double to = Math.log(spy.close(d));
      returns[d] = to - from;
      double sigmaDaily = trailingStandardDeviation(returns, d, 20);
      if (Math.abs(returns[d]) > 4 * sigmaDaily) {
        crashDays.add(spy.date(d));
        if (d + 1 < spy.size()) {
          // the next session's intraday volatility doubles at once (the crash enters the trailing window), a real
          // regime break: 1997-10-28 reversed from -3% to +5% within the day
          crashDays.add(spy.date(d + 1));
        }
      }
      double sigmaMinute = sigmaDaily / Math.sqrt(MINUTES);
      long open = spy.date(d).atTime(14, 30).toInstant(ZoneOffset.UTC).toEpochMilli();
      // Brownian bridge: a random walk pinned at both ends by removing its endpoint error linearly
      double[] walk = new double[MINUTES + 1];
      for (int m = 1; m <= MINUTES; m++) {
        walk[m] = walk[m - 1] + sigmaMinute * random.nextGaussian();
      }
      for (int m = 0; m <= MINUTES; m++) {
        double fraction = (double) m / MINUTES;
        double logPrice = from + fraction * (to - from) + walk[m] - fraction * walk[MINUTES];
        long at = open + 60_000L * m;
        detector.update(Math.exp(logPrice), at);
        updates++;
        DetectionSignal jump = detector.lastJump();
        if (jump != null && jump.atMillis() == at) {
          jumpDays.add(spy.date(d));
        }
      }
    }
    assertTrue(updates > 1_000_000, "replayed " + updates + " updates");
    TreeSet<LocalDate> unexpected = new TreeSet<>(jumpDays);
    unexpected.removeAll(crashDays);
    assertTrue(unexpected.isEmpty(), "jumps outside crash days: " + unexpected + " (crash days " + crashDays + ")");
    assertTrue(jumpDays.size() <= 10, "jump days " + jumpDays);
  }

  /** Standard deviation of the {@code window} returns before index {@code d}, floored at 0.2% (a calm day). */
  private static double trailingStandardDeviation(double[] returns, int d, int window) {
    int from = Math.max(1, d - window);
    int n = d - from;
    if (n < 2) {
      return 0.01;
    }
    double mean = 0;
    for (int i = from; i < d; i++) {
      mean += returns[i];
    }
    mean /= n;
    double sum = 0;
    for (int i = from; i < d; i++) {
      sum += (returns[i] - mean) * (returns[i] - mean);
    }
    return Math.max(Math.sqrt(sum / (n - 1)), 0.002);
  }
}

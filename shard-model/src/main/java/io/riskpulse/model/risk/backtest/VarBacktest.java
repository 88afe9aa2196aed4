package io.riskpulse.model.risk.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Backtests a VaR model: compares each day's realized P&amp;L with the VaR forecast made for that day and
 * judges the exceptions with {@link KupiecTest}, {@link ChristoffersenTest} and the Basel {@link TrafficLight}.
 * Pure and stateless; O(days).
 *
 * <p>Conventions: P&amp;L is signed (negative = loss), VaR a positive loss amount, both in the same currency.
 * A day is an exception when its loss is strictly greater than its VaR ({@code −pnl > var}); a loss equal
 * to VaR is not. The forecast for day t must have been made with data up to day t − 1 (otherwise the backtest
 * is optimistic); this class cannot check that.
 *
 * <p>Days whose forecast is NaN (not enough history yet) are skipped and counted. Independence is judged on
 * transitions between days that are adjacent in the input and both compared, so a skipped day never links
 * the days around it. A day with a forecast but a NaN or infinite P&amp;L, or an infinite forecast, is bad
 * input and fails the whole backtest: silently dropping it could hide an exception.
 */
public final class VarBacktest {

  /** Significance of all three tests unless given: 5%, i.e. tests at the 95% level. */
  public static final double DEFAULT_SIGNIFICANCE = 0.05;

  private VarBacktest() {}

  /** Backtests at the default 5% significance. */
  public static BacktestReport run(
      LocalDate[] dates, double[] pnl, double[] varForecast, double confidence, String method) {
    return run(dates, pnl, varForecast, confidence, method, DEFAULT_SIGNIFICANCE);
  }

  /**
   * Backtests a VaR model.
   *
   * @param dates the days, strictly ascending
   * @param pnl realized P&amp;L per day, reporting currency, negative = loss
   * @param varForecast VaR forecast per day as a positive loss amount, made with data up to the day before;
   *     NaN when no forecast could be made
   * @param confidence VaR confidence in (0, 1), e.g. 0.99
   * @param method name of the VaR method, for the report
   * @param significance size of the statistical tests, e.g. 0.05
   * @throws IllegalArgumentException for arrays of different lengths, dates not strictly ascending, a bad
   *     P&amp;L or forecast on a compared day, or no day with a forecast at all
   */
  public static BacktestReport run(LocalDate[] dates, double[] pnl, double[] varForecast, double confidence,
      String method, double significance) {
    if (dates.length != pnl.length || dates.length != varForecast.length) {
      throw new IllegalArgumentException("dates, pnl and VaR must have the same length, were "
          + dates.length + ", " + pnl.length + ", " + varForecast.length);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
    }
    for (int i = 0; i < dates.length; i++) {
      if (dates[i] == null || i > 0 && !dates[i].isAfter(dates[i - 1])) {
        throw new IllegalArgumentException("dates must be strictly ascending, not at index " + i
            + " (" + dates[i] + ")");
      }
    }
    List<VarExceedance> exceptions = new ArrayList<>();
    int observations = 0;
    int skipped = 0;
    int n00 = 0;
    int n01 = 0;
    int n10 = 0;
    int n11 = 0;
    LocalDate first = null;
    LocalDate last = null;
    boolean previousCompared = false;
    boolean previousException = false;
    for (int i = 0; i < dates.length; i++) {
      double var = varForecast[i];
      if (Double.isNaN(var)) {
        skipped++;
        previousCompared = false;
        continue;
      }
      if (Double.isInfinite(var)) {
        throw new IllegalArgumentException("VaR forecast for " + dates[i] + " is " + var);
      }
      if (!Double.isFinite(pnl[i])) {
        throw new IllegalArgumentException("P&L for " + dates[i] + " is " + pnl[i]
            + " although a VaR forecast exists; a backtest must not drop a day silently");
      }
      double loss = -pnl[i];
      boolean exception = loss > var;
      if (exception) {
        exceptions.add(new VarExceedance(dates[i], pnl[i], loss, var, loss - var));
      }
      if (previousCompared) {
        if (previousException) {
          if (exception) {
            n11++;
          } else {
            n10++;
          }
        } else if (exception) {
          n01++;
        } else {
          n00++;
        }
      }
      previousCompared = true;
      previousException = exception;
      observations++;
      first = first == null ? dates[i] : first;
      last = dates[i];
    }
    if (observations == 0) {
      throw new IllegalArgumentException("no day has a VaR forecast (" + skipped + " skipped): nothing to backtest");
    }
    double alpha = 1 - confidence;
    int x = exceptions.size();
    TransitionCounts transitions = new TransitionCounts(n00, n01, n10, n11);
    LikelihoodRatioTest kupiec = KupiecTest.test(observations, x, alpha, significance);
    LikelihoodRatioTest independence = ChristoffersenTest.independence(transitions, significance);
    LikelihoodRatioTest conditional =
        ChristoffersenTest.conditionalCoverage(observations, x, alpha, transitions, significance);
    TrafficLight zone = TrafficLight.of(x, observations, confidence);
    String explanation = explain(method, confidence, observations, skipped, x, alpha, transitions, kupiec,
        independence, conditional, zone);
    return new BacktestReport(method, confidence, first, last, observations, skipped, x, observations * alpha,
        (double) x / observations, alpha, exceptions, transitions, kupiec, independence, conditional, zone,
        explanation);
  }

  /** The one-paragraph summary; numbers rounded for reading, the report carries them exactly. */
  static String explain(String method, double confidence, int observations, int skipped, int exceptions,
      double alpha, TransitionCounts transitions, LikelihoodRatioTest kupiec, LikelihoodRatioTest independence,
      LikelihoodRatioTest conditional, TrafficLight zone) {
    double expected = observations * alpha;
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT,
        "%s VaR at %s: %d exception%s in %d day%s where %s %s expected (rate %.2f%% vs %.2f%%): %s zone.",
        method, percent(confidence), exceptions, exceptions == 1 ? "" : "s", observations,
        observations == 1 ? "" : "s", number(expected), expected == 1 ? "is" : "are",
        100.0 * exceptions / observations, 100 * alpha, zone.name().toLowerCase(Locale.ROOT)));
    String level = percent(1 - kupiec.significance());
    if (kupiec.rejected()) {
      text.append(String.format(Locale.ROOT,
          " Kupiec's test rejects correct coverage at the %s level (LR %.3f > %.3f, p = %s): the model has too %s"
              + " exceptions, so it %s risk.",
          level, kupiec.statistic(), kupiec.criticalValue(), pValue(kupiec.pValue()),
          exceptions > expected ? "many" : "few", exceptions > expected ? "understates" : "overstates"));
    } else {
      text.append(String.format(Locale.ROOT,
          " Kupiec's test does not reject correct coverage at the %s level (LR %.3f, p = %s).",
          level, kupiec.statistic(), pValue(kupiec.pValue())));
    }
    if (independence.rejected()) {
      text.append(String.format(Locale.ROOT,
          " Christoffersen's test rejects independence (LR %.3f > %.3f, p = %s): an exception came the day after"
              + " %s exception days and after %s other days, so exceptions %s.",
          independence.statistic(), independence.criticalValue(), pValue(independence.pValue()),
          rate(transitions.n11(), transitions.n10() + transitions.n11()),
          rate(transitions.n01(), transitions.n00() + transitions.n01()),
          transitions.exceptionRateAfterException() > transitions.exceptionRateAfterQuiet()
              ? "cluster and the model reacts too slowly to changing volatility"
              : "are spread more regularly than chance would give"));
    } else {
      text.append(String.format(Locale.ROOT,
          " Christoffersen's test does not reject independence (LR %.3f, p = %s): no evidence that exceptions"
              + " cluster.",
          independence.statistic(), pValue(independence.pValue())));
    }
    text.append(String.format(Locale.ROOT, " Conditional coverage (both together) %s (LR %.3f %s %.3f, p = %s).",
        conditional.rejected() ? "is rejected" : "is not rejected", conditional.statistic(),
        conditional.rejected() ? ">" : "<=", conditional.criticalValue(), pValue(conditional.pValue())));
    if (skipped > 0) {
      text.append(String.format(Locale.ROOT,
          " %d day%s without a VaR forecast (not enough history) %s skipped.",
          skipped, skipped == 1 ? "" : "s", skipped == 1 ? "was" : "were"));
    }
    return text.toString();
  }

  private static String percent(double fraction) {
    return number(100 * fraction) + "%";
  }

  /** Up to two decimals, trailing zeros dropped: 2.5, 99, 97.5. */
  private static String number(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }

  private static String pValue(double p) {
    return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
  }

  private static String rate(int hits, int total) {
    return total == 0 ? "none" : String.format(Locale.ROOT, "%d/%d", hits, total);
  }
}

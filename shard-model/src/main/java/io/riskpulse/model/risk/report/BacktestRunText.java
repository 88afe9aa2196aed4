package io.riskpulse.model.risk.report;

import io.riskpulse.model.risk.backtest.BacktestReport;
import io.riskpulse.model.risk.backtest.BacktestReportText;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link BacktestRun} as plain text: the positions and settings, each method's
 * {@link BacktestReportText}, then, for several methods, a comparison table with the exceptions per year and
 * the one-sentence verdict. Pure and stateless.
 */
public final class BacktestRunText {

  private BacktestRunText() {}

  public static String render(BacktestRun run) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "1-day VaR backtest at %s%%, %s to %s (%d trading days), %d-day window ending the day before each day%n",
        number(100 * run.confidence()), run.firstDate(), run.lastDate(), run.days(), run.windowDays()));
    out.append("Positions (units, valued at the previous close each day; P&L in the instruments' currency):");
    for (Map.Entry<String, Double> position : run.positions().entrySet()) {
      out.append(String.format(Locale.ROOT, " %s %s", position.getKey(), number(position.getValue())));
    }
    out.append(String.format("%n"));
    for (BacktestReport report : run.reports()) {
      out.append(String.format("%n")).append(BacktestReportText.render(report));
    }
    if (run.verdicts().size() > 1) {
      out.append(String.format("%nModel comparison (same positions, same days)%n"));
      out.append(String.format(Locale.ROOT, "%-11s %-7s %10s %9s %9s %9s  %s%n", "method", "zone", "exceptions",
          "expected", "Kupiec p", "indep. p", "exceptions per year"));
      for (BacktestRun.MethodVerdict v : run.verdicts()) {
        StringBuilder years = new StringBuilder();
        v.exceptionsByYear().forEach((year, count) -> years.append(year).append(':').append(count).append(' '));
        out.append(String.format(Locale.ROOT, "%-11s %-7s %10d %9.2f %9.4f %9.4f  %s%n", v.method(),
            v.zone().name(), v.exceptions(), v.expectedExceptions(), v.kupiecPValue(), v.independencePValue(),
            years.toString().trim()));
      }
      out.append(run.summary()).append(String.format("%n"));
    }
    return out.toString();
  }

  /** Up to four decimals, trailing zeros dropped. */
  static String number(double value) {
    String text = String.format(Locale.ROOT, "%.4f", value);
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }
}

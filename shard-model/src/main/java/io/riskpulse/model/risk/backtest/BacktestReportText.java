package io.riskpulse.model.risk.backtest;

import java.util.Locale;

/**
 * Renders a {@link BacktestReport} as plain text for a terminal or an e-mail: a summary table with aligned
 * columns, the exception list, then the explanation paragraph. Pure and stateless.
 */
public final class BacktestReportText {

  private BacktestReportText() {}

  public static String render(BacktestReport report) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "VaR backtest: %s at %.2f%%, %s to %s%n", report.method(),
        100 * report.confidence(), report.firstDate(), report.lastDate()));
    row(out, "days compared", Integer.toString(report.observations()));
    row(out, "days skipped (no VaR)", Integer.toString(report.skippedDays()));
    row(out, "exceptions", String.format(Locale.ROOT, "%d (expected %.2f)", report.exceptionCount(),
        report.expectedExceptions()));
    row(out, "exception rate", String.format(Locale.ROOT, "%.2f%% (expected %.2f%%)",
        100 * report.exceptionRate(), 100 * report.expectedExceptionRate()));
    row(out, "traffic light", report.zone().name());
    out.append(String.format(Locale.ROOT, "%n%-24s %10s %4s %10s %10s  %s%n",
        "test", "LR", "df", "critical", "p-value", "result"));
    test(out, "Kupiec (coverage)", report.kupiec());
    test(out, "Christoffersen (indep.)", report.independence());
    test(out, "conditional coverage", report.conditionalCoverage());
    if (!report.exceptions().isEmpty()) {
      out.append(String.format(Locale.ROOT, "%n%-10s %16s %16s %16s%n", "date", "P&L", "VaR", "excess"));
      for (VarExceedance e : report.exceptions()) {
        out.append(String.format(Locale.ROOT, "%-10s %,16.2f %,16.2f %,16.2f%n",
            e.date(), e.pnl(), e.var(), e.excess()));
      }
    }
    out.append(System.lineSeparator()).append(report.explanation()).append(System.lineSeparator());
    return out.toString();
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "  %-24s %s%n", label, value));
  }

  private static void test(StringBuilder out, String name, LikelihoodRatioTest test) {
    out.append(String.format(Locale.ROOT, "%-24s %10.4f %4d %10.4f %10.4f  %s%n", name, test.statistic(),
        test.degreesOfFreedom(), test.criticalValue(), test.pValue(), test.rejected() ? "REJECT" : "accept"));
  }
}

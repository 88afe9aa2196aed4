package io.riskpulse.node.demo;

import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders portfolios as a compact fixed-width table for a terminal. Pure: returns text, prints nothing.
 * Amounts are shortened (k, M, B) so the table fits 130 columns. VAR 99% is the portfolio's live 1-day
 * historical VaR at 99% (NaN when it cannot be computed: fail closed, see the portfolio's risk problems).
 */
public final class LiveTable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String ROW = "%-14s %-12s %-8s %-7s %7s %9s %9s %9s %9s %9s  %s%n";

  private LiveTable() {}

  /**
   * The table for these snapshots.
   *
   * @param header one line shown above the table (step, rates)
   */
  public static String render(String header, List<PortfolioSnapshot> snapshots, long nowMillis) {
    StringBuilder out = new StringBuilder();
    out.append("RiskPulse  ").append(TIME.format(Instant.ofEpochMilli(nowMillis))).append(" UTC  ")
        .append(header).append('\n');
    out.append(String.format(Locale.ROOT, ROW, "PORTFOLIO", "DESK", "TRADER", "STATUS", "EXECS", "P&L",
        "DRAWDOWN", "GROSS", "NET", "VAR 99%", "BREACHES (active | total)"));
    for (PortfolioSnapshot s : snapshots) {
      String active = s.activeBreaches().stream().map(LimitBreach::key).collect(Collectors.joining(","));
      out.append(String.format(Locale.ROOT, ROW,
          clip(s.portfolioId(), 14), clip(s.desk(), 12), clip(s.trader(), 8), s.status(),
          s.executionCount(), amount(s.valuation().totalPnl()), amount(s.drawdown()),
          amount(s.valuation().grossExposure()), amount(s.valuation().netExposure()),
          s.risk() == null ? "-" : amount(s.risk().valueAtRisk99()),
          (active.isEmpty() ? "-" : clip(active, 40)) + " | " + s.breachCount()));
    }
    return out.toString();
  }

  /** 1234567 → "1.23M"; keeps the sign; NaN stays "NaN". */
  static String amount(double value) {
    double abs = Math.abs(value);
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (abs >= 1e9) {
      return String.format(Locale.ROOT, "%.2fB", value / 1e9);
    }
    if (abs >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", value / 1e6);
    }
    if (abs >= 1e3) {
      return String.format(Locale.ROOT, "%.1fk", value / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", value);
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}

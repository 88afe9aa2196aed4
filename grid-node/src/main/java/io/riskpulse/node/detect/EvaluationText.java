package io.riskpulse.node.detect;

import io.riskpulse.node.detect.EvaluationReport.DetectorRow;
import io.riskpulse.node.detect.EvaluationReport.IncidentRow;
import java.util.Locale;

/** The evaluation report as a readable table. */
public final class EvaluationText {

  private EvaluationText() {}

  public static String render(EvaluationReport r) {
    StringBuilder out = new StringBuilder();
    out.append(f("Detection evaluation: %s %s, seed %d, %d s sessions, %d portfolios%n", r.source(), r.symbols(),
        r.seed(), r.sessionSeconds(), r.portfolios()));
    out.append(f("  clean days    %s%n  incident days %s%n%n", r.cleanDays(), r.incidentDays()));
    out.append("Per incident type (incident days)\n");
    out.append(f("  %-17s %9s %8s %6s %8s %12s %10s  %s%n", "type", "incidents", "detected", "recall", "<=1s",
        "median delay", "max delay", "first detector"));
    for (IncidentRow row : r.incidents()) {
      out.append(f("  %-17s %9d %8d %6.2f %8d %12s %10s  %s%n", row.type(), row.incidents(), row.detected(),
          row.recall(), row.detectedWithinOneSecond(), millis(row.medianDelayMillis()),
          row.maxDelayMillis() < 0 ? "-" : millis(row.maxDelayMillis()), row.firstDetectors()));
    }
    out.append("\nIncidents each detector found (an alert matching the incident)\n");
    for (IncidentRow row : r.incidents()) {
      out.append(f("  %-17s %s%n", row.type(), row.foundBy()));
    }
    out.append("\nPer detector (all days)\n");
    out.append(f("  %-13s %7s %6s %6s %9s%n", "detector", "alerts", "true", "false", "precision"));
    for (DetectorRow row : r.detectors()) {
      out.append(f("  %-13s %7d %6d %6d %9.2f%n", row.detector(), row.alerts(), row.truePositives(),
          row.falsePositives(), row.precision()));
    }
    out.append(f("%nClean days: %d false alerts over %.2f portfolio-days = %.2f per portfolio per trading day %s%n",
        r.clean().falseAlerts(), r.clean().portfolioDays(), r.clean().perPortfolioDay(), r.clean().byDetector()));
    EvaluationReport.Targets t = r.targets();
    out.append(f("%nTargets: runaway recall within 1 s %.2f (target >= %.2f) %s; false alerts per portfolio-day"
            + " %.2f (target <= %.2f) %s%n", t.runawayRecallWithinOneSecond(), t.runawayTarget(),
        t.runawayRecallWithinOneSecond() >= t.runawayTarget() ? "MET" : "MISSED", t.falseAlertsPerPortfolioDay(),
        t.falseAlertTarget(), t.falseAlertsPerPortfolioDay() <= t.falseAlertTarget() ? "MET" : "MISSED"));
    out.append(f("%n%,d events replayed in %.1f s; alert digest %s%n", r.events(), r.wallMillis() / 1000.0,
        r.digest()));
    return out.toString();
  }

  private static String millis(double ms) {
    return Double.isNaN(ms) ? "-" : ms < 10_000 ? f("%.0f ms", ms) : f("%.1f s", ms / 1000);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}

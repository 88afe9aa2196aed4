package io.riskpulse.model.risk.report;

import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.risk.exposure.ExposureBucket;
import io.riskpulse.model.risk.exposure.ExposureReport;
import io.riskpulse.model.risk.liquidity.LiquidityEstimate;
import io.riskpulse.model.risk.report.RiskReport.Attribution;
import io.riskpulse.model.risk.report.RiskReport.Contribution;
import io.riskpulse.model.risk.report.RiskReport.DataQuality;
import io.riskpulse.model.risk.report.RiskReport.Liquidity;
import io.riskpulse.model.risk.report.RiskReport.LiquidityLine;
import io.riskpulse.model.risk.report.RiskReport.Measure;
import io.riskpulse.model.risk.report.RiskReport.PositionLine;
import io.riskpulse.model.risk.report.RiskReport.StressLine;
import io.riskpulse.model.risk.report.RiskReport.SymbolQuality;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link RiskReport} as plain text for a terminal or an e-mail: one section per measure family, columns
 * aligned, the unit in every heading, and every VaR or ES named with its method, confidence and horizon. Unknown
 * values are printed as {@code unknown: <reason>}, never as 0. Pure and stateless.
 */
public final class RiskReportText {

  private RiskReportText() {}

  public static String render(RiskReport report) {
    StringBuilder out = new StringBuilder();
    String ccy = report.reportingCurrency();
    line(out, "Risk report as of the close of %s%s; amounts in %s, VaR/ES/loss positive = loss, P&L signed",
        report.asOf(), report.asOf().equals(report.asOfRequested()) ? ""
            : " (asked for " + report.asOfRequested() + ", not a trading day)", ccy);

    section(out, "Positions (valued at the as-of close)");
    line(out, "%-10s %16s %14s %18s %-9s %18s", "symbol", "quantity", "price", "notional " + ccy, "moves",
        "exposure w_i");
    for (PositionLine p : report.positions()) {
      line(out, "%-10s %,16.4f %,14.4f %,18.2f %-9s %,18.2f", p.symbol(), p.quantity(), p.price(), p.notional(),
          p.returnType().name().toLowerCase(Locale.ROOT), p.exposure());
    }
    line(out, "(exposure w_i: P&L per unit move of the risk factor = notional for relative moves, quantity for"
        + " absolute ones)");

    section(out, "Value at risk and expected shortfall (" + ccy + ", loss positive)");
    line(out, "%-22s %6s %8s %-22s %18s %18s", "method", "conf.", "horizon", "horizon rule", "VaR", "ES");
    Set<String> details = new LinkedHashSet<>();
    for (Measure m : report.measures()) {
      line(out, "%-22s %6s %8s %-22s %,18.2f %,18.2f", m.method(), percent(m.confidence()),
          m.horizonDays() + "-day", m.horizonRule(), m.valueAtRisk(), m.expectedShortfall());
      details.add(m.method() + ": " + m.detail());
    }
    for (String detail : details) {
      line(out, "  %s", detail);
    }
    line(out, "  ES = mean loss at or beyond VaR (historical and Monte Carlo: mean of the n-k+1 worst outcomes;"
        + " delta-normal: phi(z)/(1-c) sigma).");

    for (Attribution a : report.attributions()) {
      section(out, "Attribution: " + a.measure() + " = " + amount(a.total()) + " " + ccy);
      line(out, "%-10s %18s %14s %18s %10s", "symbol", "exposure w_i", "marginal", "component " + ccy, "% total");
      for (Contribution c : a.contributions()) {
        line(out, "%-10s %,18.2f %14.6f %,18.2f %9.2f%%", c.symbol(), c.exposure(), c.marginal(), c.component(),
            c.percentOfTotal());
      }
      line(out, "%-10s %18s %14s %,18.2f %9.2f%%", "sum", "", "", a.componentSum(),
          a.total() == 0 ? Double.NaN : 100 * a.componentSum() / a.total());
      line(out, "  components add up to the total (Euler); %s", a.note());
    }

    section(out, "Stress scenarios (positions revalued at the as-of close, " + ccy + ")");
    line(out, "%-20s %-13s %18s %10s %14s", "scenario", "kind", "P&L", "% gross", "loss / HS VaR");
    for (StressLine s : report.stress()) {
      String pnl = s.complete() ? String.format(Locale.ROOT, "%,18.2f", s.pnl()) : String.format(Locale.ROOT,
          "%18s", "incomplete");
      line(out, "%-20s %-13s %s %10s %14s", s.name(), s.kind().name().toLowerCase(Locale.ROOT), pnl,
          Double.isNaN(s.percentOfGross()) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", s.percentOfGross()),
          Double.isNaN(s.lossOverHistoricalVar99()) ? "n/a"
              : String.format(Locale.ROOT, "%.2f x", s.lossOverHistoricalVar99()));
      line(out, "  %s", s.description());
      for (String problem : s.problems()) {
        line(out, "  cannot stress %s (partial P&L of the others %s)", problem, amount(s.partialPnl()));
      }
    }
    line(out, "  loss / HS VaR: the scenario loss divided by the 1-day 99%% historical VaR");

    exposures(out, report.exposures(), ccy);
    liquidity(out, report.liquidity(), ccy);
    dataQuality(out, report.dataQuality());
    return out.toString();
  }

  private static void exposures(StringBuilder out, ExposureReport e, String ccy) {
    section(out, "Exposures (" + ccy + ", notional at the as-of close)");
    line(out, "%-22s %18s %18s %18s %18s %5s", "bucket", "gross", "net", "long", "short", "pos.");
    bucket(out, "total", e.total());
    for (Map.Entry<AssetClass, ExposureBucket> b : e.byAssetClass().entrySet()) {
      bucket(out, "class " + b.getKey().name().toLowerCase(Locale.ROOT), b.getValue());
    }
    for (Map.Entry<String, ExposureBucket> b : e.byCurrency().entrySet()) {
      bucket(out, "currency " + b.getKey(), b.getValue());
    }
    for (Map.Entry<String, ExposureBucket> b : e.bySector().entrySet()) {
      bucket(out, "sector " + b.getKey(), b.getValue());
    }
    if (!e.unclassifiedSymbols().isEmpty()) {
      bucket(out, "unclassified", e.unclassified());
      line(out, "  unclassified (no reference data): %s", String.join(", ", e.unclassifiedSymbols()));
    }
    line(out, "  concentration: largest %s at %.2f%% of gross, Herfindahl %.4f (%.2f effective positions)",
        e.concentration().largestSymbol(), 100 * e.concentration().largestShare(), e.concentration().herfindahl(),
        e.concentration().effectivePositions());
  }

  private static void bucket(StringBuilder out, String name, ExposureBucket b) {
    line(out, "%-22s %,18.2f %,18.2f %,18.2f %,18.2f %5d", name, b.grossExposure(), b.netExposure(),
        b.longExposure(), b.shortExposure(), b.positions());
  }

  private static void liquidity(StringBuilder out, Liquidity l, String ccy) {
    section(out, String.format(Locale.ROOT, "Liquidity (participation %.0f%% of ADV, impact Y = %s, spread"
        + " multiplier a = %s; costs in %s)", 100 * l.participationRate(), BacktestRunText.number(
            l.impactCoefficient()), BacktestRunText.number(l.spreadMultiplier()), ccy));
    for (LiquidityLine p : l.positions()) {
      line(out, "%-10s ADV %s", p.symbol(), Double.isNaN(p.averageDailyVolume()) ? "unknown"
          : String.format(Locale.ROOT, "%,.0f units/day (%s)", p.averageDailyVolume(), p.advSource()));
      line(out, "  %-20s %s", "days to liquidate", estimate(p.daysToLiquidate(), "%.2f days"));
      line(out, "  %-20s %s", "impact cost", estimate(p.impactCost(), "%,.2f " + ccy));
      line(out, "  %-20s %s", "spread cost", estimate(p.spreadCost(), "%,.2f " + ccy));
    }
    line(out, "book: days to liquidate %s", estimate(l.daysToLiquidateBook(), "%.2f days"));
    line(out, "book: impact cost %s", estimate(l.impactCostTotal(), "%,.2f " + ccy));
    line(out, "book: liquidity-adjusted VaR 99%% 1-day (HS VaR + spread costs) %s",
        estimate(l.liquidityAdjustedVar99(), "%,.2f " + ccy));
  }

  private static void dataQuality(StringBuilder out, DataQuality q) {
    section(out, "Data quality");
    line(out, "data folder %s; reference data: %s", q.dataFolder(), q.referenceData());
    line(out, "aligned history %s..%s (%d days, forward fill over at most %d missing days)", q.historyFirstDate(),
        q.historyLastDate(), q.alignedDays(), q.maxForwardFillDays());
    line(out, "scenario window actually used: %s..%s (%d daily moves, each from the previous close)",
        q.windowFirstDate(), q.windowLastDate(), q.scenarios());
    line(out, "%-10s %-24s %-23s %6s %-9s %14s %14s %8s", "symbol", "classification", "own file", "days",
        "moves", "filled all/win", "dropped all/win", "trimmed");
    for (SymbolQuality s : q.symbols()) {
      line(out, "%-10s %-24s %-23s %6d %-9s %14s %14s %8d", s.symbol(), s.classification(),
          s.fileFirstDate() + ".." + s.fileLastDate(), s.fileDays(), s.returnType().name().toLowerCase(Locale.ROOT),
          s.forwardFilled() + "/" + s.forwardFilledInWindow(), s.droppedDates() + "/" + s.droppedInWindow(),
          s.trimmedDays());
    }
    line(out, "warnings:");
    for (String warning : q.warnings()) {
      line(out, "  - %s", warning);
    }
  }

  private static String estimate(LiquidityEstimate estimate, String format) {
    return estimate.known() ? String.format(Locale.ROOT, format, estimate.value()) : "unknown: " + estimate.reason();
  }

  private static void section(StringBuilder out, String title) {
    out.append(System.lineSeparator()).append(title).append(System.lineSeparator());
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
  }

  private static String percent(double confidence) {
    return BacktestRunText.number(100 * confidence) + "%";
  }

  private static String amount(double value) {
    return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%,.2f", value);
  }
}

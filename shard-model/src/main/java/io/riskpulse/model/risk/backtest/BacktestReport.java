package io.riskpulse.model.risk.backtest;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of backtesting one VaR model over a run of days: exceptions, the statistical tests and the Basel
 * zone, plus a plain-English summary. Immutable. Amounts in the reporting currency of the P&amp;L and VaR.
 * Rendered by {@link BacktestReportJson} and {@link BacktestReportText}.
 *
 * @param method name of the VaR method backtested, as given (e.g. "historical 250d")
 * @param confidence VaR confidence, e.g. 0.99
 * @param firstDate first day compared
 * @param lastDate last day compared
 * @param observations N, days compared (days with both a VaR forecast and a P&amp;L)
 * @param skippedDays days left out because their VaR forecast was NaN (not enough history)
 * @param exceptionCount x, days whose loss exceeded VaR
 * @param expectedExceptions N × (1 − confidence)
 * @param exceptionRate x / N
 * @param expectedExceptionRate 1 − confidence
 * @param exceptions every exception, in date order
 * @param transitions exception/quiet transitions between consecutive compared days (input of the
 *     independence test)
 * @param kupiec Kupiec's unconditional-coverage test, χ²(1)
 * @param independence Christoffersen's independence test, χ²(1)
 * @param conditionalCoverage Christoffersen's conditional-coverage test, χ²(2)
 * @param zone Basel traffic-light zone of x given N and confidence
 * @param explanation one paragraph for a risk manager, stating the findings and how many days were skipped
 */
public record BacktestReport(
    String method,
    double confidence,
    LocalDate firstDate,
    LocalDate lastDate,
    int observations,
    int skippedDays,
    int exceptionCount,
    double expectedExceptions,
    double exceptionRate,
    double expectedExceptionRate,
    List<VarExceedance> exceptions,
    TransitionCounts transitions,
    LikelihoodRatioTest kupiec,
    LikelihoodRatioTest independence,
    LikelihoodRatioTest conditionalCoverage,
    TrafficLight zone,
    String explanation) {

  public BacktestReport {
    exceptions = List.copyOf(exceptions);
  }
}

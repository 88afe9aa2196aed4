package io.riskpulse.model.risk.report;

import io.riskpulse.model.risk.backtest.BacktestReport;
import io.riskpulse.model.risk.backtest.TrafficLight;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One backtest run of fixed positions with one or more VaR methods over the same days, and which of them fail
 * (model drift shows as a method whose exceptions pile up in recent years). Immutable. Rendered by
 * {@link BacktestRunText} and {@link ReportJson}.
 *
 * @param positions signed quantity per symbol, instrument units, as backtested
 * @param confidence VaR confidence, e.g. 0.99
 * @param windowDays moves in each forecast window
 * @param firstDate first day compared
 * @param lastDate last day compared
 * @param days trading days compared
 * @param reports one backtest per method, in the order asked
 * @param verdicts one line per method, same order
 * @param summary which methods fail and why, one sentence
 */
public record BacktestRun(
    Map<String, Double> positions,
    double confidence,
    int windowDays,
    LocalDate firstDate,
    LocalDate lastDate,
    int days,
    List<BacktestReport> reports,
    List<MethodVerdict> verdicts,
    String summary) {

  public BacktestRun {
    positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    reports = List.copyOf(reports);
    verdicts = List.copyOf(verdicts);
  }

  /**
   * How one method fared.
   *
   * @param method command-line name: hs, parametric, mc
   * @param zone Basel traffic light
   * @param exceptions days whose loss exceeded VaR
   * @param expectedExceptions days &times; (1 − confidence)
   * @param kupiecPValue p-value of Kupiec's coverage test
   * @param independencePValue p-value of Christoffersen's independence test
   * @param conditionalCoveragePValue p-value of the joint test
   * @param exceptionsByYear exceptions per calendar year of the range (0 for a year without)
   * @param failing true when not green or when a test rejects at 5%
   * @param reasons why it fails, empty when it does not
   */
  public record MethodVerdict(
      String method,
      TrafficLight zone,
      int exceptions,
      double expectedExceptions,
      double kupiecPValue,
      double independencePValue,
      double conditionalCoveragePValue,
      Map<Integer, Integer> exceptionsByYear,
      boolean failing,
      List<String> reasons) {

    public MethodVerdict {
      exceptionsByYear = Collections.unmodifiableMap(new TreeMap<>(exceptionsByYear));
      reasons = List.copyOf(reasons);
    }
  }
}

package io.riskpulse.model.risk.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The VaR models a backtest can forecast with, by their command-line names. */
public enum VarMethod {

  /** Historical simulation: the c-quantile of the window's scenario losses ({@code HistoricalVar}). */
  HISTORICAL("hs", "historical simulation"),
  /** Delta-normal on the RiskMetrics EWMA covariance of the window ({@code ParametricVar}). */
  PARAMETRIC("parametric", "delta-normal EWMA"),
  /** Monte Carlo Student-t draws with the EWMA covariance of the window ({@code MonteCarloVar}). */
  MONTE_CARLO("mc", "Monte Carlo Student-t");

  private final String cliName;
  private final String description;

  VarMethod(String cliName, String description) {
    this.cliName = cliName;
    this.description = description;
  }

  /** The name used on the command line and in JSON: {@code hs}, {@code parametric}, {@code mc}. */
  public String cliName() {
    return cliName;
  }

  /** A few words for reports, e.g. "historical simulation". */
  public String description() {
    return description;
  }

  /**
   * The method with this command-line name (case-insensitive).
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static VarMethod parse(String name) {
    String normalised = name.trim().toLowerCase(Locale.ROOT);
    for (VarMethod method : values()) {
      if (method.cliName.equals(normalised)) {
        return method;
      }
    }
    throw new IllegalArgumentException("unknown VaR method '" + name + "', expected one of "
        + Arrays.stream(values()).map(VarMethod::cliName).collect(Collectors.joining(", ")));
  }
}

package io.riskpulse.model.risk.report;

import io.riskpulse.model.history.EwmaCovariance;
import io.riskpulse.model.history.PriceHistory;
import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.HistoricalVar;
import io.riskpulse.model.risk.measure.MonteCarloSpec;
import io.riskpulse.model.risk.measure.MonteCarloVar;
import io.riskpulse.model.risk.measure.ParametricVar;
import java.util.Arrays;
import java.util.Objects;

/**
 * Out-of-sample 1-day VaR forecasts of fixed positions, day by day over a {@link PriceHistory}, as a backtest
 * needs them. Not thread-safe (reuses scratch arrays); one instance per thread.
 *
 * <p>The forecast for day {@code d} uses only closes up to day {@code d - 1}: the scenarios are the
 * {@code windowDays} moves ending on day {@code d - 1} ({@link ScenarioSet#of(PriceHistory, java.time.LocalDate,
 * int)}, with its per-window choice of relative or absolute moves), and the positions are valued at the close of
 * {@code d - 1}. The realized P&amp;L of day {@code d} is {@code sum_i q_i (close_i,d - close_i,d-1)}, which is
 * what those positions made, whatever the move type. So a forecast can never see the day it is judged on.
 *
 * <p>Methods ({@link VarMethod}):
 * <ul>
 *   <li>historical: {@link HistoricalVar} over the window's scenario P&amp;L, O(instruments &times; window);
 *   <li>parametric: delta-normal {@code z_c sqrt(w' S w)} with {@code S} the {@link EwmaCovariance} of the
 *       window (lambda 0.94, 20 seed days), O(instruments&sup2; &times; window);
 *   <li>Monte Carlo: {@code spec.paths()} draws of {@link MonteCarloVar} with the same EWMA covariance, Student-t
 *       (or normal) as the spec says, read with the historical quantile rule. The seed of day {@code d} is
 *       {@code spec.seed() + epochDay(d)}: every day's draws are independent of the others, and the forecast
 *       for a date does not depend on which range is backtested, so reruns are bit-identical (same JDK).
 * </ul>
 * Amounts are in the instruments' price currency (single-currency positions), loss positive.
 */
public final class RollingVarForecaster {

  private final PriceHistory history;
  private final double[] quantities;
  private final int windowDays;
  private final Confidence confidence;
  private final VarMethod method;
  private final MonteCarloSpec monteCarlo;
  private final double[] exposures;
  private final double[] pnl;
  private final double[] scratch;

  /**
   * @param history aligned closes
   * @param quantities units held per instrument index of {@code history}
   * @param windowDays moves per forecast window, &ge; 2
   * @param monteCarlo paths, base seed and degrees of freedom of the Monte Carlo method (ignored otherwise)
   */
  public RollingVarForecaster(PriceHistory history, double[] quantities, int windowDays, Confidence confidence,
      VarMethod method, MonteCarloSpec monteCarlo) {
    this.history = Objects.requireNonNull(history, "history");
    if (quantities.length != history.instrumentCount()) {
      throw new IllegalArgumentException(quantities.length + " quantities for " + history.instrumentCount()
          + " instruments");
    }
    if (windowDays < 2) {
      throw new IllegalArgumentException("window must be at least 2 days, was " + windowDays);
    }
    this.quantities = quantities.clone();
    this.windowDays = windowDays;
    this.confidence = Objects.requireNonNull(confidence, "confidence");
    this.method = Objects.requireNonNull(method, "method");
    this.monteCarlo = Objects.requireNonNull(monteCarlo, "monteCarlo");
    this.exposures = new double[quantities.length];
    this.pnl = new double[Math.max(windowDays, monteCarlo.paths())];
    this.scratch = new double[pnl.length];
  }

  /** The first day index that has a full window before it: {@code windowDays + 1}. */
  public int firstForecastDay() {
    return windowDays + 1;
  }

  /**
   * The 1-day VaR forecast for day {@code day}, made from closes up to {@code day - 1}; price currency, loss
   * positive.
   *
   * @throws IllegalArgumentException unless {@code firstForecastDay() <= day < history.dayCount()}
   */
  public double forecast(int day) {
    if (day < firstForecastDay() || day >= history.dayCount()) {
      throw new IllegalArgumentException("day " + day + " outside " + firstForecastDay() + ".."
          + (history.dayCount() - 1) + " (a " + windowDays + "-day window is needed before it)");
    }
    ScenarioSet scenarios = ScenarioSet.of(history, history.date(day - 1), windowDays);
    for (int i = 0; i < quantities.length; i++) {
      exposures[i] = scenarios.exposure(i, quantities[i], history.close(i, day - 1));
    }
    switch (method) {
      case HISTORICAL:
        Arrays.fill(pnl, 0, windowDays, 0.0);
        for (int i = 0; i < exposures.length; i++) {
          if (exposures[i] != 0) {
            scenarios.addExposurePnl(i, exposures[i], pnl);
          }
        }
        return HistoricalVar.valueAtRisk(pnl, windowDays, confidence, scratch);
      case PARAMETRIC:
        return ParametricVar.valueAtRisk(exposures, EwmaCovariance.of(scenarios).toArray(), confidence, 1);
      case MONTE_CARLO:
        double[][] covariance = EwmaCovariance.of(scenarios).toArray();
        if (!(ParametricVar.portfolioVolatility(exposures, covariance) > 0)) {
          return 0; // no exposure to anything that moved: nothing to simulate, and no root to take
        }
        MonteCarloSpec daySpec = new MonteCarloSpec(monteCarlo.paths(),
            monteCarlo.seed() + history.date(day).toEpochDay(), monteCarlo.degreesOfFreedom());
        MonteCarloVar.of(covariance).simulatePnl(exposures, daySpec, pnl);
        return HistoricalVar.valueAtRisk(pnl, monteCarlo.paths(), confidence, scratch);
      default:
        throw new IllegalStateException("unhandled method " + method);
    }
  }

  /** What the positions made from the close of {@code day - 1} to the close of {@code day}, signed. */
  public double realizedPnl(int day) {
    if (day < 1 || day >= history.dayCount()) {
      throw new IllegalArgumentException("day " + day + " outside 1.." + (history.dayCount() - 1));
    }
    double total = 0;
    for (int i = 0; i < quantities.length; i++) {
      if (quantities[i] != 0) {
        total += quantities[i] * (history.close(i, day) - history.close(i, day - 1));
      }
    }
    return total;
  }

  public VarMethod method() {
    return method;
  }
}

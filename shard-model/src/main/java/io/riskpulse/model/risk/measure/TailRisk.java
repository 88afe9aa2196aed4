package io.riskpulse.model.risk.measure;

import java.util.Objects;

/**
 * Value at risk and expected shortfall of a portfolio at one confidence level and horizon. Immutable.
 *
 * <p>Amounts are in the reporting currency and positive numbers are losses (a negative VaR means the c-quantile
 * outcome is still a gain). How they were computed (historical, delta-normal, Monte Carlo) is the producer's
 * business and is documented there.
 *
 * @param confidence one-sided confidence level
 * @param horizonDays horizon in trading days
 * @param valueAtRisk VaR, reporting currency, loss positive
 * @param expectedShortfall ES (mean loss at or beyond VaR), reporting currency, loss positive; &ge; VaR
 */
public record TailRisk(Confidence confidence, int horizonDays, double valueAtRisk, double expectedShortfall) {

  public TailRisk {
    Objects.requireNonNull(confidence, "confidence");
    if (horizonDays < 1) {
      throw new IllegalArgumentException("horizonDays must be >= 1, was " + horizonDays);
    }
  }

  /**
   * Square-root-of-time scaling to another horizon: both numbers times {@code sqrt(h / horizonDays)}, e.g.
   * {@code sqrt(10)} from 1 to 10 days (the Basel shortcut for 10-day VaR).
   *
   * <p>Exact only when daily P&amp;L is independent, identically distributed, zero-mean and normal (more
   * generally a stable law of index 2) and positions are held unchanged over the horizon. It is an approximation
   * for historical and Student-t P&amp;L: with independent fat-tailed days it can overstate extreme multi-day
   * quantiles (sums of such days are closer to normal), with volatility clustering, trends or autocorrelation it
   * can understate them. It is wrong for non-linear (option) positions, for positions that will be traded during
   * the horizon, and when the daily mean is not negligible against the volatility.
   */
  public TailRisk scaledTo(int horizonDays) {
    if (horizonDays < 1) {
      throw new IllegalArgumentException("horizonDays must be >= 1, was " + horizonDays);
    }
    double factor = Math.sqrt((double) horizonDays / this.horizonDays);
    return new TailRisk(confidence, horizonDays, valueAtRisk * factor, expectedShortfall * factor);
  }
}

package io.riskpulse.model.risk.measure;

import java.util.Objects;

/**
 * A risk measure split by position: marginal and component contributions. Immutable and thread-safe.
 *
 * <p>{@code marginal(i)} is the derivative of the measure with respect to exposure {@code w_i} (reporting
 * currency per unit of exposure); {@code component(i) = w_i * marginal(i)} is position {@code i}'s share, in the
 * reporting currency, loss positive. Components add up to {@link #total()} exactly (up to rounding) because the
 * measures attributed here are homogeneous of degree 1 in {@code w} (Euler allocation). A negative component is
 * a hedge: the position reduces the measure.
 */
public final class RiskContributions {

  private final Confidence confidence;
  private final int horizonDays;
  private final double total;
  private final double[] marginal;
  private final double[] component;

  RiskContributions(Confidence confidence, int horizonDays, double total, double[] marginal, double[] component) {
    this.confidence = Objects.requireNonNull(confidence, "confidence");
    this.horizonDays = horizonDays;
    this.total = total;
    this.marginal = marginal;
    this.component = component;
  }

  public Confidence confidence() {
    return confidence;
  }

  public int horizonDays() {
    return horizonDays;
  }

  /** The measure being attributed (VaR or ES), reporting currency, loss positive. */
  public double total() {
    return total;
  }

  /** Number of positions. */
  public int size() {
    return marginal.length;
  }

  /** {@code d measure / d w_i}. */
  public double marginal(int position) {
    return marginal[position];
  }

  /** {@code w_i * marginal(i)}, reporting currency. */
  public double component(int position) {
    return component[position];
  }

  /** Sum of the components; equals {@link #total()} up to rounding. */
  public double componentSum() {
    double sum = 0;
    for (double c : component) {
      sum += c;
    }
    return sum;
  }
}

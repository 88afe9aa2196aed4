package io.riskpulse.model.history;

/**
 * RiskMetrics exponentially weighted (EWMA) covariance of daily moves: the one-day-ahead forecast after the last
 * observed move. Immutable and thread-safe.
 *
 * <p>Recursion (zero mean, as RiskMetrics assumes for daily moves): {@code S_t = lambda * S_{t-1} +
 * (1 - lambda) * r_{t-1} r_{t-1}'}, which for one instrument is {@code sigma2_t = lambda * sigma2_{t-1} +
 * (1 - lambda) * r2_{t-1}}. Default {@code lambda} is 0.94, the RiskMetrics daily decay (effective memory about
 * {@code 1 / (1 - lambda)} = 17 days).
 *
 * <p>Seed rule: with {@code T} moves {@code r_0..r_{T-1}} and {@code m} seed days, {@code S_m} is the zero-mean
 * sample second moment {@code (1/m) sum_{t<m} r_t r_t'}, then the recursion runs over {@code r_m..r_{T-1}} and the
 * result is {@code S_T}, the forecast for the day after the last move. The seed's weight in the result is
 * {@code lambda^(T-m)}: about 1e-13 for a 500-day window and 20 seed days, so the seed only matters for short
 * windows. Computed in one pass as {@code S_T = sum_t c_t r_t r_t'} with {@code c_t = lambda^(T-m) / m} for
 * {@code t < m} and {@code c_t = (1 - lambda) lambda^(T-1-t)} otherwise (algebraically the recursion).
 *
 * <p>Units follow the moves: fraction&sup2; for {@link ReturnType#RELATIVE} instruments, (price currency)&sup2;
 * for {@link ReturnType#ABSOLUTE} ones, so a mixed matrix is consistent with exposures from
 * {@link ScenarioSet#exposure}.
 */
public final class EwmaCovariance {

  /** RiskMetrics daily decay factor. */
  public static final double DEFAULT_LAMBDA = 0.94;
  /** Seed days used by {@link #of(ScenarioSet)}. */
  public static final int DEFAULT_SEED_DAYS = 20;

  private final double lambda;
  private final double[][] covariance;

  private EwmaCovariance(double lambda, double[][] covariance) {
    this.lambda = lambda;
    this.covariance = covariance;
  }

  /** EWMA of a scenario set's shocks with {@link #DEFAULT_LAMBDA} and {@link #DEFAULT_SEED_DAYS}. */
  public static EwmaCovariance of(ScenarioSet scenarios) {
    int seedDays = Math.min(DEFAULT_SEED_DAYS, scenarios.scenarioCount());
    return estimate(scenarios.shockMatrix(), DEFAULT_LAMBDA, seedDays);
  }

  /**
   * Estimates from moves {@code moves[instrument][day]}, oldest first, every row the same length {@code T}.
   * O(instruments&sup2; &times; T).
   *
   * @param lambda decay in (0, 1)
   * @param seedDays {@code m}, in 1..T
   */
  public static EwmaCovariance estimate(double[][] moves, double lambda, int seedDays) {
    if (!(lambda > 0 && lambda < 1)) {
      throw new IllegalArgumentException("lambda must be in (0, 1), was " + lambda);
    }
    int n = moves.length;
    if (n == 0) {
      throw new IllegalArgumentException("no instruments");
    }
    int days = moves[0].length;
    for (double[] row : moves) {
      if (row.length != days) {
        throw new IllegalArgumentException("rows of different lengths: " + days + " and " + row.length);
      }
    }
    if (seedDays < 1 || seedDays > days) {
      throw new IllegalArgumentException("seedDays must be in 1.." + days + ", was " + seedDays);
    }
    double[] weight = new double[days];
    double seedWeight = Math.pow(lambda, days - seedDays) / seedDays;
    for (int t = 0; t < days; t++) {
      weight[t] = t < seedDays ? seedWeight : (1 - lambda) * Math.pow(lambda, days - 1 - t);
    }
    double[][] weighted = new double[n][days];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < days; t++) {
        weighted[i][t] = weight[t] * moves[i][t];
      }
    }
    double[][] covariance = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] wi = weighted[i];
      for (int j = 0; j <= i; j++) {
        double[] rj = moves[j];
        double sum = 0;
        for (int t = 0; t < days; t++) {
          sum += wi[t] * rj[t];
        }
        covariance[i][j] = sum;
        covariance[j][i] = sum;
      }
    }
    return new EwmaCovariance(lambda, covariance);
  }

  public double lambda() {
    return lambda;
  }

  public int dimension() {
    return covariance.length;
  }

  /** One-day covariance of two instruments' moves (units of the class comment). */
  public double covariance(int i, int j) {
    return covariance[i][j];
  }

  /** One-day volatility of an instrument's moves: fraction, or price currency for ABSOLUTE moves. */
  public double volatility(int i) {
    return Math.sqrt(covariance[i][i]);
  }

  public double correlation(int i, int j) {
    return covariance[i][j] / Math.sqrt(covariance[i][i] * covariance[j][j]);
  }

  /** A copy of the matrix, {@code [i][j]}. */
  public double[][] toArray() {
    double[][] copy = new double[covariance.length][];
    for (int i = 0; i < covariance.length; i++) {
      copy[i] = covariance[i].clone();
    }
    return copy;
  }
}

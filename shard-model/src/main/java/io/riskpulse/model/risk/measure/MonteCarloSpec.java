package io.riskpulse.model.risk.measure;

/**
 * What a {@link MonteCarloVar} run draws. Immutable.
 *
 * @param paths number of simulated 1-day P&amp;L outcomes, &ge; 1
 * @param seed seed of the generator: the same seed, covariance and exposures give bit-identical results
 * @param degreesOfFreedom Student-t degrees of freedom {@code nu > 2}, or {@link Double#POSITIVE_INFINITY} for
 *     normal draws
 */
public record MonteCarloSpec(int paths, long seed, double degreesOfFreedom) {

  public MonteCarloSpec {
    if (paths < 1) {
      throw new IllegalArgumentException("paths must be >= 1, was " + paths);
    }
    if (!(degreesOfFreedom > 2)) {
      throw new IllegalArgumentException(
          "degreesOfFreedom must be > 2 (finite variance) or infinite, was " + degreesOfFreedom);
    }
  }

  /** Multivariate normal draws. */
  public static MonteCarloSpec normal(int paths, long seed) {
    return new MonteCarloSpec(paths, seed, Double.POSITIVE_INFINITY);
  }

  /** Multivariate Student-t draws with {@code nu} degrees of freedom, scaled to the same covariance. */
  public static MonteCarloSpec studentT(int paths, long seed, double degreesOfFreedom) {
    return new MonteCarloSpec(paths, seed, degreesOfFreedom);
  }

  public boolean isNormal() {
    return degreesOfFreedom == Double.POSITIVE_INFINITY;
  }
}

package io.riskpulse.ingestion.sim.scenario;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** The random draws of the scenario generators, on commons-math3 generators (the same sequence on every JDK). */
final class Draws {

  private Draws() {}

  /** An independent generator for one component of a scenario, from the scenario seed and the component's name. */
  static RandomGenerator generator(long seed, String component) {
    long h = 1125899906842597L;
    for (int i = 0; i < component.length(); i++) {
      h = 31 * h + component.charAt(i);
    }
    return new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), (int) h, (int) (h >>> 32)});
  }

  /** A Poisson count of mean {@code mean} (Knuth's product method; fine for means up to a few hundred). */
  static int poisson(RandomGenerator random, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 500) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  /** A log-normal draw with the given median and log standard deviation. */
  static double logNormal(RandomGenerator random, double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  /** Uniform in [a, b). */
  static double uniform(RandomGenerator random, double a, double b) {
    return a + (b - a) * random.nextDouble();
  }

  /** Uniform integer in [a, b]. */
  static long uniformLong(RandomGenerator random, long a, long b) {
    return a + (long) Math.floor(random.nextDouble() * (b - a + 1));
  }

  /** The whole units (at least one) of {@code notional} at {@code price}: orders are sized in money. */
  static double units(double notional, double price) {
    return Math.max(1, Math.round(notional / price));
  }

  /** A quantity rounded to a lot of {@code lot} units, at least one lot. */
  static double lots(double quantity, double lot) {
    return Math.max(lot, Math.round(quantity / lot) * lot);
  }
}

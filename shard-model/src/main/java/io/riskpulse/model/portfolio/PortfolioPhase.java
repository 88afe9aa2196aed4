package io.riskpulse.model.portfolio;

/**
 * A portfolio's own phase for its periodic work (detector checkpoints, snapshots), so that portfolios that started
 * together or trade in step do not all do it at once.
 *
 * <p>A node starts its portfolios within moments of each other (a node start, a failover, a rebalance), and a block
 * trade allocated across many accounts fills them in step. Periodic work that every portfolio starts at the same
 * offset then runs on all of them in the same instant, for as long as they live: 50 portfolios saving their
 * detectors' checkpoints (30-50 KB each) together held the journal, and every fill behind it, for about 180 ms
 * every minute, and 50 portfolios snapshotting together every 200 fills for 30-50 ms (docs/PERFORMANCE.md
 * section 36). Each portfolio instead offsets such work by a phase drawn from its id: fixed for the id (the same
 * after a restart or on another node), and spread evenly over the period even for ids that differ in one character
 * ({@code P-0001}, {@code P-0002}, ...), whose {@link String#hashCode()}s are consecutive.
 *
 * <p>Stateless and thread-safe.
 */
final class PortfolioPhase {

  private PortfolioPhase() {}

  /**
   * The phase of {@code portfolioId} within a period of {@code period} units (events, milliseconds, ...).
   *
   * @param period the period, at least 1
   * @return a value in {@code [0, period)}, the same for the same id and period
   * @throws IllegalArgumentException when {@code period} is below 1
   */
  static long of(String portfolioId, long period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be at least 1, was " + period);
    }
    return Math.floorMod(mix(portfolioId.hashCode()), period);
  }

  /** SplitMix64's finalizer: every input bit moves every output bit, so neighbouring hashes land far apart. */
  private static long mix(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

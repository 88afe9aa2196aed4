package io.riskpulse.model.portfolio;

/**
 * Told each time a portfolio entity has recovered its state from the journal and starts serving: at node start, and
 * on the node a shard moves to (a rebalance, or a failover after a node was downed). The node counts and times these
 * for operators ({@code riskpulse_portfolio_recovery_seconds} on {@code /metrics}), which is how a failover is
 * watched from outside. Called on the entity's thread; implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface RecoveryListener {

  /** Tells nothing (tests, tools). */
  RecoveryListener NONE = (portfolioId, opened, nanos) -> { };

  /**
   * @param portfolioId the portfolio that recovered
   * @param opened whether it had been opened (an entity started by a lookup of an unknown id recovers empty)
   * @param nanos from the entity's start to the end of its recovery, in nanoseconds
   */
  void recovered(String portfolioId, boolean opened, long nanos);
}

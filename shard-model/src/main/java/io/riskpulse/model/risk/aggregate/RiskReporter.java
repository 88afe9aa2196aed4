package io.riskpulse.model.risk.aggregate;

/**
 * Where a member sends its scenario P&amp;L vector: the node wires one that tells the parent's sharded
 * aggregate ({@link RiskAggregates#portfolioReporter()}); tests pass a probe or {@link #NONE}. Implementations
 * must be thread-safe and must not block: entities call it from their mailbox.
 */
@FunctionalInterface
public interface RiskReporter {

  /** Drops every report: a node or test without desk aggregation. */
  RiskReporter NONE = report -> { };

  /** Sends the report; fire-and-forget (a lost report is replaced by the next, at most a refresh later). */
  void report(RiskVectorReport report);
}

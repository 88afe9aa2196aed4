package io.riskpulse.ingestion.route;

import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Reply;

/**
 * An execution and what its portfolio answered. {@code reply} is {@code null} when no answer came after every
 * retry; {@code failure} then says why.
 */
public record RoutedExecution(Execution execution, Reply reply, Throwable failure) {

  /** True once the portfolio has persisted the execution (or had already: a duplicate). */
  public boolean persisted() {
    return reply != null && reply.outcome() != Reply.Outcome.REJECTED;
  }
}

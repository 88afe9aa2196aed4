package io.riskpulse.ingestion.sim;

import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import java.util.List;

/**
 * What happened in one step of a {@link TradingSimulation}: the quotes the generator produced, then the fills
 * the strategies obtained on them (publish the quotes first). Immutable.
 *
 * @param stepNumber 1 for the first step, then +1 per step
 * @param quotes quotes of this step
 * @param executions fills of this step, in portfolio order
 */
public record SimStep(long stepNumber, List<Quote> quotes, List<Execution> executions) {

  public SimStep {
    quotes = List.copyOf(quotes);
    executions = List.copyOf(executions);
  }
}

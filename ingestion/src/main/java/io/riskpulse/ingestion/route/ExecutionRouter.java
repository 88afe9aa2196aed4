package io.riskpulse.ingestion.route;

import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.Reply;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * Routes executions to their portfolio shards and emits each with the portfolio's answer, in input order.
 *
 * <p>At most {@code parallelism} executions are in flight (bounded, so a slow journal backpressures the
 * source instead of queueing without limit). An execution counts as ingested only when its reply arrives,
 * which the entity sends after the event is persisted. A timeout is retried with the same execution id,
 * which is safe because portfolios are idempotent by execution id; after {@code attempts} tries the element
 * is emitted with its failure so the stream keeps flowing and the caller can quarantine it.
 */
public final class ExecutionRouter {

  private ExecutionRouter() {}

  /**
   * @param attempts total tries per execution (≥ 1)
   * @param retryDelay pause between tries
   */
  public static Flow<Execution, RoutedExecution, NotUsed> flow(
      ActorSystem<?> system, PortfolioClient portfolios, int parallelism, int attempts, Duration retryDelay,
      IngestionCounters counters) {
    return Flow.<Execution>create().mapAsync(parallelism, execution ->
        applyWithRetry(system, portfolios, execution, attempts, retryDelay).handle((reply, failure) -> {
          if (reply != null) {
            counters.record(reply);
            return new RoutedExecution(execution, reply, null);
          }
          counters.recordFailure();
          system.log().warn("Execution {} for portfolio {} not acknowledged after {} attempts: {}",
              execution.executionId(), execution.portfolioId(), attempts, failure.toString());
          return new RoutedExecution(execution, null, failure);
        }));
  }

  private static CompletionStage<Reply> applyWithRetry(
      ActorSystem<?> system, PortfolioClient portfolios, Execution execution, int attempts,
      Duration retryDelay) {
    if (attempts <= 1) {
      return portfolios.apply(execution);
    }
    return Patterns.retry(
        () -> portfolios.apply(execution), attempts - 1, retryDelay, system.classicSystem().scheduler(),
        system.executionContext());
  }
}

package io.riskpulse.bench.e2e;

import io.riskpulse.model.portfolio.RejectReason;
import io.riskpulse.model.portfolio.Reply;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A harness's setup asks (opening portfolios, seeding fills) with a bounded number in flight: hundreds sent at once
 * outran the portfolios' 5 s ask timeout on a slow host, each being a journal write. Used from one setup thread.
 */
final class WindowedAsks {

  /** Asks a harness keeps in flight while it sets up portfolios. */
  static final int WINDOW = 32;
  private static final int ATTEMPTS = 3;

  private WindowedAsks() {}

  /** An ask about item {@code index}; its value is a problem, or {@code null} when the answer is right. */
  interface Ask {
    CompletionStage<String> send(int index, int attempt);
  }

  /**
   * Runs {@code ask} for each index in {@code [from, to)} with at most {@code window} unanswered, sending an ask
   * that failed (a timeout) again up to {@value #ATTEMPTS} times in all. Fails on the first problem, or when
   * answers stop coming for {@code timeoutSeconds}.
   */
  static void forEach(int from, int to, int window, long timeoutSeconds, Ask ask) throws Exception {
    Semaphore inFlight = new Semaphore(window);
    AtomicReference<String> problem = new AtomicReference<>();
    for (int i = from; i < to && problem.get() == null; i++) {
      if (!inFlight.tryAcquire(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no answer within " + timeoutSeconds + " s");
      }
      send(ask, i, 0, problem, inFlight);
    }
    if (!inFlight.tryAcquire(window, timeoutSeconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no answer within " + timeoutSeconds + " s");
    }
    if (problem.get() != null) {
      throw new IllegalStateException(problem.get());
    }
  }

  /**
   * The problem with the answer to opening {@code portfolioId}, or {@code null} when it opened: a portfolio found
   * already open is fine on a second attempt (the first one's answer was lost, not its write).
   */
  static String openProblem(String portfolioId, Reply reply, int attempt) {
    return reply.isAccepted() || (attempt > 0 && reply.reason() == RejectReason.ALREADY_OPEN) ? null
        : "cannot open " + portfolioId + ": " + reply;
  }

  private static void send(Ask ask, int index, int attempt, AtomicReference<String> problem, Semaphore inFlight) {
    ask.send(index, attempt).whenComplete((found, failure) -> {
      if (failure != null && attempt + 1 < ATTEMPTS) {
        send(ask, index, attempt + 1, problem, inFlight);
        return;
      }
      if (failure != null || found != null) {
        problem.compareAndSet(null, failure != null ? failure.toString() : found);
      }
      inFlight.release();
    });
  }
}

package io.riskpulse.model.concurrent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns the completion stages Pekko hands out into plain {@link CompletableFuture}s whose callbacks run on the
 * completing thread.
 *
 * <p>Why: the stages returned by Pekko's Java {@code ask} and {@code Patterns} are Scala-backed and run every
 * {@code thenApply}/{@code handle} as its {@code *Async} variant on the common pool. On a machine with two
 * CPUs the common pool has parallelism 1, and {@link CompletableFuture} then starts a <em>new thread per
 * callback</em>: measured at two threads per portfolio ask, halving ingestion throughput (docs/PERFORMANCE.md).
 * Callers of the portfolio client only do short, non-blocking work in their callbacks, so running them where
 * the answer arrives is both cheaper and safe.
 */
public final class Completions {

  /** Runs a task on the calling thread. */
  public static final Executor CALLING_THREAD = Runnable::run;

  private Completions() {}

  /**
   * Calls {@code call} and bounds its answer by {@code timeout}: the returned future completes with the stage's
   * outcome (on the completing thread), or exceptionally when the call throws, returns {@code null} or does not
   * complete in time. For actors handing work to another component and piping the outcome to themselves: nothing
   * the callee does can escape as an exception into the actor. The callee's own future is never completed by this.
   */
  public static <T> CompletableFuture<T> bounded(Supplier<? extends CompletionStage<T>> call, Duration timeout) {
    CompletableFuture<T> outcome;
    try {
      CompletionStage<T> stage = call.get();
      outcome = stage == null
          ? CompletableFuture.failedFuture(new IllegalStateException("the callee returned no completion stage"))
          : onCompletingThread(stage);
    } catch (RuntimeException e) {
      outcome = CompletableFuture.failedFuture(e);
    }
    return outcome.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A plain future completed, on the completing thread, with the outcome of {@code stage}. */
  public static <T> CompletableFuture<T> onCompletingThread(CompletionStage<T> stage) {
    CompletableFuture<T> plain = new CompletableFuture<>();
    stage.whenCompleteAsync((value, failure) -> {
      if (failure != null) {
        plain.completeExceptionally(failure);
      } else {
        plain.complete(value);
      }
    }, CALLING_THREAD);
    return plain;
  }
}

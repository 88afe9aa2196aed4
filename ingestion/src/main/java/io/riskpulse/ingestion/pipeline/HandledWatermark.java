package io.riskpulse.ingestion.pipeline;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The highest handled sequence number per source, and a way to wait for one: a publisher that must know its
 * messages were handled (the demo, tests, the feed's replay after a restart) waits on {@link #reached}.
 * Thread-safe.
 */
public final class HandledWatermark implements PersistedListener {

  private record Waiter(String sourceId, long sequence, CompletableFuture<Long> future) {}

  private final Map<String, Long> highest = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<Waiter> waiters = new CopyOnWriteArrayList<>();

  @Override
  public void handled(String sourceId, long sequence) {
    highest.merge(sourceId, sequence, Math::max);
    for (Waiter waiter : waiters) {
      if (waiter.sourceId().equals(sourceId) && sequence >= waiter.sequence()) {
        waiter.future().complete(sequence);
        waiters.remove(waiter);
      }
    }
  }

  /** Highest sequence handled from {@code sourceId}, 0 before the first. */
  public long highest(String sourceId) {
    return highest.getOrDefault(sourceId, 0L);
  }

  /** Completes once {@code sourceId} has had {@code sequence} (or a later one) handled. */
  public CompletionStage<Long> reached(String sourceId, long sequence) {
    CompletableFuture<Long> future = new CompletableFuture<>();
    waiters.add(new Waiter(sourceId, sequence, future));
    long now = highest(sourceId); // a message handled between the add and here must not be missed
    if (now >= sequence) {
      future.complete(now);
      waiters.removeIf(w -> w.future() == future);
    }
    return future;
  }
}

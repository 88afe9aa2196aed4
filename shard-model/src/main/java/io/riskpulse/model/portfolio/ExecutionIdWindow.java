package io.riskpulse.model.portfolio;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;

/**
 * The most recent execution ids of a portfolio, for idempotency. Bounded: when full, the oldest id is
 * forgotten. Sized (config {@code riskpulse.portfolio.dedup-window}) to cover far more than any redelivery
 * horizon of a feed or drop copy; an id older than the window would be applied again, which the ingestion
 * layer's per-source sequence numbers prevent.
 *
 * <p>Not thread-safe: owned by one portfolio entity. Saved in snapshots and rebuilt by replaying events, so
 * it survives recovery.
 */
final class ExecutionIdWindow {

  private final int capacity;
  private final ArrayDeque<String> order;
  private final HashSet<String> ids;

  ExecutionIdWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.capacity = capacity;
    this.order = new ArrayDeque<>();
    this.ids = new HashSet<>();
  }

  boolean contains(String executionId) {
    return ids.contains(executionId);
  }

  void add(String executionId) {
    if (ids.add(executionId)) {
      order.addLast(executionId);
      if (order.size() > capacity) {
        ids.remove(order.removeFirst());
      }
    }
  }

  /** Ids oldest first, for snapshots. */
  List<String> toList() {
    return List.copyOf(order);
  }

  int size() {
    return order.size();
  }
}

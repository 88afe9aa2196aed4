package io.riskpulse.model.portfolio;

import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeDecision;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The way in to one resident portfolio entity's pre-trade check for a caller on the same node: the caller judges
 * the order on its own thread, holding the entity's lock, instead of sending the entity a message and waiting for
 * its answer (a mailbox, a thread hand-off each way and a future: about 56 µs at the median on two cores, against a
 * few microseconds for the check itself; docs/PERFORMANCE.md section 22).
 *
 * <p>Why it is the same check: the entity holds this lock whenever it handles anything, a command, a journal
 * response (events are applied there), a timer or a signal ({@link ExclusiveEntity}). A caller holding it sees the
 * entity between two messages, exactly as a {@code CheckOrder} message would, and the entity's own handler does the
 * judging ({@link Portfolio}): the same checks, the same order-flow record of an accepted order, the same detectors.
 * The one difference is the point in the stream of messages it sees: the state after every message the entity has
 * taken, not after those queued in its mailbox before the check. Those are not ordered with a check from another
 * thread in either case; anything a caller was told is done (an acknowledged fill, an accepted halt) was applied
 * before it was answered.
 *
 * <p>The gate is open only while the entity is running: it opens when the entity's recovery completes and closes
 * when the entity stops, and when a journal write fails (the entity then restarts and recovers, and its state in
 * memory may hold the event that was not written). A closed gate answers {@code null}: ask the entity.
 *
 * <p>Thread-safe. A caller may wait for the lock as long as the entity takes to handle one message.
 */
public final class PreTradeGate {

  private final ReentrantLock lock = new ReentrantLock();
  /** The entity's in-place check while it runs; {@code null} while the gate is closed. Set under {@link #lock}. */
  private volatile Function<OrderRequest, PreTradeDecision> judge;

  /**
   * The entity's decision on {@code order}, judged on this thread; {@code null} when the gate is closed or the entity
   * cannot judge here (a portfolio not open): ask the entity.
   */
  public PreTradeDecision check(OrderRequest order) {
    lock.lock();
    try {
      Function<OrderRequest, PreTradeDecision> open = judge;
      return open == null ? null : open.apply(order);
    } finally {
      lock.unlock();
    }
  }

  /** Whether callers are judged here now. */
  public boolean isOpen() {
    return judge != null;
  }

  /** Entity only, holding the lock: callers are judged by {@code inPlace} from now on. */
  void open(Function<OrderRequest, PreTradeDecision> inPlace) {
    judge = inPlace;
  }

  /** Entity only (or its interceptor), holding the lock: callers ask the entity from now on. */
  void close() {
    judge = null;
  }

  /** Taken by the entity around everything it handles ({@link ExclusiveEntity}). */
  void lock() {
    lock.lock();
  }

  void unlock() {
    lock.unlock();
  }

  /** Whether the calling thread holds the lock (for assertions in tests). */
  boolean heldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }
}

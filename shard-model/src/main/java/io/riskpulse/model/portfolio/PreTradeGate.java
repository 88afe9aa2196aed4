package io.riskpulse.model.portfolio;

import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeDecision;
import java.util.concurrent.atomic.LongAdder;
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
 * <p>Thread-safe. A caller never waits for the entity: when the entity holds the lock, the order is asked of it.
 * Orders of one portfolio checked concurrently (a caller that does not wait for one decision before the next
 * check) are therefore not judged in the order they were sent; each is judged once, on the state of its moment.
 */
public final class PreTradeGate {

  private final ReentrantLock lock = new ReentrantLock();
  /** The entity's in-place check while it runs; {@code null} while the gate is closed. Set under {@link #lock}. */
  private volatile Function<OrderRequest, PreTradeDecision> judge;
  /** Checks that found the entity busy and asked it instead. */
  private final LongAdder busy = new LongAdder();
  /** The node's count of checks judged in place ({@link PreTradeGates#judgedInPlace}); shared by its gates. */
  private final LongAdder nodeJudged;
  /** The node's count of checks that found an entity busy ({@link PreTradeGates#foundBusy}); shared. */
  private final LongAdder nodeBusy;

  /** A gate of its own, counting into no node's figures (tests). */
  PreTradeGate() {
    this(new LongAdder(), new LongAdder());
  }

  /** A gate counting into the node's figures ({@link PreTradeGates#newGate}). */
  PreTradeGate(LongAdder nodeJudged, LongAdder nodeBusy) {
    this.nodeJudged = nodeJudged;
    this.nodeBusy = nodeBusy;
  }

  /**
   * The entity's decision on {@code order}, judged on this thread; {@code null} when the gate is closed, the entity
   * is handling a message right now, or it cannot judge here (a portfolio not open): ask the entity.
   *
   * <p>A busy entity is asked rather than waited for: its thread may have been descheduled in the middle of a
   * message (two cores, many runnable threads), and a caller waiting for the lock would then wait for the scheduler,
   * for milliseconds, and with it every order the caller has to judge after this one, of any portfolio. Asked, only
   * this order waits, in the entity's mailbox, as every order did before gates existed.
   */
  public PreTradeDecision check(OrderRequest order) {
    if (!lock.tryLock()) {
      busy.increment();
      nodeBusy.increment();
      return null;
    }
    PreTradeDecision decision;
    try {
      Function<OrderRequest, PreTradeDecision> open = judge;
      decision = open == null ? null : open.apply(order);
    } finally {
      lock.unlock();
    }
    if (decision != null) {
      nodeJudged.increment();
    }
    return decision;
  }

  /** Checks that found the entity busy and asked it instead, since the gate was made. */
  public long busyCount() {
    return busy.sum();
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

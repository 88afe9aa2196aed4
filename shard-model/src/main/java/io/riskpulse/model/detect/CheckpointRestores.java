package io.riskpulse.model.detect;

import com.typesafe.config.Config;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lets a node's portfolios restore their detectors' checkpoints a few at a time, so that a burst of portfolio
 * recoveries (a failover, a rebalance, a node start) is not slowed down by as many checkpoint recoveries.
 *
 * <p>Why: every persistent actor of a node, the portfolios, their {@link DetectorCheckpoints} stores and the
 * sharding's own remembered-entity stores, waits in one first-come queue for Pekko's recovery permits
 * ({@code pekko.persistence.max-concurrent-recoveries}). A portfolio starts its checkpoint store when it has
 * recovered, so in a failover thousands of stores joined the queue ahead of portfolios and shard stores still waiting:
 * 10,000 portfolios on three nodes never all came back (docs/PERFORMANCE.md section 13). A portfolio serves as soon as
 * it has recovered; its models are restored when its turn here comes, at most {@link #atOnce()} at a time per node,
 * and its detectors learn meanwhile.
 *
 * <p>A {@link Ticket} is one portfolio's turn: {@link #request} queues it, the gate runs its {@code onTurn} callback
 * (which must only hand a message to the portfolio's mailbox) once a place is free, and {@link Ticket#close} gives
 * the place back or leaves the queue. Closing twice, or closing a ticket whose turn never came, is harmless; a
 * portfolio closes its ticket when its models are restored, when its store failed, and when it stops.
 *
 * <p>Thread-safety: safe for any threads (one lock; each call holds it for a few field updates and never while a
 * callback runs).
 */
public final class CheckpointRestores {

  /** Restores as many at once as ask: environments without a node (tests, tools). */
  public static final CheckpointRestores UNLIMITED = new CheckpointRestores(Integer.MAX_VALUE);

  private final int atOnce;
  private final Deque<Ticket> waiting = new ArrayDeque<>();
  private int running;

  /** @param atOnce the checkpoint restores this node runs at once, at least 1 */
  public CheckpointRestores(int atOnce) {
    if (atOnce < 1) {
      throw new IllegalArgumentException("checkpoint restores at once must be at least 1, got " + atOnce);
    }
    this.atOnce = atOnce;
  }

  /** The node's turns, from {@code riskpulse.detection.checkpoint-restores-at-once}. */
  public static CheckpointRestores fromConfig(Config config) {
    return new CheckpointRestores(config.getInt("riskpulse.detection.checkpoint-restores-at-once"));
  }

  /** The checkpoint restores this node runs at once. */
  public int atOnce() {
    return atOnce;
  }

  /** Restores running now (turns given and not closed). */
  public synchronized int running() {
    return running;
  }

  /** Tickets waiting for their turn. */
  public synchronized int waiting() {
    return waiting.size();
  }

  /**
   * Queues a turn; {@code onTurn} runs once the turn comes, on the calling thread when a place is free now,
   * otherwise on the thread that closes an earlier ticket.
   */
  public Ticket request(Runnable onTurn) {
    Ticket ticket = new Ticket(onTurn);
    boolean now;
    synchronized (this) {
      now = running < atOnce;
      if (now) {
        running++;
        ticket.state = Ticket.RUNNING;
      } else {
        waiting.addLast(ticket);
      }
    }
    if (now) {
      onTurn.run();
    }
    return ticket;
  }

  private void close(Ticket ticket) {
    Ticket next = null;
    synchronized (this) {
      if (ticket.state == Ticket.WAITING) {
        waiting.remove(ticket);
      } else if (ticket.state == Ticket.RUNNING) {
        next = waiting.pollFirst();
        if (next == null) {
          running--;
        } else {
          next.state = Ticket.RUNNING; // the place passes to the next ticket
        }
      }
      ticket.state = Ticket.CLOSED;
    }
    if (next != null) {
      next.onTurn.run();
    }
  }

  /** One portfolio's turn to restore its checkpoint. Guarded by its gate's lock. */
  public final class Ticket implements AutoCloseable {
    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int CLOSED = 2;

    private final Runnable onTurn;
    private int state = WAITING;

    private Ticket(Runnable onTurn) {
      this.onTurn = onTurn;
    }

    /** Gives the place back (or leaves the queue); the next waiting ticket's turn comes. Idempotent. */
    @Override
    public void close() {
      CheckpointRestores.this.close(this);
    }
  }
}

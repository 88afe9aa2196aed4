package io.riskpulse.ingestion.aeron;

import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.riskpulse.ingestion.codec.ExecutionEncoder;
import io.riskpulse.ingestion.codec.FrameEncoder;
import io.riskpulse.ingestion.codec.OrderEncoder;
import io.riskpulse.ingestion.codec.QuoteEncoder;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.agrona.BufferUtil;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Publishes one source's frames on an Aeron publication in the wire format of {@code docs/WIRE_FORMAT.md},
 * numbering them 1, 2, 3... (or from a given first number when a publisher resumes a source).
 *
 * <p>Never drops: a full log buffer (BACK_PRESSURED, the subscriber is behind) or an admin action is retried
 * after an idle step; NOT_CONNECTED is waited for up to {@code connectTimeout}, then fails. One encode buffer is
 * reused, so publishing allocates nothing. Not thread-safe: one publisher per source and thread.
 *
 * <p><b>Replay</b> (order flow and fills, with {@link #withReplay}): every frame is also kept in a bounded
 * retransmit ring until the node acknowledges it ({@link Ack}, on the ack subscription). Frames are offered
 * again, identical, in two cases:
 * <ul>
 *   <li>the node comes back after a restart and the publication reconnects, or a new node process's ack
 *       stream appears (a new Aeron session on the ack subscription; a node subscribes before it opens its ack
 *       stream): every frame after the last acknowledged one;
 *   <li>an ack's range starts above the last acknowledged frame: that node never received the frames in
 *       between. This is how a node that crashed ({@code kill -9}) and restarted is caught up: the media
 *       driver keeps the dead process's subscription until its liveness timeout, so the publication may never
 *       look disconnected, and the new process joins the stream mid-way. Each such hole is sent once.
 * </ul>
 * The node's portfolios are idempotent by execution id, so nothing is lost and nothing counted twice. A full
 * ring makes the publisher wait for acknowledgements: backpressure, not loss.
 */
public final class FeedPublisher implements AutoCloseable {

  private final Publication publication;
  private final int sourceId;
  private final long connectTimeoutNanos;
  private final IdleStrategy idle = new BackoffIdleStrategy(10, 10, 1_000, 100_000);
  private final UnsafeBuffer buffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(512, 64));
  private final FrameEncoder encoder = new FrameEncoder();
  private long nextSequence;
  private long backPressured;
  private Subscription acks;
  private UnsafeBuffer[] ring;
  private int[] ringLengths;
  private long acknowledged;
  private boolean connected;
  private long replayed;
  /** Start of the last hole sent again (an ack's range start), so each hole is sent once. */
  private long holeSentUpTo;
  /** A hole {@code [acknowledged + 1, holeEnd)} to send again at the next {@link #maintain}; 0 when none. */
  private long holeEnd;
  /** Aeron session ids of the ack streams seen so far: one per node process. */
  private final Set<Integer> ackSessions = new HashSet<>();
  /** Set by {@link #imageCheck} when an ack stream of a node process not seen before is found. */
  private boolean newAckSession;
  private final Consumer<Image> imageCheck = image -> {
    boolean firstEver = ackSessions.isEmpty();
    if (ackSessions.add(image.sessionId()) && !firstEver) {
      newAckSession = true;
    }
  };
  /** Everything unacknowledged was sent again and nothing has been acknowledged since. */
  private boolean replayedSinceAck;
  private final FragmentHandler ackHandler = (buffer, offset, length, header) -> {
    if (Ack.isAck(buffer, offset, length) && Ack.sourceId(buffer, offset) == sourceId()) {
      onAck(Ack.fromSequence(buffer, offset), Ack.handledSequence(buffer, offset));
    }
  };

  /**
   * @param firstSequence sequence number of the first frame (1 for a new source)
   */
  public FeedPublisher(Publication publication, int sourceId, long firstSequence, Duration connectTimeout) {
    this.publication = publication;
    this.sourceId = sourceId;
    this.nextSequence = firstSequence;
    this.connectTimeoutNanos = connectTimeout.toNanos();
  }

  /**
   * Keeps every frame until acknowledged and replays the unacknowledged ones after the subscriber reconnects.
   *
   * @param ackSubscription the node's acknowledgement stream
   * @param capacity frames kept at most; when full, publishing waits for acknowledgements
   */
  public FeedPublisher withReplay(Subscription ackSubscription, int capacity) {
    this.acks = ackSubscription;
    this.ring = new UnsafeBuffer[capacity];
    this.ringLengths = new int[capacity];
    for (int i = 0; i < capacity; i++) {
      ring[i] = new UnsafeBuffer(BufferUtil.allocateDirectAligned(256, 64));
    }
    this.acknowledged = nextSequence - 1;
    this.connected = publication.isConnected();
    return this;
  }

  /** Publishes a top-of-book quote (bid and ask; quantities are not modelled by {@link Quote}: 1 each). */
  public long quote(Quote quote, long sendTimeNanos) {
    QuoteEncoder q = encoder.quote().wrapAndApplyHeader(buffer, 0, sourceId, nextSequence, sendTimeNanos)
        .eventTimeNanos(TimeUnit.MILLISECONDS.toNanos(quote.timestampMillis()))
        .symbol(quote.symbol());
    if (!Double.isNaN(quote.bid())) {
      q.bid(quote.bid(), 1);
    }
    if (!Double.isNaN(quote.ask())) {
      q.ask(quote.ask(), 1);
    }
    return offer(q.encodedLength());
  }

  /** Publishes a fill. */
  public long execution(Execution execution, long sendTimeNanos) {
    ExecutionEncoder e = encoder.execution().wrapAndApplyHeader(buffer, 0, sourceId, nextSequence, sendTimeNanos)
        .eventTimeNanos(TimeUnit.MILLISECONDS.toNanos(execution.executedAtMillis()))
        .portfolioId(execution.portfolioId())
        .strategy(execution.strategy())
        .executionId(execution.executionId())
        .orderId(execution.orderId())
        .symbol(execution.symbol())
        .side(execution.side())
        .price(execution.price())
        .quantity(execution.quantity());
    return offer(e.encodedLength());
  }

  /** Publishes an order-flow message. */
  public long order(OrderEvent order, long sendTimeNanos) {
    OrderEncoder o = encoder.order()
        .wrapAndApplyHeader(buffer, 0, order.action(), sourceId, nextSequence, sendTimeNanos)
        .eventTimeNanos(TimeUnit.MILLISECONDS.toNanos(order.timestampMillis()))
        .portfolioId(order.portfolioId())
        .strategy(order.strategy())
        .orderId(order.orderId())
        .origOrderId(order.origOrderId())
        .symbol(order.symbol())
        .side(order.side())
        .price(order.price())
        .quantity(order.quantity());
    return offer(o.encodedLength());
  }

  /**
   * Offers the encoded frame until the publication takes it.
   *
   * @return the sequence number the frame carried
   */
  private long offer(int length) {
    if (ring != null) {
      long deadline = System.nanoTime() + connectTimeoutNanos;
      idle.reset();
      while (nextSequence - acknowledged > ring.length) { // ring full: wait for the node to catch up
        if (maintain() == 0) {
          if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("no acknowledgement from the node within "
                + Duration.ofNanos(connectTimeoutNanos) + " (acknowledged " + acknowledged + ")");
          }
          idle.idle();
        }
      }
      int slot = (int) (nextSequence % ring.length);
      ring[slot].putBytes(0, buffer, 0, length);
      ringLengths[slot] = length;
    }
    offerBytes(buffer, length);
    return nextSequence++;
  }

  /** Offers bytes until the publication takes them; handles reconnection (replay) on the way. */
  private void offerBytes(UnsafeBuffer bytes, int length) {
    long deadline = System.nanoTime() + connectTimeoutNanos;
    idle.reset();
    while (true) {
      if (ring != null) {
        maintain();
      }
      long result = publication.offer(bytes, 0, length);
      if (result > 0) {
        return;
      }
      if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
        throw new IllegalStateException("publication " + publication.channel() + " can take no more: " + result);
      }
      if (result == Publication.NOT_CONNECTED && System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("no subscriber on " + publication.channel() + ":"
            + publication.streamId() + " within " + Duration.ofNanos(connectTimeoutNanos));
      }
      if (result == Publication.BACK_PRESSURED) {
        backPressured++;
      }
      idle.idle();
    }
  }

  /**
   * Reads acknowledgements and, when the subscriber has just (re)connected, replays every frame after the last
   * acknowledged one. Call it while idle too, so a restart is noticed without new frames. Returns work done.
   */
  public int maintain() {
    if (ring == null) {
      return 0;
    }
    int work = acks.poll(ackHandler, 64);
    boolean now = publication.isConnected();
    if (now && connected && newNodeProcess() && acknowledged < nextSequence - 1 && !replayedSinceAck) {
      // A node process that was not there before (e.g. restarted after a crash while the media driver still
      // counted the dead one as connected) may have missed any unacknowledged frame. (After a reconnection,
      // which already sent everything again, its ack stream appearing is no news.)
      connected = replay();
      holeEnd = 0;
      replayedSinceAck = true;
      work++;
    } else if (now && !connected) {
      connected = replay();
      holeEnd = 0; // everything unacknowledged was just sent again
      replayedSinceAck = true;
      work++;
    } else if (!now) {
      connected = false;
    } else {
      work += sendHole();
    }
    return work;
  }

  /**
   * True when an ack stream from a node process not seen before has appeared since the last call (checked by
   * session id on every call, so one process replacing another between two calls is seen too). The first one
   * ever seen is the node this publisher started with, not a new one.
   */
  private boolean newNodeProcess() {
    newAckSession = false;
    acks.forEachImage(imageCheck);
    return newAckSession;
  }

  private void onAck(long from, long handled) {
    if (from <= acknowledged + 1) {
      if (handled > acknowledged) {
        acknowledged = handled;
        replayedSinceAck = false;
      }
    } else if (from > holeSentUpTo && from <= nextSequence) {
      holeEnd = from;
    }
  }

  /** Sends a hole reported by an ack again, once. */
  private int sendHole() {
    if (holeEnd == 0) {
      return 0;
    }
    long end = holeEnd;
    holeEnd = 0;
    if (end <= acknowledged + 1) {
      return 0;
    }
    holeSentUpTo = end;
    return replay(end) ? 1 : 0;
  }

  /** {@link #replay(long)} of everything published. */
  private boolean replay() {
    return replay(nextSequence);
  }

  /**
   * Offers every frame after the last acknowledged one and before {@code end} again, in order, without
   * recursing into {@link #maintain}. Returns false when the subscriber went away meanwhile: the next
   * reconnection replays again from the (possibly advanced) acknowledgement.
   */
  private boolean replay(long end) {
    for (long seq = acknowledged + 1; seq < end; seq++) {
      int slot = (int) (seq % ring.length);
      idle.reset();
      while (true) {
        long result = publication.offer(ring[slot], 0, ringLengths[slot]);
        if (result > 0) {
          replayed++;
          break;
        }
        if (result == Publication.NOT_CONNECTED) {
          return false;
        }
        if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
          throw new IllegalStateException("publication " + publication.channel() + " can take no more: " + result);
        }
        acks.poll(ackHandler, 64);
        idle.idle();
      }
    }
    return true;
  }

  /**
   * Waits until the node has acknowledged every frame published so far, replaying after a reconnection.
   *
   * @return true when everything was acknowledged within {@code timeout}
   */
  public boolean awaitAcknowledged(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    idle.reset();
    while (acknowledged < nextSequence - 1) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      if (maintain() == 0) {
        idle.idle();
      }
    }
    return true;
  }

  /** Highest sequence number the node has acknowledged (replay mode). */
  public long acknowledged() {
    return acknowledged;
  }

  /** Frames offered again after reconnections (replay mode). */
  public long replayed() {
    return replayed;
  }

  /** Sequence number the next frame will carry. */
  public long nextSequence() {
    return nextSequence;
  }

  /** Offers that found the log buffer full and had to wait. */
  public long backPressured() {
    return backPressured;
  }

  public int sourceId() {
    return sourceId;
  }

  @Override
  public void close() {
    publication.close();
  }
}

package io.riskpulse.ingestion.aeron;

import io.aeron.Publication;
import io.riskpulse.ingestion.codec.FrameToEvent;
import io.riskpulse.ingestion.pipeline.PersistedListener;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Tells Aeron publishers how far the node has handled each of their sources: listens to the pipeline and, on
 * its own agent thread, publishes an {@link Ack} for every Aeron source whose handled range changed.
 *
 * <p>The range starts at the lowest number this node has <em>received</em> from the source (not handled: the
 * first message may still be on its way to the journal while a later one is already refused) and ends where
 * the first hole is. Contiguous matters: after a gap, a later message may be handled before a late one, and
 * acknowledging past the hole would let the publisher forget a message the node never had. The start matters
 * for a node that joined a stream mid-way after a crash: its range starts above what the publisher knows to be
 * handled, which tells the publisher to send the frames in between again; as they arrive the start moves down.
 * Acks are cumulative, so a lost or late one is harmless, and an unchanged range is sent again every second.
 *
 * <p>Thread-safety: {@link #received} and {@link #handled} are called from the pipeline's stream and from
 * feed threads; each source's frontier is updated under its own lock. {@link #doWork} runs on one agent thread.
 */
public final class AckPublisher implements PersistedListener, Agent {

  /** Disjoint handled ranges remembered per source beyond the first hole; the newest are forgotten beyond it. */
  static final int MAX_RANGES = 100_000;

  /**
   * The handled range of one source: the lowest number received, and the handled numbers as disjoint ranges.
   * Forgetting a handled range is always safe (it is acknowledged later or replayed after a restart, and
   * portfolios are idempotent); acknowledging an unhandled number is not.
   */
  static final class Frontier {
    private long from = -1;
    /** Handled numbers: range start to range end, inclusive, disjoint and not adjacent. */
    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    synchronized void received(long sequence) {
      if (from < 0 || sequence < from) {
        from = sequence;
      }
    }

    synchronized void handled(long sequence) {
      received(sequence);
      Map.Entry<Long, Long> below = ranges.floorEntry(sequence);
      if (below != null && below.getValue() >= sequence) {
        return; // already handled
      }
      long start = sequence;
      long end = sequence;
      if (below != null && below.getValue() == sequence - 1) {
        start = below.getKey();
      }
      Long aboveEnd = ranges.get(sequence + 1);
      if (aboveEnd != null) {
        ranges.remove(sequence + 1);
        end = aboveEnd;
      }
      ranges.put(start, end);
      if (ranges.size() > MAX_RANGES) {
        ranges.pollLastEntry();
      }
    }

    /** Lowest number received, or -1 before any. */
    synchronized long from() {
      return from;
    }

    /** Highest number {@code h} such that every number in {@code [from, h]} is handled; {@code from - 1} if none. */
    synchronized long contiguous() {
      if (from < 0) {
        return -1;
      }
      Map.Entry<Long, Long> first = ranges.floorEntry(from);
      return first != null && first.getValue() >= from ? first.getValue() : from - 1;
    }
  }

  /** The range last sent for a source, and when (System.nanoTime). */
  private record Sent(long from, long handled, long atNanos) {}

  /**
   * An unchanged range is sent again this often: a publisher whose ack subscription connected after the last
   * change (or that lost it) learns where it stands without waiting for new traffic.
   */
  static final long RESEND_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

  private final Publication publication;
  private final Map<Integer, Frontier> frontiers = new ConcurrentHashMap<>();
  private final Map<Integer, Sent> sent = new ConcurrentHashMap<>();
  private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Ack.LENGTH]);

  public AckPublisher(Publication publication) {
    this.publication = publication;
  }

  @Override
  public void received(String sourceId, long sequence) {
    Frontier frontier = frontier(sourceId, sequence);
    if (frontier != null) {
      frontier.received(sequence);
    }
  }

  @Override
  public void handled(String sourceId, long sequence) {
    Frontier frontier = frontier(sourceId, sequence);
    if (frontier != null) {
      frontier.handled(sequence);
    }
  }

  /** The frontier of an Aeron source, or null for other sources and non-positive numbers. */
  private Frontier frontier(String sourceId, long sequence) {
    if (!sourceId.startsWith(FrameToEvent.SOURCE_PREFIX) || sequence <= 0) {
      return null;
    }
    int id = Integer.parseInt(sourceId, FrameToEvent.SOURCE_PREFIX.length(), sourceId.length(), 10);
    return frontiers.computeIfAbsent(id, s -> new Frontier());
  }

  @Override
  public int doWork() {
    int work = 0;
    for (Map.Entry<Integer, Frontier> entry : frontiers.entrySet()) {
      Frontier frontier = entry.getValue();
      long from;
      long handled;
      synchronized (frontier) {
        from = frontier.from();
        handled = frontier.contiguous();
      }
      Sent last = sent.get(entry.getKey());
      long now = System.nanoTime();
      boolean changed = last == null || last.from() != from || last.handled() != handled;
      if (from > 0 && handled >= from && (changed || now - last.atNanos() >= RESEND_NANOS)) {
        Ack.encode(buffer, 0, entry.getKey(), from, handled);
        if (publication.offer(buffer, 0, Ack.LENGTH) > 0) {
          sent.put(entry.getKey(), new Sent(from, handled, now));
          work += changed ? 1 : 0; // a periodic resend is not work: the agent may idle meanwhile
        }
      }
    }
    return work;
  }

  @Override
  public String roleName() {
    return "aeron-acks";
  }
}

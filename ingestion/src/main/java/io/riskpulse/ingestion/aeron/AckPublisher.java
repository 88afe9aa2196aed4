package io.riskpulse.ingestion.aeron;

import io.aeron.Publication;
import io.riskpulse.ingestion.codec.FrameToEvent;
import io.riskpulse.ingestion.pipeline.PersistedListener;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Tells Aeron publishers how far the node has handled each of their sources: listens to the pipeline and, on
 * its own agent thread, publishes an {@link Ack} for every Aeron source whose <em>contiguous</em> handled
 * sequence advanced. Contiguous matters: after a gap, a later message may be handled before a late one, and
 * acknowledging past the hole would let the publisher forget a message the node never had. The first message
 * a node sees from a source sets its base (a restarted node starts where the publisher's replay starts).
 * Acks are cumulative, so a lost or late one is harmless.
 *
 * <p>Thread-safety: {@link #handled} is called from the pipeline's stream and from feed threads (refused
 * messages count as handled); each source's frontier is updated under its own lock. {@link #doWork} runs on
 * one agent thread.
 */
public final class AckPublisher implements PersistedListener, Agent {

  /** Messages handled beyond a hole, remembered per source before the oldest are given up. */
  static final int MAX_PENDING = 100_000;

  /** The contiguous handled frontier of one source. */
  static final class Frontier {
    private long contiguous = -1;
    private final TreeSet<Long> ahead = new TreeSet<>();

    synchronized void handled(long sequence) {
      if (contiguous < 0) {
        contiguous = sequence - 1;
      }
      if (sequence <= contiguous) {
        return;
      }
      ahead.add(sequence);
      while (!ahead.isEmpty() && ahead.first() == contiguous + 1) {
        contiguous = ahead.pollFirst();
      }
      while (ahead.size() > MAX_PENDING) { // a hole that never fills: stop waiting for the oldest
        ahead.pollFirst();
      }
    }

    synchronized long contiguous() {
      return contiguous;
    }
  }

  private final Publication publication;
  private final Map<Integer, Frontier> frontiers = new ConcurrentHashMap<>();
  private final Map<Integer, Long> sent = new ConcurrentHashMap<>();
  private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Ack.LENGTH]);

  public AckPublisher(Publication publication) {
    this.publication = publication;
  }

  @Override
  public void handled(String sourceId, long sequence) {
    if (sourceId.startsWith(FrameToEvent.SOURCE_PREFIX) && sequence > 0) {
      int id = Integer.parseInt(sourceId, FrameToEvent.SOURCE_PREFIX.length(), sourceId.length(), 10);
      frontiers.computeIfAbsent(id, s -> new Frontier()).handled(sequence);
    }
  }

  @Override
  public int doWork() {
    int work = 0;
    for (Map.Entry<Integer, Frontier> entry : frontiers.entrySet()) {
      long sequence = entry.getValue().contiguous();
      if (sequence > 0 && sent.getOrDefault(entry.getKey(), 0L) != sequence) {
        Ack.encode(buffer, 0, entry.getKey(), sequence);
        if (publication.offer(buffer, 0, Ack.LENGTH) > 0) {
          sent.put(entry.getKey(), sequence);
          work++;
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

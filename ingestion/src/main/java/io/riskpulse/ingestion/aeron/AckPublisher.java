package io.riskpulse.ingestion.aeron;

import io.aeron.Publication;
import io.riskpulse.ingestion.codec.FrameToEvent;
import io.riskpulse.ingestion.pipeline.PersistedListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Tells Aeron publishers how far the node has handled each of their sources: listens to the pipeline
 * (messages handled in order per source) and, on its own agent thread, publishes an {@link Ack} for every
 * Aeron source whose handled sequence advanced. Acks are cumulative, so a lost or late one is harmless; when no
 * publisher listens (NOT_CONNECTED) they are simply not sent.
 *
 * <p>Thread-safety: {@link #handled} is called from the pipeline's stream; {@link #doWork} from one agent
 * thread; they share only a concurrent map.
 */
public final class AckPublisher implements PersistedListener, Agent {

  private final Publication publication;
  private final Map<Integer, Long> handled = new ConcurrentHashMap<>();
  private final Map<Integer, Long> sent = new ConcurrentHashMap<>();
  private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Ack.LENGTH]);

  public AckPublisher(Publication publication) {
    this.publication = publication;
  }

  @Override
  public void handled(String sourceId, long sequence) {
    if (sourceId.startsWith(FrameToEvent.SOURCE_PREFIX)) {
      int id = Integer.parseInt(sourceId, FrameToEvent.SOURCE_PREFIX.length(), sourceId.length(), 10);
      handled.merge(id, sequence, Math::max);
    }
  }

  @Override
  public int doWork() {
    int work = 0;
    for (Map.Entry<Integer, Long> entry : handled.entrySet()) {
      long sequence = entry.getValue();
      if (sent.getOrDefault(entry.getKey(), 0L) < sequence) {
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

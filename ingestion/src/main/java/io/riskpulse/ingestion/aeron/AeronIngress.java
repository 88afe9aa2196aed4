package io.riskpulse.ingestion.aeron;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.riskpulse.ingestion.codec.FrameDecoder;
import io.riskpulse.ingestion.codec.FrameToEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.ingestion.event.IngestSink;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;

/**
 * Polls one Aeron subscription and hands every frame to the ingestion pipeline: decode and validate with a
 * reusable flyweight decoder (no allocation for the checks), build the domain event only for a valid frame,
 * quarantine anything else with its reason.
 *
 * <p>Backpressure: {@link IngestSink#accept} blocks while the pipeline is full, so this agent stops polling,
 * the subscriber's position stops advancing and the publisher's offers come back BACK_PRESSURED. Nothing valid
 * is dropped on the way.
 *
 * <p>Runs on one {@link org.agrona.concurrent.AgentRunner} thread; not thread-safe.
 */
public final class AeronIngress implements Agent {

  private final String name;
  private final Subscription subscription;
  private final IngestSink sink;
  private final int fragmentLimit;
  private final FrameDecoder decoder = new FrameDecoder();
  private final FrameToEvent events;
  private final FragmentAssembler assembler = new FragmentAssembler(this::onFragment);
  private long frames;

  /**
   * @param sourcePrefix prefix of the events' source ids, {@link FrameToEvent#SOURCE_PREFIX} (order flow) or
   *     {@link FrameToEvent#MARKET_DATA_PREFIX}
   */
  public AeronIngress(String name, Subscription subscription, IngestSink sink, int fragmentLimit,
      String sourcePrefix) {
    this.name = name;
    this.events = new FrameToEvent(sourcePrefix);
    this.subscription = subscription;
    this.sink = sink;
    this.fragmentLimit = fragmentLimit;
  }

  @Override
  public int doWork() {
    return subscription.poll(assembler, fragmentLimit);
  }

  private void onFragment(DirectBuffer buffer, int offset, int length, Header header) {
    frames++;
    IngestRejection rejection = decoder.validate(buffer, offset, length);
    if (rejection != null) {
      String source = decoder.hasHeader() ? events.sourceId(decoder.lastSourceId()) : events.sourceId(0)
          + "-session-" + header.sessionId();
      sink.reject(source, decoder.hasHeader() ? decoder.lastSequence() : -1, rejection, decoder.lastDetail());
      return;
    }
    try {
      sink.accept(events.toEvent(decoder));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing a frame to the pipeline", e);
    }
  }

  /** Frames read since start (valid or not). Read from other threads only as an approximate figure. */
  public long frames() {
    return frames;
  }

  @Override
  public String roleName() {
    return name;
  }
}

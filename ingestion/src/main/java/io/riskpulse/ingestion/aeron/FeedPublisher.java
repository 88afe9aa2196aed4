package io.riskpulse.ingestion.aeron;

import io.aeron.Publication;
import io.riskpulse.ingestion.codec.ExecutionEncoder;
import io.riskpulse.ingestion.codec.FrameEncoder;
import io.riskpulse.ingestion.codec.OrderEncoder;
import io.riskpulse.ingestion.codec.QuoteEncoder;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.BufferUtil;

/**
 * Publishes one source's frames on an Aeron publication in the wire format of {@code docs/WIRE_FORMAT.md},
 * numbering them 1, 2, 3... (or from a given first number when a publisher resumes a source).
 *
 * <p>Never drops: a full log buffer (BACK_PRESSURED, the subscriber is behind) or an admin action is retried
 * after an idle step; NOT_CONNECTED is waited for up to {@code connectTimeout}, then fails. One encode buffer is
 * reused, so publishing allocates nothing. Not thread-safe: one publisher per source and thread.
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

  /**
   * @param firstSequence sequence number of the first frame (1 for a new source)
   */
  public FeedPublisher(Publication publication, int sourceId, long firstSequence, Duration connectTimeout) {
    this.publication = publication;
    this.sourceId = sourceId;
    this.nextSequence = firstSequence;
    this.connectTimeoutNanos = connectTimeout.toNanos();
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
    long deadline = System.nanoTime() + connectTimeoutNanos;
    idle.reset();
    while (true) {
      long result = publication.offer(buffer, 0, length);
      if (result > 0) {
        return nextSequence++;
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

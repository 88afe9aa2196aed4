package io.riskpulse.ingestion.codec;

/**
 * One encoder of each message type, for a publisher that writes every type into its buffers (claim a frame
 * of {@link MessageType#frameLength()} bytes, wrap the encoder at it, set the fields, commit).
 *
 * <pre>{@code
 * int length = frames.trade().wrapAndApplyHeader(buffer, offset, sourceId, ++sequence, nowNanos)
 *     .eventTimeNanos(exchangeNanos).symbol("AAPL").price(189.5).quantity(100).aggressorSide(Side.BUY)
 *     .encodedLength();
 * }</pre>
 *
 * <p>Not thread-safe: one per publishing thread. Encoding allocates nothing.
 */
public final class FrameEncoder {

  private final TradeEncoder trade = new TradeEncoder();
  private final QuoteEncoder quote = new QuoteEncoder();
  private final BookUpdateEncoder bookUpdate = new BookUpdateEncoder();
  private final OrderEncoder order = new OrderEncoder();
  private final ExecutionEncoder execution = new ExecutionEncoder();

  public TradeEncoder trade() {
    return trade;
  }

  public QuoteEncoder quote() {
    return quote;
  }

  public BookUpdateEncoder bookUpdate() {
    return bookUpdate;
  }

  public OrderEncoder order() {
    return order;
  }

  public ExecutionEncoder execution() {
    return execution;
  }
}

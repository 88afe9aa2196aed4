package io.riskpulse.ingestion.codec;

import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;

/**
 * Builds the domain event of a frame that {@link FrameDecoder#validate} accepted: the one allocation per valid
 * message, at the hand-off from the allocation-free transport side to the actors.
 *
 * <p>Mapping: TRADE → {@link IngestEvent.Trade}; QUOTE → {@link IngestEvent.MarketData} with {@code last}
 * NaN and an empty side as NaN; BOOK_UPDATE → {@link IngestEvent.BookUpdate} with arrays sized to the level
 * counts; NEW/REPLACE/CANCEL_ORDER and ORDER_REJECT → {@link IngestEvent.OrderFlow}; EXECUTION →
 * {@link IngestEvent.Fill}. The source id is {@code "aeron:" + sourceId} (order-flow stream) or
 * {@code "aeron-md:" + sourceId} (market-data stream); timestamps are the frame's
 * {@code eventTimeNanos} in epoch milliseconds.
 *
 * <p>Not thread-safe (it caches the last source id string): one per polling thread, like the decoder.
 */
public final class FrameToEvent {

  /** Prefix of the source id of order flow and fills that arrived over Aeron (they are acknowledged). */
  public static final String SOURCE_PREFIX = "aeron:";

  /**
   * Prefix of the source id of market data that arrived over Aeron. Distinct from {@link #SOURCE_PREFIX} so
   * that a publisher using one source id on both streams gets two independent sequence checks, each read by
   * its own thread.
   */
  public static final String MARKET_DATA_PREFIX = "aeron-md:";

  private final String prefix;
  private int cachedSourceId;
  private String cachedSourceIdString;

  /** Source ids {@code "aeron:" + sourceId}: the order-flow stream. */
  public FrameToEvent() {
    this(SOURCE_PREFIX);
  }

  /** Source ids {@code prefix + sourceId}. */
  public FrameToEvent(String prefix) {
    this.prefix = prefix;
  }

  /**
   * The event for the frame last accepted by {@code decoder}.
   *
   * @throws IllegalStateException when the decoder's last frame was rejected
   */
  public IngestEvent toEvent(FrameDecoder decoder) {
    MessageType type = decoder.messageType();
    if (type == null) {
      throw new IllegalStateException("the decoder holds no accepted frame");
    }
    MessageHeader header = decoder.header();
    String sourceId = sourceId(header.sourceId());
    long sequence = header.sequence();
    switch (type) {
      case TRADE: {
        TradeDecoder trade = decoder.trade();
        return new IngestEvent.Trade(sourceId, sequence, trade.symbol(), trade.price(), trade.quantity(),
            trade.eventTimeMillis());
      }
      case QUOTE: {
        QuoteDecoder quote = decoder.quote();
        return new IngestEvent.MarketData(sourceId, sequence, new Quote(quote.symbol(), Double.NaN,
            quote.bidPrice(), quote.askPrice(), quote.eventTimeMillis()));
      }
      case BOOK_UPDATE:
        return bookUpdate(sourceId, sequence, decoder.bookUpdate());
      case EXECUTION: {
        ExecutionDecoder fill = decoder.execution();
        return new IngestEvent.Fill(sourceId, sequence, new Execution(fill.executionId(), fill.portfolioId(),
            fill.strategy(), fill.symbol(), fill.side(), fill.quantity(), fill.price(), fill.eventTimeMillis(),
            fill.orderId()));
      }
      default: {
        OrderDecoder order = decoder.order();
        return new IngestEvent.OrderFlow(sourceId, sequence, new OrderEvent(order.action(), order.portfolioId(),
            order.strategy(), order.orderId(), order.origOrderId(), order.symbol(), order.side(),
            order.quantity(), order.price(), order.eventTimeMillis()));
      }
    }
  }

  /** {@code prefix + sourceId}, reusing the string of the previous call for the same id. */
  public String sourceId(int sourceId) {
    if (cachedSourceIdString == null || cachedSourceId != sourceId) {
      cachedSourceIdString = prefix + sourceId;
      cachedSourceId = sourceId;
    }
    return cachedSourceIdString;
  }

  private static IngestEvent bookUpdate(String sourceId, long sequence, BookUpdateDecoder book) {
    int bids = book.bidLevelCount();
    int asks = book.askLevelCount();
    double[] bidPrices = new double[bids];
    double[] bidQuantities = new double[bids];
    double[] askPrices = new double[asks];
    double[] askQuantities = new double[asks];
    for (int i = 0; i < bids; i++) {
      bidPrices[i] = book.bidPrice(i);
      bidQuantities[i] = book.bidQuantity(i);
    }
    for (int i = 0; i < asks; i++) {
      askPrices[i] = book.askPrice(i);
      askQuantities[i] = book.askQuantity(i);
    }
    return new IngestEvent.BookUpdate(sourceId, sequence, book.symbol(), bidPrices, bidQuantities, askPrices,
        askQuantities, book.eventTimeMillis());
  }
}

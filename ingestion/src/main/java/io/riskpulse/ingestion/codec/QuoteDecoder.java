package io.riskpulse.ingestion.codec;

import org.agrona.DirectBuffer;

/**
 * Flyweight over a QUOTE frame (template id 2, 88 bytes): top of book of one instrument.
 *
 * <pre>
 *  offset size type      field
 *       0   32 header    {@link MessageHeader}
 *      32    8 int64     eventTimeNanos   exchange time, epoch ns
 *      40   16 char[16]  symbol
 *      56    8 double    bidPrice         NaN when the bid side is empty
 *      64    8 double    bidQuantity      0 when the bid side is empty
 *      72    8 double    askPrice         NaN when the ask side is empty
 *      80    8 double    askQuantity      0 when the ask side is empty
 * </pre>
 *
 * <p>An empty side is written as price NaN and quantity 0 (both, exactly); a present side has a finite positive
 * price and quantity. At least one side is present, and bid &le; ask when both are.
 *
 * <p>Reads on demand; allocation-free except the {@code String} accessor. Not thread-safe: one per thread.
 */
public final class QuoteDecoder extends MessageDecoder {

  public static final int LENGTH = 88;
  public static final int SYMBOL_OFFSET = 40;
  public static final int BID_PRICE_OFFSET = 56;
  public static final int BID_QUANTITY_OFFSET = 64;
  public static final int ASK_PRICE_OFFSET = 72;
  public static final int ASK_QUANTITY_OFFSET = 80;

  public QuoteDecoder() {
    super(SYMBOL_OFFSET);
  }

  @Override
  public QuoteDecoder wrap(DirectBuffer buffer, int offset) {
    super.wrap(buffer, offset);
    return this;
  }

  /** Best bid, currency units per instrument unit; NaN when there is no bid. */
  public double bidPrice() {
    return getDouble(BID_PRICE_OFFSET);
  }

  /** Quantity at the best bid, instrument units; 0 when there is no bid. */
  public double bidQuantity() {
    return getDouble(BID_QUANTITY_OFFSET);
  }

  /** Best ask, currency units per instrument unit; NaN when there is no ask. */
  public double askPrice() {
    return getDouble(ASK_PRICE_OFFSET);
  }

  /** Quantity at the best ask, instrument units; 0 when there is no ask. */
  public double askQuantity() {
    return getDouble(ASK_QUANTITY_OFFSET);
  }

  /** True when the frame carries a bid (valid frames: the bid price is not NaN). */
  public boolean hasBid() {
    return !Double.isNaN(bidPrice());
  }

  /** True when the frame carries an ask (valid frames: the ask price is not NaN). */
  public boolean hasAsk() {
    return !Double.isNaN(askPrice());
  }
}

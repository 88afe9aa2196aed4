package io.riskpulse.ingestion.codec;

import io.riskpulse.model.portfolio.Side;
import org.agrona.DirectBuffer;

/**
 * Flyweight over a TRADE frame (template id 1, 80 bytes): one trade print on a venue.
 *
 * <pre>
 *  offset size type      field
 *       0   32 header    {@link MessageHeader}
 *      32    8 int64     eventTimeNanos   exchange time, epoch ns
 *      40   16 char[16]  symbol
 *      56    8 double    price            currency units per instrument unit, finite, &gt; 0
 *      64    8 double    quantity         instrument units, finite, &gt; 0
 *      72    1 uint8     aggressorSide    0 unknown, 1 buy, 2 sell
 *      73    7           padding (zero)
 * </pre>
 *
 * <p>Reads on demand; allocation-free except the {@code String} accessor. Not thread-safe: one per thread.
 */
public final class TradeDecoder extends MessageDecoder {

  public static final int LENGTH = 80;
  public static final int SYMBOL_OFFSET = 40;
  public static final int PRICE_OFFSET = 56;
  public static final int QUANTITY_OFFSET = 64;
  public static final int AGGRESSOR_SIDE_OFFSET = 72;

  public TradeDecoder() {
    super(SYMBOL_OFFSET);
  }

  @Override
  public TradeDecoder wrap(DirectBuffer buffer, int offset) {
    super.wrap(buffer, offset);
    return this;
  }

  /** Trade price, currency units per instrument unit. */
  public double price() {
    return getDouble(PRICE_OFFSET);
  }

  /** Traded quantity, instrument units. */
  public double quantity() {
    return getDouble(QUANTITY_OFFSET);
  }

  /** Raw aggressor side code: {@link WireFormat#SIDE_NONE}, {@link WireFormat#SIDE_BUY} or {@code SIDE_SELL}. */
  public int aggressorSideCode() {
    return getUnsignedByte(AGGRESSOR_SIDE_OFFSET);
  }

  /** The side of the aggressive order, or {@code null} when the venue did not say. */
  public Side aggressorSide() {
    return WireFormat.side(aggressorSideCode());
  }
}

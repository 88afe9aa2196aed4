package io.riskpulse.ingestion.codec;

import io.riskpulse.model.portfolio.Side;
import org.agrona.MutableDirectBuffer;

/** Writes a TRADE frame, layout in {@link TradeDecoder}. Not thread-safe: one per publishing thread. */
public final class TradeEncoder extends MessageEncoder {

  /**
   * Zero-fills {@link TradeDecoder#LENGTH} bytes at {@code offset} and writes the header.
   *
   * @param sendTimeNanos publisher send time, epoch ns
   */
  public TradeEncoder wrapAndApplyHeader(MutableDirectBuffer buffer, int offset, int sourceId, long sequence,
      long sendTimeNanos) {
    wrapFrame(buffer, offset, MessageType.TRADE, sourceId, sequence, sendTimeNanos);
    return this;
  }

  /** Exchange time of the trade, epoch ns. */
  public TradeEncoder eventTimeNanos(long eventTimeNanos) {
    putEventTimeNanos(eventTimeNanos);
    return this;
  }

  /** At most 16 ASCII characters. */
  public TradeEncoder symbol(CharSequence symbol) {
    putText(TradeDecoder.SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH, symbol);
    return this;
  }

  public TradeEncoder price(double price) {
    putDouble(TradeDecoder.PRICE_OFFSET, price);
    return this;
  }

  public TradeEncoder quantity(double quantity) {
    putDouble(TradeDecoder.QUANTITY_OFFSET, quantity);
    return this;
  }

  /** {@code null} when unknown. */
  public TradeEncoder aggressorSide(Side side) {
    return aggressorSideCode(WireFormat.sideCode(side));
  }

  /** Raw code (low 8 bits), to write any value. */
  public TradeEncoder aggressorSideCode(int code) {
    putByte(TradeDecoder.AGGRESSOR_SIDE_OFFSET, code);
    return this;
  }
}

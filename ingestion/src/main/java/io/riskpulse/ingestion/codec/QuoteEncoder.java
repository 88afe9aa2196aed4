package io.riskpulse.ingestion.codec;

import org.agrona.MutableDirectBuffer;

/**
 * Writes a QUOTE frame, layout in {@link QuoteDecoder}. Both sides start empty (price NaN, quantity 0). Not
 * thread-safe: one per publishing thread.
 */
public final class QuoteEncoder extends MessageEncoder {

  /**
   * Zero-fills {@link QuoteDecoder#LENGTH} bytes at {@code offset}, writes the header and marks both sides
   * empty.
   *
   * @param sendTimeNanos publisher send time, epoch ns
   */
  public QuoteEncoder wrapAndApplyHeader(MutableDirectBuffer buffer, int offset, int sourceId, long sequence,
      long sendTimeNanos) {
    wrapFrame(buffer, offset, MessageType.QUOTE, sourceId, sequence, sendTimeNanos);
    return noBid().noAsk();
  }

  /** Exchange time of the quote, epoch ns. */
  public QuoteEncoder eventTimeNanos(long eventTimeNanos) {
    putEventTimeNanos(eventTimeNanos);
    return this;
  }

  /** At most 16 ASCII characters. */
  public QuoteEncoder symbol(CharSequence symbol) {
    putText(QuoteDecoder.SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH, symbol);
    return this;
  }

  public QuoteEncoder bid(double price, double quantity) {
    putDouble(QuoteDecoder.BID_PRICE_OFFSET, price);
    putDouble(QuoteDecoder.BID_QUANTITY_OFFSET, quantity);
    return this;
  }

  public QuoteEncoder ask(double price, double quantity) {
    putDouble(QuoteDecoder.ASK_PRICE_OFFSET, price);
    putDouble(QuoteDecoder.ASK_QUANTITY_OFFSET, quantity);
    return this;
  }

  /** Marks the bid side empty: price NaN, quantity 0. */
  public QuoteEncoder noBid() {
    return bid(Double.NaN, 0.0);
  }

  /** Marks the ask side empty: price NaN, quantity 0. */
  public QuoteEncoder noAsk() {
    return ask(Double.NaN, 0.0);
  }
}

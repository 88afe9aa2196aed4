package io.riskpulse.ingestion.codec;

import org.agrona.MutableDirectBuffer;

/**
 * Writes a BOOK_UPDATE frame, layout in {@link BookUpdateDecoder}. Starts with no levels; {@link #bid} and
 * {@link #ask} raise the level count to cover the level written. Not thread-safe: one per publishing thread.
 */
public final class BookUpdateEncoder extends MessageEncoder {

  /**
   * Zero-fills {@link BookUpdateDecoder#LENGTH} bytes at {@code offset} and writes the header.
   *
   * @param sendTimeNanos publisher send time, epoch ns
   */
  public BookUpdateEncoder wrapAndApplyHeader(MutableDirectBuffer buffer, int offset, int sourceId,
      long sequence, long sendTimeNanos) {
    wrapFrame(buffer, offset, MessageType.BOOK_UPDATE, sourceId, sequence, sendTimeNanos);
    return this;
  }

  /** Exchange time of the book snapshot, epoch ns. */
  public BookUpdateEncoder eventTimeNanos(long eventTimeNanos) {
    putEventTimeNanos(eventTimeNanos);
    return this;
  }

  /** At most 16 ASCII characters. */
  public BookUpdateEncoder symbol(CharSequence symbol) {
    putText(BookUpdateDecoder.SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH, symbol);
    return this;
  }

  /** Raw bid level count (low 8 bits). */
  public BookUpdateEncoder bidLevelCount(int count) {
    putByte(BookUpdateDecoder.BID_LEVEL_COUNT_OFFSET, count);
    return this;
  }

  /** Raw ask level count (low 8 bits). */
  public BookUpdateEncoder askLevelCount(int count) {
    putByte(BookUpdateDecoder.ASK_LEVEL_COUNT_OFFSET, count);
    return this;
  }

  /** Writes bid level {@code level} (0 = best) and raises the bid level count to at least {@code level + 1}. */
  public BookUpdateEncoder bid(int level, double price, double quantity) {
    return level(BookUpdateDecoder.bidPriceOffset(level), BookUpdateDecoder.BID_LEVEL_COUNT_OFFSET, level, price,
        quantity);
  }

  /** Writes ask level {@code level} (0 = best) and raises the ask level count to at least {@code level + 1}. */
  public BookUpdateEncoder ask(int level, double price, double quantity) {
    return level(BookUpdateDecoder.askPriceOffset(level), BookUpdateDecoder.ASK_LEVEL_COUNT_OFFSET, level, price,
        quantity);
  }

  private BookUpdateEncoder level(int priceOffset, int countOffset, int level, double price, double quantity) {
    putDouble(priceOffset, price);
    putDouble(priceOffset + BookUpdateDecoder.LEVEL_QUANTITY_OFFSET, quantity);
    if ((buffer.getByte(offset + countOffset) & 0xFF) <= level) {
      putByte(countOffset, level + 1);
    }
    return this;
  }
}

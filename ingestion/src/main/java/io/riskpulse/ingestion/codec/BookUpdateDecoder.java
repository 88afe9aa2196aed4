package io.riskpulse.ingestion.codec;

import org.agrona.DirectBuffer;

/**
 * Flyweight over a BOOK_UPDATE frame (template id 3, 224 bytes): a snapshot of the best five price levels on
 * each side of one instrument's book (it replaces the previous snapshot; it is not an incremental change).
 *
 * <pre>
 *  offset size type      field
 *       0   32 header    {@link MessageHeader}
 *      32    8 int64     eventTimeNanos   exchange time, epoch ns
 *      40   16 char[16]  symbol
 *      56    1 uint8     bidLevelCount    0..5
 *      57    1 uint8     askLevelCount    0..5
 *      58    6           padding (zero)
 *      64   80 level[5]  bids, best (highest) first: price double @+0, quantity double @+8
 *     144   80 level[5]  asks, best (lowest) first:  price double @+0, quantity double @+8
 * </pre>
 *
 * <p>Levels at and beyond the count are all-zero bytes. Used levels have finite positive prices and
 * quantities, bid prices strictly decreasing, ask prices strictly increasing, best bid &le; best ask.
 *
 * <p>Reads on demand; allocation-free except the {@code String} accessor. Not thread-safe: one per thread.
 */
public final class BookUpdateDecoder extends MessageDecoder {

  public static final int LENGTH = 224;
  public static final int SYMBOL_OFFSET = 40;
  public static final int BID_LEVEL_COUNT_OFFSET = 56;
  public static final int ASK_LEVEL_COUNT_OFFSET = 57;
  public static final int BID_LEVELS_OFFSET = 64;
  public static final int ASK_LEVELS_OFFSET = 144;
  /** Bytes per level: price then quantity. */
  public static final int LEVEL_LENGTH = 16;
  /** Offset of the price within a level. */
  public static final int LEVEL_PRICE_OFFSET = 0;
  /** Offset of the quantity within a level. */
  public static final int LEVEL_QUANTITY_OFFSET = 8;

  public BookUpdateDecoder() {
    super(SYMBOL_OFFSET);
  }

  @Override
  public BookUpdateDecoder wrap(DirectBuffer buffer, int offset) {
    super.wrap(buffer, offset);
    return this;
  }

  /** Offset in the frame of the price of bid level {@code level} (0 = best). */
  public static int bidPriceOffset(int level) {
    return BID_LEVELS_OFFSET + checkLevel(level) * LEVEL_LENGTH + LEVEL_PRICE_OFFSET;
  }

  /** Offset in the frame of the price of ask level {@code level} (0 = best). */
  public static int askPriceOffset(int level) {
    return ASK_LEVELS_OFFSET + checkLevel(level) * LEVEL_LENGTH + LEVEL_PRICE_OFFSET;
  }

  /** Number of bid levels used, 0..5 in a valid frame. */
  public int bidLevelCount() {
    return getUnsignedByte(BID_LEVEL_COUNT_OFFSET);
  }

  /** Number of ask levels used, 0..5 in a valid frame. */
  public int askLevelCount() {
    return getUnsignedByte(ASK_LEVEL_COUNT_OFFSET);
  }

  /** Price of bid level {@code level} (0 = best), currency units per instrument unit. */
  public double bidPrice(int level) {
    return getDouble(bidPriceOffset(level));
  }

  /** Quantity of bid level {@code level} (0 = best), instrument units. */
  public double bidQuantity(int level) {
    return getDouble(bidPriceOffset(level) + LEVEL_QUANTITY_OFFSET);
  }

  /** Price of ask level {@code level} (0 = best), currency units per instrument unit. */
  public double askPrice(int level) {
    return getDouble(askPriceOffset(level));
  }

  /** Quantity of ask level {@code level} (0 = best), instrument units. */
  public double askQuantity(int level) {
    return getDouble(askPriceOffset(level) + LEVEL_QUANTITY_OFFSET);
  }

  private static int checkLevel(int level) {
    if (level < 0 || level >= WireFormat.BOOK_DEPTH) {
      throw new IndexOutOfBoundsException("level " + level + " outside [0, " + WireFormat.BOOK_DEPTH + ")");
    }
    return level;
  }
}

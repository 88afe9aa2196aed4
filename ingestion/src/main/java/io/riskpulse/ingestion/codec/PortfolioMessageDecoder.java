package io.riskpulse.ingestion.codec;

import io.riskpulse.model.portfolio.Side;

/**
 * Base of the flyweights over the frames that belong to a portfolio, {@link ExecutionDecoder} and
 * {@link OrderDecoder}. Both are 192 bytes with every field at the same offset:
 *
 * <pre>
 *  offset size type      field
 *       0   32 header    {@link MessageHeader}
 *      32    8 int64     eventTimeNanos   venue (or sender) time, epoch ns
 *      40   24 char[24]  portfolioId      required
 *      64   24 char[24]  strategy         optional (all zero = unknown)
 *      88   32 char[32]  first id         named by the subclass
 *     120   32 char[32]  second id        named by the subclass
 *     152   16 char[16]  symbol           required
 *     168    8 double    price            currency units per instrument unit
 *     176    8 double    quantity         instrument units
 *     184    1 uint8     side             1 buy, 2 sell
 *     185    7           padding (zero)
 * </pre>
 *
 * <p>The subclasses name the two id fields and state what each message requires of its values; the accessors
 * common to both live here. Reads on demand; the {@code ...View()} accessors do not allocate, the
 * {@code String} ones do (slow path). Not thread-safe: one per thread.
 */
public abstract class PortfolioMessageDecoder extends MessageDecoder {

  public static final int LENGTH = 192;
  public static final int PORTFOLIO_ID_OFFSET = 40;
  public static final int STRATEGY_OFFSET = 64;
  /** Offset of the first id field ({@code char[32]}). */
  static final int FIRST_ID_OFFSET = 88;
  /** Offset of the second id field ({@code char[32]}). */
  static final int SECOND_ID_OFFSET = 120;
  public static final int SYMBOL_OFFSET = 152;
  public static final int PRICE_OFFSET = 168;
  public static final int QUANTITY_OFFSET = 176;
  public static final int SIDE_OFFSET = 184;

  private final AsciiSequence portfolioIdView = new AsciiSequence();
  private final AsciiSequence strategyView = new AsciiSequence();

  PortfolioMessageDecoder() {
    super(SYMBOL_OFFSET);
  }

  public String portfolioId() {
    return string(PORTFOLIO_ID_OFFSET, WireFormat.PORTFOLIO_ID_LENGTH);
  }

  public AsciiSequence portfolioIdView() {
    return text(portfolioIdView, PORTFOLIO_ID_OFFSET, WireFormat.PORTFOLIO_ID_LENGTH);
  }

  /** Strategy, {@code ""} when unknown. */
  public String strategy() {
    return string(STRATEGY_OFFSET, WireFormat.STRATEGY_LENGTH);
  }

  public AsciiSequence strategyView() {
    return text(strategyView, STRATEGY_OFFSET, WireFormat.STRATEGY_LENGTH);
  }

  /** Price, currency units per instrument unit (what it prices is stated by the subclass). */
  public double price() {
    return getDouble(PRICE_OFFSET);
  }

  /** Quantity, instrument units (what it counts is stated by the subclass). */
  public double quantity() {
    return getDouble(QUANTITY_OFFSET);
  }

  /** Raw side code. */
  public int sideCode() {
    return getUnsignedByte(SIDE_OFFSET);
  }

  /** Buy or sell; {@code null} only for a code that validation would reject. */
  public Side side() {
    return WireFormat.side(sideCode());
  }

  /** A {@code char[32]} id field; allocates (slow path). */
  final String id(int fieldOffset) {
    return string(fieldOffset, WireFormat.ID_LENGTH);
  }

  /** A {@code char[32]} id field as the reused {@code view}; does not allocate. */
  final AsciiSequence idView(AsciiSequence view, int fieldOffset) {
    return text(view, fieldOffset, WireFormat.ID_LENGTH);
  }
}

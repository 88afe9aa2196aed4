package io.riskpulse.ingestion.codec;

import io.riskpulse.model.portfolio.Side;
import org.agrona.DirectBuffer;

/**
 * Flyweight over an EXECUTION frame (template id 15, 192 bytes): a fill of one of a portfolio's orders.
 *
 * <pre>
 *  offset size type      field
 *       0   32 header    {@link MessageHeader}
 *      32    8 int64     eventTimeNanos   venue time of the fill (TransactTime), epoch ns
 *      40   24 char[24]  portfolioId      required
 *      64   24 char[24]  strategy         optional (all zero = unknown)
 *      88   32 char[32]  executionId      required; the idempotency key of the fill
 *     120   32 char[32]  orderId          optional: ClOrdID of the filled order
 *     152   16 char[16]  symbol           required
 *     168    8 double    price            LastPx, currency units per instrument unit, finite, &gt; 0
 *     176    8 double    quantity         LastQty, instrument units, finite, &gt; 0
 *     184    1 uint8     side             1 buy, 2 sell
 *     185    7           padding (zero)
 * </pre>
 *
 * <p>Reads on demand; the {@code ...View()} accessors do not allocate, the {@code String} ones do (slow path).
 * Not thread-safe: one per thread.
 */
public final class ExecutionDecoder extends MessageDecoder {

  public static final int LENGTH = 192;
  public static final int PORTFOLIO_ID_OFFSET = 40;
  public static final int STRATEGY_OFFSET = 64;
  public static final int EXECUTION_ID_OFFSET = 88;
  public static final int ORDER_ID_OFFSET = 120;
  public static final int SYMBOL_OFFSET = 152;
  public static final int PRICE_OFFSET = 168;
  public static final int QUANTITY_OFFSET = 176;
  public static final int SIDE_OFFSET = 184;

  private final AsciiSequence portfolioIdView = new AsciiSequence();
  private final AsciiSequence strategyView = new AsciiSequence();
  private final AsciiSequence executionIdView = new AsciiSequence();
  private final AsciiSequence orderIdView = new AsciiSequence();
  private final AsciiSequence symbolView = new AsciiSequence();

  @Override
  public ExecutionDecoder wrap(DirectBuffer buffer, int offset) {
    super.wrap(buffer, offset);
    return this;
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

  public String executionId() {
    return string(EXECUTION_ID_OFFSET, WireFormat.ID_LENGTH);
  }

  public AsciiSequence executionIdView() {
    return text(executionIdView, EXECUTION_ID_OFFSET, WireFormat.ID_LENGTH);
  }

  /** ClOrdID of the filled order, {@code ""} when absent. */
  public String orderId() {
    return string(ORDER_ID_OFFSET, WireFormat.ID_LENGTH);
  }

  public AsciiSequence orderIdView() {
    return text(orderIdView, ORDER_ID_OFFSET, WireFormat.ID_LENGTH);
  }

  public String symbol() {
    return string(SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH);
  }

  public AsciiSequence symbolView() {
    return text(symbolView, SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH);
  }

  /** Fill price (LastPx), currency units per instrument unit. */
  public double price() {
    return getDouble(PRICE_OFFSET);
  }

  /** Filled quantity (LastQty), instrument units. */
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
}

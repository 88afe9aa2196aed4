package io.riskpulse.ingestion.codec;

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
 * <p>The fields it shares with the order-flow frames are read by {@link PortfolioMessageDecoder}, whose
 * {@link #price()} is the fill price (LastPx) and {@link #quantity()} the filled quantity (LastQty) here. Reads on
 * demand; the {@code ...View()} accessors do not allocate, the {@code String} ones do (slow path). Not
 * thread-safe: one per thread.
 */
public final class ExecutionDecoder extends PortfolioMessageDecoder {

  public static final int EXECUTION_ID_OFFSET = FIRST_ID_OFFSET;
  public static final int ORDER_ID_OFFSET = SECOND_ID_OFFSET;

  private final AsciiSequence executionIdView = new AsciiSequence();
  private final AsciiSequence orderIdView = new AsciiSequence();

  @Override
  public ExecutionDecoder wrap(DirectBuffer buffer, int offset) {
    super.wrap(buffer, offset);
    return this;
  }

  public String executionId() {
    return id(EXECUTION_ID_OFFSET);
  }

  public AsciiSequence executionIdView() {
    return idView(executionIdView, EXECUTION_ID_OFFSET);
  }

  /** ClOrdID of the filled order, {@code ""} when absent. */
  public String orderId() {
    return id(ORDER_ID_OFFSET);
  }

  public AsciiSequence orderIdView() {
    return idView(orderIdView, ORDER_ID_OFFSET);
  }
}

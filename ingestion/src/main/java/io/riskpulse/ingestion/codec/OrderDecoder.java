package io.riskpulse.ingestion.codec;

import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.portfolio.Side;
import org.agrona.DirectBuffer;

/**
 * Flyweight over the four order-flow frames, which share one layout and differ by template id: NEW_ORDER (11),
 * REPLACE_ORDER (12), CANCEL_ORDER (13) and ORDER_REJECT (14); 192 bytes.
 *
 * <pre>
 *  offset size type      field
 *       0   32 header    {@link MessageHeader}
 *      32    8 int64     eventTimeNanos   sender/venue time of the order event, epoch ns
 *      40   24 char[24]  portfolioId      required
 *      64   24 char[24]  strategy         optional (all zero = unknown)
 *      88   32 char[32]  orderId          required: ClOrdID of this message
 *     120   32 char[32]  origOrderId      NEW: empty; REPLACE, CANCEL: required; REJECT: optional
 *     152   16 char[16]  symbol           required
 *     168    8 double    price            limit price, 0 = market order (or not applicable)
 *     176    8 double    quantity         instrument units; &gt; 0 for NEW and REPLACE, &ge; 0 otherwise
 *     184    1 uint8     side             1 buy, 2 sell
 *     185    7           padding (zero)
 * </pre>
 *
 * <p>Reads on demand; the {@code ...View()} accessors do not allocate, the {@code String} ones do (slow path).
 * Not thread-safe: one per thread.
 */
public final class OrderDecoder extends MessageDecoder {

  public static final int LENGTH = 192;
  public static final int PORTFOLIO_ID_OFFSET = 40;
  public static final int STRATEGY_OFFSET = 64;
  public static final int ORDER_ID_OFFSET = 88;
  public static final int ORIG_ORDER_ID_OFFSET = 120;
  public static final int SYMBOL_OFFSET = 152;
  public static final int PRICE_OFFSET = 168;
  public static final int QUANTITY_OFFSET = 176;
  public static final int SIDE_OFFSET = 184;

  private final AsciiSequence portfolioIdView = new AsciiSequence();
  private final AsciiSequence strategyView = new AsciiSequence();
  private final AsciiSequence orderIdView = new AsciiSequence();
  private final AsciiSequence origOrderIdView = new AsciiSequence();
  private final AsciiSequence symbolView = new AsciiSequence();

  @Override
  public OrderDecoder wrap(DirectBuffer buffer, int offset) {
    super.wrap(buffer, offset);
    return this;
  }

  /** The action given by the template id, or {@code null} if the frame is not an order-flow type. */
  public OrderAction action() {
    MessageType type = messageType();
    return type == null ? null : type.orderAction();
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

  public String orderId() {
    return string(ORDER_ID_OFFSET, WireFormat.ID_LENGTH);
  }

  public AsciiSequence orderIdView() {
    return text(orderIdView, ORDER_ID_OFFSET, WireFormat.ID_LENGTH);
  }

  /** The order replaced or cancelled, {@code ""} when absent. */
  public String origOrderId() {
    return string(ORIG_ORDER_ID_OFFSET, WireFormat.ID_LENGTH);
  }

  public AsciiSequence origOrderIdView() {
    return text(origOrderIdView, ORIG_ORDER_ID_OFFSET, WireFormat.ID_LENGTH);
  }

  public String symbol() {
    return string(SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH);
  }

  public AsciiSequence symbolView() {
    return text(symbolView, SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH);
  }

  /** Limit price, currency units per instrument unit; 0 for a market order or when not applicable. */
  public double price() {
    return getDouble(PRICE_OFFSET);
  }

  /** Order quantity, instrument units. */
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

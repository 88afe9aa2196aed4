package io.riskpulse.ingestion.codec;

import io.riskpulse.model.orderflow.OrderAction;
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
 * <p>The fields it shares with EXECUTION are read by {@link PortfolioMessageDecoder}, whose
 * {@link #price()} is the limit price (0 for a market order or when not applicable) and {@link #quantity()} the
 * order quantity here. Reads on demand; the {@code ...View()} accessors do not allocate, the {@code String} ones
 * do (slow path). Not thread-safe: one per thread.
 */
public final class OrderDecoder extends PortfolioMessageDecoder {

  public static final int ORDER_ID_OFFSET = FIRST_ID_OFFSET;
  public static final int ORIG_ORDER_ID_OFFSET = SECOND_ID_OFFSET;

  private final AsciiSequence orderIdView = new AsciiSequence();
  private final AsciiSequence origOrderIdView = new AsciiSequence();

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

  public String orderId() {
    return id(ORDER_ID_OFFSET);
  }

  public AsciiSequence orderIdView() {
    return idView(orderIdView, ORDER_ID_OFFSET);
  }

  /** The order replaced or cancelled, {@code ""} when absent. */
  public String origOrderId() {
    return id(ORIG_ORDER_ID_OFFSET);
  }

  public AsciiSequence origOrderIdView() {
    return idView(origOrderIdView, ORIG_ORDER_ID_OFFSET);
  }
}

package io.riskpulse.ingestion.codec;

import io.riskpulse.model.orderflow.OrderAction;
import org.agrona.MutableDirectBuffer;

/**
 * Writes a NEW_ORDER, REPLACE_ORDER, CANCEL_ORDER or ORDER_REJECT frame, layout in {@link OrderDecoder}. Not
 * thread-safe: one per publishing thread.
 */
public final class OrderEncoder extends PortfolioMessageEncoder<OrderEncoder> {

  /**
   * Zero-fills {@link OrderDecoder#LENGTH} bytes at {@code offset} and writes the header of the frame type
   * carrying {@code action}.
   *
   * @param sendTimeNanos publisher send time, epoch ns
   */
  public OrderEncoder wrapAndApplyHeader(MutableDirectBuffer buffer, int offset, OrderAction action,
      int sourceId, long sequence, long sendTimeNanos) {
    wrapFrame(buffer, offset, MessageType.forOrderAction(action), sourceId, sequence, sendTimeNanos);
    return this;
  }

  /** At most 32 ASCII characters. */
  public OrderEncoder orderId(CharSequence orderId) {
    return putId(OrderDecoder.ORDER_ID_OFFSET, orderId);
  }

  /** At most 32 ASCII characters; empty or {@code null} when absent. */
  public OrderEncoder origOrderId(CharSequence origOrderId) {
    return putId(OrderDecoder.ORIG_ORDER_ID_OFFSET, origOrderId);
  }
}

package io.riskpulse.ingestion.codec;

import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.portfolio.Side;
import org.agrona.MutableDirectBuffer;

/**
 * Writes a NEW_ORDER, REPLACE_ORDER, CANCEL_ORDER or ORDER_REJECT frame, layout in {@link OrderDecoder}. Not
 * thread-safe: one per publishing thread.
 */
public final class OrderEncoder extends MessageEncoder {

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

  /** Sender/venue time of the order event, epoch ns. */
  public OrderEncoder eventTimeNanos(long eventTimeNanos) {
    putEventTimeNanos(eventTimeNanos);
    return this;
  }

  /** At most 24 ASCII characters. */
  public OrderEncoder portfolioId(CharSequence portfolioId) {
    putText(OrderDecoder.PORTFOLIO_ID_OFFSET, WireFormat.PORTFOLIO_ID_LENGTH, portfolioId);
    return this;
  }

  /** At most 24 ASCII characters; empty or {@code null} when unknown. */
  public OrderEncoder strategy(CharSequence strategy) {
    putText(OrderDecoder.STRATEGY_OFFSET, WireFormat.STRATEGY_LENGTH, strategy);
    return this;
  }

  /** At most 32 ASCII characters. */
  public OrderEncoder orderId(CharSequence orderId) {
    putText(OrderDecoder.ORDER_ID_OFFSET, WireFormat.ID_LENGTH, orderId);
    return this;
  }

  /** At most 32 ASCII characters; empty or {@code null} when absent. */
  public OrderEncoder origOrderId(CharSequence origOrderId) {
    putText(OrderDecoder.ORIG_ORDER_ID_OFFSET, WireFormat.ID_LENGTH, origOrderId);
    return this;
  }

  /** At most 16 ASCII characters. */
  public OrderEncoder symbol(CharSequence symbol) {
    putText(OrderDecoder.SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH, symbol);
    return this;
  }

  /** Limit price; 0 for a market order or when not applicable. */
  public OrderEncoder price(double price) {
    putDouble(OrderDecoder.PRICE_OFFSET, price);
    return this;
  }

  public OrderEncoder quantity(double quantity) {
    putDouble(OrderDecoder.QUANTITY_OFFSET, quantity);
    return this;
  }

  public OrderEncoder side(Side side) {
    return sideCode(WireFormat.sideCode(side));
  }

  /** Raw code (low 8 bits), to write any value. */
  public OrderEncoder sideCode(int code) {
    putByte(OrderDecoder.SIDE_OFFSET, code);
    return this;
  }
}

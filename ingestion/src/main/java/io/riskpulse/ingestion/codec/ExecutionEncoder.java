package io.riskpulse.ingestion.codec;

import io.riskpulse.model.portfolio.Side;
import org.agrona.MutableDirectBuffer;

/** Writes an EXECUTION frame, layout in {@link ExecutionDecoder}. Not thread-safe: one per publishing thread. */
public final class ExecutionEncoder extends MessageEncoder {

  /**
   * Zero-fills {@link ExecutionDecoder#LENGTH} bytes at {@code offset} and writes the header.
   *
   * @param sendTimeNanos publisher send time, epoch ns
   */
  public ExecutionEncoder wrapAndApplyHeader(MutableDirectBuffer buffer, int offset, int sourceId,
      long sequence, long sendTimeNanos) {
    wrapFrame(buffer, offset, MessageType.EXECUTION, sourceId, sequence, sendTimeNanos);
    return this;
  }

  /** Venue time of the fill, epoch ns. */
  public ExecutionEncoder eventTimeNanos(long eventTimeNanos) {
    putEventTimeNanos(eventTimeNanos);
    return this;
  }

  /** At most 24 ASCII characters. */
  public ExecutionEncoder portfolioId(CharSequence portfolioId) {
    putText(ExecutionDecoder.PORTFOLIO_ID_OFFSET, WireFormat.PORTFOLIO_ID_LENGTH, portfolioId);
    return this;
  }

  /** At most 24 ASCII characters; empty or {@code null} when unknown. */
  public ExecutionEncoder strategy(CharSequence strategy) {
    putText(ExecutionDecoder.STRATEGY_OFFSET, WireFormat.STRATEGY_LENGTH, strategy);
    return this;
  }

  /** At most 32 ASCII characters. */
  public ExecutionEncoder executionId(CharSequence executionId) {
    putText(ExecutionDecoder.EXECUTION_ID_OFFSET, WireFormat.ID_LENGTH, executionId);
    return this;
  }

  /** At most 32 ASCII characters; empty or {@code null} when absent. */
  public ExecutionEncoder orderId(CharSequence orderId) {
    putText(ExecutionDecoder.ORDER_ID_OFFSET, WireFormat.ID_LENGTH, orderId);
    return this;
  }

  /** At most 16 ASCII characters. */
  public ExecutionEncoder symbol(CharSequence symbol) {
    putText(ExecutionDecoder.SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH, symbol);
    return this;
  }

  /** Fill price (LastPx). */
  public ExecutionEncoder price(double price) {
    putDouble(ExecutionDecoder.PRICE_OFFSET, price);
    return this;
  }

  /** Filled quantity (LastQty). */
  public ExecutionEncoder quantity(double quantity) {
    putDouble(ExecutionDecoder.QUANTITY_OFFSET, quantity);
    return this;
  }

  public ExecutionEncoder side(Side side) {
    return sideCode(WireFormat.sideCode(side));
  }

  /** Raw code (low 8 bits), to write any value. */
  public ExecutionEncoder sideCode(int code) {
    putByte(ExecutionDecoder.SIDE_OFFSET, code);
    return this;
  }
}

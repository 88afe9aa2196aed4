package io.riskpulse.ingestion.codec;

import org.agrona.MutableDirectBuffer;

/** Writes an EXECUTION frame, layout in {@link ExecutionDecoder}. Not thread-safe: one per publishing thread. */
public final class ExecutionEncoder extends PortfolioMessageEncoder<ExecutionEncoder> {

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

  /** At most 32 ASCII characters. */
  public ExecutionEncoder executionId(CharSequence executionId) {
    return putId(ExecutionDecoder.EXECUTION_ID_OFFSET, executionId);
  }

  /** At most 32 ASCII characters; empty or {@code null} when absent. */
  public ExecutionEncoder orderId(CharSequence orderId) {
    return putId(ExecutionDecoder.ORDER_ID_OFFSET, orderId);
  }
}

package io.riskpulse.bench.kernel;

import io.riskpulse.ingestion.codec.ExecutionDecoder;
import io.riskpulse.ingestion.codec.FrameDecoder;
import io.riskpulse.ingestion.codec.FrameEncoder;
import io.riskpulse.ingestion.codec.FrameToEvent;
import io.riskpulse.ingestion.codec.MessageHeader;
import io.riskpulse.ingestion.codec.QuoteDecoder;
import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.model.portfolio.Side;
import java.util.concurrent.TimeUnit;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The receiving edge of the wire format, per frame: {@link FrameDecoder#validate} (every rule of
 * docs/WIRE_FORMAT.md) followed by reading every field the way a hot-path consumer does (numbers, text through
 * the allocation-free views), for a QUOTE (88 B) and an EXECUTION (192 B) frame; and validate followed by
 * {@link FrameToEvent#toEvent}, which is what {@code AeronIngress} does per frame (the one allocation per valid
 * message). Frames sit in a 64-byte-aligned direct buffer at 32-byte-aligned offsets, as Aeron places them.
 *
 * <p>Baselines measured in the same run: {@code quoteRawRead} and {@code executionRawRead} read the same fields
 * straight from the buffer with no check at all (each text field summed as two or four longs), the floor any
 * decoder of this layout pays; the validate+read figures are reported as ratios to them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameDecodeBenchmark {

  private static final int QUOTE_OFFSET = 0;
  private static final int EXECUTION_OFFSET = 128;

  private final UnsafeBuffer buffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(512, 64));
  private final FrameDecoder decoder = new FrameDecoder();
  private final FrameToEvent events = new FrameToEvent();
  private int quoteLength;
  private int executionLength;

  @Setup
  public void encode() {
    FrameEncoder encoder = new FrameEncoder();
    long sendTimeNanos = 1_717_000_000_123_456_789L;
    quoteLength = encoder.quote().wrapAndApplyHeader(buffer, QUOTE_OFFSET, 7, 42, sendTimeNanos)
        .eventTimeNanos(sendTimeNanos - 3_000_000).symbol("AAPL").bid(189.24, 300).ask(189.26, 500)
        .encodedLength();
    executionLength = encoder.execution().wrapAndApplyHeader(buffer, EXECUTION_OFFSET, 8, 43, sendTimeNanos)
        .eventTimeNanos(sendTimeNanos - 3_000_000).portfolioId("eq-mom-01").strategy("momentum")
        .executionId("EX-20240529-000000123456").orderId("ORD-20240529-0000042").symbol("AAPL")
        .side(Side.BUY).price(189.25).quantity(300).encodedLength();
    check(decoder.validate(buffer, QUOTE_OFFSET, quoteLength));
    check(decoder.validate(buffer, EXECUTION_OFFSET, executionLength));
  }

  private void check(IngestRejection rejection) {
    if (rejection != null) {
      throw new IllegalStateException("benchmark frame refused: " + decoder.lastDetail());
    }
  }

  /** Validate a QUOTE and read every field: the allocation-free decode cost per tick. */
  @Benchmark
  public long quoteValidateAndRead() {
    if (decoder.validate(buffer, QUOTE_OFFSET, quoteLength) != null) {
      return -1;
    }
    MessageHeader header = decoder.header();
    QuoteDecoder quote = decoder.quote();
    return header.sequence() + header.sourceId() + header.sendTimeNanos() + quote.eventTimeNanos()
        + quote.symbolView().stringHashCode()
        + Double.doubleToRawLongBits(quote.bidPrice() + quote.bidQuantity() + quote.askPrice()
            + quote.askQuantity());
  }

  /** Validate an EXECUTION and read every field: the allocation-free decode cost per fill. */
  @Benchmark
  public long executionValidateAndRead() {
    if (decoder.validate(buffer, EXECUTION_OFFSET, executionLength) != null) {
      return -1;
    }
    MessageHeader header = decoder.header();
    ExecutionDecoder fill = decoder.execution();
    return header.sequence() + header.sourceId() + header.sendTimeNanos() + fill.eventTimeNanos()
        + fill.portfolioIdView().stringHashCode() + fill.strategyView().stringHashCode()
        + fill.executionIdView().stringHashCode() + fill.orderIdView().stringHashCode()
        + fill.symbolView().stringHashCode() + fill.sideCode()
        + Double.doubleToRawLongBits(fill.price() + fill.quantity());
  }

  /** Baseline: the QUOTE's fields read with no validation (text as raw longs). */
  @Benchmark
  public long quoteRawRead() {
    int o = QUOTE_OFFSET;
    return buffer.getLong(o + MessageHeader.SEQUENCE_OFFSET) + buffer.getInt(o + MessageHeader.SOURCE_ID_OFFSET)
        + buffer.getLong(o + MessageHeader.SEND_TIME_NANOS_OFFSET) + buffer.getLong(o + 32)
        + buffer.getLong(o + QuoteDecoder.SYMBOL_OFFSET) + buffer.getLong(o + QuoteDecoder.SYMBOL_OFFSET + 8)
        + Double.doubleToRawLongBits(buffer.getDouble(o + QuoteDecoder.BID_PRICE_OFFSET)
            + buffer.getDouble(o + QuoteDecoder.BID_QUANTITY_OFFSET) + buffer.getDouble(o + QuoteDecoder.ASK_PRICE_OFFSET)
            + buffer.getDouble(o + QuoteDecoder.ASK_QUANTITY_OFFSET));
  }

  /** Baseline: the EXECUTION's fields read with no validation (text as raw longs). */
  @Benchmark
  public long executionRawRead() {
    int o = EXECUTION_OFFSET;
    long sum = buffer.getLong(o + MessageHeader.SEQUENCE_OFFSET) + buffer.getInt(o + MessageHeader.SOURCE_ID_OFFSET)
        + buffer.getLong(o + MessageHeader.SEND_TIME_NANOS_OFFSET) + buffer.getLong(o + 32);
    for (int text = ExecutionDecoder.PORTFOLIO_ID_OFFSET; text < ExecutionDecoder.PRICE_OFFSET; text += 8) {
      sum += buffer.getLong(o + text);
    }
    return sum + buffer.getByte(o + ExecutionDecoder.SIDE_OFFSET)
        + Double.doubleToRawLongBits(buffer.getDouble(o + ExecutionDecoder.PRICE_OFFSET)
            + buffer.getDouble(o + ExecutionDecoder.QUANTITY_OFFSET));
  }

  /** Validate a QUOTE and build its domain event: the ingress's per-tick work before the market view. */
  @Benchmark
  public IngestEvent quoteValidateToEvent() {
    if (decoder.validate(buffer, QUOTE_OFFSET, quoteLength) != null) {
      return null;
    }
    return events.toEvent(decoder);
  }

  /** Validate an EXECUTION and build its domain event: the ingress's per-fill work before the shards. */
  @Benchmark
  public IngestEvent executionValidateToEvent() {
    if (decoder.validate(buffer, EXECUTION_OFFSET, executionLength) != null) {
      return null;
    }
    return events.toEvent(decoder);
  }
}

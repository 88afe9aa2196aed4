package io.riskpulse.ingestion.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riskpulse.ingestion.codec.Frames.Frame;
import io.riskpulse.model.orderflow.OrderAction;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decode path allocates nothing per message: measured with the thread's allocation counter around many
 * validations and field reads on a warmed-up decoder. The bound is a small constant, independent of the number
 * of iterations.
 */
class FrameDecoderAllocationTest {

  private static final int WARM_UP_ITERATIONS = 50_000;
  private static final int MEASURED_ITERATIONS = 100_000;
  private static final long SLACK_BYTES = 1024;

  private final FrameDecoder decoder = new FrameDecoder();
  private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
  private final List<Frame> valid = new ArrayList<>();
  private final List<Frame> rejected = new ArrayList<>();
  private com.sun.management.ThreadMXBean threads;

  @BeforeEach
  void setUp() {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported());
    threads.setThreadAllocatedMemoryEnabled(true);

    int offset = 0;
    List<MessageEncoder> good = new ArrayList<>();
    good.add(new Frames(buffer, offset).trade());
    offset += TradeDecoder.LENGTH;
    good.add(new Frames(buffer, offset).quote().noAsk());
    offset += QuoteDecoder.LENGTH;
    good.add(new Frames(buffer, offset).book());
    offset += BookUpdateDecoder.LENGTH;
    for (OrderAction action : OrderAction.values()) {
      good.add(new Frames(buffer, offset).order(action));
      offset += OrderDecoder.LENGTH;
    }
    good.add(new Frames(buffer, offset).execution());
    offset += ExecutionDecoder.LENGTH;
    for (MessageEncoder encoder : good) {
      valid.add(Frame.of(encoder));
    }
    rejected.add(Frame.of(new Frames(buffer, offset).trade().price(Double.NaN)));
    offset += TradeDecoder.LENGTH;
    rejected.add(Frame.of(new Frames(buffer, offset).book().ask(1, 1, 1)));
    offset += BookUpdateDecoder.LENGTH;
    rejected.add(Frame.of(new Frames(buffer, offset).execution().symbol("A B")));
    offset += ExecutionDecoder.LENGTH;
    rejected.add(Frame.of(new Frames(buffer, offset).trade()).withLength(40));
  }

  @Test
  void shouldNotAllocateWhenValidatingAndReadingValidFrames() {
    for (Frame frame : valid) {
      assertNull(decoder.validate(frame.buffer(), frame.offset(), frame.length()), decoder::lastDetail);
    }
    long checksum = decodeValid(WARM_UP_ITERATIONS);
    threads.getCurrentThreadAllocatedBytes();

    long before = threads.getCurrentThreadAllocatedBytes();
    checksum += decodeValid(MEASURED_ITERATIONS);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertTrue(checksum != 0);
    assertTrue(allocated < SLACK_BYTES, () -> allocated + " bytes allocated for "
        + (long) MEASURED_ITERATIONS * valid.size() + " decoded frames");
  }

  @Test
  void shouldNotAllocateWhenRejectingFrames() {
    long checksum = decodeRejected(WARM_UP_ITERATIONS);
    threads.getCurrentThreadAllocatedBytes();

    long before = threads.getCurrentThreadAllocatedBytes();
    checksum += decodeRejected(MEASURED_ITERATIONS);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertEquals((long) (WARM_UP_ITERATIONS + MEASURED_ITERATIONS) * rejected.size(), checksum);
    assertTrue(allocated < SLACK_BYTES, () -> allocated + " bytes allocated for "
        + (long) MEASURED_ITERATIONS * rejected.size() + " rejected frames");
  }

  @Test
  void shouldSeeTheAllocationOfTheSlowPathStringAccessors() {
    Frame frame = valid.get(0);
    assertNull(decoder.validate(frame.buffer(), frame.offset(), frame.length()));
    threads.getCurrentThreadAllocatedBytes();

    long before = threads.getCurrentThreadAllocatedBytes();
    long length = 0;
    for (int i = 0; i < 1_000; i++) {
      length += decoder.trade().symbol().length();
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertEquals(4_000, length);
    assertTrue(allocated > SLACK_BYTES, () -> "the allocation counter saw only " + allocated + " bytes");
  }

  private long decodeValid(int iterations) {
    long checksum = 0;
    int count = valid.size();
    for (int i = 0; i < iterations; i++) {
      for (int f = 0; f < count; f++) {
        Frame frame = valid.get(f);
        if (decoder.validate(frame.buffer(), frame.offset(), frame.length()) != null) {
          return -1;
        }
        checksum += readFields();
      }
    }
    return checksum;
  }

  private long decodeRejected(int iterations) {
    long rejections = 0;
    int count = rejected.size();
    for (int i = 0; i < iterations; i++) {
      for (int f = 0; f < count; f++) {
        Frame frame = rejected.get(f);
        if (decoder.validate(frame.buffer(), frame.offset(), frame.length()) != null) {
          rejections++;
        }
      }
    }
    return rejections;
  }

  /** Reads every field of the frame the way a hot-path consumer would: numbers, and text through views. */
  private long readFields() {
    MessageHeader header = decoder.header();
    long sum = header.sequence() + header.sourceId() + header.sendTimeNanos();
    switch (decoder.messageType()) {
      case TRADE: {
        TradeDecoder trade = decoder.trade();
        sum += trade.symbolView().stringHashCode() + (long) (trade.price() * trade.quantity())
            + trade.aggressorSideCode() + trade.eventTimeNanos();
        sum += trade.symbolView().contentEquals("AAPL") ? 1 : 0;
        break;
      }
      case QUOTE: {
        QuoteDecoder quote = decoder.quote();
        sum += quote.symbolView().stringHashCode() + (long) quote.bidPrice() + (long) quote.bidQuantity()
            + (quote.hasAsk() ? 1 : 0);
        break;
      }
      case BOOK_UPDATE: {
        BookUpdateDecoder book = decoder.bookUpdate();
        sum += book.symbolView().length();
        for (int level = 0; level < book.bidLevelCount(); level++) {
          sum += (long) (book.bidPrice(level) * book.bidQuantity(level));
        }
        for (int level = 0; level < book.askLevelCount(); level++) {
          sum += (long) (book.askPrice(level) * book.askQuantity(level));
        }
        break;
      }
      case EXECUTION: {
        ExecutionDecoder fill = decoder.execution();
        sum += fill.portfolioIdView().stringHashCode() + fill.strategyView().length()
            + fill.executionIdView().stringHashCode() + fill.orderIdView().length()
            + fill.symbolView().stringHashCode() + fill.side().sign() + (long) (fill.price() * fill.quantity());
        break;
      }
      default: {
        OrderDecoder order = decoder.order();
        sum += order.action().ordinal() + order.portfolioIdView().stringHashCode()
            + order.strategyView().length() + order.orderIdView().stringHashCode()
            + order.origOrderIdView().length() + order.symbolView().stringHashCode() + order.side().sign()
            + (long) (order.price() * order.quantity());
      }
    }
    return sum;
  }
}

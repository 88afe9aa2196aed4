package io.riskpulse.ingestion.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Random, mutated and truncated bytes: the decoder never throws, never reads outside the frame (every frame
 * sits at the end of an exactly-sized buffer, so an over-read would throw), and either accepts a frame whose
 * event satisfies the wire rules or rejects it with a reason and a detail. Seeded, so failures reproduce.
 */
class FrameDecoderFuzzTest {

  private static final long SEED = 0x5EED_F00DL;
  private static final int[] INTERESTING_BYTES = {0x00, 0x01, 0x02, 0x03, 0x20, 0x21, 0x7E, 0x7F, 0x80, 0xFF};

  private final FrameDecoder decoder = new FrameDecoder();
  private final FrameToEvent toEvent = new FrameToEvent();
  private final Map<IngestRejection, Integer> rejections = new EnumMap<>(IngestRejection.class);
  private int accepted;

  @Test
  void shouldRejectEveryTruncationOfEveryValidFrameAsTruncated() {
    for (byte[] frame : Frames.allValid()) {
      for (int length = 0; length < frame.length; length++) {
        byte[] cut = Arrays.copyOf(frame, length);
        assertEquals(IngestRejection.TRUNCATED, decoder.validate(new UnsafeBuffer(cut), 0, length),
            () -> "length " + cut.length + " of " + HexFormat.of().formatHex(frame));
        assertEquals(IngestRejection.TRUNCATED, decoder.validate(new UnsafeBuffer(frame), 0, length));
      }
      assertEquals(null, decoder.validate(new UnsafeBuffer(frame), 0, frame.length), decoder::lastDetail);
    }
  }

  @Test
  void shouldRejectEveryValidFrameWithTrailingBytesAsLengthMismatch() {
    for (byte[] frame : Frames.allValid()) {
      for (int extra = 1; extra <= 64; extra++) {
        byte[] longer = Arrays.copyOf(frame, frame.length + extra);
        assertEquals(IngestRejection.LENGTH_MISMATCH, decoder.validate(new UnsafeBuffer(longer), 0, longer.length));
      }
    }
  }

  @Test
  void shouldAcceptOrRejectRandomBytesWithoutThrowing() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < 100_000; i++) {
      byte[] bytes = new byte[random.nextInt(0, 260)];
      random.nextBytes(bytes);
      check(bytes, 0, bytes.length);
    }
    assertTrue(rejections.size() >= 3, rejections::toString);
  }

  @Test
  void shouldAcceptOrRejectRandomBodiesBehindAPlausibleHeaderWithoutThrowing() {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    MessageType[] types = MessageType.values();
    MessageHeaderEncoder header = new MessageHeaderEncoder();
    for (int i = 0; i < 100_000; i++) {
      MessageType type = types[random.nextInt(types.length)];
      int length = random.nextInt(10) == 0 ? random.nextInt(MessageHeader.LENGTH, 260) : type.frameLength();
      int offset = random.nextInt(0, 64);
      byte[] bytes = new byte[offset + length];
      random.nextBytes(bytes);
      header.wrap(new UnsafeBuffer(bytes), offset).apply(type, random.nextInt(0, 100), random.nextLong(1, 1L << 40),
          random.nextLong(0, Long.MAX_VALUE));
      check(bytes, offset, length);
    }
    assertTrue(rejections.size() >= 3, rejections::toString);
  }

  @Test
  void shouldAcceptOrRejectMutatedValidFramesWithoutThrowing() {
    SplittableRandom random = new SplittableRandom(SEED + 2);
    List<byte[]> valid = Frames.allValid();
    for (int i = 0; i < 200_000; i++) {
      byte[] bytes = valid.get(random.nextInt(valid.size())).clone();
      int mutations = random.nextInt(1, 5);
      for (int m = 0; m < mutations; m++) {
        int at = random.nextInt(bytes.length);
        bytes[at] = (byte) (random.nextBoolean()
            ? INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]
            : random.nextInt(256));
      }
      int length = random.nextInt(20) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
      check(Arrays.copyOf(bytes, length), 0, length);
    }
    assertTrue(accepted > 10_000, () -> "accepted " + accepted);
    assertTrue(rejections.size() >= 9, rejections::toString);
  }

  @Test
  void shouldRejectOffsetsAndLengthsOutsideTheBufferWithoutThrowing() {
    SplittableRandom random = new SplittableRandom(SEED + 3);
    UnsafeBuffer buffer = new UnsafeBuffer(Frames.allValid().get(0));
    for (int i = 0; i < 10_000; i++) {
      int offset = random.nextInt(-300, 300);
      int length = random.nextBoolean() ? random.nextInt(-300, 300) : random.nextInt();
      IngestRejection rejection = decoder.validate(buffer, offset, length);
      boolean inside = offset >= 0 && length >= 0 && (long) offset + length <= buffer.capacity();
      if (!inside) {
        assertEquals(IngestRejection.TRUNCATED, rejection);
      }
    }
  }

  private void check(byte[] bytes, int offset, int length) {
    IngestRejection rejection;
    try {
      rejection = decoder.validate(new UnsafeBuffer(bytes), offset, length);
    } catch (RuntimeException e) {
      throw new AssertionError("validate threw on offset " + offset + " length " + length + ": "
          + HexFormat.of().formatHex(bytes), e);
    }
    if (rejection != null) {
      rejections.merge(rejection, 1, Integer::sum);
      String detail = decoder.lastDetail();
      assertNotNull(detail);
      assertTrue(!detail.isEmpty());
      return;
    }
    accepted++;
    IngestEvent event = toEvent.toEvent(decoder);
    assertTrue(event.sourceId().startsWith("aeron:"));
    assertTrue(event.sequence() >= 1);
    if (event instanceof IngestEvent.Trade trade) {
      assertPositive(trade.price());
      assertPositive(trade.quantity());
      assertPrintable(trade.symbol(), true);
    } else if (event instanceof IngestEvent.MarketData data) {
      assertTrue(!Double.isNaN(data.quote().bid()) || !Double.isNaN(data.quote().ask()));
      assertTrue(!(data.quote().bid() > data.quote().ask()));
      assertPrintable(data.quote().symbol(), true);
    } else if (event instanceof IngestEvent.BookUpdate book) {
      assertTrue(book.bidPrices().length <= WireFormat.BOOK_DEPTH && book.askPrices().length <= WireFormat.BOOK_DEPTH);
      for (double price : book.bidPrices()) {
        assertPositive(price);
      }
      assertPrintable(book.symbol(), true);
    } else if (event instanceof IngestEvent.OrderFlow flow) {
      OrderEvent order = flow.order();
      assertNotNull(order.action());
      assertNotNull(order.side());
      assertTrue(order.price() >= 0 && order.quantity() >= 0);
      assertPrintable(order.portfolioId(), true);
      assertPrintable(order.orderId(), true);
      assertPrintable(order.strategy(), false);
    } else if (event instanceof IngestEvent.Fill fill) {
      Execution execution = fill.execution();
      assertNotNull(execution.side());
      assertPositive(execution.price());
      assertPositive(execution.quantity());
      assertTrue(execution.notional() < WireFormat.MAX_NOTIONAL);
      assertPrintable(execution.executionId(), true);
    } else {
      fail("unexpected event " + event);
    }
  }

  private static void assertPositive(double value) {
    assertTrue(value > 0 && value < WireFormat.MAX_NOTIONAL, () -> "value " + value);
  }

  private static void assertPrintable(String text, boolean required) {
    assertTrue(!required || !text.isEmpty());
    assertTrue(text.chars().allMatch(c -> c >= 0x21 && c <= 0x7E), text);
  }
}

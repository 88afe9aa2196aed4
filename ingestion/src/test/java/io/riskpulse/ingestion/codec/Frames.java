package io.riskpulse.ingestion.codec;

import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.portfolio.Side;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** Test fixture: one valid frame of each type, written into a scratch buffer, ready to be spoiled. */
final class Frames {

  static final int SOURCE_ID = 7;
  static final long SEQUENCE = 42;
  static final long SEND_TIME_NANOS = 1_717_000_000_123_456_789L;
  static final long EVENT_TIME_NANOS = 1_717_000_000_120_000_000L;

  /** A frame as the transport hands it over: bytes [offset, offset + length) of a buffer. */
  record Frame(DirectBuffer buffer, int offset, int length) {

    static Frame of(MessageEncoder encoder) {
      return new Frame(encoder.buffer(), encoder.offset(), encoder.encodedLength());
    }

    /** The frame's bytes in an array of exactly its length, so any read past the end throws. */
    byte[] toBytes() {
      byte[] bytes = new byte[length];
      buffer.getBytes(offset, bytes);
      return bytes;
    }

    Frame withLength(int newLength) {
      return new Frame(buffer, offset, newLength);
    }
  }

  final MutableDirectBuffer buffer;
  final int offset;
  private final FrameEncoder encoder = new FrameEncoder();

  Frames() {
    this(new UnsafeBuffer(new byte[1024]), 0);
  }

  Frames(MutableDirectBuffer buffer, int offset) {
    this.buffer = buffer;
    this.offset = offset;
  }

  TradeEncoder trade() {
    return encoder.trade().wrapAndApplyHeader(buffer, offset, SOURCE_ID, SEQUENCE, SEND_TIME_NANOS)
        .eventTimeNanos(EVENT_TIME_NANOS).symbol("AAPL").price(189.25).quantity(300).aggressorSide(Side.BUY);
  }

  QuoteEncoder quote() {
    return encoder.quote().wrapAndApplyHeader(buffer, offset, SOURCE_ID, SEQUENCE, SEND_TIME_NANOS)
        .eventTimeNanos(EVENT_TIME_NANOS).symbol("MSFT").bid(420.10, 500).ask(420.15, 700);
  }

  BookUpdateEncoder book() {
    return encoder.bookUpdate().wrapAndApplyHeader(buffer, offset, SOURCE_ID, SEQUENCE, SEND_TIME_NANOS)
        .eventTimeNanos(EVENT_TIME_NANOS).symbol("ESZ5")
        .bid(0, 5000.25, 10).bid(1, 5000.00, 25).bid(2, 4999.75, 40)
        .ask(0, 5000.50, 12).ask(1, 5000.75, 30);
  }

  OrderEncoder order(OrderAction action) {
    OrderEncoder order = encoder.order()
        .wrapAndApplyHeader(buffer, offset, action, SOURCE_ID, SEQUENCE, SEND_TIME_NANOS)
        .eventTimeNanos(EVENT_TIME_NANOS).portfolioId("PF-001").strategy("momentum").orderId("ORD-2")
        .symbol("AAPL").side(Side.SELL).price(190.5).quantity(100);
    if (action != OrderAction.NEW) {
      order.origOrderId("ORD-1");
    }
    if (action == OrderAction.CANCEL) {
      order.price(0).quantity(0);
    }
    return order;
  }

  ExecutionEncoder execution() {
    return encoder.execution().wrapAndApplyHeader(buffer, offset, SOURCE_ID, SEQUENCE, SEND_TIME_NANOS)
        .eventTimeNanos(EVENT_TIME_NANOS).portfolioId("PF-001").strategy("momentum").executionId("EXEC-9")
        .orderId("ORD-2").symbol("AAPL").side(Side.BUY).price(189.3).quantity(50);
  }

  /** One valid frame of every message type (all four order actions), each in its own exact-size array. */
  static List<byte[]> allValid() {
    Frames frames = new Frames();
    List<byte[]> all = new ArrayList<>();
    all.add(Frame.of(frames.trade()).toBytes());
    all.add(Frame.of(frames.quote()).toBytes());
    all.add(Frame.of(frames.book()).toBytes());
    for (OrderAction action : OrderAction.values()) {
      all.add(Frame.of(frames.order(action)).toBytes());
    }
    all.add(Frame.of(frames.execution()).toBytes());
    return all;
  }
}

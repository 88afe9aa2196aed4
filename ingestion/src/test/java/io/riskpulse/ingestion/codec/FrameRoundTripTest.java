package io.riskpulse.ingestion.codec;

import static io.riskpulse.ingestion.codec.Frames.EVENT_TIME_NANOS;
import static io.riskpulse.ingestion.codec.Frames.SEND_TIME_NANOS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.ingestion.codec.Frames.Frame;
import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Encode → validate → read back, through the flyweights and through the domain events. */
class FrameRoundTripTest {

  private static final long EVENT_TIME_MILLIS = EVENT_TIME_NANOS / 1_000_000;
  private static final String SYMBOL_16 = "!ABCDEFGHIJKLMN~";
  private static final String TEXT_24 = "~" + "x".repeat(22) + "!";
  private static final String ID_32 = "0123456789abcdefghijklmnopqrstu~";

  private final Frames frames = new Frames();
  private final FrameDecoder decoder = new FrameDecoder();
  private final FrameToEvent toEvent = new FrameToEvent();

  private void assertAccepted(MessageEncoder encoder) {
    IngestRejection rejection = decoder.validate(encoder.buffer(), encoder.offset(), encoder.encodedLength());
    assertNull(rejection, decoder::lastDetail);
    assertNull(decoder.lastDetail());
  }

  @Test
  void shouldRoundTripTrade() {
    assertAccepted(frames.trade());

    assertEquals(MessageType.TRADE, decoder.messageType());
    TradeDecoder trade = decoder.trade();
    assertEquals("AAPL", trade.symbol());
    assertTrue(trade.symbolView().contentEquals("AAPL"));
    assertEquals(189.25, trade.price());
    assertEquals(300, trade.quantity());
    assertEquals(Side.BUY, trade.aggressorSide());
    assertEquals(EVENT_TIME_NANOS, trade.eventTimeNanos());
    assertEquals(Frames.SEQUENCE, trade.sequence());
    assertEquals(SEND_TIME_NANOS, trade.sendTimeNanos());
    assertEquals(new IngestEvent.Trade("aeron:7", Frames.SEQUENCE, "AAPL", 189.25, 300, EVENT_TIME_MILLIS),
        toEvent.toEvent(decoder));
  }

  @Test
  void shouldAcceptTradeWithUnknownAggressorSide() {
    assertAccepted(frames.trade().aggressorSide(null));

    assertEquals(WireFormat.SIDE_NONE, decoder.trade().aggressorSideCode());
    assertNull(decoder.trade().aggressorSide());
  }

  @Test
  void shouldRoundTripTwoSidedQuote() {
    assertAccepted(frames.quote());

    QuoteDecoder quote = decoder.quote();
    assertEquals("MSFT", quote.symbol());
    assertEquals(420.10, quote.bidPrice());
    assertEquals(500, quote.bidQuantity());
    assertEquals(420.15, quote.askPrice());
    assertEquals(700, quote.askQuantity());
    assertTrue(quote.hasBid() && quote.hasAsk());
    assertEquals(new IngestEvent.MarketData("aeron:7", Frames.SEQUENCE,
        new Quote("MSFT", Double.NaN, 420.10, 420.15, EVENT_TIME_MILLIS)), toEvent.toEvent(decoder));
  }

  @Test
  void shouldRoundTripQuoteWithAnEmptySideAsNanPriceAndZeroQuantity() {
    assertAccepted(frames.quote().noBid());

    QuoteDecoder quote = decoder.quote();
    assertFalse(quote.hasBid());
    assertTrue(Double.isNaN(quote.bidPrice()));
    assertEquals(0, quote.bidQuantity());
    IngestEvent.MarketData event = (IngestEvent.MarketData) toEvent.toEvent(decoder);
    assertTrue(Double.isNaN(event.quote().bid()));
    assertEquals(420.15, event.quote().ask());

    assertAccepted(frames.quote().noAsk());
    assertFalse(decoder.quote().hasAsk());
  }

  @Test
  void shouldAcceptLockedQuote() {
    assertAccepted(frames.quote().bid(100, 1).ask(100, 1));
  }

  @Test
  void shouldRoundTripBookUpdateWithLevelArraysSizedToTheCounts() {
    assertAccepted(frames.book());

    BookUpdateDecoder book = decoder.bookUpdate();
    assertEquals("ESZ5", book.symbol());
    assertEquals(3, book.bidLevelCount());
    assertEquals(2, book.askLevelCount());
    assertEquals(4999.75, book.bidPrice(2));
    assertEquals(40, book.bidQuantity(2));
    assertEquals(5000.75, book.askPrice(1));
    assertEquals(0, book.askPrice(4));
    IngestEvent.BookUpdate event = (IngestEvent.BookUpdate) toEvent.toEvent(decoder);
    assertEquals("ESZ5", event.symbol());
    assertArrayEquals(new double[] {5000.25, 5000.00, 4999.75}, event.bidPrices());
    assertArrayEquals(new double[] {10, 25, 40}, event.bidQuantities());
    assertArrayEquals(new double[] {5000.50, 5000.75}, event.askPrices());
    assertArrayEquals(new double[] {12, 30}, event.askQuantities());
    assertEquals(EVENT_TIME_MILLIS, event.timestampMillis());
  }

  @Test
  void shouldRoundTripFullAndEmptyBooks() {
    BookUpdateEncoder full = frames.book();
    for (int level = 0; level < WireFormat.BOOK_DEPTH; level++) {
      full.bid(level, 100 - level, level + 1).ask(level, 101 + level, level + 2);
    }
    assertAccepted(full);
    assertEquals(5, decoder.bookUpdate().bidLevelCount());
    assertEquals(96, decoder.bookUpdate().bidPrice(4));
    assertEquals(105, decoder.bookUpdate().askPrice(4));

    BookUpdateEncoder empty =
        new BookUpdateEncoder().wrapAndApplyHeader(frames.buffer, 0, 1, 1, 0).symbol("ESZ5");
    assertAccepted(empty);
    IngestEvent.BookUpdate event = (IngestEvent.BookUpdate) toEvent.toEvent(decoder);
    assertEquals(0, event.bidPrices().length);
    assertEquals(0, event.askPrices().length);
  }

  @ParameterizedTest
  @EnumSource(OrderAction.class)
  void shouldRoundTripEveryOrderAction(OrderAction action) {
    assertAccepted(frames.order(action));

    assertEquals(MessageType.forOrderAction(action), decoder.messageType());
    OrderDecoder order = decoder.order();
    assertEquals(action, order.action());
    assertEquals("PF-001", order.portfolioId());
    assertEquals("momentum", order.strategy());
    assertEquals("ORD-2", order.orderId());
    assertEquals(action == OrderAction.NEW ? "" : "ORD-1", order.origOrderId());
    assertEquals("AAPL", order.symbol());
    assertEquals(Side.SELL, order.side());
    double price = action == OrderAction.CANCEL ? 0 : 190.5;
    double quantity = action == OrderAction.CANCEL ? 0 : 100;
    assertEquals(new IngestEvent.OrderFlow("aeron:7", Frames.SEQUENCE, new OrderEvent(action, "PF-001",
            "momentum", "ORD-2", action == OrderAction.NEW ? "" : "ORD-1", "AAPL", Side.SELL, quantity, price,
            EVENT_TIME_MILLIS)),
        toEvent.toEvent(decoder));
  }

  @Test
  void shouldAcceptMarketOrderWithZeroPriceAndRejectWithoutOriginalId() {
    assertAccepted(frames.order(OrderAction.NEW).price(0));
    assertAccepted(frames.order(OrderAction.REJECT).origOrderId(""));
    assertAccepted(frames.order(OrderAction.NEW).strategy(null));
    assertEquals("", decoder.order().strategy());
  }

  @Test
  void shouldRoundTripExecution() {
    assertAccepted(frames.execution());

    ExecutionDecoder fill = decoder.execution();
    assertEquals("EXEC-9", fill.executionId());
    assertEquals("ORD-2", fill.orderId());
    assertEquals(new IngestEvent.Fill("aeron:7", Frames.SEQUENCE, new Execution("EXEC-9", "PF-001", "momentum",
        "AAPL", Side.BUY, 50, 189.3, EVENT_TIME_MILLIS, "ORD-2")), toEvent.toEvent(decoder));
  }

  @Test
  void shouldAcceptExecutionWithoutStrategyOrOrderId() {
    assertAccepted(frames.execution().strategy("").orderId(""));

    Execution execution = ((IngestEvent.Fill) toEvent.toEvent(decoder)).execution();
    assertEquals("", execution.strategy());
    assertEquals("", execution.orderId());
    assertEquals("", decoder.execution().orderId());
  }

  @Test
  void shouldRoundTripTextFieldsOfMaximumLength() {
    assertAccepted(frames.order(OrderAction.REPLACE).portfolioId(TEXT_24).strategy(TEXT_24).orderId(ID_32)
        .origOrderId(ID_32).symbol(SYMBOL_16));
    OrderEvent order = ((IngestEvent.OrderFlow) toEvent.toEvent(decoder)).order();
    assertEquals(TEXT_24, order.portfolioId());
    assertEquals(TEXT_24, order.strategy());
    assertEquals(ID_32, order.orderId());
    assertEquals(ID_32, order.origOrderId());
    assertEquals(SYMBOL_16, order.symbol());
    assertEquals(32, decoder.order().orderIdView().length());

    assertAccepted(frames.execution().portfolioId(TEXT_24).executionId(ID_32).orderId(ID_32).symbol(SYMBOL_16));
    assertEquals(ID_32, decoder.execution().executionId());
    assertAccepted(frames.trade().symbol(SYMBOL_16));
    assertEquals(SYMBOL_16, decoder.trade().symbol());
  }

  @Test
  void shouldRoundTripSingleCharacterAndZeroPaddedIds() {
    assertAccepted(frames.execution().portfolioId("P").executionId("0000000000000001").symbol("X"));

    assertEquals("P", decoder.execution().portfolioId());
    assertEquals("0000000000000001", decoder.execution().executionId());
    assertEquals(16, decoder.execution().executionIdView().length());
    assertEquals("X", decoder.execution().symbol());
  }

  @Test
  void shouldRefuseToEncodeTextThatDoesNotFit() {
    assertThrows(IllegalArgumentException.class, () -> frames.trade().symbol(SYMBOL_16 + "Z"));
    assertThrows(IllegalArgumentException.class, () -> frames.execution().executionId(ID_32 + "Z"));
    assertThrows(IllegalArgumentException.class, () -> frames.trade().symbol("É"));
  }

  @Test
  void shouldRoundTripBoundaryHeaderValues() {
    TradeEncoder trade = new TradeEncoder()
        .wrapAndApplyHeader(frames.buffer, 0, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE)
        .eventTimeNanos(Long.MAX_VALUE).symbol("AAPL").price(1).quantity(1);
    assertAccepted(trade);

    MessageHeader header = decoder.header();
    assertEquals(Integer.MAX_VALUE, header.sourceId());
    assertEquals(Long.MAX_VALUE, header.sequence());
    assertEquals(Long.MAX_VALUE, header.sendTimeNanos());
    assertEquals(Long.MAX_VALUE, decoder.trade().eventTimeNanos());
    IngestEvent event = toEvent.toEvent(decoder);
    assertEquals("aeron:" + Integer.MAX_VALUE, event.sourceId());
    assertEquals(Long.MAX_VALUE, event.sequence());
    assertEquals(Long.MAX_VALUE / 1_000_000, ((IngestEvent.Trade) event).timestampMillis());

    assertAccepted(new TradeEncoder().wrapAndApplyHeader(frames.buffer, 0, 0, 1, 0).eventTimeNanos(0)
        .symbol("AAPL").price(1).quantity(1));
    assertEquals("aeron:0", toEvent.toEvent(decoder).sourceId());
    assertEquals(1, toEvent.toEvent(decoder).sequence());
  }

  @Test
  void shouldRoundTripExtremePricesAndQuantitiesWithinTheMagnitudeLimit() {
    double belowLimit = Math.nextDown(WireFormat.MAX_NOTIONAL);
    assertAccepted(frames.trade().price(Double.MIN_VALUE).quantity(Double.MIN_VALUE));
    assertEquals(Double.MIN_VALUE, decoder.trade().price());
    assertEquals(Double.MIN_VALUE, decoder.trade().quantity());

    assertAccepted(frames.trade().price(belowLimit).quantity(Double.MIN_NORMAL));
    assertEquals(belowLimit, ((IngestEvent.Trade) toEvent.toEvent(decoder)).price());

    assertAccepted(frames.execution().price(1e7).quantity(Math.nextDown(1e8)));
    assertEquals(Math.nextDown(1e8), decoder.execution().quantity());

    assertAccepted(frames.quote().bid(Double.MIN_VALUE, belowLimit / 2).ask(belowLimit, Double.MIN_VALUE));
    assertEquals(belowLimit, decoder.quote().askPrice());
  }

  @Test
  void shouldWriteRawValuesBitExactEvenWhenValidationWouldRejectThem() {
    long oddNan = 0x7ff8_0000_dead_beefL;
    TradeEncoder trade = frames.trade().price(Double.MAX_VALUE).quantity(Double.longBitsToDouble(oddNan))
        .aggressorSideCode(0xFF);
    TradeDecoder read = new TradeDecoder().wrap(trade.buffer(), trade.offset());

    assertEquals(Double.MAX_VALUE, read.price());
    assertEquals(oddNan, Double.doubleToRawLongBits(read.quantity()));
    assertEquals(255, read.aggressorSideCode());
    assertEquals(IngestRejection.NOT_FINITE,
        decoder.validate(trade.buffer(), trade.offset(), trade.encodedLength()));
  }

  @Test
  void shouldLayOutFieldsLittleEndianAtTheDocumentedOffsets() {
    byte[] bytes = Frame.of(frames.execution()).toBytes();
    ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

    assertEquals(192, bytes.length);
    assertEquals(15, le.getShort(0));
    assertEquals(15, bytes[0]);
    assertEquals(0, bytes[1]);
    assertEquals(1, le.getShort(2));
    assertEquals(192, le.getInt(4));
    assertEquals(7, le.getInt(8));
    assertEquals(0, le.getInt(12));
    assertEquals(Frames.SEQUENCE, le.getLong(16));
    assertEquals(SEND_TIME_NANOS, le.getLong(24));
    assertEquals(EVENT_TIME_NANOS, le.getLong(32));
    assertEquals("PF-001", ascii(bytes, 40, 24));
    assertEquals("momentum", ascii(bytes, 64, 24));
    assertEquals("EXEC-9", ascii(bytes, 88, 32));
    assertEquals("ORD-2", ascii(bytes, 120, 32));
    assertEquals("AAPL", ascii(bytes, 152, 16));
    assertEquals(189.3, le.getDouble(168));
    assertEquals(50, le.getDouble(176));
    assertEquals(WireFormat.SIDE_BUY, bytes[184]);
    for (int i = 185; i < 192; i++) {
      assertEquals(0, bytes[i], "padding at " + i);
    }
    assertEquals(0, bytes[40 + 6], "zero padding after the text");
  }

  @Test
  void shouldLayOutBookLevelsAsPriceQuantityPairs() {
    byte[] bytes = Frame.of(frames.book()).toBytes();
    ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

    assertEquals(224, bytes.length);
    assertEquals(3, le.getShort(0));
    assertEquals(3, bytes[56]);
    assertEquals(2, bytes[57]);
    assertEquals(5000.25, le.getDouble(64));
    assertEquals(10, le.getDouble(72));
    assertEquals(4999.75, le.getDouble(64 + 2 * 16));
    assertEquals(5000.50, le.getDouble(144));
    assertEquals(30, le.getDouble(144 + 16 + 8));
    assertEquals(0, le.getLong(144 + 2 * 16));
  }

  @Test
  void shouldDecodeFrameAtAnOffsetInsideALargerBuffer() {
    UnsafeBuffer big = new UnsafeBuffer(new byte[4096]);
    Frames atOffset = new Frames(big, 1000);
    OrderEncoder order = atOffset.order(OrderAction.REPLACE);
    big.putByte(999, (byte) 0x55);
    big.putByte(1000 + OrderDecoder.LENGTH, (byte) 0x55);

    assertNull(decoder.validate(big, 1000, order.encodedLength()), decoder::lastDetail);
    assertEquals(1000, decoder.order().offset());
    assertEquals("ORD-1", decoder.order().origOrderId());
    assertEquals(OrderAction.REPLACE, ((IngestEvent.OrderFlow) toEvent.toEvent(decoder)).order().action());
  }

  @Test
  void shouldGiveEveryTypeAUniqueTemplateIdAndAnAlignedFixedLength() {
    Set<Integer> ids = new HashSet<>();
    for (MessageType type : MessageType.values()) {
      assertTrue(ids.add(type.templateId()), type::name);
      assertSame(type, MessageType.fromTemplateId(type.templateId()));
      assertEquals(0, type.frameLength() % 8, type::name);
    }
    assertNull(MessageType.fromTemplateId(0));
    assertNull(MessageType.fromTemplateId(65535));
    assertEquals(32, MessageHeader.LENGTH);
  }

  @Test
  void shouldExposeTextWithoutAllocatingStringsThroughViews() {
    assertAccepted(frames.order(OrderAction.NEW).portfolioId("PF-001"));
    AsciiSequence view = decoder.order().portfolioIdView();

    assertEquals("PF-001".hashCode(), view.stringHashCode());
    assertTrue(view.contentEquals("PF-001"));
    assertFalse(view.contentEquals("PF-002"));
    assertFalse(view.contentEquals("PF-0011"));
    assertEquals('F', view.charAt(1));
    assertEquals("PF-001", view.appendTo(new StringBuilder()).toString());
    byte[] copy = new byte[24];
    assertEquals(6, view.getBytes(copy, 0));
    assertEquals("PF-001", new String(copy, 0, 6, StandardCharsets.US_ASCII));
    assertEquals("F-0", view.subSequence(1, 4).toString());
    assertThrows(IndexOutOfBoundsException.class, () -> view.charAt(6));
    assertTrue(decoder.order().origOrderIdView().isEmpty());
  }

  @Test
  void shouldCacheTheSourceIdStringPerSource() {
    assertSame(toEvent.sourceId(7), toEvent.sourceId(7));
    assertEquals("aeron:8", toEvent.sourceId(8));
  }

  @Test
  void shouldRefuseTypedAccessAndEventsForARejectedOrDifferentFrame() {
    assertAccepted(frames.trade());
    assertThrows(IllegalStateException.class, decoder::quote);
    assertThrows(IllegalStateException.class, decoder::order);
    assertThrows(IllegalStateException.class, decoder::execution);
    assertThrows(IllegalStateException.class, decoder::bookUpdate);

    decoder.validate(frames.buffer, 0, 3);
    assertNull(decoder.messageType());
    assertThrows(IllegalStateException.class, decoder::trade);
    assertThrows(IllegalStateException.class, decoder::header);
    assertThrows(IllegalStateException.class, () -> toEvent.toEvent(decoder));
    assertInstanceOf(String.class, decoder.lastDetail());
  }

  private static String ascii(byte[] bytes, int offset, int width) {
    int n = 0;
    while (n < width && bytes[offset + n] != 0) {
      n++;
    }
    for (int i = n; i < width; i++) {
      assertEquals(0, bytes[offset + i], "padding");
    }
    return new String(bytes, offset, n, StandardCharsets.US_ASCII);
  }
}

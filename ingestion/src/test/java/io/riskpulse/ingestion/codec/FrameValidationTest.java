package io.riskpulse.ingestion.codec;

import static io.riskpulse.ingestion.event.IngestRejection.CROSSED_BOOK;
import static io.riskpulse.ingestion.event.IngestRejection.LENGTH_MISMATCH;
import static io.riskpulse.ingestion.event.IngestRejection.MALFORMED_FIELD;
import static io.riskpulse.ingestion.event.IngestRejection.NON_POSITIVE_PRICE;
import static io.riskpulse.ingestion.event.IngestRejection.NON_POSITIVE_QUANTITY;
import static io.riskpulse.ingestion.event.IngestRejection.NOT_FINITE;
import static io.riskpulse.ingestion.event.IngestRejection.OVERFLOW;
import static io.riskpulse.ingestion.event.IngestRejection.TRUNCATED;
import static io.riskpulse.ingestion.event.IngestRejection.UNKNOWN_ENUM_VALUE;
import static io.riskpulse.ingestion.event.IngestRejection.UNKNOWN_MESSAGE_TYPE;
import static io.riskpulse.ingestion.event.IngestRejection.UNSUPPORTED_VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.ingestion.codec.Frames.Frame;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.model.orderflow.OrderAction;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every wire-level rule of docs/WIRE_FORMAT.md, each broken on its own, rejected with its specific reason. */
class FrameValidationTest {

  private static final double MAX = WireFormat.MAX_NOTIONAL;

  private final FrameDecoder decoder = new FrameDecoder();

  static Stream<Arguments> brokenFrames() {
    return Stream.of(
        // bounds and header
        broken("empty frame", TRUNCATED, "header needs 32 bytes, got 0", f -> frame(f.trade()).withLength(0)),
        broken("31 bytes", TRUNCATED, "header needs 32 bytes, got 31", f -> frame(f.trade()).withLength(31)),
        broken("trade cut after its header", TRUNCATED, "TRADE needs 80 bytes, got 32",
            f -> frame(f.trade()).withLength(32)),
        broken("execution one byte short", TRUNCATED, "EXECUTION needs 192 bytes, got 191",
            f -> frame(f.execution()).withLength(191)),
        broken("length past the buffer's end", TRUNCATED, "outside the buffer of 1024 bytes",
            f -> new Frame(f.buffer, 1000, 80)),
        broken("negative offset", TRUNCATED, "outside the buffer", f -> new Frame(f.buffer, -1, 80)),
        broken("negative length", TRUNCATED, "outside the buffer", f -> new Frame(f.buffer, 0, -80)),
        broken("no buffer", TRUNCATED, "no buffer", f -> new Frame(null, 0, 80)),
        broken("schema version 0", UNSUPPORTED_VERSION, "schemaVersion 0",
            f -> header(f.trade(), e -> e.schemaVersion(0))),
        broken("schema version 2", UNSUPPORTED_VERSION, "schemaVersion 2",
            f -> header(f.execution(), e -> e.schemaVersion(2))),
        broken("schema version 65535", UNSUPPORTED_VERSION, "schemaVersion 65535",
            f -> header(f.quote(), e -> e.schemaVersion(0xFFFF))),
        broken("template id 0", UNKNOWN_MESSAGE_TYPE, "templateId 0 is unknown",
            f -> header(f.trade(), e -> e.templateId(0))),
        broken("template id 4", UNKNOWN_MESSAGE_TYPE, "templateId 4", f -> header(f.book(), e -> e.templateId(4))),
        broken("template id 16", UNKNOWN_MESSAGE_TYPE, "templateId 16",
            f -> header(f.execution(), e -> e.templateId(16))),
        broken("template id 65535", UNKNOWN_MESSAGE_TYPE, "templateId 65535",
            f -> header(f.trade(), e -> e.templateId(0xFFFF))),
        broken("frame length larger than the type", LENGTH_MISMATCH, "frameLength 81 differs from the type's",
            f -> header(f.trade(), e -> e.frameLength(81))),
        broken("frame length zero", LENGTH_MISMATCH, "frameLength 0", f -> header(f.quote(), e -> e.frameLength(0))),
        broken("frame length negative", LENGTH_MISMATCH, "frameLength -1",
            f -> header(f.quote(), e -> e.frameLength(-1))),
        broken("frame and bytes received both too long", LENGTH_MISMATCH, "frameLength 88",
            f -> header(f.trade(), e -> e.frameLength(88)).withLength(88)),
        broken("trailing bytes after the frame", LENGTH_MISMATCH, "differs from the 96 bytes received",
            f -> frame(f.trade()).withLength(96)),
        broken("negative source id", MALFORMED_FIELD, "sourceId is -1",
            f -> header(f.trade(), e -> e.sourceId(-1))),
        broken("sequence zero", MALFORMED_FIELD, "sequence is 0, must be at least 1",
            f -> header(f.order(OrderAction.NEW), e -> e.sequence(0))),
        broken("negative sequence", MALFORMED_FIELD, "sequence is " + Long.MIN_VALUE,
            f -> header(f.execution(), e -> e.sequence(Long.MIN_VALUE))),
        broken("negative send time", MALFORMED_FIELD, "sendTimeNanos is -1",
            f -> header(f.quote(), e -> e.sendTimeNanos(-1))),
        broken("negative event time", MALFORMED_FIELD, "eventTimeNanos is -5",
            f -> frame(f.book().eventTimeNanos(-5))),
        // text fields
        broken("empty symbol", MALFORMED_FIELD, "TRADE: symbol is empty", f -> frame(f.trade().symbol(""))),
        broken("symbol with a space", MALFORMED_FIELD, "symbol has byte 0x20 at position 2",
            f -> frame(f.quote().symbol("BR K"))),
        broken("symbol with a control character", MALFORMED_FIELD, "byte 0x1 at position 0",
            f -> frame(f.book().symbol("\u0001X"))),
        broken("symbol with DEL", MALFORMED_FIELD, "byte 0x7f", f -> frame(f.trade().symbol("AB\u007f"))),
        broken("symbol with a non-ASCII byte", MALFORMED_FIELD, "byte 0x80 at position 1",
            f -> poke(f.trade(), TradeDecoder.SYMBOL_OFFSET + 1, 0x80)),
        broken("text after the zero padding", MALFORMED_FIELD, "symbol has byte 0x43 at position 3",
            f -> poke(f.trade().symbol("AB"), TradeDecoder.SYMBOL_OFFSET + 3, 'C')),
        broken("symbol starting with a zero byte", MALFORMED_FIELD, "symbol has byte 0x41 at position 1",
            f -> poke(f.trade(), TradeDecoder.SYMBOL_OFFSET, 0)),
        broken("garbage in the last padding byte", MALFORMED_FIELD, "position 31",
            f -> poke(f.execution(), ExecutionDecoder.EXECUTION_ID_OFFSET + 31, 'z')),
        broken("order without portfolio", MALFORMED_FIELD, "NEW_ORDER: portfolioId is empty",
            f -> frame(f.order(OrderAction.NEW).portfolioId(""))),
        broken("order with malformed optional strategy", MALFORMED_FIELD, "strategy has byte 0x9",
            f -> frame(f.order(OrderAction.NEW).strategy("mean\treversion"))),
        broken("order without order id", MALFORMED_FIELD, "orderId is empty",
            f -> frame(f.order(OrderAction.CANCEL).orderId(""))),
        broken("new order with an original id", MALFORMED_FIELD, "origOrderId must be empty",
            f -> frame(f.order(OrderAction.NEW).origOrderId("ORD-0"))),
        broken("replace without original id", MALFORMED_FIELD, "REPLACE_ORDER: origOrderId is empty",
            f -> frame(f.order(OrderAction.REPLACE).origOrderId(""))),
        broken("cancel without original id", MALFORMED_FIELD, "CANCEL_ORDER: origOrderId is empty",
            f -> frame(f.order(OrderAction.CANCEL).origOrderId(null))),
        broken("reject with malformed original id", MALFORMED_FIELD, "origOrderId has byte 0x20",
            f -> frame(f.order(OrderAction.REJECT).origOrderId("ORD 1"))),
        broken("order without symbol", MALFORMED_FIELD, "REJECT: symbol is empty",
            f -> frame(f.order(OrderAction.REJECT).symbol(""))),
        broken("execution without id", MALFORMED_FIELD, "EXECUTION: executionId is empty",
            f -> frame(f.execution().executionId(""))),
        broken("execution without portfolio", MALFORMED_FIELD, "portfolioId is empty",
            f -> frame(f.execution().portfolioId(""))),
        broken("execution with malformed optional order id", MALFORMED_FIELD, "orderId has byte 0x7e",
            f -> poke(f.execution().orderId("A"), ExecutionDecoder.ORDER_ID_OFFSET + 2, '~')),
        broken("execution without symbol", MALFORMED_FIELD, "symbol is empty", f -> frame(f.execution().symbol(""))),
        // book structure
        broken("six bid levels", MALFORMED_FIELD, "bidLevelCount is 6, at most 5",
            f -> frame(f.book().bidLevelCount(6))),
        broken("255 ask levels", MALFORMED_FIELD, "askLevelCount is 255", f -> frame(f.book().askLevelCount(255))),
        broken("bid level beyond the count", MALFORMED_FIELD, "bid[2] is beyond the level count",
            f -> frame(f.book().bidLevelCount(2))),
        broken("negative zero in an unused ask level", MALFORMED_FIELD, "ask[4]",
            f -> frame(f.book().ask(4, -0.0, 0).askLevelCount(2))),
        // enumerations
        broken("trade aggressor side 3", UNKNOWN_ENUM_VALUE, "aggressorSide code 3 is unknown",
            f -> frame(f.trade().aggressorSideCode(3))),
        broken("order side 0", UNKNOWN_ENUM_VALUE, "NEW_ORDER: side code 0",
            f -> frame(f.order(OrderAction.NEW).sideCode(0))),
        broken("order side 3", UNKNOWN_ENUM_VALUE, "side code 3", f -> frame(f.order(OrderAction.CANCEL).sideCode(3))),
        broken("order side 255", UNKNOWN_ENUM_VALUE, "side code 255",
            f -> frame(f.order(OrderAction.REPLACE).sideCode(255))),
        broken("execution side 0", UNKNOWN_ENUM_VALUE, "EXECUTION: side code 0",
            f -> frame(f.execution().sideCode(0))),
        // not finite
        broken("trade price NaN", NOT_FINITE, "price is NaN", f -> frame(f.trade().price(Double.NaN))),
        broken("trade price infinite", NOT_FINITE, "price is Infinity",
            f -> frame(f.trade().price(Double.POSITIVE_INFINITY))),
        broken("trade quantity -infinite", NOT_FINITE, "quantity is -Infinity",
            f -> frame(f.trade().quantity(Double.NEGATIVE_INFINITY))),
        broken("quote bid NaN with a quantity", NOT_FINITE, "bidPrice is NaN",
            f -> frame(f.quote().bid(Double.NaN, 5))),
        broken("quote ask quantity NaN", NOT_FINITE, "askQuantity is NaN",
            f -> frame(f.quote().ask(100, Double.NaN))),
        broken("quote with neither side", NOT_FINITE, "neither bid nor ask", f -> frame(f.quote().noBid().noAsk())),
        broken("book level price NaN", NOT_FINITE, "bidPrice[1] is NaN", f -> frame(f.book().bid(1, Double.NaN, 3))),
        broken("book level quantity infinite", NOT_FINITE, "askQuantity[0] is Infinity",
            f -> frame(f.book().ask(0, 5000.5, Double.POSITIVE_INFINITY))),
        broken("order price NaN", NOT_FINITE, "price is NaN", f -> frame(f.order(OrderAction.NEW).price(Double.NaN))),
        broken("cancel quantity infinite", NOT_FINITE, "quantity is Infinity",
            f -> frame(f.order(OrderAction.CANCEL).quantity(Double.POSITIVE_INFINITY))),
        broken("execution price NaN", NOT_FINITE, "price is NaN", f -> frame(f.execution().price(Double.NaN))),
        broken("execution quantity NaN", NOT_FINITE, "quantity is NaN",
            f -> frame(f.execution().quantity(Double.NaN))),
        // non-positive price
        broken("trade price zero", NON_POSITIVE_PRICE, "price must be > 0, was 0.0",
            f -> frame(f.trade().price(0))),
        broken("trade price negative zero", NON_POSITIVE_PRICE, "was -0.0", f -> frame(f.trade().price(-0.0))),
        broken("trade price negative", NON_POSITIVE_PRICE, "was -37.63", f -> frame(f.trade().price(-37.63))),
        broken("quote bid price zero", NON_POSITIVE_PRICE, "bidPrice must be > 0", f -> frame(f.quote().bid(0, 5))),
        broken("quote ask price negative", NON_POSITIVE_PRICE, "askPrice", f -> frame(f.quote().ask(-1, 5))),
        broken("book ask price zero", NON_POSITIVE_PRICE, "askPrice[0]", f -> frame(f.book().ask(0, 0, 5))),
        broken("order price negative", NON_POSITIVE_PRICE, "price must be >= 0, was -0.01",
            f -> frame(f.order(OrderAction.REPLACE).price(-0.01))),
        broken("execution price zero", NON_POSITIVE_PRICE, "price must be > 0", f -> frame(f.execution().price(0))),
        // non-positive quantity
        broken("trade quantity zero", NON_POSITIVE_QUANTITY, "quantity must be > 0",
            f -> frame(f.trade().quantity(0))),
        broken("quote bid with price and zero quantity", NON_POSITIVE_QUANTITY, "bidQuantity must be > 0",
            f -> frame(f.quote().bid(100, 0))),
        broken("book bid quantity negative", NON_POSITIVE_QUANTITY, "bidQuantity[2]",
            f -> frame(f.book().bid(2, 4999.75, -1))),
        broken("new order quantity zero", NON_POSITIVE_QUANTITY, "NEW_ORDER: quantity must be > 0",
            f -> frame(f.order(OrderAction.NEW).quantity(0))),
        broken("replace quantity zero", NON_POSITIVE_QUANTITY, "quantity must be > 0",
            f -> frame(f.order(OrderAction.REPLACE).quantity(0))),
        broken("cancel quantity negative", NON_POSITIVE_QUANTITY, "quantity must be >= 0",
            f -> frame(f.order(OrderAction.CANCEL).quantity(-1))),
        broken("reject quantity negative", NON_POSITIVE_QUANTITY, "quantity must be >= 0",
            f -> frame(f.order(OrderAction.REJECT).quantity(-100))),
        broken("execution quantity zero", NON_POSITIVE_QUANTITY, "quantity must be > 0",
            f -> frame(f.execution().quantity(0))),
        broken("execution quantity negative", NON_POSITIVE_QUANTITY, "was -50.0",
            f -> frame(f.execution().quantity(-50))),
        // overflow
        broken("trade notional at the limit", OVERFLOW, "trade price 1.0E8",
            f -> frame(f.trade().price(1e8).quantity(1e7))),
        broken("trade price at the limit with a tiny quantity", OVERFLOW, "is not below 1.0E15",
            f -> frame(f.trade().price(MAX).quantity(Double.MIN_VALUE))),
        broken("execution price of Double.MAX_VALUE", OVERFLOW, "execution price",
            f -> frame(f.execution().price(Double.MAX_VALUE).quantity(1))),
        broken("quote ask notional", OVERFLOW, "ask price 1.0E10", f -> frame(f.quote().ask(1e10, 1e6))),
        broken("book level notional", OVERFLOW, "bid[0] price", f -> frame(f.book().bid(0, 6000, MAX))),
        broken("market order quantity at the limit", OVERFLOW, "order price 0.0",
            f -> frame(f.order(OrderAction.NEW).price(0).quantity(MAX))),
        // crossed
        broken("quote bid above ask", CROSSED_BOOK, "bid 101.0 is above ask 100.0",
            f -> frame(f.quote().bid(101, 1).ask(100, 1))),
        broken("book best bid above best ask", CROSSED_BOOK, "bid 5000.75 is above ask 5000.5",
            f -> frame(f.book().bid(0, 5000.75, 1).bid(1, 5000.5, 1).bid(2, 5000.25, 1))),
        broken("book bids not decreasing", CROSSED_BOOK, "bid[2] price 5000.1 is not below the previous level's 5000.0",
            f -> frame(f.book().bid(2, 5000.1, 1))),
        broken("book bid levels equal", CROSSED_BOOK, "bid[1]", f -> frame(f.book().bid(1, 5000.25, 1))),
        broken("book asks not increasing", CROSSED_BOOK, "ask[1] price 5000.5 is not above",
            f -> frame(f.book().ask(1, 5000.5, 1))));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("brokenFrames")
  void shouldRejectEachBrokenRuleWithItsReason(String name, IngestRejection expected, String detail,
      Function<Frames, Frame> build) {
    Frame frame = build.apply(new Frames());

    IngestRejection rejection = decoder.validate(frame.buffer(), frame.offset(), frame.length());

    assertEquals(expected, rejection, decoder::lastDetail);
    assertEquals(expected, decoder.lastRejection());
    assertNull(decoder.messageType());
    assertTrue(decoder.lastDetail().contains(detail), () -> "detail was: " + decoder.lastDetail());
  }

  @Test
  void shouldCoverEveryWireLevelRejectionReason() {
    Set<IngestRejection> covered = EnumSet.noneOf(IngestRejection.class);
    brokenFrames().forEach(arguments -> covered.add((IngestRejection) arguments.get()[1]));

    assertEquals(EnumSet.of(TRUNCATED, UNKNOWN_MESSAGE_TYPE, UNSUPPORTED_VERSION, LENGTH_MISMATCH, MALFORMED_FIELD,
        UNKNOWN_ENUM_VALUE, NOT_FINITE, NON_POSITIVE_PRICE, NON_POSITIVE_QUANTITY, OVERFLOW, CROSSED_BOOK), covered);
  }

  @Test
  void shouldReportSourceAndSequenceOfARejectedFrameThatHasAHeader() {
    Frames frames = new Frames();
    Frame frame = frame(frames.execution().quantity(0));

    decoder.validate(frame.buffer(), frame.offset(), frame.length());
    assertTrue(decoder.hasHeader());
    assertEquals(Frames.SOURCE_ID, decoder.lastSourceId());
    assertEquals(Frames.SEQUENCE, decoder.lastSequence());

    decoder.validate(frame.buffer(), frame.offset(), 20);
    assertFalse(decoder.hasHeader());
    assertEquals(-1, decoder.lastSourceId());
    assertEquals(-1, decoder.lastSequence());
  }

  @Test
  void shouldForgetThePreviousRejectionWhenTheNextFrameIsValid() {
    Frames frames = new Frames();
    Frame bad = frame(frames.trade().price(-1));
    assertEquals(NON_POSITIVE_PRICE, decoder.validate(bad.buffer(), bad.offset(), bad.length()));

    Frame good = frame(frames.trade());
    assertNull(decoder.validate(good.buffer(), good.offset(), good.length()));
    assertNull(decoder.lastRejection());
    assertNull(decoder.lastDetail());
    assertEquals(MessageType.TRADE, decoder.messageType());
  }

  @Test
  void shouldIgnoreFlagsAndPaddingAsReservedForLaterVersions() {
    OrderEncoder order = new Frames().order(OrderAction.NEW);
    order.header().flags(0xFFFF_FFFF);
    Frame frame = poke(order, OrderDecoder.SIDE_OFFSET + 3, 0x7F);

    assertNull(decoder.validate(frame.buffer(), frame.offset(), frame.length()), decoder::lastDetail);
  }

  private static Arguments broken(String name, IngestRejection expected, String detail,
      Function<Frames, Frame> build) {
    return Arguments.of(name, expected, detail, build);
  }

  private static Frame frame(MessageEncoder encoder) {
    return Frame.of(encoder);
  }

  private static Frame header(MessageEncoder encoder, Function<MessageHeaderEncoder, MessageHeaderEncoder> edit) {
    edit.apply(encoder.header());
    return Frame.of(encoder);
  }

  private static Frame poke(MessageEncoder encoder, int fieldOffset, int value) {
    encoder.buffer().putByte(encoder.offset() + fieldOffset, (byte) value);
    return Frame.of(encoder);
  }
}

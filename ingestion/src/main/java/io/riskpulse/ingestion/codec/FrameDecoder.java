package io.riskpulse.ingestion.codec;

import static io.riskpulse.ingestion.codec.WireFormat.BYTE_ORDER;
import static io.riskpulse.ingestion.codec.WireFormat.MAX_NOTIONAL;

import io.riskpulse.ingestion.event.IngestRejection;
import org.agrona.DirectBuffer;

/**
 * The receiving edge of the wire format: checks one frame against every wire-level rule of
 * {@code docs/WIRE_FORMAT.md} and then exposes it through the typed flyweights.
 *
 * <pre>{@code
 * IngestRejection rejection = decoder.validate(buffer, offset, length);
 * if (rejection != null) {
 *   sink.reject("aeron:" + decoder.lastSourceId(), decoder.lastSequence(), rejection, decoder.lastDetail());
 * } else if (decoder.messageType() == MessageType.TRADE) {
 *   TradeDecoder trade = decoder.trade();   // read fields on demand
 * }
 * }</pre>
 *
 * <p>{@link #validate} returns a result code instead of throwing: bad input is expected on a feed, and must
 * cost neither a stack trace nor garbage. It never throws for any bytes, offset or length, and allocates
 * nothing, for valid and rejected frames alike; {@link #lastDetail()} formats the human-readable reason
 * (allocating) only when asked. Rules are checked in a fixed order (bounds, header, then the body in field
 * order) and the first failure is reported.
 *
 * <p>Not thread-safe: the decoder and the flyweights it hands out are reused for every frame, which is what
 * makes decoding allocation-free. Use one per polling thread; a flyweight is valid until the next
 * {@code validate} call or until the transport reuses the buffer (for Aeron: until the fragment handler
 * returns).
 */
public final class FrameDecoder {

  private static final int NO_INDEX = -1;

  private static final int K_BOUNDS = 1;
  private static final int K_TOO_SHORT = 2;
  private static final int K_VERSION = 3;
  private static final int K_TEMPLATE = 4;
  private static final int K_FRAME_LENGTH_TYPE = 5;
  private static final int K_FRAME_LENGTH_RECEIVED = 6;
  private static final int K_BELOW_MIN = 7;
  private static final int K_TEXT_EMPTY = 8;
  private static final int K_TEXT_BYTE = 9;
  private static final int K_TEXT_PRESENT = 10;
  private static final int K_LEVEL_COUNT = 11;
  private static final int K_UNUSED_LEVEL = 12;
  private static final int K_ENUM = 13;
  private static final int K_NOT_FINITE = 14;
  private static final int K_NON_POSITIVE = 15;
  private static final int K_OVERFLOW = 16;
  private static final int K_NO_SIDE = 17;
  private static final int K_CROSSED = 18;
  private static final int K_NOT_MONOTONIC = 19;

  private final MessageHeader header = new MessageHeader();
  private final TradeDecoder trade = new TradeDecoder();
  private final QuoteDecoder quote = new QuoteDecoder();
  private final BookUpdateDecoder bookUpdate = new BookUpdateDecoder();
  private final OrderDecoder order = new OrderDecoder();
  private final ExecutionDecoder execution = new ExecutionDecoder();

  private DirectBuffer buffer;
  private int offset;
  private boolean headerComplete;
  private MessageType type;
  private MessageType frameType;
  private IngestRejection rejection;

  private int detailKind;
  private String detailField;
  private int detailIndex;
  private long detailA;
  private long detailB;
  private double detailX;
  private double detailY;

  /**
   * Checks the frame of {@code length} bytes at {@code offset}.
   *
   * @return {@code null} when the frame is well-formed and valid at the wire level (then
   *     {@link #messageType()} and the typed accessors describe it), else the reason it must be refused
   */
  public IngestRejection validate(DirectBuffer buffer, int offset, int length) {
    this.buffer = buffer;
    this.offset = offset;
    this.headerComplete = false;
    this.type = null;
    this.frameType = null;
    this.rejection = null;

    if (buffer == null || offset < 0 || length < 0 || offset > buffer.capacity() - length) {
      return reject(IngestRejection.TRUNCATED, K_BOUNDS, null, NO_INDEX, offset, length,
          buffer == null ? -1 : buffer.capacity(), 0);
    }
    if (length < MessageHeader.LENGTH) {
      return reject(IngestRejection.TRUNCATED, K_TOO_SHORT, "header", NO_INDEX, length, MessageHeader.LENGTH);
    }
    header.wrap(buffer, offset, length);
    headerComplete = true;
    int version = header.schemaVersion();
    if (version != WireFormat.SCHEMA_VERSION) {
      return reject(IngestRejection.UNSUPPORTED_VERSION, K_VERSION, "schemaVersion", NO_INDEX, version,
          WireFormat.SCHEMA_VERSION);
    }
    int templateId = header.templateId();
    MessageType t = MessageType.fromTemplateId(templateId);
    if (t == null) {
      return reject(IngestRejection.UNKNOWN_MESSAGE_TYPE, K_TEMPLATE, "templateId", NO_INDEX, templateId, 0);
    }
    frameType = t;
    int needed = t.frameLength();
    if (length < needed) {
      return reject(IngestRejection.TRUNCATED, K_TOO_SHORT, t.name(), NO_INDEX, length, needed);
    }
    int frameLength = header.frameLength();
    if (frameLength != needed) {
      return reject(IngestRejection.LENGTH_MISMATCH, K_FRAME_LENGTH_TYPE, "frameLength", NO_INDEX, frameLength,
          needed);
    }
    if (length != frameLength) {
      return reject(IngestRejection.LENGTH_MISMATCH, K_FRAME_LENGTH_RECEIVED, "frameLength", NO_INDEX,
          frameLength, length);
    }
    IngestRejection r = atLeast("sourceId", header.sourceId(), 0);
    if (r == null) {
      r = atLeast("sequence", header.sequence(), 1);
    }
    if (r == null) {
      r = atLeast("sendTimeNanos", header.sendTimeNanos(), 0);
    }
    if (r == null) {
      r = atLeast("eventTimeNanos", getLong(MessageDecoder.EVENT_TIME_NANOS_OFFSET), 0);
    }
    if (r == null) {
      switch (t) {
        case TRADE:
          r = validateTrade();
          break;
        case QUOTE:
          r = validateQuote();
          break;
        case BOOK_UPDATE:
          r = validateBookUpdate();
          break;
        case EXECUTION:
          r = validateExecution();
          break;
        default:
          r = validateOrder(t);
      }
    }
    if (r == null) {
      type = t;
    }
    return r;
  }

  /** Type of the frame last accepted by {@link #validate}; {@code null} if it was rejected. */
  public MessageType messageType() {
    return type;
  }

  /** The reason of the last rejection, {@code null} if the last frame was accepted. */
  public IngestRejection lastRejection() {
    return rejection;
  }

  /** True when the last frame had a complete 32-byte header, so {@link #header()} may be read. */
  public boolean hasHeader() {
    return headerComplete;
  }

  /**
   * The header of the last frame.
   *
   * @throws IllegalStateException when the last frame was shorter than a header
   */
  public MessageHeader header() {
    if (!headerComplete) {
      throw new IllegalStateException("the last frame has no complete header");
    }
    return header;
  }

  /** Source id from the last frame's header as written, or -1 without a complete header; for rejections. */
  public int lastSourceId() {
    return headerComplete ? header.sourceId() : -1;
  }

  /** Sequence from the last frame's header as written, or -1 without a complete header; for rejections. */
  public long lastSequence() {
    return headerComplete ? header.sequence() : -1;
  }

  /** The last accepted frame as a trade; throws {@link IllegalStateException} if it is not one. */
  public TradeDecoder trade() {
    expect(MessageType.TRADE);
    return trade.wrap(buffer, offset);
  }

  /** The last accepted frame as a quote; throws {@link IllegalStateException} if it is not one. */
  public QuoteDecoder quote() {
    expect(MessageType.QUOTE);
    return quote.wrap(buffer, offset);
  }

  /** The last accepted frame as a book update; throws {@link IllegalStateException} if it is not one. */
  public BookUpdateDecoder bookUpdate() {
    expect(MessageType.BOOK_UPDATE);
    return bookUpdate.wrap(buffer, offset);
  }

  /**
   * The last accepted frame as an order-flow message (new, replace, cancel, reject); throws
   * {@link IllegalStateException} if it is not one.
   */
  public OrderDecoder order() {
    if (type == null || type.orderAction() == null) {
      throw new IllegalStateException("the last accepted frame is not an order: " + type);
    }
    return order.wrap(buffer, offset);
  }

  /** The last accepted frame as an execution; throws {@link IllegalStateException} if it is not one. */
  public ExecutionDecoder execution() {
    expect(MessageType.EXECUTION);
    return execution.wrap(buffer, offset);
  }

  /**
   * Why the last frame was rejected, for the quarantine record and logs; {@code null} if it was accepted.
   * Allocates: call it on the rejection path only.
   */
  public String lastDetail() {
    if (rejection == null) {
      return null;
    }
    String field = detailIndex == NO_INDEX || detailField == null
        ? detailField
        : detailField + "[" + detailIndex + "]";
    String where = frameType == null ? "" : frameType.name() + ": ";
    switch (detailKind) {
      case K_BOUNDS:
        return detailX < 0
            ? "no buffer"
            : "offset " + detailA + " and length " + detailB + " are outside the buffer of " + (long) detailX
                + " bytes";
      case K_TOO_SHORT:
        return detailField + " needs " + detailB + " bytes, got " + detailA;
      case K_VERSION:
        return "schemaVersion " + detailA + " is not supported (this reader accepts " + detailB + ")";
      case K_TEMPLATE:
        return "templateId " + detailA + " is unknown";
      case K_FRAME_LENGTH_TYPE:
        return where + "frameLength " + detailA + " differs from the type's length " + detailB;
      case K_FRAME_LENGTH_RECEIVED:
        return where + "frameLength " + detailA + " differs from the " + detailB + " bytes received";
      case K_BELOW_MIN:
        return where + field + " is " + detailA + ", must be at least " + detailB;
      case K_TEXT_EMPTY:
        return where + field + " is empty";
      case K_TEXT_BYTE:
        return where + field + " has byte 0x" + Integer.toHexString((int) detailB) + " at position " + detailA
            + " (text must be ASCII 0x21..0x7e followed only by zero bytes)";
      case K_TEXT_PRESENT:
        return where + field + " must be empty";
      case K_LEVEL_COUNT:
        return where + field + " is " + detailA + ", at most " + detailB;
      case K_UNUSED_LEVEL:
        return where + field + " is beyond the level count but not all zero bytes";
      case K_ENUM:
        return where + field + " code " + detailA + " is unknown";
      case K_NOT_FINITE:
        return where + field + " is " + detailX;
      case K_NON_POSITIVE:
        return where + field + " must be " + (detailA == 0 ? "> 0" : ">= 0") + ", was " + detailX;
      case K_OVERFLOW:
        return where + field + " price " + detailX + " × quantity " + detailY + " is not below " + MAX_NOTIONAL;
      case K_NO_SIDE:
        return where + "neither bid nor ask (an empty side is price NaN with quantity 0)";
      case K_CROSSED:
        return where + "bid " + detailX + " is above ask " + detailY;
      case K_NOT_MONOTONIC:
        return where + field + " price " + detailX + " is not " + (detailA == 1 ? "below" : "above")
            + " the previous level's " + detailY;
      default:
        return rejection.name();
    }
  }

  private IngestRejection validateTrade() {
    IngestRejection r = text("symbol", TradeDecoder.SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH, true);
    if (r != null) {
      return r;
    }
    r = amounts("trade", getDouble(TradeDecoder.PRICE_OFFSET), getDouble(TradeDecoder.QUANTITY_OFFSET), false,
        false);
    if (r == null) {
      r = side("aggressorSide", buffer.getByte(offset + TradeDecoder.AGGRESSOR_SIDE_OFFSET) & 0xFF, true);
    }
    return r;
  }

  private IngestRejection validateQuote() {
    IngestRejection r = text("symbol", QuoteDecoder.SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH, true);
    if (r != null) {
      return r;
    }
    double bidPrice = getDouble(QuoteDecoder.BID_PRICE_OFFSET);
    double bidQuantity = getDouble(QuoteDecoder.BID_QUANTITY_OFFSET);
    double askPrice = getDouble(QuoteDecoder.ASK_PRICE_OFFSET);
    double askQuantity = getDouble(QuoteDecoder.ASK_QUANTITY_OFFSET);
    boolean noBid = Double.isNaN(bidPrice) && bidQuantity == 0;
    boolean noAsk = Double.isNaN(askPrice) && askQuantity == 0;
    if (!noBid) {
      r = side("bidPrice", "bidQuantity", "bid", NO_INDEX, bidPrice, bidQuantity);
      if (r != null) {
        return r;
      }
    }
    if (!noAsk) {
      r = side("askPrice", "askQuantity", "ask", NO_INDEX, askPrice, askQuantity);
      if (r != null) {
        return r;
      }
    }
    if (noBid && noAsk) {
      return reject(IngestRejection.NOT_FINITE, K_NO_SIDE, null, NO_INDEX, 0, 0);
    }
    if (!noBid && !noAsk && bidPrice > askPrice) {
      return reject(IngestRejection.CROSSED_BOOK, K_CROSSED, null, NO_INDEX, 0, 0, bidPrice, askPrice);
    }
    return null;
  }

  private IngestRejection validateBookUpdate() {
    IngestRejection r = text("symbol", BookUpdateDecoder.SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH, true);
    if (r != null) {
      return r;
    }
    int bidCount = buffer.getByte(offset + BookUpdateDecoder.BID_LEVEL_COUNT_OFFSET) & 0xFF;
    if (bidCount > WireFormat.BOOK_DEPTH) {
      return reject(IngestRejection.MALFORMED_FIELD, K_LEVEL_COUNT, "bidLevelCount", NO_INDEX, bidCount,
          WireFormat.BOOK_DEPTH);
    }
    int askCount = buffer.getByte(offset + BookUpdateDecoder.ASK_LEVEL_COUNT_OFFSET) & 0xFF;
    if (askCount > WireFormat.BOOK_DEPTH) {
      return reject(IngestRejection.MALFORMED_FIELD, K_LEVEL_COUNT, "askLevelCount", NO_INDEX, askCount,
          WireFormat.BOOK_DEPTH);
    }
    r = levels(BookUpdateDecoder.BID_LEVELS_OFFSET, bidCount, true);
    if (r == null) {
      r = levels(BookUpdateDecoder.ASK_LEVELS_OFFSET, askCount, false);
    }
    if (r == null && bidCount > 0 && askCount > 0) {
      double bestBid = getDouble(BookUpdateDecoder.BID_LEVELS_OFFSET);
      double bestAsk = getDouble(BookUpdateDecoder.ASK_LEVELS_OFFSET);
      if (bestBid > bestAsk) {
        r = reject(IngestRejection.CROSSED_BOOK, K_CROSSED, null, NO_INDEX, 0, 0, bestBid, bestAsk);
      }
    }
    return r;
  }

  private IngestRejection levels(int levelsOffset, int count, boolean bids) {
    String priceField = bids ? "bidPrice" : "askPrice";
    String quantityField = bids ? "bidQuantity" : "askQuantity";
    String levelField = bids ? "bid" : "ask";
    double previous = Double.NaN;
    for (int level = 0; level < WireFormat.BOOK_DEPTH; level++) {
      int at = levelsOffset + level * BookUpdateDecoder.LEVEL_LENGTH;
      int quantityAt = at + BookUpdateDecoder.LEVEL_QUANTITY_OFFSET;
      if (level >= count) {
        if (getLong(at) != 0 || getLong(quantityAt) != 0) {
          return reject(IngestRejection.MALFORMED_FIELD, K_UNUSED_LEVEL, levelField, level, 0, 0);
        }
        continue;
      }
      double price = getDouble(at);
      IngestRejection r = side(priceField, quantityField, levelField, level, price, getDouble(quantityAt));
      if (r != null) {
        return r;
      }
      if (level > 0 && (bids ? !(price < previous) : !(price > previous))) {
        return reject(IngestRejection.CROSSED_BOOK, K_NOT_MONOTONIC, levelField, level, bids ? 1 : 0, 0, price,
            previous);
      }
      previous = price;
    }
    return null;
  }

  private IngestRejection validateOrder(MessageType t) {
    IngestRejection r = portfolioFields();
    if (r == null) {
      r = text("orderId", OrderDecoder.ORDER_ID_OFFSET, WireFormat.ID_LENGTH, true);
    }
    if (r == null) {
      boolean origRequired = t == MessageType.REPLACE_ORDER || t == MessageType.CANCEL_ORDER;
      r = text("origOrderId", OrderDecoder.ORIG_ORDER_ID_OFFSET, WireFormat.ID_LENGTH, origRequired);
      boolean origPresent = buffer.getByte(offset + OrderDecoder.ORIG_ORDER_ID_OFFSET) != 0;
      if (r == null && t == MessageType.NEW_ORDER && origPresent) {
        r = reject(IngestRejection.MALFORMED_FIELD, K_TEXT_PRESENT, "origOrderId", NO_INDEX, 0, 0);
      }
    }
    boolean sized = t == MessageType.NEW_ORDER || t == MessageType.REPLACE_ORDER;
    return r != null ? r : instrumentFields("order", true, !sized);
  }

  private IngestRejection validateExecution() {
    IngestRejection r = portfolioFields();
    if (r == null) {
      r = text("executionId", ExecutionDecoder.EXECUTION_ID_OFFSET, WireFormat.ID_LENGTH, true);
    }
    if (r == null) {
      r = text("orderId", ExecutionDecoder.ORDER_ID_OFFSET, WireFormat.ID_LENGTH, false);
    }
    return r != null ? r : instrumentFields("execution", false, false);
  }

  /** The fields before the ids of an order or execution ({@link PortfolioMessageDecoder}): portfolioId, strategy. */
  private IngestRejection portfolioFields() {
    IngestRejection r = text("portfolioId", PortfolioMessageDecoder.PORTFOLIO_ID_OFFSET,
        WireFormat.PORTFOLIO_ID_LENGTH, true);
    return r != null
        ? r
        : text("strategy", PortfolioMessageDecoder.STRATEGY_OFFSET, WireFormat.STRATEGY_LENGTH, false);
  }

  /**
   * The fields after the ids of an order or execution ({@link PortfolioMessageDecoder}): symbol, price, quantity,
   * their notional (reported as {@code notionalField}) and side.
   */
  private IngestRejection instrumentFields(String notionalField, boolean zeroPriceAllowed,
      boolean zeroQuantityAllowed) {
    IngestRejection r = text("symbol", PortfolioMessageDecoder.SYMBOL_OFFSET, WireFormat.SYMBOL_LENGTH, true);
    if (r != null) {
      return r;
    }
    r = amounts(notionalField, getDouble(PortfolioMessageDecoder.PRICE_OFFSET),
        getDouble(PortfolioMessageDecoder.QUANTITY_OFFSET), zeroPriceAllowed, zeroQuantityAllowed);
    if (r == null) {
      r = side("side", buffer.getByte(offset + PortfolioMessageDecoder.SIDE_OFFSET) & 0xFF, false);
    }
    return r;
  }

  /** A present book side or level: positive finite price and quantity whose product does not overflow. */
  private IngestRejection side(String priceField, String quantityField, String field, int index, double price,
      double quantity) {
    return amounts(priceField, quantityField, field, index, price, quantity, false, false);
  }

  /** The {@code price} and {@code quantity} fields of a trade, order or execution, and their notional. */
  private IngestRejection amounts(String notionalField, double price, double quantity, boolean zeroPriceAllowed,
      boolean zeroQuantityAllowed) {
    return amounts("price", "quantity", notionalField, NO_INDEX, price, quantity, zeroPriceAllowed,
        zeroQuantityAllowed);
  }

  /** Finite price and quantity, &gt; 0 (or &ge; 0 where allowed), whose product does not overflow. */
  private IngestRejection amounts(String priceField, String quantityField, String field, int index, double price,
      double quantity, boolean zeroPriceAllowed, boolean zeroQuantityAllowed) {
    IngestRejection r = price(priceField, index, price, zeroPriceAllowed);
    if (r == null) {
      r = quantity(quantityField, index, quantity, zeroQuantityAllowed);
    }
    if (r == null) {
      r = notional(field, index, price, quantity);
    }
    return r;
  }

  private IngestRejection text(String field, int fieldOffset, int width, boolean required) {
    int result = AsciiText.check(buffer, offset + fieldOffset, width, required);
    if (result == AsciiText.VALID) {
      return null;
    }
    if (result == AsciiText.EMPTY) {
      return reject(IngestRejection.MALFORMED_FIELD, K_TEXT_EMPTY, field, NO_INDEX, 0, 0);
    }
    return reject(IngestRejection.MALFORMED_FIELD, K_TEXT_BYTE, field, NO_INDEX, result,
        buffer.getByte(offset + fieldOffset + result) & 0xFF);
  }

  private IngestRejection price(String field, int index, double value, boolean zeroAllowed) {
    return number(field, index, value, zeroAllowed, IngestRejection.NON_POSITIVE_PRICE);
  }

  private IngestRejection quantity(String field, int index, double value, boolean zeroAllowed) {
    return number(field, index, value, zeroAllowed, IngestRejection.NON_POSITIVE_QUANTITY);
  }

  private IngestRejection number(String field, int index, double value, boolean zeroAllowed,
      IngestRejection nonPositive) {
    if (!Double.isFinite(value)) {
      return reject(IngestRejection.NOT_FINITE, K_NOT_FINITE, field, index, 0, 0, value, 0);
    }
    if (value < 0 || (value == 0 && !zeroAllowed)) {
      return reject(nonPositive, K_NON_POSITIVE, field, index, zeroAllowed ? 1 : 0, 0, value, 0);
    }
    return null;
  }

  /** Both finite and non-negative here; each and their product must stay below {@code MAX_NOTIONAL}. */
  private IngestRejection notional(String field, int index, double price, double quantity) {
    if (price < MAX_NOTIONAL && quantity < MAX_NOTIONAL && price * quantity < MAX_NOTIONAL) {
      return null;
    }
    return reject(IngestRejection.OVERFLOW, K_OVERFLOW, field, index, 0, 0, price, quantity);
  }

  private IngestRejection side(String field, int code, boolean noneAllowed) {
    if (code == WireFormat.SIDE_BUY || code == WireFormat.SIDE_SELL
        || (noneAllowed && code == WireFormat.SIDE_NONE)) {
      return null;
    }
    return reject(IngestRejection.UNKNOWN_ENUM_VALUE, K_ENUM, field, NO_INDEX, code, 0);
  }

  private IngestRejection atLeast(String field, long value, long min) {
    return value >= min
        ? null
        : reject(IngestRejection.MALFORMED_FIELD, K_BELOW_MIN, field, NO_INDEX, value, min);
  }

  private void expect(MessageType expected) {
    if (type != expected) {
      throw new IllegalStateException("the last accepted frame is not a " + expected + ": " + type);
    }
  }

  private double getDouble(int fieldOffset) {
    return buffer.getDouble(offset + fieldOffset, BYTE_ORDER);
  }

  private long getLong(int fieldOffset) {
    return buffer.getLong(offset + fieldOffset, BYTE_ORDER);
  }

  private IngestRejection reject(IngestRejection reason, int kind, String field, int index, long a, long b) {
    return reject(reason, kind, field, index, a, b, 0, 0);
  }

  private IngestRejection reject(IngestRejection reason, int kind, String field, int index, long a, long b,
      double x, double y) {
    rejection = reason;
    detailKind = kind;
    detailField = field;
    detailIndex = index;
    detailA = a;
    detailB = b;
    detailX = x;
    detailY = y;
    return reason;
  }
}

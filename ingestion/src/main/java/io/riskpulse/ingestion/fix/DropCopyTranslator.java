package io.riskpulse.ingestion.fix;

import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import quickfix.FieldException;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.BusinessRejectReason;
import quickfix.field.MsgType;

/**
 * Maps FIX 4.4 drop-copy application messages to RiskPulse ingest events (the mapping table is in
 * {@code docs/FIX.md}).
 *
 * <ul>
 *   <li>ExecutionReport (35=8) with ExecType (150) = F (Trade; also the FIX 4.2-style 1/2 that QuickFIX/J's
 *       FIX44 dictionary still accepts) → {@link IngestEvent.Fill}.
 *   <li>ExecutionReport with ExecType = 8 (Rejected) → {@link IngestEvent.OrderFlow} with
 *       {@link OrderAction#REJECT}; any other ExecType → {@link Translation.Ignored}.
 *   <li>NewOrderSingle (35=D), OrderCancelRequest (35=F), OrderCancelReplaceRequest (35=G) →
 *       {@link IngestEvent.OrderFlow} with NEW, CANCEL, REPLACE.
 *   <li>Any other application message → {@link Translation.Rejected} {@code UNKNOWN_MESSAGE_TYPE}.
 * </ul>
 *
 * <p>Source id is {@code fix:<SenderCompID>} and sequence is MsgSeqNum (34). The strategy comes from a
 * user-defined tag ({@link #DEFAULT_STRATEGY_TAG} unless configured), {@code ""} when absent. Timestamps are
 * TransactTime (60), UTC, as epoch milliseconds.
 *
 * <p>Content is checked in field order and the first problem wins: missing or blank required fields →
 * {@code MALFORMED_FIELD} (BusinessRejectReason 5), unsupported Side → {@code UNKNOWN_ENUM_VALUE}, NaN or
 * infinite numbers → {@code NOT_FINITE}, zero or negative quantity/price → {@code NON_POSITIVE_QUANTITY} /
 * {@code NON_POSITIVE_PRICE} (the value problems use BusinessRejectReason 0, Other, with the detail as text).
 *
 * <p>Stateless apart from a cache of source ids; thread-safe.
 */
public final class DropCopyTranslator {

  /** User-defined tag carrying the strategy (or algo) id, {@code StrategyID}, unless configured otherwise. */
  public static final int DEFAULT_STRATEGY_TAG = 7001;

  private static final int ACCOUNT = 1;
  private static final int CL_ORD_ID = 11;
  private static final int EXEC_ID = 17;
  private static final int LAST_PX = 31;
  private static final int LAST_QTY = 32;
  private static final int MSG_SEQ_NUM = 34;
  private static final int ORDER_ID = 37;
  private static final int ORDER_QTY = 38;
  private static final int ORD_TYPE = 40;
  private static final int ORIG_CL_ORD_ID = 41;
  private static final int PRICE = 44;
  private static final int SENDER_COMP_ID = 49;
  private static final int SIDE = 54;
  private static final int SYMBOL = 55;
  private static final int TRANSACT_TIME = 60;
  private static final int EXEC_TYPE = 150;

  private final int strategyTag;
  private final Map<String, String> sourceIds = new ConcurrentHashMap<>();

  public DropCopyTranslator() {
    this(DEFAULT_STRATEGY_TAG);
  }

  /** @param strategyTag FIX tag of the strategy id; a user-defined tag (5000-9999) is expected */
  public DropCopyTranslator(int strategyTag) {
    if (strategyTag <= 0) {
      throw new IllegalArgumentException("strategy tag must be positive: " + strategyTag);
    }
    this.strategyTag = strategyTag;
  }

  public int strategyTag() {
    return strategyTag;
  }

  /** Translates one application message; never throws for bad content. */
  public Translation translate(Message message) {
    Message.Header header = message.getHeader();
    String sourceId = sourceId(header.isSetField(SENDER_COMP_ID) ? getOrEmpty(header, SENDER_COMP_ID) : "");
    long sequence = sequence(header);
    String msgType = header.isSetField(MsgType.FIELD) ? getOrEmpty(header, MsgType.FIELD) : "";
    Reader in = new Reader(message, sourceId, sequence);
    switch (msgType) {
      case MsgType.EXECUTION_REPORT:
        return executionReport(in);
      case MsgType.NEW_ORDER_SINGLE:
        return order(in, OrderAction.NEW);
      case MsgType.ORDER_CANCEL_REQUEST:
        return order(in, OrderAction.CANCEL);
      case MsgType.ORDER_CANCEL_REPLACE_REQUEST:
        return order(in, OrderAction.REPLACE);
      default:
        return new Translation.Rejected(sourceId, sequence, IngestRejection.UNKNOWN_MESSAGE_TYPE,
            BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE, "", "MsgType(35)=" + msgType + " is not a drop-copy message");
    }
  }

  private Translation executionReport(Reader in) {
    String execType = in.required(EXEC_TYPE, "ExecType");
    if (in.problem != null) {
      return in.problem;
    }
    switch (execType) {
      case "F":
      case "1":
      case "2":
        return fill(in);
      case "8":
        return orderRejected(in);
      default:
        return new Translation.Ignored(in.sourceId, in.sequence, execType, "ExecType(150)=" + execType);
    }
  }

  private Translation fill(Reader in) {
    String execId = in.required(EXEC_ID, "ExecID");
    in.refId = execId;
    String account = in.required(ACCOUNT, "Account");
    String strategy = in.optional(strategyTag);
    String symbol = in.required(SYMBOL, "Symbol");
    Side side = in.side();
    double quantity = in.positive(LAST_QTY, "LastQty", IngestRejection.NON_POSITIVE_QUANTITY);
    double price = in.positive(LAST_PX, "LastPx", IngestRejection.NON_POSITIVE_PRICE);
    long executedAtMillis = in.timestampMillis(TRANSACT_TIME, "TransactTime");
    if (in.problem != null) {
      return in.problem;
    }
    return new Translation.Accepted(new IngestEvent.Fill(in.sourceId, in.sequence,
        new Execution(execId, account, strategy, symbol, side, quantity, price, executedAtMillis,
            in.optional(CL_ORD_ID))));
  }

  private Translation orderRejected(Reader in) {
    in.refId = in.optional(EXEC_ID);
    String orderId = in.optional(CL_ORD_ID);
    if (orderId.isEmpty()) {
      orderId = in.required(ORDER_ID, "ClOrdID(11) or OrderID(37)");
    }
    String account = in.required(ACCOUNT, "Account");
    String strategy = in.optional(strategyTag);
    String origOrderId = in.optional(ORIG_CL_ORD_ID);
    String symbol = in.required(SYMBOL, "Symbol");
    Side side = in.side();
    double quantity = in.nonNegativeOrZero(ORDER_QTY, "OrderQty", IngestRejection.NON_POSITIVE_QUANTITY);
    double price = in.nonNegativeOrZero(PRICE, "Price", IngestRejection.NON_POSITIVE_PRICE);
    long timestampMillis = in.timestampMillis(TRANSACT_TIME, "TransactTime");
    if (in.problem != null) {
      return in.problem;
    }
    return new Translation.Accepted(new IngestEvent.OrderFlow(in.sourceId, in.sequence, new OrderEvent(
        OrderAction.REJECT, account, strategy, orderId, origOrderId, symbol, side, quantity, price, timestampMillis)));
  }

  private Translation order(Reader in, OrderAction action) {
    String orderId = in.required(CL_ORD_ID, "ClOrdID");
    in.refId = orderId;
    String origOrderId = action == OrderAction.NEW ? "" : in.required(ORIG_CL_ORD_ID, "OrigClOrdID");
    String account = in.required(ACCOUNT, "Account");
    String strategy = in.optional(strategyTag);
    String symbol = in.required(SYMBOL, "Symbol");
    Side side = in.side();
    double quantity;
    double price;
    if (action == OrderAction.CANCEL) {
      quantity = in.nonNegativeOrZero(ORDER_QTY, "OrderQty", IngestRejection.NON_POSITIVE_QUANTITY);
      price = 0.0;
    } else {
      quantity = in.positive(ORDER_QTY, "OrderQty", IngestRejection.NON_POSITIVE_QUANTITY);
      price = in.limitPrice();
    }
    long timestampMillis = in.timestampMillis(TRANSACT_TIME, "TransactTime");
    if (in.problem != null) {
      return in.problem;
    }
    return new Translation.Accepted(new IngestEvent.OrderFlow(in.sourceId, in.sequence, new OrderEvent(
        action, account, strategy, orderId, origOrderId, symbol, side, quantity, price, timestampMillis)));
  }

  private String sourceId(String senderCompId) {
    return sourceIds.computeIfAbsent(senderCompId, id -> "fix:" + id);
  }

  private static long sequence(Message.Header header) {
    if (!header.isSetField(MSG_SEQ_NUM)) {
      return -1;
    }
    try {
      return Long.parseLong(header.getString(MSG_SEQ_NUM));
    } catch (FieldNotFound | NumberFormatException e) {
      return -1;
    }
  }

  private static String getOrEmpty(FieldMap fields, int tag) {
    try {
      return fields.getString(tag);
    } catch (FieldNotFound e) {
      return "";
    }
  }

  private static String describe(String name, int tag) {
    return name.indexOf('(') >= 0 ? name : name + "(" + tag + ")";
  }

  /** Reads fields of one message, remembering the first problem; later reads are no-ops once one is found. */
  private static final class Reader {
    private final Message message;
    private final String sourceId;
    private final long sequence;
    private String refId = "";
    private Translation.Rejected problem;

    Reader(Message message, String sourceId, long sequence) {
      this.message = message;
      this.sourceId = sourceId;
      this.sequence = sequence;
    }

    String optional(int tag) {
      return message.isSetField(tag) ? getOrEmpty(message, tag).trim() : "";
    }

    String required(int tag, String name) {
      if (problem != null) {
        return "";
      }
      String value = optional(tag);
      if (value.isEmpty()) {
        reject(IngestRejection.MALFORMED_FIELD, BusinessRejectReason.CONDITIONALLY_REQUIRED_FIELD_MISSING,
            describe(name, tag) + " is missing");
      }
      return value;
    }

    Side side() {
      String value = required(SIDE, "Side");
      if (problem != null) {
        return Side.BUY;
      }
      switch (value) {
        case "1":
          return Side.BUY;
        case "2":
        case "5":
        case "6":
          return Side.SELL;
        default:
          reject(IngestRejection.UNKNOWN_ENUM_VALUE, BusinessRejectReason.OTHER,
              "Side(54)=" + value + " is not buy (1), sell (2), sell short (5) or sell short exempt (6)");
          return Side.BUY;
      }
    }

    /** A required quantity or price that must be finite and &gt; 0. */
    double positive(int tag, String name, IngestRejection nonPositive) {
      String value = required(tag, name);
      if (problem != null) {
        return 0.0;
      }
      double number = number(tag, name, value);
      if (problem == null && !(number > 0.0)) {
        reject(nonPositive, BusinessRejectReason.OTHER, describe(name, tag) + "=" + value + " must be > 0");
      }
      return number;
    }

    /** An optional quantity or price: 0 when absent, else finite and &ge; 0. */
    double nonNegativeOrZero(int tag, String name, IngestRejection negative) {
      String value = optional(tag);
      if (problem != null || value.isEmpty()) {
        return 0.0;
      }
      double number = number(tag, name, value);
      if (problem == null && number < 0.0) {
        reject(negative, BusinessRejectReason.OTHER, describe(name, tag) + "=" + value + " must not be negative");
      }
      return number;
    }

    /**
     * Price (44) of a new or replacing order: required and &gt; 0 for limit and stop-limit orders (OrdType 2,
     * 4), else &gt; 0 when present and 0 when absent (market orders).
     */
    double limitPrice() {
      String ordType = optional(ORD_TYPE);
      if ("2".equals(ordType) || "4".equals(ordType)) {
        return positive(PRICE, "Price", IngestRejection.NON_POSITIVE_PRICE);
      }
      if (optional(PRICE).isEmpty()) {
        return 0.0;
      }
      return positive(PRICE, "Price", IngestRejection.NON_POSITIVE_PRICE);
    }

    long timestampMillis(int tag, String name) {
      required(tag, name);
      if (problem != null) {
        return 0L;
      }
      try {
        return message.getUtcTimeStamp(tag).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (FieldNotFound | FieldException e) {
        reject(IngestRejection.MALFORMED_FIELD, BusinessRejectReason.OTHER,
            describe(name, tag) + " is not a UTC timestamp");
        return 0L;
      }
    }

    private double number(int tag, String name, String value) {
      double number;
      try {
        number = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        reject(IngestRejection.MALFORMED_FIELD, BusinessRejectReason.OTHER,
            describe(name, tag) + "=" + value + " is not a number");
        return 0.0;
      }
      if (!Double.isFinite(number)) {
        reject(IngestRejection.NOT_FINITE, BusinessRejectReason.OTHER,
            describe(name, tag) + "=" + abbreviate(value) + " is not finite");
      }
      return number;
    }

    private void reject(IngestRejection reason, int businessRejectReason, String detail) {
      if (problem == null) {
        problem = new Translation.Rejected(sourceId, sequence, reason, businessRejectReason, refId, detail);
      }
    }

    private static String abbreviate(String value) {
      return value.length() <= 24 ? value : value.substring(0, 21) + "...";
    }
  }
}

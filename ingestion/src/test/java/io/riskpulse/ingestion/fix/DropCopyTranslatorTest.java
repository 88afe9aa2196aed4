package io.riskpulse.ingestion.fix;

import static io.riskpulse.ingestion.fix.FixMessages.TRANSACT_TIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.BusinessRejectReason;
import quickfix.field.ClOrdID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.MsgSeqNum;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.Price;
import quickfix.field.SenderCompID;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderStatusRequest;

/** The FIX → domain mapping, on QuickFIX/J message objects without a session. */
class DropCopyTranslatorTest {

  private static final long TRANSACT_MILLIS = TRANSACT_TIME.toEpochMilli();

  private final DropCopyTranslator translator = new DropCopyTranslator();

  @Test
  void shouldMapTradeExecutionReportToFillWithEveryField() {
    Translation translation = translator.translate(
        fromOms1(42, FixMessages.trade("E-1", "PF-7", "momentum", "AAPL", quickfix.field.Side.BUY, 150, 187.25)));

    IngestEvent.Fill fill = assertInstanceOf(IngestEvent.Fill.class, accepted(translation));
    assertEquals("fix:OMS1", fill.sourceId());
    assertEquals(42, fill.sequence());
    assertEquals(new Execution("E-1", "PF-7", "momentum", "AAPL", Side.BUY, 150, 187.25, TRANSACT_MILLIS, "C-E-1"),
        fill.execution());
  }

  @Test
  void shouldMapSellShortAndSellShortExemptToSell() {
    for (char side : new char[] {quickfix.field.Side.SELL, quickfix.field.Side.SELL_SHORT,
        quickfix.field.Side.SELL_SHORT_EXEMPT}) {
      IngestEvent.Fill fill = assertInstanceOf(IngestEvent.Fill.class,
          accepted(translator.translate(fromOms1(3, FixMessages.trade("E-" + side, "PF", "s", "X", side, 1, 2)))));
      assertEquals(Side.SELL, fill.execution().side(), "Side(54)=" + side);
    }
  }

  @Test
  void shouldUseEmptyStrategyWhenTheStrategyTagIsAbsent() {
    IngestEvent.Fill fill = assertInstanceOf(IngestEvent.Fill.class, accepted(translator.translate(
        fromOms1(5, FixMessages.trade("E-2", "PF", null, "MSFT", quickfix.field.Side.SELL, 10, 400)))));
    assertEquals("", fill.execution().strategy());
  }

  @Test
  void shouldReadTheStrategyFromAConfiguredTag() {
    ExecutionReport report = FixMessages.trade("E-3", "PF", null, "MSFT", quickfix.field.Side.BUY, 10, 400);
    report.setString(9001, "pairs");
    IngestEvent.Fill fill = assertInstanceOf(IngestEvent.Fill.class,
        accepted(new DropCopyTranslator(9001).translate(fromOms1(6, report))));
    assertEquals("pairs", fill.execution().strategy());
  }

  @Test
  void shouldTreatLegacyFillExecTypesAsTrades() {
    ExecutionReport report = FixMessages.trade("E-4", "PF", "s", "IBM", quickfix.field.Side.BUY, 5, 100);
    report.set(new ExecType(ExecType.FILL));
    assertInstanceOf(IngestEvent.Fill.class, accepted(translator.translate(fromOms1(7, report))));
  }

  @Test
  void shouldRejectMissingAccountAsMalformedWithConditionallyRequiredFieldMissing() {
    Translation.Rejected rejected = rejected(translator.translate(
        fromOms1(9, FixMessages.trade("E-5", null, "s", "AAPL", quickfix.field.Side.BUY, 1, 1))),
        IngestRejection.MALFORMED_FIELD);
    assertEquals(BusinessRejectReason.CONDITIONALLY_REQUIRED_FIELD_MISSING, rejected.businessRejectReason());
    assertEquals("E-5", rejected.businessRejectRefId());
    assertEquals(9, rejected.sequence());
    assertEquals("fix:OMS1", rejected.sourceId());
    assertTrue(rejected.detail().contains("Account(1)"), rejected.detail());
  }

  @Test
  void shouldRejectMissingSymbolAndExecIdAndTransactTime() {
    ExecutionReport noSymbol = FixMessages.trade("E-6", "PF", "s", "AAPL", quickfix.field.Side.BUY, 1, 1);
    noSymbol.removeField(Symbol.FIELD);
    assertTrue(rejected(translator.translate(fromOms1(1, noSymbol)), IngestRejection.MALFORMED_FIELD).detail()
        .contains("Symbol(55)"));

    ExecutionReport noExecId = FixMessages.trade("E-7", "PF", "s", "AAPL", quickfix.field.Side.BUY, 1, 1);
    noExecId.removeField(quickfix.field.ExecID.FIELD);
    assertTrue(rejected(translator.translate(fromOms1(2, noExecId)), IngestRejection.MALFORMED_FIELD).detail()
        .contains("ExecID(17)"));

    ExecutionReport noTime = FixMessages.trade("E-8", "PF", "s", "AAPL", quickfix.field.Side.BUY, 1, 1);
    noTime.removeField(TransactTime.FIELD);
    assertTrue(rejected(translator.translate(fromOms1(3, noTime)), IngestRejection.MALFORMED_FIELD).detail()
        .contains("TransactTime(60)"));
  }

  @Test
  void shouldRejectUnsupportedSideAsUnknownEnumValue() {
    Translation.Rejected rejected = rejected(translator.translate(
        fromOms1(4, FixMessages.trade("E-9", "PF", "s", "AAPL", quickfix.field.Side.UNDISCLOSED, 1, 1))),
        IngestRejection.UNKNOWN_ENUM_VALUE);
    assertEquals(BusinessRejectReason.OTHER, rejected.businessRejectReason());
    assertTrue(rejected.detail().contains("Side(54)=7"), rejected.detail());
  }

  @Test
  void shouldRejectZeroAndNegativeQuantityAndPrice() {
    rejected(translator.translate(fromOms1(1, FixMessages.trade("Q0", "PF", "s", "A", '1', 0, 10))),
        IngestRejection.NON_POSITIVE_QUANTITY);
    rejected(translator.translate(fromOms1(2, FixMessages.trade("Q-", "PF", "s", "A", '1', -5, 10))),
        IngestRejection.NON_POSITIVE_QUANTITY);
    rejected(translator.translate(fromOms1(3, FixMessages.trade("P0", "PF", "s", "A", '1', 5, 0))),
        IngestRejection.NON_POSITIVE_PRICE);
    rejected(translator.translate(fromOms1(4, FixMessages.trade("P-", "PF", "s", "A", '1', 5, -1))),
        IngestRejection.NON_POSITIVE_PRICE);
  }

  @Test
  void shouldRejectNonFiniteAndNonNumericValues() {
    ExecutionReport nan = FixMessages.trade("N1", "PF", "s", "A", '1', 5, 10);
    nan.setString(LastPx.FIELD, "NaN");
    rejected(translator.translate(fromOms1(1, nan)), IngestRejection.NOT_FINITE);

    ExecutionReport overflow = FixMessages.trade("N2", "PF", "s", "A", '1', 5, 10);
    overflow.setString(LastQty.FIELD, "1" + "0".repeat(400));
    rejected(translator.translate(fromOms1(2, overflow)), IngestRejection.NOT_FINITE);

    ExecutionReport text = FixMessages.trade("N3", "PF", "s", "A", '1', 5, 10);
    text.setString(LastQty.FIELD, "ten");
    rejected(translator.translate(fromOms1(3, text)), IngestRejection.MALFORMED_FIELD);
  }

  @Test
  void shouldReportTheFirstProblemInFieldOrder() {
    ExecutionReport everythingWrong = FixMessages.trade("F1", null, "s", "A", '7', 0, 1);
    everythingWrong.setString(LastPx.FIELD, "NaN");
    Translation.Rejected rejected = rejected(translator.translate(fromOms1(1, everythingWrong)),
        IngestRejection.MALFORMED_FIELD);
    assertTrue(rejected.detail().contains("Account(1)"), rejected.detail());
  }

  @Test
  void shouldMapRejectedExecutionReportToOrderReject() {
    ExecutionReport report = FixMessages.orderReport(ExecType.REJECTED, OrdStatus.REJECTED, "C-9", "PF-1", "TSLA",
        quickfix.field.Side.SELL, 300, 171.5);
    report.setString(FixMessages.STRATEGY_TAG, "mm");

    IngestEvent.OrderFlow flow = assertInstanceOf(IngestEvent.OrderFlow.class,
        accepted(translator.translate(fromOms1(11, report))));
    assertEquals(11, flow.sequence());
    assertEquals(new OrderEvent(OrderAction.REJECT, "PF-1", "mm", "C-9", "", "TSLA", Side.SELL, 300, 171.5,
        TRANSACT_MILLIS), flow.order());
  }

  @Test
  void shouldIgnoreOtherExecTypes() {
    for (char execType : new char[] {ExecType.NEW, ExecType.CANCELED, ExecType.REPLACED, ExecType.PENDING_NEW,
        ExecType.PENDING_CANCEL, ExecType.PENDING_REPLACE, ExecType.EXPIRED, ExecType.TRADE_CORRECT,
        ExecType.TRADE_CANCEL, ExecType.ORDER_STATUS}) {
      Translation translation = translator.translate(fromOms1(12,
          FixMessages.orderReport(execType, OrdStatus.NEW, "C-1", "PF", "A", '1', 1, 1)));
      Translation.Ignored ignored = assertInstanceOf(Translation.Ignored.class, translation, "ExecType " + execType);
      assertEquals(String.valueOf(execType), ignored.execType());
      assertEquals(12, ignored.sequence());
    }
  }

  @Test
  void shouldMapNewOrderSingleToNew() {
    IngestEvent.OrderFlow flow = assertInstanceOf(IngestEvent.OrderFlow.class, accepted(translator.translate(
        fromOms1(20, FixMessages.newOrder("C-1", "PF-2", "arb", "EURUSD", quickfix.field.Side.BUY, 1e6, 1.0875)))));
    assertEquals(new OrderEvent(OrderAction.NEW, "PF-2", "arb", "C-1", "", "EURUSD", Side.BUY, 1e6, 1.0875,
        TRANSACT_MILLIS), flow.order());
  }

  @Test
  void shouldAcceptMarketOrderWithoutPriceButNotLimitOrder() {
    NewOrderSingle market = FixMessages.newOrder("C-2", "PF", "s", "A", '1', 10, 1);
    market.set(new OrdType(OrdType.MARKET));
    market.removeField(Price.FIELD);
    IngestEvent.OrderFlow flow = assertInstanceOf(IngestEvent.OrderFlow.class,
        accepted(translator.translate(fromOms1(21, market))));
    assertEquals(0.0, flow.order().price());

    NewOrderSingle limit = FixMessages.newOrder("C-3", "PF", "s", "A", '1', 10, 1);
    limit.removeField(Price.FIELD);
    rejected(translator.translate(fromOms1(22, limit)), IngestRejection.MALFORMED_FIELD);

    NewOrderSingle zeroQty = FixMessages.newOrder("C-4", "PF", "s", "A", '1', 0, 1);
    Translation.Rejected rejected = rejected(translator.translate(fromOms1(23, zeroQty)),
        IngestRejection.NON_POSITIVE_QUANTITY);
    assertEquals("C-4", rejected.businessRejectRefId());
  }

  @Test
  void shouldMapCancelAndReplaceWithTheOriginalOrderId() {
    IngestEvent.OrderFlow cancel = assertInstanceOf(IngestEvent.OrderFlow.class, accepted(translator.translate(
        fromOms1(30, FixMessages.cancel("C-1", "C-2", "PF", "arb", "A", quickfix.field.Side.SELL, 100)))));
    assertEquals(new OrderEvent(OrderAction.CANCEL, "PF", "arb", "C-2", "C-1", "A", Side.SELL, 100, 0,
        TRANSACT_MILLIS), cancel.order());

    IngestEvent.OrderFlow replace = assertInstanceOf(IngestEvent.OrderFlow.class, accepted(translator.translate(
        fromOms1(31, FixMessages.replace("C-2", "C-3", "PF", "arb", "A", quickfix.field.Side.BUY, 200, 9.5)))));
    assertEquals(new OrderEvent(OrderAction.REPLACE, "PF", "arb", "C-3", "C-2", "A", Side.BUY, 200, 9.5,
        TRANSACT_MILLIS), replace.order());

    quickfix.fix44.OrderCancelRequest noOrig = FixMessages.cancel("C-1", "C-2", "PF", "arb", "A", '1', 100);
    noOrig.removeField(quickfix.field.OrigClOrdID.FIELD);
    rejected(translator.translate(fromOms1(32, noOrig)), IngestRejection.MALFORMED_FIELD);
  }

  @Test
  void shouldRejectOtherApplicationMessagesAsUnknownMessageType() {
    OrderStatusRequest statusRequest = new OrderStatusRequest(new ClOrdID("C-1"), new quickfix.field.Side('1'));
    Translation.Rejected rejected = rejected(translator.translate(fromOms1(40, statusRequest)),
        IngestRejection.UNKNOWN_MESSAGE_TYPE);
    assertEquals(BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE, rejected.businessRejectReason());
  }

  private static Message fromOms1(int seqNum, Message message) {
    message.getHeader().setString(SenderCompID.FIELD, "OMS1");
    message.getHeader().setInt(MsgSeqNum.FIELD, seqNum);
    return message;
  }

  private static IngestEvent accepted(Translation translation) {
    return assertInstanceOf(Translation.Accepted.class, translation, translation.toString()).event();
  }

  private static Translation.Rejected rejected(Translation translation, IngestRejection reason) {
    Translation.Rejected rejected = assertInstanceOf(Translation.Rejected.class, translation, translation.toString());
    assertEquals(reason, rejected.reason(), rejected.toString());
    return rejected;
  }
}

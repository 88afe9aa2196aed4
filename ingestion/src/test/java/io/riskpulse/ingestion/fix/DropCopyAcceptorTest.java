package io.riskpulse.ingestion.fix;

import static io.riskpulse.ingestion.fix.FixMessages.TRANSACT_TIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.ingestion.fix.DropCopyCounters.MessageKind;
import io.riskpulse.ingestion.fix.DropCopyCounters.Outcome;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.BeginSeqNo;
import quickfix.field.BusinessRejectReason;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.ExecType;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.RefTagID;
import quickfix.field.SessionRejectReason;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.OrderStatusRequest;

/**
 * The acceptor over loopback TCP against a real QuickFIX/J initiator playing the OMS (memory stores on both
 * sides, the shipped settings file with port 0 and a temporary directory).
 */
@ExtendWith(LogCapturingExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DropCopyAcceptorTest {

  private static final long TRANSACT_MILLIS = TRANSACT_TIME.toEpochMilli();
  private static final SessionID ACCEPTOR_SESSION = new SessionID("FIX.4.4", "RISKPULSE", "OMS1");

  @TempDir
  Path dataDirectory;

  private final CollectingSink sink = new CollectingSink();
  private DropCopyAcceptor acceptor;
  private OmsInitiator oms;

  @BeforeEach
  void connect() throws Exception {
    acceptor = DropCopyAcceptor.builder(sink)
        .acceptPort(0)
        .dataDirectory(dataDirectory)
        .messageStore(DropCopyAcceptor.MessageStore.MEMORY)
        .build();
    acceptor.start();
    oms = new OmsInitiator(acceptor.localPort());
    oms.startAndAwaitLogon();
    // QuickFIX/J's acceptor sends its Logon reply before it marks its own session as logged on, so the
    // initiator can see the logon first. A TestRequest round trip is handled after the Logon on the acceptor's
    // side, so once it returns the acceptor's session state is settled.
    oms.roundTrip();
  }

  @AfterEach
  void disconnect() {
    if (oms != null) {
      oms.close();
    }
    if (acceptor != null) {
      acceptor.close();
    }
  }

  @Test
  void shouldDeliverDropCopyFillsWithEveryFieldMapped() throws Exception {
    assertEquals(java.util.List.of(ACCEPTOR_SESSION), acceptor.sessionIds());
    assertTrue(acceptor.isLoggedOn(ACCEPTOR_SESSION));

    int buySeq = oms.send(FixMessages.trade("EX-1", "PF-EQ-1", "momentum", "AAPL", quickfix.field.Side.BUY, 150,
        187.25));
    int shortSeq = oms.send(FixMessages.trade("EX-2", "PF-EQ-1", null, "MSFT", quickfix.field.Side.SELL_SHORT, 40,
        402.5));

    IngestEvent.Fill buy = sink.nextEvent(IngestEvent.Fill.class);
    assertEquals("fix:OMS1", buy.sourceId());
    assertEquals(buySeq, buy.sequence());
    assertEquals(new Execution("EX-1", "PF-EQ-1", "momentum", "AAPL", Side.BUY, 150, 187.25, TRANSACT_MILLIS,
            "C-EX-1"),
        buy.execution());
    IngestEvent.Fill sell = sink.nextEvent(IngestEvent.Fill.class);
    assertEquals(shortSeq, sell.sequence());
    assertEquals(new Execution("EX-2", "PF-EQ-1", "", "MSFT", Side.SELL, 40, 402.5, TRANSACT_MILLIS, "C-EX-2"),
        sell.execution());

    oms.roundTrip();
    DropCopyCounters counters = acceptor.counters();
    assertEquals(2, counters.count(MessageKind.EXECUTION_REPORT, Outcome.EVENT));
    assertEquals(2, counters.received(MessageKind.EXECUTION_REPORT));
    assertEquals(1, counters.logons());
    assertTrue(sink.rejections.isEmpty(), sink.rejections.toString());
  }

  @Test
  void shouldTurnOrdersCancelsReplacesAndRejectsIntoOrderFlow() throws Exception {
    int newSeq = oms.send(FixMessages.newOrder("C-1", "PF-FX", "arb", "EURUSD", quickfix.field.Side.BUY, 1e6,
        1.0875));
    oms.send(FixMessages.orderReport(ExecType.NEW, OrdStatus.NEW, "C-1", "PF-FX", "EURUSD",
        quickfix.field.Side.BUY, 1e6, 1.0875));
    int replaceSeq = oms.send(FixMessages.replace("C-1", "C-2", "PF-FX", "arb", "EURUSD", quickfix.field.Side.BUY,
        2e6, 1.0870));
    int cancelSeq = oms.send(FixMessages.cancel("C-2", "C-3", "PF-FX", "arb", "EURUSD", quickfix.field.Side.BUY,
        2e6));
    ExecutionReport rejectReport = FixMessages.orderReport(ExecType.REJECTED, OrdStatus.REJECTED, "C-4", "PF-FX",
        "EURUSD", quickfix.field.Side.SELL, 5e5, 1.09);
    rejectReport.setString(FixMessages.STRATEGY_TAG, "arb");
    int rejectSeq = oms.send(rejectReport);

    assertOrder(newSeq, new OrderEvent(OrderAction.NEW, "PF-FX", "arb", "C-1", "", "EURUSD", Side.BUY, 1e6, 1.0875,
        TRANSACT_MILLIS));
    assertOrder(replaceSeq, new OrderEvent(OrderAction.REPLACE, "PF-FX", "arb", "C-2", "C-1", "EURUSD", Side.BUY,
        2e6, 1.0870, TRANSACT_MILLIS));
    assertOrder(cancelSeq, new OrderEvent(OrderAction.CANCEL, "PF-FX", "arb", "C-3", "C-2", "EURUSD", Side.BUY, 2e6,
        0, TRANSACT_MILLIS));
    assertOrder(rejectSeq, new OrderEvent(OrderAction.REJECT, "PF-FX", "arb", "C-4", "", "EURUSD", Side.SELL, 5e5,
        1.09, TRANSACT_MILLIS));

    oms.roundTrip();
    DropCopyCounters counters = acceptor.counters();
    assertEquals(1, counters.count(MessageKind.EXECUTION_REPORT, Outcome.IGNORED));
    assertEquals(1, counters.count(MessageKind.EXECUTION_REPORT, Outcome.EVENT));
    assertEquals(1, counters.count(MessageKind.NEW_ORDER_SINGLE, Outcome.EVENT));
    assertEquals(1, counters.count(MessageKind.ORDER_CANCEL_REPLACE_REQUEST, Outcome.EVENT));
    assertEquals(1, counters.count(MessageKind.ORDER_CANCEL_REQUEST, Outcome.EVENT));
  }

  @Test
  void shouldRejectBadContentWithBusinessMessageRejectAndKeepTheSessionFlowing() throws Exception {
    int zeroQtySeq = oms.send(FixMessages.trade("EX-Q0", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 0, 187));
    CollectingSink.Rejection zeroQty = sink.nextRejection(IngestRejection.NON_POSITIVE_QUANTITY);
    assertEquals("fix:OMS1", zeroQty.sourceId());
    assertEquals(zeroQtySeq, zeroQty.sequence());
    Message bmr = oms.awaitApp(MsgType.BUSINESS_MESSAGE_REJECT);
    assertEquals(zeroQtySeq, bmr.getInt(RefSeqNum.FIELD));
    assertEquals(MsgType.EXECUTION_REPORT, bmr.getString(RefMsgType.FIELD));
    assertEquals(BusinessRejectReason.OTHER, bmr.getInt(BusinessRejectReason.FIELD));
    assertEquals("EX-Q0", bmr.getString(BusinessRejectRefID.FIELD));
    assertTrue(bmr.getString(Text.FIELD).startsWith("NON_POSITIVE_QUANTITY"), bmr.getString(Text.FIELD));

    int noAccountSeq = oms.send(FixMessages.trade("EX-NA", null, "s", "AAPL", quickfix.field.Side.BUY, 10, 187));
    assertEquals(noAccountSeq, sink.nextRejection(IngestRejection.MALFORMED_FIELD).sequence());
    bmr = oms.awaitApp(MsgType.BUSINESS_MESSAGE_REJECT);
    assertEquals(noAccountSeq, bmr.getInt(RefSeqNum.FIELD));
    assertEquals(BusinessRejectReason.CONDITIONALLY_REQUIRED_FIELD_MISSING, bmr.getInt(BusinessRejectReason.FIELD));

    int undisclosedSeq = oms.send(FixMessages.trade("EX-U", "PF-1", "s", "AAPL", quickfix.field.Side.UNDISCLOSED,
        10, 187));
    assertEquals(undisclosedSeq, sink.nextRejection(IngestRejection.UNKNOWN_ENUM_VALUE).sequence());
    assertEquals(undisclosedSeq, oms.awaitApp(MsgType.BUSINESS_MESSAGE_REJECT).getInt(RefSeqNum.FIELD));

    int validSeq = oms.send(FixMessages.trade("EX-OK", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 10, 187));
    IngestEvent.Fill fill = sink.nextEvent(IngestEvent.Fill.class);
    assertEquals(validSeq, fill.sequence());
    assertEquals("EX-OK", fill.execution().executionId());

    assertTrue(acceptor.isLoggedOn(ACCEPTOR_SESSION));
    oms.roundTrip();
    DropCopyCounters counters = acceptor.counters();
    assertEquals(3, counters.count(MessageKind.EXECUTION_REPORT, Outcome.REJECTED));
    assertEquals(3, counters.businessRejectsSent());
    assertEquals(1, counters.rejected(IngestRejection.NON_POSITIVE_QUANTITY));
    assertEquals(1, counters.rejected(IngestRejection.MALFORMED_FIELD));
    assertEquals(1, counters.rejected(IngestRejection.UNKNOWN_ENUM_VALUE));
    assertEquals(0, counters.sessionRejectsSent());
  }

  @Test
  void shouldAnswerUnsupportedMessageTypesWithBusinessMessageReject() throws Exception {
    OrderStatusRequest statusRequest = new OrderStatusRequest(new ClOrdID("C-1"),
        new quickfix.field.Side(quickfix.field.Side.BUY));
    statusRequest.set(new Symbol("AAPL"));
    int seq = oms.send(statusRequest);

    assertEquals(seq, sink.nextRejection(IngestRejection.UNKNOWN_MESSAGE_TYPE).sequence());
    Message bmr = oms.awaitApp(MsgType.BUSINESS_MESSAGE_REJECT);
    assertEquals(seq, bmr.getInt(RefSeqNum.FIELD));
    assertEquals(BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE, bmr.getInt(BusinessRejectReason.FIELD));
    oms.roundTrip();
    assertEquals(1, acceptor.counters().count(MessageKind.OTHER, Outcome.REJECTED));
  }

  @Test
  void shouldRejectDictionaryViolationsAtTheSessionLevelAndReportThemToTheSink() throws Exception {
    ExecutionReport unknownTag = FixMessages.trade("EX-T", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 10, 187);
    unknownTag.setString(4999, "x");
    int unknownTagSeq = oms.send(unknownTag);
    Message reject = oms.awaitAdmin(MsgType.REJECT);
    assertEquals(unknownTagSeq, reject.getInt(RefSeqNum.FIELD));
    assertEquals(4999, reject.getInt(RefTagID.FIELD));
    CollectingSink.Rejection rejection = sink.nextRejection(IngestRejection.MALFORMED_FIELD);
    assertEquals(unknownTagSeq, rejection.sequence());
    assertEquals("fix:OMS1", rejection.sourceId());

    ExecutionReport noSymbol = FixMessages.trade("EX-S", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 10, 187);
    noSymbol.removeField(Symbol.FIELD);
    int noSymbolSeq = oms.send(noSymbol);
    reject = oms.awaitAdmin(MsgType.REJECT);
    assertEquals(noSymbolSeq, reject.getInt(RefSeqNum.FIELD));
    assertEquals(SessionRejectReason.REQUIRED_TAG_MISSING, reject.getInt(SessionRejectReason.FIELD));
    assertEquals(Symbol.FIELD, reject.getInt(RefTagID.FIELD));
    assertEquals(noSymbolSeq, sink.nextRejection(IngestRejection.MALFORMED_FIELD).sequence());

    int validSeq = oms.send(FixMessages.trade("EX-OK", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 10, 187));
    assertEquals(validSeq, sink.nextEvent(IngestEvent.Fill.class).sequence());
    oms.roundTrip();
    assertEquals(2, acceptor.counters().sessionRejectsSent());
    assertEquals(2, acceptor.counters().rejected(IngestRejection.MALFORMED_FIELD));
    assertEquals(1, acceptor.counters().received(MessageKind.EXECUTION_REPORT),
        "dictionary violations never reach the application");
    assertTrue(sink.rejections.isEmpty(), sink.rejections.toString());
  }

  @Test
  void shouldRequestResendOnSequenceGapAndRecover() throws Exception {
    int firstSeq = oms.send(FixMessages.trade("EX-1", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 10, 187));
    assertEquals(firstSeq, sink.nextEvent(IngestEvent.Fill.class).sequence());

    Session omsSession = oms.session();
    int expectedByAcceptor = omsSession.getExpectedSenderNum();
    omsSession.setNextSenderMsgSeqNum(expectedByAcceptor + 5);
    int gapSeq = oms.send(FixMessages.trade("EX-2", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 20, 188));
    assertEquals(expectedByAcceptor + 5, gapSeq);

    Message resendRequest = oms.awaitAdmin(MsgType.RESEND_REQUEST);
    assertEquals(expectedByAcceptor, resendRequest.getInt(BeginSeqNo.FIELD));

    IngestEvent.Fill afterGap = sink.nextEvent(IngestEvent.Fill.class);
    assertEquals("EX-2", afterGap.execution().executionId());
    assertEquals(gapSeq, afterGap.sequence());

    int nextSeq = oms.send(FixMessages.trade("EX-3", "PF-1", "s", "AAPL", quickfix.field.Side.SELL, 30, 189));
    IngestEvent.Fill next = sink.nextEvent(IngestEvent.Fill.class);
    assertEquals("EX-3", next.execution().executionId(), "the gap message is delivered exactly once");
    assertEquals(nextSeq, next.sequence());

    oms.roundTrip();
    DropCopyCounters counters = acceptor.counters();
    assertTrue(counters.resendRequestsSent() >= 1);
    assertTrue(counters.sequenceResetsReceived() >= 1, "the OMS filled the gap with a SequenceReset-GapFill");
    assertEquals(3, counters.count(MessageKind.EXECUTION_REPORT, Outcome.EVENT));
    assertTrue(acceptor.isLoggedOn(ACCEPTOR_SESSION));
    assertTrue(sink.events.isEmpty(), sink.events.toString());
  }

  private void assertOrder(int expectedSeq, OrderEvent expected) throws InterruptedException {
    IngestEvent.OrderFlow flow = sink.nextEvent(IngestEvent.OrderFlow.class);
    assertEquals("fix:OMS1", flow.sourceId());
    assertEquals(expectedSeq, flow.sequence());
    assertEquals(expected, flow.order());
  }
}

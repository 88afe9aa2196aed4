package io.riskpulse.gateway.oms;

import static io.riskpulse.gateway.oms.OmsTestSupport.await;
import static io.riskpulse.gateway.oms.OmsTestSupport.awaitFailure;
import static io.riskpulse.gateway.oms.OmsTestSupport.halt;
import static io.riskpulse.gateway.oms.OmsTestSupport.order;
import static io.riskpulse.gateway.oms.OmsTestSupport.rebalance;
import static io.riskpulse.gateway.oms.OmsTestSupport.rebalanceOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import java.util.List;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.BusinessRejectReason;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.MassCancelRejectReason;
import quickfix.field.MassCancelRequestType;
import quickfix.field.MassCancelResponse;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrigClOrdID;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.SessionRejectReason;
import quickfix.field.Text;
import quickfix.fix44.BusinessMessageReject;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.OrderCancelReject;
import quickfix.fix44.OrderMassCancelReport;
import quickfix.fix44.Reject;

/**
 * The answer rules of {@link FixDeliveries} for answers the simulated OMS never gives (refusals by reason code),
 * fed with real QuickFIX/J messages.
 */
class FixDeliveriesTest {

  private final FixDeliveries deliveries = new FixDeliveries("e1", true);

  @Test
  void shouldFailNotRetryableWhenMassCancelIsRejectedForAnotherReasonThanUnsupported() throws Exception {
    FixDeliveries.Start start = deliveries.begin(halt("H1", HaltScope.instrument("ZZZ"), List.of(), List.of()));

    deliveries.onApplicationMessage(massCancelReport("H1", MassCancelRejectReason.INVALID_OR_UNKNOWN_SECURITY));

    OmsDeliveryException failure = awaitFailure(start.stage());
    assertFalse(failure.retryable());
    assertTrue(failure.getMessage().contains("OMS rejected 35=q 530=1 55=ZZZ: 35=r MassCancelResponse=0 "
        + "MassCancelRejectReason=1 Text=no such security"), failure.getMessage());
    assertEquals(0, deliveries.inFlight());
  }

  @Test
  void shouldFallBackWhenMassCancelReportSaysNotSupported() throws Exception {
    HaltInstruction instruction = halt("H2", HaltScope.FIRM, List.of(), List.of(order("O1", "P1", "", "AAPL")));
    FixDeliveries.Start start = deliveries.begin(instruction);

    FixDeliveries.Fallback fallback = deliveries.onApplicationMessage(
        massCancelReport("H2", MassCancelRejectReason.MASS_CANCEL_NOT_SUPPORTED));

    assertEquals(List.of("H2.O1"), fallback.toSend().stream().map(FixRequest::clOrdId).toList());
    assertTrue(deliveries.massCancelUnsupported());
    deliveries.onApplicationMessage(cancelReject("H2.O1", "O1", CxlRejReason.TOO_LATE_TO_CANCEL));
    assertEquals("OMS cannot mass cancel (35=r MassCancelResponse=0 MassCancelRejectReason=0 Text=no such security)"
        + ", sent 1 x 35=F acknowledged: 0 canceled (35=8 150=4), 1 no longer working (35=9)",
        await(start.stage()).detail());
  }

  @Test
  void shouldFailRetryableOnlyWhenTheOmsApplicationIsNotAvailable() throws Exception {
    FixDeliveries.Start down = deliveries.begin(halt("H3", HaltScope.FIRM, List.of(), List.of()));
    deliveries.onApplicationMessage(businessReject("H3", BusinessRejectReason.APPLICATION_NOT_AVAILABLE));
    assertTrue(awaitFailure(down.stage()).retryable());

    FixDeliveries.Start refused = deliveries.begin(halt("H4", HaltScope.FIRM, List.of(), List.of()));
    deliveries.onApplicationMessage(businessReject("H4", BusinessRejectReason.NOT_AUTHORIZED));
    OmsDeliveryException failure = awaitFailure(refused.stage());
    assertFalse(failure.retryable());
    assertTrue(failure.getMessage().contains("35=j RefMsgType=q BusinessRejectReason=6"), failure.getMessage());
  }

  @Test
  void shouldAckDuplicateClOrdIdButFailWhenTheOmsRefusesToCancelAWorkingOrder() throws Exception {
    FixDeliveries.Start start = deliveries.begin(halt("H5", HaltScope.strategy("s"), List.of(),
        List.of(order("O1", "P1", "s", "AAPL"), order("O2", "P1", "s", "AAPL"))));

    deliveries.onApplicationMessage(cancelReject("H5.O1", "O1", CxlRejReason.DUPLICATE_CLORDID_RECEIVED));
    assertFalse(start.stage().toCompletableFuture().isDone(), "one of two answered");
    deliveries.onApplicationMessage(cancelReject("H5.O2", "O2", CxlRejReason.BROKER_EXCHANGE_OPTION));

    OmsDeliveryException failure = awaitFailure(start.stage());
    assertFalse(failure.retryable());
    assertTrue(failure.getMessage().contains("OMS refused 35=F 41=O2: 35=9 CxlRejReason=2"), failure.getMessage());
    assertTrue(failure.getMessage().contains("the order may still be working"), failure.getMessage());
  }

  @Test
  void shouldMatchSessionRejectBySequenceNumberAndFailAnOrderCancel() throws Exception {
    FixDeliveries.Start start = deliveries.begin(halt("H6", HaltScope.strategy("s"), List.of(),
        List.of(order("O1", "P1", "s", "AAPL"))));
    deliveries.sent(41, "H6.O1");

    Reject reject = new Reject(new RefSeqNum(41));
    reject.set(new SessionRejectReason(SessionRejectReason.VALUE_IS_INCORRECT));
    deliveries.onSessionReject(reject);

    OmsDeliveryException failure = awaitFailure(start.stage());
    assertFalse(failure.retryable());
    assertTrue(failure.getMessage().contains("OMS refused 35=F 41=O1 with 35=3 SessionRejectReason=5"),
        failure.getMessage());
  }

  @Test
  void shouldJoinADeliveryInFlightAndFailItOnTimeout() throws Exception {
    HaltInstruction instruction = halt("H7", HaltScope.FIRM, List.of(), List.of());
    FixDeliveries.Start first = deliveries.begin(instruction);
    FixDeliveries.Start second = deliveries.begin(instruction);

    assertNull(second.delivery(), "joined, nothing new to send");
    assertEquals(List.of(), second.toSend());
    deliveries.timedOut(first.delivery(), 250);

    assertTrue(awaitFailure(second.stage()).getMessage().contains("no acknowledgement within 250 ms"));
    assertTrue(awaitFailure(first.stage()).retryable());
    assertEquals(0, deliveries.inFlight());
  }

  @Test
  void shouldAckNewOrdersByExecTypeOrOrdStatusAndCountOrdersThatAlreadyEnded() throws Exception {
    RebalanceInstruction instruction = rebalance("R1", "P1", List.of(rebalanceOrder("AAPL", Side.SELL, 1),
        rebalanceOrder("MSFT", Side.SELL, 2), rebalanceOrder("WTI", Side.BUY, 3)));
    FixDeliveries.Start start = deliveries.begin(instruction);
    assertNull(deliveries.begin(instruction).delivery(), "a submit of the same rebalance in flight joins it");

    deliveries.onApplicationMessage(executionReport("R1.1", ExecType.PENDING_NEW, OrdStatus.PENDING_NEW, null));
    deliveries.onApplicationMessage(executionReport("R1.2", ExecType.PENDING_CANCEL, OrdStatus.PENDING_CANCEL, null));
    assertFalse(start.stage().toCompletableFuture().isDone(), "pending cancel is no answer to a new order");
    deliveries.onApplicationMessage(executionReport("R1.2", ExecType.ORDER_STATUS, OrdStatus.PARTIALLY_FILLED, null));
    deliveries.onApplicationMessage(executionReport("R1.3", ExecType.EXPIRED, OrdStatus.EXPIRED, null));

    OmsAck ack = await(start.stage());
    assertEquals("3 x 35=D acknowledged: 2 accepted (35=8), 0 duplicate (35=8 150=8 103=6), 1 ended (35=8 39=3/4/C)",
        ack.detail());
    assertEquals(3, ack.ordersAffected());
    assertEquals("R1", ack.haltId());
    assertEquals(0, deliveries.inFlight());
  }

  @Test
  void shouldFailNotRetryableWhenTheOmsRefusesTheMessageTypeOrTheMessage() throws Exception {
    FixDeliveries.Start unsupported = deliveries.begin(rebalance("R2", "P1",
        List.of(rebalanceOrder("AAPL", Side.SELL, 1))));
    BusinessMessageReject reject = new BusinessMessageReject(new RefMsgType("D"),
        new BusinessRejectReason(BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE));
    reject.set(new BusinessRejectRefID("R2.1"));
    deliveries.onApplicationMessage(reject);

    OmsDeliveryException failure = awaitFailure(unsupported.stage());
    assertFalse(failure.retryable());
    assertEquals(OmsDeliveryException.Instruction.REBALANCE, failure.instruction());
    assertTrue(failure.getMessage().contains("rebalance R2: OMS rejected 35=D 11=R2.1 55=AAPL 54=2 38=1: 35=j "
        + "RefMsgType=D BusinessRejectReason=3"), failure.getMessage());

    FixDeliveries.Start refused = deliveries.begin(rebalance("R3", "P1",
        List.of(rebalanceOrder("AAPL", Side.SELL, 1))));
    deliveries.sent(7, "R3.1");
    Reject sessionReject = new Reject(new RefSeqNum(7));
    sessionReject.set(new SessionRejectReason(SessionRejectReason.INVALID_MSGTYPE));
    deliveries.onSessionReject(sessionReject);

    OmsDeliveryException sessionFailure = awaitFailure(refused.stage());
    assertFalse(sessionFailure.retryable());
    assertTrue(sessionFailure.getMessage().contains("OMS refused 35=D 11=R3.1 55=AAPL 54=2 38=1 with 35=3 "
        + "SessionRejectReason=11"), sessionFailure.getMessage());
  }

  @Test
  void shouldFailAtOnceWithoutSendingWhenAnOrderCannotBeAFixOrder() throws Exception {
    FixDeliveries.Start start = deliveries.begin(rebalance("R4", "P1",
        List.of(rebalanceOrder("AAPL", Side.SELL, Double.NaN))));

    assertNull(start.delivery());
    assertEquals(List.of(), start.toSend());
    OmsDeliveryException failure = awaitFailure(start.stage());
    assertFalse(failure.retryable());
    assertEquals("OMS e1, rebalance R4: cannot send as FIX orders: order 1 (AAPL): quantity must be finite and > 0, "
        + "was NaN; nothing sent (not retryable)", failure.getMessage());
  }

  @Test
  void shouldKeepAHaltAndARebalanceWithTheSameIdApart() throws Exception {
    FixDeliveries.Start halt = deliveries.begin(halt("X1", HaltScope.FIRM, List.of(), List.of()));
    FixDeliveries.Start orders = deliveries.begin(rebalance("X1", "P1", List.of(rebalanceOrder("AAPL", Side.BUY, 1))));

    assertEquals(2, deliveries.inFlight(), "a rebalance never joins a halt");
    deliveries.onApplicationMessage(executionReport("X1.1", ExecType.REJECTED, OrdStatus.REJECTED,
        OrdRejReason.DUPLICATE_ORDER));
    assertEquals("1 x 35=D acknowledged: 0 accepted (35=8), 1 duplicate (35=8 150=8 103=6), 0 ended (35=8 39=3/4/C)",
        await(orders.stage()).detail());
    assertFalse(halt.stage().toCompletableFuture().isDone());
  }

  private static Message executionReport(String clOrdId, char execType, char ordStatus, Integer rejectReason) {
    ExecutionReport report = new ExecutionReport(new OrderID("X"), new ExecID("E-" + clOrdId),
        new ExecType(execType), new OrdStatus(ordStatus), new quickfix.field.Side(quickfix.field.Side.SELL),
        new LeavesQty(0), new CumQty(0), new AvgPx(0));
    report.set(new ClOrdID(clOrdId));
    if (rejectReason != null) {
      report.set(new OrdRejReason(rejectReason));
    }
    return report;
  }

  private static Message massCancelReport(String clOrdId, int rejectReason) {
    OrderMassCancelReport report = new OrderMassCancelReport(new OrderID("X"),
        new MassCancelRequestType(MassCancelRequestType.CANCEL_ALL_ORDERS),
        new MassCancelResponse(MassCancelResponse.CANCEL_REQUEST_REJECTED_SEE_MASSCANCELREJECTREASON));
    report.set(new ClOrdID(clOrdId));
    report.set(new MassCancelRejectReason(rejectReason));
    report.set(new Text("no such security"));
    return report;
  }

  private static Message businessReject(String clOrdId, int reason) {
    BusinessMessageReject reject = new BusinessMessageReject(new RefMsgType("q"), new BusinessRejectReason(reason));
    reject.set(new BusinessRejectRefID(clOrdId));
    return reject;
  }

  private static Message cancelReject(String clOrdId, String origClOrdId, int reason) {
    OrderCancelReject reject = new OrderCancelReject(new OrderID("X"), new ClOrdID(clOrdId),
        new OrigClOrdID(origClOrdId), new OrdStatus(OrdStatus.NEW),
        new CxlRejResponseTo(CxlRejResponseTo.ORDER_CANCEL_REQUEST));
    reject.set(new CxlRejReason(reason));
    return reject;
  }
}

package io.riskpulse.gateway.oms;

import static io.riskpulse.gateway.oms.OmsTestSupport.await;
import static io.riskpulse.gateway.oms.OmsTestSupport.awaitFailure;
import static io.riskpulse.gateway.oms.OmsTestSupport.halt;
import static io.riskpulse.gateway.oms.OmsTestSupport.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.HaltScope;
import java.util.List;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.BusinessRejectReason;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.MassCancelRejectReason;
import quickfix.field.MassCancelRequestType;
import quickfix.field.MassCancelResponse;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrigClOrdID;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.SessionRejectReason;
import quickfix.field.Text;
import quickfix.fix44.BusinessMessageReject;
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

package io.riskpulse.gateway.oms;

import static io.riskpulse.gateway.oms.OmsTestSupport.await;
import static io.riskpulse.gateway.oms.OmsTestSupport.awaitFailure;
import static io.riskpulse.gateway.oms.OmsTestSupport.connect;
import static io.riskpulse.gateway.oms.OmsTestSupport.fixSettings;
import static io.riskpulse.gateway.oms.OmsTestSupport.halt;
import static io.riskpulse.gateway.oms.OmsTestSupport.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.gateway.oms.OmsTestSupport.Connection;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.portfolio.Side;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link FixOmsEndpoint} against a real {@link SimulatedOms} over loopback: the message per scope, the
 * acknowledgement rules, idempotent re-sends and the fallback to single-order cancels.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class FixOmsEndpointTest {

  /** Shared by the tests that leave the session as they found it (logging on takes a QuickFIX/J timer tick). */
  private Connection shared;
  private SimulatedOms oms;
  private FixOmsEndpoint endpoint;

  @BeforeAll
  void connectShared() throws Exception {
    shared = connect("oms1", builder -> {}, settings -> settings);
  }

  @AfterAll
  void closeShared() {
    shared.close();
  }

  @BeforeEach
  void useShared() {
    shared.oms().reset();
    oms = shared.oms();
    endpoint = shared.endpoint();
  }

  @Test
  void shouldCancelEveryOrderWithOneMassCancelForFirmScope() throws Exception {
    oms.addWorkingOrder("P1", "O1", "AAPL", Side.BUY, 100, "momo");
    oms.addWorkingOrder("P2", "O2", "MSFT", Side.SELL, 50, "");

    OmsAck ack = await(endpoint.cancel(halt("H-firm", HaltScope.FIRM, List.of(), List.of())));

    assertEquals(new OmsAck("oms1", "H-firm", "35=r MassCancelResponse=7 TotalAffectedOrders=2", 2), ack);
    assertEquals(List.of(), oms.workingOrders());
    SimulatedOms.Received received = oms.received().get(0);
    assertEquals("q", received.msgType());
    assertEquals("H-firm", received.clOrdId());
    assertTrue(received.summary().contains("530=7 (all orders)"), received.summary());
    assertFalse(received.summary().contains("1="), "no Account on a firm-wide mass cancel: " + received.summary());
  }

  @Test
  void shouldCancelOrdersForOneSecurityForInstrumentScope() throws Exception {
    oms.addWorkingOrder("P1", "O1", "AAPL", Side.BUY, 100, "");
    oms.addWorkingOrder("P2", "O2", "AAPL", Side.SELL, 10, "");
    oms.addWorkingOrder("P1", "O3", "MSFT", Side.BUY, 5, "");

    OmsAck ack = await(endpoint.cancel(halt("H-aapl", HaltScope.instrument("AAPL"), List.of(), List.of())));

    assertEquals("35=r MassCancelResponse=1 TotalAffectedOrders=2", ack.detail());
    assertEquals(2, ack.ordersAffected());
    assertEquals(List.of("O3"), oms.workingOrders().stream().map(SimulatedOms.WorkingOrder::clOrdId).toList());
    assertTrue(oms.received().get(0).summary().contains("530=1 55=AAPL"), oms.received().get(0).summary());
  }

  @Test
  void shouldCancelOneAccountForPortfolioScope() throws Exception {
    oms.addWorkingOrder("P1", "O1", "AAPL", Side.BUY, 100, "");
    oms.addWorkingOrder("P2", "O2", "AAPL", Side.BUY, 100, "");

    OmsAck ack = await(endpoint.cancel(halt("H-p1", HaltScope.portfolio("P1"), List.of("P1"), List.of())));

    assertEquals("35=r MassCancelResponse=7 TotalAffectedOrders=1", ack.detail());
    assertEquals(List.of("O2"), oms.workingOrders().stream().map(SimulatedOms.WorkingOrder::clOrdId).toList());
    assertEquals("H-p1", oms.received().get(0).clOrdId());
    assertTrue(oms.received().get(0).summary().contains("530=7 (all orders) 1=P1"), oms.received().get(0).summary());
  }

  @Test
  void shouldSendOneMassCancelPerAccountForDeskScopeAndAckWhenBothAreAcked() throws Exception {
    oms.addWorkingOrder("P1", "O1", "UST10Y", Side.BUY, 100, "");
    oms.addWorkingOrder("P1", "O2", "UST2Y", Side.SELL, 100, "");
    oms.addWorkingOrder("P2", "O3", "UST10Y", Side.BUY, 100, "");
    oms.addWorkingOrder("P3", "O4", "UST10Y", Side.BUY, 100, "");

    OmsAck ack = await(endpoint.cancel(halt("H-rates", HaltScope.desk("rates"), List.of("P2", "P1"), List.of())));

    assertEquals("2 x 35=q acknowledged: 35=q 530=7 1=P1: 35=r MassCancelResponse=7 TotalAffectedOrders=2; "
        + "35=q 530=7 1=P2: 35=r MassCancelResponse=7 TotalAffectedOrders=1", ack.detail());
    assertEquals(3, ack.ordersAffected());
    assertEquals(List.of("H-rates.1", "H-rates.2"),
        oms.received().stream().map(SimulatedOms.Received::clOrdId).toList());
    assertEquals(List.of("O4"), oms.workingOrders().stream().map(SimulatedOms.WorkingOrder::clOrdId).toList());
    assertEquals(2, oms.massCancelsEffective());
  }

  @Test
  void shouldAckResendOfSameHaltWithoutCancellingAnythingMore() throws Exception {
    oms.addWorkingOrder("P1", "O1", "AAPL", Side.BUY, 100, "");
    HaltInstruction instruction = halt("H-again", HaltScope.FIRM, List.of(), List.of());
    OmsAck first = await(endpoint.cancel(instruction));
    oms.addWorkingOrder("P1", "O-after", "AAPL", Side.BUY, 100, "");

    OmsAck second = await(endpoint.cancel(instruction));

    assertEquals(first, second);
    assertEquals(2, oms.massCancelsReceived());
    assertEquals(1, oms.massCancelsEffective());
    assertEquals(1, oms.ordersCancelled());
    assertTrue(oms.isWorking("O-after"), "a re-send must not cancel an order placed after the first request");
    assertTrue(oms.received().get(1).repeat());
    assertEquals("H-again", oms.received().get(1).clOrdId());
  }

  @Test
  void shouldFallBackToOrderCancelsWhenOmsHasNoMassCancel() throws Exception {
    try (Connection own = connect("oms2", builder -> {}, settings -> settings)) {
      oms = own.oms();
      endpoint = own.endpoint();
      fallBackToOrderCancelsWhenOmsHasNoMassCancel();
    }
  }

  private void fallBackToOrderCancelsWhenOmsHasNoMassCancel() throws Exception {
    oms.massCancelSupported(false);
    oms.addWorkingOrder("P1", "O1", "AAPL", Side.BUY, 100, "");
    oms.addWorkingOrder("P1", "O2", "MSFT", Side.SELL, 100, "");
    oms.addWorkingOrder("P2", "O3", "MSFT", Side.SELL, 100, "");
    HaltInstruction instruction = halt("H-fb", HaltScope.portfolio("P1"), List.of("P1"),
        List.of(order("O1", "P1", "", "AAPL"), order("O2", "P1", "", "MSFT")));

    OmsAck ack = await(endpoint.cancel(instruction));

    assertEquals("OMS cannot mass cancel (35=j RefMsgType=q BusinessRejectReason=3 Text=OrderMassCancelRequest not "
        + "supported), sent 2 x 35=F acknowledged: 2 canceled (35=8 150=4), 0 no longer working (35=9)", ack.detail());
    assertEquals(2, ack.ordersAffected());
    assertEquals(List.of("q:H-fb", "F:H-fb.O1", "F:H-fb.O2"),
        oms.received().stream().map(r -> r.msgType() + ":" + r.clOrdId()).toList());
    assertEquals(List.of("O3"), oms.workingOrders().stream().map(SimulatedOms.WorkingOrder::clOrdId).toList());
    assertTrue(endpoint.massCancelKnownUnsupported());

    oms.addWorkingOrder("P2", "O4", "AAPL", Side.BUY, 100, "");
    OmsAck next = await(endpoint.cancel(halt("H-fb2", HaltScope.portfolio("P2"), List.of("P2"),
        List.of(order("O3", "P2", "", "MSFT"), order("O4", "P2", "", "AAPL")))));
    assertEquals("OMS cannot mass cancel (said so earlier in this session), sent 2 x 35=F acknowledged: 2 canceled "
        + "(35=8 150=4), 0 no longer working (35=9)", next.detail());
    assertEquals(1, oms.massCancelsReceived(), "known unsupported: the next halt goes per order at once");
    assertEquals(List.of(), oms.workingOrders());
  }

  @Test
  void shouldFailNotRetryableWhenOmsHasNoMassCancelAndNoOpenOrdersAreKnown() throws Exception {
    OmsDeliveryException failure;
    try (Connection own = connect("oms3", builder -> {}, settings -> settings)) {
      own.oms().massCancelSupported(false);
      failure = awaitFailure(own.endpoint().cancel(halt("H-none", HaltScope.desk("rates"), List.of("P1"), List.of())));
    }

    assertFalse(failure.retryable());
    assertEquals("oms3", failure.endpoint());
    assertEquals("H-none", failure.haltId());
    assertTrue(failure.getMessage().contains("cannot mass cancel (35=j"), failure.getMessage());
    assertTrue(failure.getMessage().contains("no open orders are known in scope DESK:rates"), failure.getMessage());
  }

  @Test
  void shouldFallBackToOrderCancelsWhenOmsRejectsAccountOnMassCancelAtSessionLevel() throws Exception {
    try (Connection strict = connect("oms4", builder -> builder.acceptAccountOnMassCancel(false), s -> s)) {
      strict.oms().addWorkingOrder("P1", "O1", "AAPL", Side.BUY, 100, "");

      OmsAck ack = await(strict.endpoint().cancel(halt("H-strict", HaltScope.portfolio("P1"), List.of("P1"),
          List.of(order("O1", "P1", "", "AAPL")))));

      assertTrue(ack.detail().startsWith("OMS cannot mass cancel (35=3 SessionRejectReason=2"), ack.detail());
      assertTrue(ack.detail().endsWith("1 x 35=F acknowledged: 1 canceled (35=8 150=4), 0 no longer working (35=9)"),
          ack.detail());
      assertFalse(strict.endpoint().massCancelKnownUnsupported(),
          "only this form was refused; 35=q is tried again next time");
      assertEquals(List.of(), strict.oms().workingOrders());
    }
  }

  @Test
  void shouldCancelEachOpenOrderOfAStrategyAndCountOrdersNoLongerWorkingAsDone() throws Exception {
    oms.addWorkingOrder("P1", "O1", "AAPL", Side.BUY, 100, "momo");
    oms.addWorkingOrder("P2", "O2", "MSFT", Side.SELL, 100, "momo");
    oms.addWorkingOrder("P2", "O3", "MSFT", Side.SELL, 100, "carry");
    HaltInstruction instruction = halt("H-momo", HaltScope.strategy("momo"), List.of(), List.of(
        order("O1", "P1", "momo", "AAPL"), order("O2", "P2", "momo", "MSFT"),
        order("O3", "P2", "carry", "MSFT"), order("O-gone", "P1", "momo", "AAPL")));

    OmsAck ack = await(endpoint.cancel(instruction));

    assertEquals("3 x 35=F acknowledged: 2 canceled (35=8 150=4), 1 no longer working (35=9)", ack.detail());
    assertEquals(2, ack.ordersAffected());
    assertEquals(List.of("H-momo.O1", "H-momo.O2", "H-momo.O-gone"),
        oms.received().stream().map(SimulatedOms.Received::clOrdId).toList());
    assertEquals(0, oms.massCancelsReceived());
    assertTrue(oms.isWorking("O3"), "an order of another strategy listed by mistake is not cancelled");

    OmsAck again = await(endpoint.cancel(instruction));
    assertEquals("3 x 35=F acknowledged: 0 canceled (35=8 150=4), 3 no longer working (35=9)", again.detail());
    assertTrue(oms.isWorking("O3"));
  }

  @Test
  void shouldAckAtOnceWhenAStrategyHasNoOpenOrders() throws Exception {
    OmsAck ack = await(endpoint.cancel(halt("H-empty", HaltScope.strategy("idle"), List.of(), List.of())));

    assertEquals(new OmsAck("oms1", "H-empty", "no open orders known in scope STRATEGY:idle; nothing sent", 0), ack);
    assertEquals(List.of(), oms.received());
  }

  @Test
  void shouldSendOrderCancelsOnlyWhenConfiguredWithoutMassCancel() throws Exception {
    try (Connection perOrder = connect("oms5", builder -> {}, s -> s.withMassCancelSupported(false))) {
      perOrder.oms().addWorkingOrder("P1", "O1", "AAPL", Side.BUY, 100, "");
      perOrder.oms().addWorkingOrder("P1", "O2", "AAPL", Side.BUY, 100, "");

      OmsAck ack = await(perOrder.endpoint().cancel(halt("H-cfg", HaltScope.FIRM, List.of(), List.of(
          order("O1", "P1", "", "AAPL"), order("O2", "P1", "", "AAPL")))));

      assertEquals("2 x 35=F acknowledged: 2 canceled (35=8 150=4), 0 no longer working (35=9)", ack.detail());
      assertEquals(0, perOrder.oms().massCancelsReceived());
      assertEquals(List.of(), perOrder.oms().workingOrders());
    }
  }

  @Test
  void shouldTellTheDemoWhatTheSimulatedOmsReceived() throws Exception {
    BlockingQueue<SimulatedOms.Received> seen = new LinkedBlockingQueue<>();
    oms.onReceived(seen::add);
    try {
      oms.addWorkingOrder("P1", "O1", "AAPL", Side.BUY, 100, "");
      oms.addWorkingOrder("P2", "O2", "AAPL", Side.BUY, 100, "");

      await(endpoint.cancel(halt("H-demo", HaltScope.portfolio("P1"), List.of("P1"), List.of())));

      SimulatedOms.Received received = seen.poll(OmsTestSupport.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertEquals("mass cancel ClOrdID=H-demo 530=7 (all orders) 1=P1: cancelled 1 order(s)", received.summary());
      assertEquals("simulated OMS OMS1 on port " + oms.port() + ": 1 working order(s), 1 cancelled; received 1 mass "
          + "cancel(s) (1 effective), 0 order cancel(s)", oms.describe());
    } finally {
      oms.onReceived(null);
    }
  }

  @Test
  void shouldFailRetryableAtOnceWhenNotConnected() throws Exception {
    FixOmsEndpoint idle = new FixOmsEndpoint(fixSettings("idle", oms.port(), ""));
    try {
      OmsDeliveryException failure = awaitFailure(idle.cancel(halt("H-x", HaltScope.FIRM, List.of(), List.of())));
      assertTrue(failure.retryable());
      assertTrue(failure.getMessage().contains("endpoint new"), failure.getMessage());
      assertFalse(idle.connected());
    } finally {
      idle.close();
    }
  }
}

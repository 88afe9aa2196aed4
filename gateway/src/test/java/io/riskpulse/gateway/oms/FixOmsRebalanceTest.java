package io.riskpulse.gateway.oms;

import static io.riskpulse.gateway.oms.OmsTestSupport.await;
import static io.riskpulse.gateway.oms.OmsTestSupport.awaitFailure;
import static io.riskpulse.gateway.oms.OmsTestSupport.connect;
import static io.riskpulse.gateway.oms.OmsTestSupport.rebalance;
import static io.riskpulse.gateway.oms.OmsTestSupport.rebalanceOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.gateway.oms.OmsTestSupport.Connection;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link FixOmsEndpoint#submit} against a real {@link SimulatedOms} over loopback: one NewOrderSingle per order,
 * the acknowledgement rules, idempotent re-sends and a drop before the answers.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class FixOmsRebalanceTest {

  private static final Duration WAIT = Duration.ofSeconds(OmsTestSupport.TIMEOUT_SECONDS);

  /** Shared by the tests that leave the session as they found it (logging on takes a QuickFIX/J timer tick). */
  private Connection shared;
  private SimulatedOms oms;
  private FixOmsEndpoint endpoint;

  @BeforeAll
  void connectShared() throws Exception {
    shared = connect("reb1", builder -> {}, settings -> settings);
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
  void shouldEnterOneMarketDayOrderPerOrderAndAckWhenEachIsAccepted() throws Exception {
    RebalanceInstruction instruction = rebalance("R-two", "P1",
        List.of(rebalanceOrder("MSFT", Side.BUY, 40), rebalanceOrder("AAPL", Side.SELL, 100)));

    OmsAck ack = await(endpoint.submit(instruction));

    assertEquals(new OmsAck("reb1", "R-two", "2 x 35=D acknowledged: 2 accepted (35=8), 0 duplicate (35=8 150=8 "
        + "103=6), 0 ended (35=8 39=3/4/C)", 2), ack);
    assertEquals(List.of("D:new order ClOrdID=R-two.1 1=P1 55=AAPL 54=2 38=100 40=1 59=0: entered",
        "D:new order ClOrdID=R-two.2 1=P1 55=MSFT 54=1 38=40 40=1 59=0: entered"),
        oms.received().stream().map(r -> r.msgType() + ":" + r.summary()).toList());
    assertEquals(List.of(new SimulatedOms.WorkingOrder("P1", "R-two.1", "AAPL", Side.SELL, 100, ""),
        new SimulatedOms.WorkingOrder("P1", "R-two.2", "MSFT", Side.BUY, 40, "")), oms.workingOrders());
    assertEquals(2, oms.newOrdersEffective());
    assertTrue(oms.describe().endsWith("received 0 mass cancel(s) (0 effective), 0 order cancel(s), 2 new order(s) "
        + "(2 effective)"), oms.describe());
  }

  @Test
  void shouldAckResendOfSameRebalanceWithoutEnteringTheOrdersAgain() throws Exception {
    RebalanceInstruction instruction = rebalance("R-again", "P1",
        List.of(rebalanceOrder("AAPL", Side.SELL, 100), rebalanceOrder("MSFT", Side.SELL, 50)));
    OmsAck first = await(endpoint.submit(instruction));

    OmsAck second = await(endpoint.submit(instruction));

    assertEquals(first, second);
    assertEquals(4, oms.newOrdersReceived());
    assertEquals(2, oms.newOrdersEffective());
    assertEquals(2, oms.workingOrders().size());
    assertEquals(List.of("R-again.1", "R-again.2", "R-again.1", "R-again.2"),
        oms.received().stream().map(SimulatedOms.Received::clOrdId).toList(), "the re-send uses the same ClOrdIDs");
    assertTrue(oms.received().get(2).repeat());
  }

  @Test
  void shouldJoinASubmitOfTheSameRebalanceStillInFlight() throws Exception {
    RebalanceInstruction instruction = rebalance("R-join", "P1", List.of(rebalanceOrder("AAPL", Side.SELL, 100)));
    oms.holdAcks(true);
    CompletionStage<OmsAck> first = endpoint.submit(instruction);
    assertTrue(oms.awaitReceived(1, WAIT), "the OMS never received the order");

    CompletionStage<OmsAck> joined = endpoint.submit(instruction);
    oms.holdAcks(false);

    assertEquals(await(first), await(joined));
    assertEquals(1, oms.newOrdersReceived(), "joining sends nothing");
  }

  @Test
  void shouldAckAnOrderTheOmsRefusesAsDuplicateBecauseItWasEnteredBefore() throws Exception {
    oms.addWorkingOrder("P1", "R-dup.1", "AAPL", Side.SELL, 100, "");

    OmsAck ack = await(endpoint.submit(rebalance("R-dup", "P1", List.of(rebalanceOrder("AAPL", Side.SELL, 100)))));

    assertEquals("1 x 35=D acknowledged: 0 accepted (35=8), 1 duplicate (35=8 150=8 103=6), 0 ended (35=8 39=3/4/C)",
        ack.detail());
    assertEquals(0, ack.ordersAffected(), "the duplicate was entered by an earlier send, not this one");
    assertEquals(0, oms.newOrdersEffective());
  }

  @Test
  void shouldFailNotRetryableNamingTheReasonWhenTheOmsRejectsAnOrder() throws Exception {
    oms.rejectNewOrders("AAPL halted by the venue");

    OmsDeliveryException failure = awaitFailure(endpoint.submit(rebalance("R-rej", "P1",
        List.of(rebalanceOrder("AAPL", Side.SELL, 100)))));

    assertFalse(failure.retryable());
    assertEquals(OmsDeliveryException.Instruction.REBALANCE, failure.instruction());
    assertEquals("R-rej", failure.instructionId());
    assertEquals("OMS reb1, rebalance R-rej: OMS rejected 35=D 11=R-rej.1 55=AAPL 54=2 38=100: 35=8 ExecType=8 "
        + "OrdStatus=8 OrdRejReason=99 Text=AAPL halted by the venue (not retryable)", failure.getMessage());
    assertEquals(List.of(), oms.workingOrders());
    assertTrue(oms.describe().endsWith("; rejecting new orders"), oms.describe());
  }

  @Test
  void shouldAckAtOnceWhenTheRebalanceHasNoOrders() throws Exception {
    OmsAck ack = await(endpoint.submit(rebalance("R-empty", "P1", List.of())));

    assertEquals(new OmsAck("reb1", "R-empty", "rebalance has no orders; nothing sent", 0), ack);
    assertEquals(List.of(), oms.received());
  }

  @Test
  void shouldFailRetryableWhenOmsDropsBeforeAckAndFailFastWhileDisconnected() throws Exception {
    RebalanceInstruction instruction = rebalance("R-drop", "P1",
        List.of(rebalanceOrder("AAPL", Side.SELL, 100), rebalanceOrder("MSFT", Side.SELL, 50)));
    try (Connection own = connect("reb2", builder -> {}, settings -> settings)) {
      own.oms().holdAcks(true);
      CompletionStage<OmsAck> pending = own.endpoint().submit(instruction);
      assertTrue(own.oms().awaitReceived(2, WAIT), "the OMS never received both orders");

      own.oms().close();

      OmsDeliveryException failure = awaitFailure(pending);
      assertTrue(failure.retryable(), failure.getMessage());
      assertTrue(failure.getMessage().contains("rebalance R-drop: session disconnected before the OMS acknowledged"),
          failure.getMessage());
      own.events().awaitNext("down");
      OmsDeliveryException notConnected = awaitFailure(own.endpoint().submit(instruction));
      assertTrue(notConnected.retryable());
      assertTrue(notConnected.getMessage().contains("not connected"), notConnected.getMessage());
    }
  }
}

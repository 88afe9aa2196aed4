package io.riskpulse.gateway.oms;

import static io.riskpulse.gateway.oms.OmsTestSupport.await;
import static io.riskpulse.gateway.oms.OmsTestSupport.awaitFailure;
import static io.riskpulse.gateway.oms.OmsTestSupport.connect;
import static io.riskpulse.gateway.oms.OmsTestSupport.halt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.gateway.oms.OmsTestSupport.Connection;
import io.riskpulse.gateway.oms.OmsTestSupport.ConnectionEvents;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.portfolio.Side;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What happens between "sent" and "acknowledged": the OMS going away, the gateway restarting, no answer at all.
 * The simulated OMS withholds its answers ({@link SimulatedOms#holdAcks}) to open that window.
 */
@ExtendWith(LogCapturingExtension.class)
@Timeout(30)
class FixOmsReconnectTest {

  private static final Duration WAIT = Duration.ofSeconds(OmsTestSupport.TIMEOUT_SECONDS);

  @Test
  void shouldFailRetryableWhenOmsDropsBeforeAckThenReportReconnectAndAckResend() throws Exception {
    HaltInstruction instruction = halt("H-drop", HaltScope.FIRM, List.of(), List.of());
    try (Connection first = connect("drop", builder -> {}, settings -> settings)) {
      SimulatedOms oms = first.oms();
      FixOmsEndpoint endpoint = first.endpoint();
      oms.addWorkingOrder("P1", "O1", "AAPL", Side.BUY, 100, "");
      oms.holdAcks(true);

      CompletionStage<OmsAck> pending = endpoint.cancel(instruction);
      assertTrue(oms.awaitReceived(1, WAIT), "the OMS never received the mass cancel");
      int port = oms.port();
      oms.close();

      OmsDeliveryException failure = awaitFailure(pending);
      assertTrue(failure.retryable(), failure.getMessage());
      assertTrue(failure.getMessage().contains("session disconnected"), failure.getMessage());
      first.events().awaitNext("down");
      assertFalse(endpoint.connected());
      assertTrue(awaitFailure(endpoint.cancel(instruction)).retryable(), "not connected: fails fast, retryable");

      try (SimulatedOms back = SimulatedOms.builder().port(port).omsCompId("DROP").build()) {
        back.start();
        back.addWorkingOrder("P1", "O1", "AAPL", Side.BUY, 100, "");
        first.events().awaitNext("up");

        OmsAck ack = await(endpoint.cancel(instruction));

        assertEquals("35=r MassCancelResponse=7 TotalAffectedOrders=1", ack.detail());
        assertEquals(1, back.massCancelsEffective());
        assertEquals(List.of(), back.workingOrders());
      }
    }
  }

  @Test
  void shouldAckResendFromRestartedGatewayWithoutCancellingAgain() throws Exception {
    HaltInstruction instruction = halt("H-restart", HaltScope.portfolio("P1"), List.of("P1"), List.of());
    try (Connection first = connect("restart", builder -> {}, settings -> settings)) {
      SimulatedOms oms = first.oms();
      oms.addWorkingOrder("P1", "O1", "AAPL", Side.BUY, 100, "");
      oms.holdAcks(true);
      CompletionStage<OmsAck> beforeRestart = first.endpoint().cancel(instruction);
      assertTrue(oms.awaitReceived(1, WAIT), "the OMS never received the mass cancel");

      first.endpoint().close();
      assertTrue(awaitFailure(beforeRestart).retryable());
      oms.addWorkingOrder("P1", "O-after", "AAPL", Side.BUY, 100, "");

      try (FixOmsEndpoint restarted = new FixOmsEndpoint(first.endpoint().settings())) {
        ConnectionEvents events = new ConnectionEvents();
        restarted.addConnectionListener(events);
        restarted.start();
        events.awaitNext("up");
        CompletionStage<OmsAck> afterRestart = restarted.cancel(instruction);
        assertTrue(oms.awaitReceived(2, WAIT), "the OMS never received the re-send");

        oms.holdAcks(false);

        assertEquals("35=r MassCancelResponse=7 TotalAffectedOrders=1", await(afterRestart).detail());
        assertEquals(2, oms.massCancelsReceived());
        assertEquals(1, oms.massCancelsEffective());
        assertTrue(oms.isWorking("O-after"), "the re-send must not cancel what the first request did not");
      }
    }
  }

  @Test
  void shouldFailRetryableWhenOmsNeverAnswers() throws Exception {
    try (Connection silent = connect("silent", builder -> {}, s -> s.withAckTimeout(Duration.ofMillis(300)))) {
      silent.oms().holdAcks(true);

      OmsDeliveryException failure = awaitFailure(silent.endpoint().cancel(
          halt("H-silent", HaltScope.instrument("AAPL"), List.of(), List.of())));

      assertTrue(failure.retryable());
      assertTrue(failure.getMessage().contains("no acknowledgement within 300 ms for 1 request(s), e.g. 35=q 530=1 "
          + "55=AAPL"), failure.getMessage());
      assertTrue(silent.endpoint().connected(), "a missing answer does not drop the session");
    }
  }
}

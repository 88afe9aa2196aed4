package io.riskpulse.gateway.halt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.gateway.halt.EndpointDelivery.Status;
import io.riskpulse.gateway.halt.OmsGatewayCommand.GetDeliveries;
import io.riskpulse.gateway.halt.OmsGatewayCommand.Request;
import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliveryAcknowledged;
import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliverySent;
import io.riskpulse.gateway.halt.OmsGatewayEvent.HaltRequested;
import io.riskpulse.gateway.halt.OmsGatewayEvent.HaltResolved;
import io.riskpulse.gateway.oms.FixOmsEndpoint;
import io.riskpulse.gateway.oms.FixOmsSettings;
import io.riskpulse.gateway.oms.SimulatedOms;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.OpenOrder;
import io.riskpulse.model.portfolio.Side;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OMS gateway against a real FIX peer (the simulated OMS, a QuickFIX/J acceptor): a halt is journaled step by
 * step, acknowledged by the OMS, survives a gateway restart between "sent" and "acknowledged" without being lost
 * or cancelling twice, and is taken once however often it is handed over.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OmsGatewayTest {

  /** LoggingTestKit waits filter-leeway for a message: 3 s by default, tight for a FIX disconnect on a busy host. */
  private static final Config CONFIG = ConfigFactory.parseString("pekko.actor.testkit.typed.filter-leeway = 15s")
      .withFallback(EventSourcedBehaviorTestKit.config()).withFallback(ConfigFactory.load());
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ActiveHalt HALT =
      new ActiveHalt("halt-P1-7", HaltScope.portfolio("P1"), "riskpulse:limit-monitor", "DRAWDOWN 12,000 > 10,000",
          1_767_225_600_000L);

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final AtomicInteger sessions = new AtomicInteger();
  private final AtomicReference<Supplier<CompletionStage<Void>>> flush =
      new AtomicReference<>(() -> CompletableFuture.completedFuture(null));
  /** Completes when the scope resolver may answer (at once unless a test holds it). */
  private final AtomicReference<CompletableFuture<Void>> resolutions = new AtomicReference<>();
  private SimulatedOms oms;
  private FixOmsEndpoint endpoint;
  private EventSourcedBehaviorTestKit<OmsGatewayCommand, OmsGatewayEvent, OmsGatewayState> kit;

  @BeforeEach
  void setUp() throws Exception {
    String compId = "GWOMS" + sessions.incrementAndGet(); // QuickFIX/J registers sessions per JVM
    oms = SimulatedOms.builder().omsCompId(compId).build();
    oms.start();
    oms.addWorkingOrder("P1", "O-1", "SPY", Side.BUY, 100, "algo");
    oms.addWorkingOrder("P1", "O-2", "GLD", Side.SELL, 50, "algo");
    oms.addWorkingOrder("P2", "O-3", "SPY", Side.BUY, 10, "other");
    endpoint = new FixOmsEndpoint(FixOmsSettings.fromConfig(ConfigFactory.parseString(
        "name = \"oms-" + compId + "\", type = fix, host = \"127.0.0.1\", port = " + oms.port()
            + ", target-comp-id = \"" + compId + "\", reconnect-interval = 1s, ack-timeout = 5s")));
    endpoint.start();
    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(WAIT, () -> {
      assertTrue(endpoint.connected() && oms.loggedOn(), "FIX session not logged on");
      return null;
    });
    resolutions.set(CompletableFuture.completedFuture(null));
    ScopeResolver resolver = halt -> resolutions.get().thenApply(go -> new HaltInstruction(halt.haltId(),
        halt.scope(), List.of("P1"), List.of(new OpenOrder("O-1", "P1", "algo", "SPY", Side.BUY, 100)), halt.by(),
        halt.reason(), halt.atMillis()));
    OmsGatewayEnvironment env = new OmsGatewayEnvironment(List.of(endpoint), resolver, () -> flush.get().get(),
        Clock.systemUTC(), new OmsGatewaySettings(Duration.ofSeconds(5), Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofSeconds(5)));
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), OmsGateway.create(env),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  @AfterEach
  void stopOms() {
    endpoint.close();
    oms.close();
    flush.set(() -> CompletableFuture.completedFuture(null));
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  private StatusReply<Done> request(ActiveHalt halt) {
    return kit.<StatusReply<Done>>runCommand(replyTo -> new Request(halt, replyTo)).reply();
  }

  private OmsDelivery delivery(String haltId) {
    return kit.<OmsDeliveries>runCommand(GetDeliveries::new).reply().delivery(haltId);
  }

  /**
   * Waits until the acknowledgement is journaled, not only in the state: a typed persistent actor applies an event
   * to its in-memory state before the journal confirms the write.
   */
  private void awaitAcknowledged(String haltId) {
    testKit.createTestProbe().awaitAssert(WAIT, () -> {
      assertEquals(Status.ACKNOWLEDGED, delivery(haltId).at(endpoint.name()).status());
      assertTrue(journal().stream().anyMatch(e -> e instanceof DeliveryAcknowledged a
          && a.deliveryId().equals(haltId) && a.endpoint().equals(endpoint.name())), "acknowledgement journaled");
      return null;
    });
  }

  private List<OmsGatewayEvent> journal() {
    return kit.persistenceTestKit().persistedInStorage(OmsGateway.PERSISTENCE_ID.id()).stream()
        .map(OmsGatewayEvent.class::cast).toList();
  }

  @Test
  void shouldDeliverAHaltToTheOmsAndJournalEveryStep() {
    assertTrue(request(HALT).isSuccess());
    awaitAcknowledged(HALT.haltId());
    List<Class<?>> steps = journal().stream().<Class<?>>map(Object::getClass).toList();
    assertEquals(List.of(HaltRequested.class, HaltResolved.class, DeliverySent.class, DeliveryAcknowledged.class), steps);
    DeliveryAcknowledged acked = (DeliveryAcknowledged) journal().get(3);
    assertTrue(acked.detail().contains("35=r"), acked.detail());
    assertEquals(1, oms.massCancelsEffective());
    assertFalse(oms.isWorking("O-1"));
    assertFalse(oms.isWorking("O-2"));
    assertTrue(oms.isWorking("O-3"), "another portfolio's order is not cancelled");
  }

  @Test
  void shouldResendAfterARestartBetweenSentAndAcknowledgedWithoutASecondEffect() throws Exception {
    oms.holdAcks(true);
    assertTrue(request(HALT).isSuccess());
    assertTrue(oms.awaitReceived(1, WAIT), "the mass cancel did not reach the OMS");
    assertEquals(Status.SENT, delivery(HALT.haltId()).at(endpoint.name()).status());

    kit.restart(); // the gateway goes down between "sent" and "acknowledged"
    assertTrue(oms.awaitReceived(2, WAIT), "the restarted gateway did not send the halt again");
    oms.holdAcks(false);
    awaitAcknowledged(HALT.haltId());

    assertEquals(2, oms.massCancelsReceived(), "sent twice (at least once) ...");
    assertEquals(1, oms.massCancelsEffective(), "... but one effective mass cancel (same ClOrdID)");
    assertEquals(2, oms.ordersCancelled());
    assertEquals(1, journal().stream().filter(e -> e instanceof DeliveryAcknowledged).count());
  }

  @Test
  void shouldSendAgainWhenTheWriteOfTheAttemptFailsAfterTheOmsWasCalled() throws Exception {
    CompletableFuture<Void> resolution = new CompletableFuture<>();
    resolutions.set(resolution);
    assertTrue(request(HALT).isSuccess()); // HaltRequested is on file; the scope is still being resolved
    // The next write, the resolution with the attempt, fails after the gateway has called the OMS (it does not wait
    // for that write): the gateway restarts, finds the halt requested and not sent, and sends it again.
    kit.persistenceTestKit().failNextPersisted(OmsGateway.PERSISTENCE_ID.id());
    resolution.complete(null);
    assertTrue(oms.awaitReceived(2, WAIT), "the restarted gateway did not send the halt again");
    awaitAcknowledged(HALT.haltId());

    assertEquals(1, oms.massCancelsEffective(), "one effective mass cancel (same ClOrdID)");
    assertEquals(List.of(HaltRequested.class, HaltResolved.class, DeliverySent.class, DeliveryAcknowledged.class),
        journal().stream().<Class<?>>map(Object::getClass).toList());
  }

  @Test
  void shouldLogADisconnectTheEndpointReportsOnItsOwnThread() {
    // QuickFIX/J calls the connection listener on its own thread, where the actor's context must not be used.
    LoggingTestKit.warn("OMS endpoint " + endpoint.name() + " disconnected")
        .withLoggerName(OmsGateway.class.getName())
        .expect(testKit.system(), () -> {
          oms.close();
          return null;
        });
  }

  @Test
  void shouldTakeAHaltOnceHoweverOftenItIsHandedOver() {
    assertTrue(request(HALT).isSuccess());
    assertTrue(request(HALT).isSuccess());
    awaitAcknowledged(HALT.haltId());
    assertTrue(request(HALT).isSuccess(), "a hand-off retried after delivery is still answered");
    assertEquals(1, journal().stream().filter(e -> e instanceof HaltRequested).count());
    assertEquals(1, oms.massCancelsReceived());
  }

  @Test
  void shouldConfirmAHaltHandedOverAgainOnlyOnceTheJournalIsFlushed() {
    assertTrue(request(HALT).isSuccess());
    // A hand-off retried while the first one's write was in flight waits behind it and must not be confirmed before
    // the flush either: were the node to crash first, the sender would have stopped and the halt be lost.
    flush.set(() -> CompletableFuture.failedFuture(new IllegalStateException("disk full")));
    StatusReply<Done> again = request(HALT);
    assertTrue(again.isError(), "a repeated hand-off was confirmed without a flush");
    assertEquals(1, journal().stream().filter(e -> e instanceof HaltRequested).count(), "taken once");
  }

  @Test
  void shouldRefuseToConfirmAHaltTheJournalCouldNotFlush() {
    flush.set(() -> CompletableFuture.failedFuture(new IllegalStateException("disk full")));
    StatusReply<Done> reply = request(HALT);
    assertTrue(reply.isError());
    assertTrue(reply.getError().getMessage().contains("disk full"), reply.getError().getMessage());
  }

  @Test
  void shouldRetryUntilTheOmsAnswersAfterItWasUnreachable() throws Exception {
    int port = oms.port();
    String compId = "GWOMS" + sessions.get();
    oms.close(); // the OMS is down when the halt comes
    testKit.createTestProbe().awaitAssert(WAIT, () -> {
      assertFalse(endpoint.connected());
      return null;
    });
    assertTrue(request(HALT).isSuccess(), "the gateway takes the halt even with the OMS down");
    testKit.createTestProbe().awaitAssert(WAIT, () -> {
      assertTrue(journal().stream().anyMatch(e -> e instanceof OmsGatewayEvent.DeliveryFailed),
          "a failed attempt is journaled");
      return null;
    });
    oms = SimulatedOms.builder().omsCompId(compId).port(port).build();
    oms.start();
    oms.addWorkingOrder("P1", "O-1", "SPY", Side.BUY, 100, "algo");
    awaitAcknowledged(HALT.haltId());
    assertNotNull(delivery(HALT.haltId()).instruction());
    assertEquals(1, oms.massCancelsEffective());
    assertFalse(oms.isWorking("O-1"));
  }
}

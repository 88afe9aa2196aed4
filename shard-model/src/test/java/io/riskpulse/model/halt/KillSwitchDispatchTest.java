package io.riskpulse.model.halt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.halt.KillSwitchCommand.Engage;
import io.riskpulse.model.halt.KillSwitchCommand.GetHalts;
import io.riskpulse.model.halt.KillSwitchCommand.Release;
import io.riskpulse.model.halt.KillSwitchEvent.HaltDispatched;
import io.riskpulse.model.halt.KillSwitchReply.Outcome;
import io.riskpulse.model.journal.JournalEvents;
import io.riskpulse.model.portfolio.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * At-least-once hand-off of halts to the OMS gateway: retried until the gateway confirms, journaled once when it
 * does, handed over again after a restart while unconfirmed, and dropped when the halt ends first. The gateway is
 * a {@link ManualDispatcher} the test answers; nothing depends on how long anything takes.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchDispatchTest {

  private static final Config CONFIG = ConfigFactory.parseString("""
          riskpulse.kill-switch {
            dispatch-timeout = 1h
            dispatch-retry { min = 1ms, max = 10ms }
          }
          """)
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());
  private static final String PERSISTENCE_ID = "KillSwitch|" + KillSwitch.FIRM_ENTITY_ID;

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final TestProbe<Object> probe = testKit.createTestProbe();

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  /** One hand-off: the halt, and the stage the test completes as the gateway would. */
  private record Attempt(ActiveHalt halt, CompletableFuture<Void> result) {}

  /** A gateway that records every hand-off and answers only when the test says so. Thread-safe. */
  private static final class ManualDispatcher implements HaltDispatcher {
    private final BlockingQueue<Attempt> attempts = new LinkedBlockingQueue<>();

    @Override
    public CompletionStage<Void> dispatch(ActiveHalt halt) {
      Attempt attempt = new Attempt(halt, new CompletableFuture<>());
      attempts.add(attempt);
      return attempt.result();
    }

    /** The next hand-off, waiting for it to be made. */
    Attempt next() throws InterruptedException {
      Attempt attempt = attempts.poll(10, TimeUnit.SECONDS);
      assertNotNull(attempt, "the kill switch handed nothing over");
      return attempt;
    }

    boolean idle() {
      return attempts.isEmpty();
    }
  }

  private EventSourcedBehaviorTestKit<KillSwitchCommand, KillSwitchEvent, KillSwitchState> kit(
      ManualDispatcher dispatcher, Config overrides) {
    KillSwitchSettings settings = KillSwitchSettings.fromConfig(overrides.withFallback(CONFIG));
    TestProbe<Topic.Command<HaltsSnapshot>> topic = testKit.createTestProbe();
    return EventSourcedBehaviorTestKit.create(testKit.system(),
        KillSwitch.create(KillSwitch.FIRM_ENTITY_ID, new KillSwitchEnvironment(clock, settings, dispatcher),
            topic.ref()),
        EventSourcedBehaviorTestKit.enabledSerializationSettings());
  }

  private static String engage(
      EventSourcedBehaviorTestKit<KillSwitchCommand, KillSwitchEvent, KillSwitchState> kit, HaltScope scope) {
    KillSwitchReply reply =
        kit.<KillSwitchReply>runCommand(replyTo -> new Engage(scope, "alice", "runaway algo", replyTo)).reply();
    assertEquals(Outcome.ACCEPTED, reply.outcome(), reply.toString());
    return reply.haltId();
  }

  private List<HaltDispatched> dispatched(
      EventSourcedBehaviorTestKit<KillSwitchCommand, KillSwitchEvent, KillSwitchState> kit) {
    JournalEvents journal = new JournalEvents(testKit.system()); // events are stored sealed in the hash chain
    return kit.persistenceTestKit().persistedInStorage(PERSISTENCE_ID).stream().map(journal::open)
        .filter(HaltDispatched.class::isInstance).map(HaltDispatched.class::cast).toList();
  }

  /** Waits until the kill switch journaled exactly these hand-offs. */
  private void awaitDispatched(
      EventSourcedBehaviorTestKit<KillSwitchCommand, KillSwitchEvent, KillSwitchState> kit, String... haltIds) {
    probe.awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(List.of(haltIds), dispatched(kit).stream().map(HaltDispatched::haltId).toList());
      return null;
    });
  }

  /** Every message the entity received before this call has been handled when it returns. */
  private static void barrier(EventSourcedBehaviorTestKit<KillSwitchCommand, KillSwitchEvent, KillSwitchState> kit) {
    kit.runCommand(GetHalts::new);
  }

  @Test
  void shouldRetryAFailingGatewayUntilItConfirmsAndJournalTheHandOffOnce() throws InterruptedException {
    ManualDispatcher gateway = new ManualDispatcher();
    var kit = kit(gateway, ConfigFactory.empty());
    String haltId = engage(kit, HaltScope.desk("rates"));
    int failures = 3;
    for (int i = 1; i <= failures; i++) {
      Attempt attempt = gateway.next();
      assertEquals(haltId, attempt.halt().haltId());
      attempt.result().completeExceptionally(new IllegalStateException("gateway down (" + i + ")"));
    }
    Attempt last = gateway.next();
    assertEquals(haltId, last.halt().haltId(), "the same halt, id and all, every time");
    last.result().complete(null);

    awaitDispatched(kit, haltId);
    barrier(kit);
    assertTrue(gateway.idle(), "no hand-off after the gateway confirmed; it saw the halt " + (failures + 1) + " times");
    assertEquals(List.of(), kit.getState().undispatched());
  }

  @Test
  void shouldRetryAHandOffTheGatewayDoesNotAnswerInTime() throws InterruptedException {
    ManualDispatcher gateway = new ManualDispatcher();
    var kit = kit(gateway, ConfigFactory.parseString("riskpulse.kill-switch.dispatch-timeout = 50ms"));
    String haltId = engage(kit, HaltScope.instrument("XYZ"));
    Attempt unanswered = gateway.next();
    Attempt retry = gateway.next();
    assertEquals(haltId, retry.halt().haltId());
    assertFalse(unanswered.result().isDone(), "the timeout is the kill switch's; the gateway's stage is its own");
    retry.result().complete(null);
    awaitDispatched(kit, haltId);
  }

  @Test
  void shouldHandOverAgainAfterARestartWhatTheGatewayHadNotConfirmed() throws InterruptedException {
    ManualDispatcher gateway = new ManualDispatcher();
    var kit = kit(gateway, ConfigFactory.empty());
    String confirmed = engage(kit, HaltScope.desk("rates"));
    gateway.next().result().complete(null);
    awaitDispatched(kit, confirmed);
    String unconfirmed = engage(kit, HaltScope.trader("alice"));
    assertEquals(unconfirmed, gateway.next().halt().haltId()); // never answered: the node dies first

    kit.restart();
    Attempt again = gateway.next();
    assertEquals(unconfirmed, again.halt().haltId());
    barrier(kit);
    assertTrue(gateway.idle(), "a confirmed halt is not handed over again");
    again.result().complete(null);
    awaitDispatched(kit, confirmed, unconfirmed);

    kit.restart();
    barrier(kit);
    assertTrue(gateway.idle(), "nothing left to hand over");
  }

  @Test
  void shouldNotHandOverAHaltReleasedBeforeTheGatewayConfirmedIt() throws InterruptedException {
    ManualDispatcher gateway = new ManualDispatcher();
    var kit = kit(gateway, ConfigFactory.empty());
    String answeredLate = engage(kit, HaltScope.desk("rates"));
    Attempt late = gateway.next();
    String failing = engage(kit, HaltScope.desk("credit"));
    Attempt failed = gateway.next();
    for (String desk : List.of("rates", "credit")) {
      KillSwitchReply reply = kit.<KillSwitchReply>runCommand(
          replyTo -> new Release(HaltScope.desk(desk), "bob", "false alarm", replyTo)).reply();
      assertEquals(Outcome.ACCEPTED, reply.outcome(), reply.toString());
    }
    // The answers reach the entity before the barrier: completing a stage tells the entity on this thread.
    late.result().complete(null);
    failed.result().completeExceptionally(new IllegalStateException("gateway down"));
    barrier(kit);
    assertEquals(List.of(), dispatched(kit), "released first: " + answeredLate + " and " + failing);

    kit.restart();
    barrier(kit);
    assertTrue(gateway.idle(), "a released halt is not retried, nor handed over after a restart");
  }
}

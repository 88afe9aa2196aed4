package io.riskpulse.model.halt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.halt.KillSwitchCommand.Engage;
import io.riskpulse.model.halt.KillSwitchCommand.GetHalts;
import io.riskpulse.model.halt.KillSwitchCommand.Release;
import io.riskpulse.model.halt.KillSwitchEvent.FirmResumeRequested;
import io.riskpulse.model.halt.KillSwitchEvent.ScopeHalted;
import io.riskpulse.model.halt.KillSwitchEvent.ScopeResumed;
import io.riskpulse.model.halt.KillSwitchReply.Outcome;
import io.riskpulse.model.halt.KillSwitchReply.Reason;
import io.riskpulse.model.journal.JournalEvents;
import io.riskpulse.model.portfolio.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kill switch's commands, events and replies: what it accepts, what it refuses and why, the two-person rule
 * for a firm-wide resume, stable halt ids and the snapshots it publishes. Hand-off to the OMS gateway is in
 * {@link KillSwitchDispatchTest}.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          // Hand-offs never complete here (see setUp): keep them from timing out and retrying mid-test.
          "riskpulse.kill-switch.dispatch-timeout = 1h\n")
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());
  private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final MutableClock clock = new MutableClock(START);
  private TestProbe<Topic.Command<HaltsSnapshot>> topic;
  private EventSourcedBehaviorTestKit<KillSwitchCommand, KillSwitchEvent, KillSwitchState> kit;

  @BeforeEach
  void setUp() {
    topic = testKit.createTestProbe();
    // A gateway that never confirms: HaltDispatched would otherwise land in whichever command result is running.
    HaltDispatcher pending = halt -> new CompletableFuture<>();
    KillSwitchEnvironment env = new KillSwitchEnvironment(clock, KillSwitchSettings.fromConfig(CONFIG), pending);
    kit = EventSourcedBehaviorTestKit.create(testKit.system(),
        KillSwitch.create(KillSwitch.FIRM_ENTITY_ID, env, topic.ref()),
        EventSourcedBehaviorTestKit.enabledSerializationSettings());
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  private CommandResultWithReply<KillSwitchCommand, KillSwitchEvent, KillSwitchState, KillSwitchReply> engage(
      HaltScope scope, String by, String reason) {
    return kit.runCommand(replyTo -> new Engage(scope, by, reason, replyTo));
  }

  private CommandResultWithReply<KillSwitchCommand, KillSwitchEvent, KillSwitchState, KillSwitchReply> release(
      HaltScope scope, String by, String reason) {
    return kit.runCommand(replyTo -> new Release(scope, by, reason, replyTo));
  }

  private HaltsSnapshot halts() {
    return kit.<HaltsSnapshot>runCommand(GetHalts::new).reply();
  }

  /** The reply, after checking that the command was refused for {@code reason} and persisted nothing. */
  private static KillSwitchReply rejected(
      CommandResultWithReply<KillSwitchCommand, KillSwitchEvent, KillSwitchState, KillSwitchReply> result,
      Reason reason) {
    assertEquals(Outcome.REJECTED, result.reply().outcome(), result.reply().toString());
    assertEquals(reason, result.reply().reason(), result.reply().toString());
    assertTrue(result.hasNoEvents(), "a rejected command persists nothing");
    return result.reply();
  }

  private ScopeResumed resumed(
      CommandResultWithReply<KillSwitchCommand, KillSwitchEvent, KillSwitchState, KillSwitchReply> result) {
    assertEquals(Outcome.ACCEPTED, result.reply().outcome(), result.reply().toString());
    List<KillSwitchEvent> events = opened(result.events());
    assertEquals(1, events.size(), events.toString());
    return (ScopeResumed) events.get(0);
  }

  @Test
  void shouldEngageEveryScopeKindButPortfolioWithAHaltIdNamingItsEvent() {
    List<HaltScope> scopes = List.of(HaltScope.strategy("momentum"), HaltScope.trader("alice"),
        HaltScope.desk("rates"), HaltScope.instrument("XYZ"), HaltScope.FIRM);
    List<ActiveHalt> expected = new ArrayList<>();
    for (HaltScope scope : scopes) {
      clock.advance(Duration.ofSeconds(1));
      var result = engage(scope, "ops-1", "runaway algo in " + scope);
      String haltId = "ks-" + (expected.size() + 1);
      ActiveHalt halt = new ActiveHalt(haltId, scope, "ops-1", "runaway algo in " + scope, clock.millis());
      assertEquals(KillSwitchReply.accepted(haltId, halt.describe()), result.reply());
      assertEquals(List.of(new ScopeHalted(halt)), opened(result.events()));
      expected.add(halt);
      assertEquals(Topic.publish(new HaltsSnapshot(expected.size(), expected)), topic.receiveMessage());
    }
    assertEquals(new HaltsSnapshot(5, expected), halts());
    assertEquals(expected.stream().map(ActiveHalt::haltId).toList(), kit.getState().undispatched());
  }

  @Test
  void shouldSendPortfolioHaltsToThePortfolio() {
    KillSwitchReply engage = rejected(engage(HaltScope.portfolio("P1"), "ops-1", "fat finger"), Reason.PORTFOLIO_SCOPE);
    assertTrue(engage.detail().startsWith("portfolio halts go to the portfolio"), engage.detail());
    assertTrue(engage.detail().contains("'P1'"), engage.detail());
    rejected(release(HaltScope.portfolio("P1"), "ops-1", "done"), Reason.PORTFOLIO_SCOPE);
    assertEquals(new HaltsSnapshot(0, List.of()), halts());
  }

  @Test
  void shouldRejectAScopeThatIsAlreadyHaltedNamingTheExistingHalt() {
    engage(HaltScope.desk("rates"), "alice", "runaway algo");
    KillSwitchReply again = rejected(engage(HaltScope.desk("rates"), "bob", "same algo"), Reason.ALREADY_HALTED);
    assertEquals("ks-1", again.haltId());
    assertEquals("already halted: DESK:rates halted by alice: runaway algo (ks-1)", again.detail());
    assertEquals(Outcome.ACCEPTED, engage(HaltScope.desk("credit"), "bob", "other desk").reply().outcome());
  }

  @Test
  void shouldRequireTheScopeTheOperatorAndAReasonNamingTheMissingField() {
    assertEquals("by is required",
        rejected(engage(HaltScope.desk("rates"), " ", "runaway algo"), Reason.INVALID_FIELD).detail());
    assertEquals("reason is required",
        rejected(engage(HaltScope.desk("rates"), "alice", null), Reason.INVALID_FIELD).detail());
    assertEquals("scope is required, e.g. DESK:rates or FIRM; by is required; reason is required",
        rejected(engage(null, null, ""), Reason.INVALID_FIELD).detail());
    engage(HaltScope.desk("rates"), "alice", "runaway algo");
    assertEquals("reason is required",
        rejected(release(HaltScope.desk("rates"), "bob", "\t"), Reason.INVALID_FIELD).detail());
    assertEquals(1, halts().halts().size());
  }

  @Test
  void shouldReleaseOnlyAScopeThatIsHalted() {
    assertEquals("DESK:rates is not halted",
        rejected(release(HaltScope.desk("rates"), "bob", "fixed"), Reason.NOT_HALTED).detail());
    engage(HaltScope.desk("rates"), "alice", "runaway algo");
    topic.receiveMessage();
    rejected(release(HaltScope.desk("credit"), "bob", "fixed"), Reason.NOT_HALTED);
    rejected(release(HaltScope.trader("rates"), "bob", "fixed"), Reason.NOT_HALTED); // same value, other kind

    clock.advance(Duration.ofMinutes(3));
    var released = release(HaltScope.desk("rates"), "bob", "algo fixed");
    assertEquals("ks-1", released.reply().haltId());
    assertEquals(new ScopeResumed(HaltScope.desk("rates"), "ks-1", "bob", "algo fixed", "", "", clock.millis()),
        resumed(released));
    assertEquals(Topic.publish(new HaltsSnapshot(2, List.of())), topic.receiveMessage());
    assertEquals(List.of(), halts().halts());
    rejected(release(HaltScope.desk("rates"), "bob", "again"), Reason.NOT_HALTED);
  }

  @Test
  void shouldResumeTheFirmOnlyWithASecondDifferentApprover() {
    engage(HaltScope.FIRM, "alice", "market-wide outage");
    engage(HaltScope.desk("rates"), "alice", "runaway algo");
    ActiveHalt desk = halts().halts().get(1);

    var requested = release(HaltScope.FIRM, "bob", "venues back");
    assertEquals(Outcome.PENDING_APPROVAL, requested.reply().outcome());
    assertEquals("ks-1", requested.reply().haltId());
    assertTrue(requested.reply().detail().contains("awaiting a second, different approver"),
        requested.reply().detail());
    assertEquals(List.of(new FirmResumeRequested("ks-1", "bob", "venues back", clock.millis())), opened(requested.events()));
    assertEquals(2, halts().halts().size(), "still halted until a second person agrees");

    KillSwitchReply same = rejected(release(HaltScope.FIRM, " Bob ", "really back"), Reason.SAME_APPROVER);
    assertTrue(same.detail().contains("requested by bob"), same.detail());

    clock.advance(Duration.ofMinutes(1));
    var confirmed = release(HaltScope.FIRM, "carol", "checked the venues");
    assertEquals("FIRM resumed by bob and carol (ks-1)", confirmed.reply().detail());
    assertEquals(new ScopeResumed(HaltScope.FIRM, "ks-1", "bob", "venues back", "carol", "checked the venues",
        clock.millis()), resumed(confirmed));
    assertNull(confirmed.state().firmResumeRequest());
    assertEquals(new HaltsSnapshot(4, List.of(desk)), halts());

    // A new firm halt needs two approvers again: the old request does not carry over.
    engage(HaltScope.FIRM, "dave", "second outage");
    assertEquals(Outcome.PENDING_APPROVAL, release(HaltScope.FIRM, "carol", "back again").reply().outcome());
  }

  @Test
  void shouldKeepHaltIdsAndThePendingApprovalAcrossARestart() {
    engage(HaltScope.desk("rates"), "alice", "runaway algo");             // ks-1
    engage(HaltScope.instrument("XYZ"), "alice", "bad prints");          // ks-2
    release(HaltScope.desk("rates"), "bob", "fixed");                    // seq 3
    engage(HaltScope.FIRM, "alice", "outage");                           // ks-4
    release(HaltScope.FIRM, "bob", "venues back");                       // seq 5
    HaltsSnapshot before = halts();
    assertEquals(List.of("ks-2", "ks-4"), before.halts().stream().map(ActiveHalt::haltId).toList());

    kit.restart();
    assertEquals(before, halts());
    assertEquals("ks-6", engage(HaltScope.trader("t1"), "alice", "limit").reply().haltId());
    rejected(release(HaltScope.FIRM, "bob", "still back"), Reason.SAME_APPROVER);
    assertEquals(Outcome.ACCEPTED, release(HaltScope.FIRM, "carol", "agreed").reply().outcome());
  }

  @Test
  void shouldPublishAHigherVersionAfterEveryChangeToTheHaltsInForce() {
    assertEquals(0, halts().version());
    engage(HaltScope.desk("rates"), "alice", "runaway algo");
    HaltsSnapshot first = halts();
    assertEquals(1, first.version());
    assertEquals(Topic.publish(first), topic.receiveMessage());

    engage(HaltScope.FIRM, "alice", "outage");
    assertEquals(Topic.publish(halts()), topic.receiveMessage());
    release(HaltScope.FIRM, "bob", "venues back"); // a request changes no halt: journaled, not published
    assertEquals(3, halts().version());
    release(HaltScope.FIRM, "carol", "agreed");
    HaltsSnapshot resumed = halts();
    assertEquals(new HaltsSnapshot(4, List.of(first.halts().get(0))), resumed);
    assertEquals(Topic.publish(resumed), topic.receiveMessage(), "the next publication is the resume's");
  }

  /** The kill switch's events as stored (sealed in its hash chain), opened as every journal reader does. */
  private List<KillSwitchEvent> opened(List<?> stored) {
    JournalEvents journal = new JournalEvents(testKit.system());
    return stored.stream().map(journal::open).map(KillSwitchEvent.class::cast).toList();
  }
}

package io.riskpulse.model.limits.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.HaltsSnapshot;
import io.riskpulse.model.halt.KillSwitch;
import io.riskpulse.model.halt.KillSwitchCommand;
import io.riskpulse.model.halt.KillSwitchCommand.Engage;
import io.riskpulse.model.halt.KillSwitchCommand.GetHalts;
import io.riskpulse.model.halt.KillSwitchEnvironment;
import io.riskpulse.model.halt.KillSwitchReply;
import io.riskpulse.model.halt.KillSwitchSettings;
import io.riskpulse.model.limits.LimitAction;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.limits.LimitPolicy;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.limits.OrderLimits;
import io.riskpulse.model.limits.scope.ScopeLimitsCommand.Check;
import io.riskpulse.model.limits.scope.ScopeLimitsCommand.GetScopeLimits;
import io.riskpulse.model.limits.scope.ScopeLimitsCommand.SetScopeLimits;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeHaltEngaged;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeHaltRequested;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitBreached;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitCleared;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitWarned;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitsSet;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeWarningCleared;
import io.riskpulse.model.limits.scope.ScopeLimitsReply.Reason;
import io.riskpulse.model.portfolio.MutableClock;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.risk.aggregate.AggregateRisk;
import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand;
import io.riskpulse.model.risk.aggregate.RiskAggregatorCommand.GetSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Desk and firm limits: warning level and hysteresis on the aggregate's sums, fail-closed unknown figures after
 * the grace period only, automatic halts through a real kill switch (once per episode, at least once across
 * failures and restarts), limits set at runtime with who and why, and recovery. The aggregate is a real actor
 * answering {@link GetSummary} (what the node's wiring asks) with figures the test sets; the test drives checks with {@link Check} (the timer is an
 * hour) except where the timer itself is under test, and waits for their outcome, never for time.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeLimitsTest {

  private static final Config CONFIG = EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load());
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final double LIMIT = 1_000_000;

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final TestProbe<Object> probe = testKit.createTestProbe();
  private final AtomicInteger killSwitches = new AtomicInteger();

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  /** Settings with checks driven by the test: an hour between timer ticks, a 30 s grace, fast retries. */
  private static ScopeLimitsSettings settings() {
    return settings(Duration.ofHours(1), Duration.ofMillis(10));
  }

  private static ScopeLimitsSettings settings(Duration checkInterval, Duration engageRetryMin) {
    return new ScopeLimitsSettings(checkInterval, Duration.ofSeconds(30), Duration.ofMillis(300), engageRetryMin,
        engageRetryMin.multipliedBy(2), 100, 2);
  }

  /** The figures of an aggregate where every member is known and fresh. */
  private static AggregateRisk figures(double gross, double net, double intradayPnl, double var) {
    return new AggregateRisk("desk", "d", var, 1.25 * var, 1.5 * var, 3, List.of(), List.of(), "set", 500, 0,
        gross, net, intradayPnl, List.of());
  }

  private static AggregateRisk figures(double gross) {
    return figures(gross, gross / 2, 0, 10_000);
  }

  /** What an aggregate answers right after a restart, before its members report again. */
  private static AggregateRisk nobodyReported() {
    List<String> why = List.of("no member has reported");
    return new AggregateRisk("desk", "d", Double.NaN, Double.NaN, Double.NaN, 0, List.of(), why, "", 0, 0,
        Double.NaN, Double.NaN, Double.NaN, why);
  }

  private static Limits grossLimit(LimitAction action) {
    return new Limits(LIMIT, null, null, null, null, null, null, null, null, false)
        .withPolicy(new LimitPolicy(80.0, 5.0, Map.of(LimitKind.GROSS_EXPOSURE, action)));
  }

  /**
   * One scope's limit entity over a fake aggregate and a real kill switch (spawned without a cluster, its own
   * persistence id per fixture), and what the test controls of both.
   */
  private final class Fixture {
    /** What the aggregate answers; {@code null}: it does not answer. */
    final AtomicReference<AggregateRisk> answer = new AtomicReference<>();
    /** While true, every engagement fails before reaching the kill switch (it is unreachable). */
    final AtomicBoolean killSwitchUnreachable = new AtomicBoolean();
    final AtomicInteger engagements = new AtomicInteger();
    final ActorRef<KillSwitchCommand> killSwitch;
    final String persistenceId;
    final EventSourcedBehaviorTestKit<ScopeLimitsCommand, ScopeLimitsEvent, ScopeLimitsState> kit;

    Fixture(String entityId, ScopeLimitsSettings settings) {
      ActorRef<RiskAggregatorCommand> aggregate = testKit.spawn(Behaviors.receive(RiskAggregatorCommand.class)
          .onMessage(GetSummary.class, get -> {
            AggregateRisk figures = answer.get();
            if (figures != null) {
              get.replyTo().tell(figures);
            }
            return Behaviors.same();
          })
          .build());
      TestProbe<Topic.Command<HaltsSnapshot>> topic = testKit.createTestProbe();
      killSwitch = testKit.spawn(KillSwitch.create("firm-" + killSwitches.incrementAndGet(),
          new KillSwitchEnvironment(clock, KillSwitchSettings.fromConfig(CONFIG),
              halt -> CompletableFuture.completedFuture(null)), topic.ref()));
      ScopeLimitsEnvironment env = new ScopeLimitsEnvironment(clock, settings,
          scope -> AskPattern.ask(aggregate, GetSummary::new, WAIT, testKit.scheduler()),
          (scope, by, reason) -> {
            engagements.incrementAndGet();
            if (killSwitchUnreachable.get()) {
              return CompletableFuture.failedFuture(new IllegalStateException("kill switch unreachable"));
            }
            return AskPattern.<KillSwitchCommand, KillSwitchReply>ask(killSwitch,
                replyTo -> new Engage(scope, by, reason, replyTo), WAIT, testKit.scheduler());
          });
      persistenceId = "ScopeLimits|" + entityId;
      kit = EventSourcedBehaviorTestKit.create(testKit.system(), ScopeLimits.create(entityId, env),
          EventSourcedBehaviorTestKit.enabledSerializationSettings());
    }

    ScopeLimitsReply set(Limits limits, String by, String reason) {
      return kit.<ScopeLimitsReply>runCommand(replyTo -> new SetScopeLimits(limits, by, reason, replyTo)).reply();
    }

    ScopeLimitsView view() {
      return kit.<ScopeLimitsView>runCommand(GetScopeLimits::new).reply();
    }

    /** Sets the aggregate's answer, runs one check and waits until its outcome is journaled. */
    ScopeLimitsView check(AggregateRisk figures) {
      answer.set(figures);
      long before = view().checks();
      kit.runCommand(Check.INSTANCE);
      return await(view -> view.checks() > before);
    }

    ScopeLimitsView await(Predicate<ScopeLimitsView> condition) {
      AtomicReference<ScopeLimitsView> seen = new AtomicReference<>();
      probe.awaitAssert(WAIT, () -> {
        seen.set(view());
        assertTrue(condition.test(seen.get()), seen.get().toString());
        return null;
      });
      return seen.get();
    }

    List<Object> journal() {
      return kit.persistenceTestKit().persistedInStorage(persistenceId);
    }

    <E> List<E> journal(Class<E> type) {
      return journal().stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<ActiveHalt> halts() {
      TestProbe<HaltsSnapshot> halts = testKit.createTestProbe();
      killSwitch.tell(new GetHalts(halts.ref()));
      return halts.receiveMessage().halts();
    }
  }

  @Test
  void shouldWarnAt80PercentAndRaiseOneBreachForADeskGrossOscillatingAroundItsLimit() {
    Fixture desk = new Fixture("desk:oscillating", settings());
    assertTrue(desk.set(grossLimit(LimitAction.ALERT_ONLY), "alice", "desk gross limit").accepted());

    desk.check(figures(700_000));
    assertEquals(List.of(ScopeLimitsSet.class), desk.journal().stream().map(Object::getClass).toList());

    desk.check(figures(850_000));
    ScopeLimitWarned warned = desk.journal(ScopeLimitWarned.class).get(0);
    assertEquals(new LimitBreach("GROSS_EXPOSURE", LimitKind.GROSS_EXPOSURE, "", 850_000, LIMIT, clock.millis(), ""),
        warned.warning());

    // Around the limit, within its 5% hysteresis: one breach episode, however often the value crosses it.
    for (double gross : new double[] {1_010_000, 990_000, 1_020_000, 960_000, 1_005_000, 951_000, 1_200_000}) {
      desk.check(figures(gross));
    }
    assertEquals(1, desk.journal(ScopeLimitBreached.class).size());
    assertEquals(1_010_000, desk.journal(ScopeLimitBreached.class).get(0).breach().value(), 0);
    assertEquals(List.of("GROSS_EXPOSURE"), desk.journal(ScopeWarningCleared.class).stream()
        .map(ScopeWarningCleared::key).toList(), "the warning turned into the breach");
    ScopeLimitsView breached = desk.view();
    assertEquals(List.of("GROSS_EXPOSURE"), breached.breaches().stream().map(LimitBreach::key).toList());
    assertEquals(1_200_000, breached.grossExposure(), 0);

    // At 95% of the limit or below the episode ends; the value is still above the warning level: a new warning.
    desk.check(figures(940_000));
    assertEquals(1, desk.journal(ScopeLimitCleared.class).size());
    assertEquals(2, desk.journal(ScopeLimitWarned.class).size());
    desk.check(figures(700_000));
    assertEquals(2, desk.journal(ScopeWarningCleared.class).size());
    ScopeLimitsView clear = desk.view();
    assertTrue(clear.breaches().isEmpty() && clear.warnings().isEmpty(), clear.toString());
    assertEquals(1, clear.breachCount());

    assertTrue(desk.journal(ScopeHaltRequested.class).isEmpty(), "ALERT_ONLY does not halt");
    assertEquals(0, desk.engagements.get());
  }

  @Test
  void shouldJudgeNetExposureIntradayLossVarAndExpectedShortfallOfTheAggregate() {
    Fixture desk = new Fixture("desk:every-kind", settings());
    desk.set(new Limits(null, 500.0, null, null, null, 100.0, null, null, null, false, 50.0, 60.0, null), "alice",
        "every scope limit");
    desk.check(figures(0, -450, -90, 45)); // within every limit, each above its warning level (ES 56.25)
    assertEquals(List.of("EXPECTED_SHORTFALL", "INTRADAY_LOSS", "NET_EXPOSURE", "VAR"),
        desk.view().warnings().stream().map(LimitBreach::key).toList());
    desk.check(figures(0, -600, -110, 52)); // |net| 600, loss 110, VaR 52, ES 65
    assertEquals(Map.of("NET_EXPOSURE", 600.0, "INTRADAY_LOSS", 110.0, "VAR", 52.0, "EXPECTED_SHORTFALL", 65.0),
        desk.view().breaches().stream().collect(Collectors.toMap(LimitBreach::key, LimitBreach::value)));
  }

  @Test
  void shouldBreachAndHaltOnUnknownFiguresOnlyAfterTheGracePeriod() {
    Fixture desk = new Fixture("desk:restarted", settings());
    desk.set(grossLimit(LimitAction.HALT).withRiskLimits(50_000.0, null, null), "alice", "halt on gross");

    // Right after a start the aggregate knows nothing yet: not judged, nothing journaled, nothing halted.
    ScopeLimitsView starting = desk.check(nobodyReported());
    assertTrue(starting.inGracePeriod());
    assertEquals(List.of("no member has reported"), starting.problems());
    assertEquals(1, desk.journal().size());

    // Known figures are judged at once, grace or not.
    desk.check(new AggregateRisk("desk", "d", 60_000, 70_000, 60_000, 1, List.of(), List.of(), "set", 500, 0,
        Double.NaN, Double.NaN, Double.NaN, List.of("P7: grossExposure, netExposure, intradayPnl unknown")));
    assertEquals(List.of("VAR"), desk.view().breaches().stream().map(LimitBreach::key).toList());
    assertTrue(desk.journal(ScopeHaltRequested.class).isEmpty(), "a VaR breach alerts only under this policy");

    clock.advance(Duration.ofSeconds(31));
    ScopeLimitsView after = desk.check(nobodyReported());
    assertFalse(after.inGracePeriod());
    LimitBreach gross = desk.journal(ScopeLimitBreached.class).get(1).breach();
    assertEquals(LimitKind.GROSS_EXPOSURE, gross.kind());
    assertTrue(Double.isNaN(gross.value()));
    assertEquals("no member has reported", gross.detail());
    ScopeHaltRequested request = desk.journal(ScopeHaltRequested.class).get(0);
    assertEquals(List.of(gross), request.breaches());
    desk.await(view -> !view.haltPending() && view.haltId().equals("ks-1"));
    assertEquals(HaltScope.desk("restarted"), desk.halts().get(0).scope());
  }

  @Test
  void shouldBreachWhenTheAggregateDoesNotAnswerAfterTheGracePeriodCheckingOnItsTimer() {
    Fixture firm = new Fixture(ScopeLimits.FIRM_ENTITY_ID, settings(Duration.ofMillis(20), Duration.ofMillis(10)));
    firm.set(grossLimit(LimitAction.ALERT_ONLY), "bob", "firm gross limit");
    firm.answer.set(null);
    long started = firm.view().checks();
    firm.await(view -> view.checks() >= started + 2); // asks time out (300 ms) and are judged nothing
    assertTrue(firm.journal(ScopeLimitBreached.class).isEmpty(), "within the grace period");

    clock.advance(Duration.ofSeconds(31));
    firm.await(view -> !view.breaches().isEmpty());
    LimitBreach breach = firm.journal(ScopeLimitBreached.class).get(0).breach();
    assertTrue(Double.isNaN(breach.value()));
    assertEquals("FIRM risk aggregate did not answer: no answer within 300 ms", breach.detail());

    firm.answer.set(figures(400_000));
    firm.await(view -> view.breaches().isEmpty());
    assertEquals(1, firm.journal(ScopeLimitCleared.class).size());
    assertEquals("FIRM", firm.view().scope());
  }

  @Test
  void shouldHaltTheDeskThroughTheKillSwitchOncePerEpisode() {
    Fixture desk = new Fixture("desk:x", settings());
    desk.set(grossLimit(LimitAction.HALT), "alice", "halt desk x on gross");

    desk.check(figures(1_200_000));
    desk.await(view -> !view.haltId().isEmpty());
    ScopeHaltEngaged engaged = desk.journal(ScopeHaltEngaged.class).get(0);
    ScopeHaltRequested request = desk.journal(ScopeHaltRequested.class).get(0);
    assertEquals("shr-3", request.requestId(), "named after its event: limits set, breach, request");
    assertEquals(new ScopeHaltEngaged("shr-3", "ks-1", false, engaged.detail(), engaged.atMillis()), engaged);
    ActiveHalt halt = desk.halts().get(0);
    assertEquals(HaltScope.desk("x"), halt.scope());
    assertEquals(Portfolio.LIMIT_MONITOR, halt.by());
    assertEquals("limit breached: GROSS_EXPOSURE 1,200,000.00 > 1,000,000.00", halt.reason());

    // Oscillating within the hysteresis: the same episode, no second halt.
    for (double gross : new double[] {990_000, 1_100_000, 960_000, 1_300_000}) {
      desk.check(figures(gross));
    }
    assertEquals(1, desk.engagements.get());
    assertEquals(1, desk.journal(ScopeHaltRequested.class).size());

    // A new episode halts again; the kill switch still holds the first halt and says so.
    desk.check(figures(900_000));
    desk.check(figures(1_050_000));
    desk.await(view -> !view.haltPending());
    List<ScopeHaltEngaged> confirmations = desk.journal(ScopeHaltEngaged.class);
    assertEquals(2, confirmations.size());
    assertTrue(confirmations.get(1).alreadyHalted());
    assertEquals("ks-1", confirmations.get(1).haltId());
    assertEquals(1, desk.halts().size());
  }

  @Test
  void shouldRetryAnEngagementUntilTheKillSwitchConfirmsIt() {
    Fixture desk = new Fixture("desk:retried", settings());
    desk.set(grossLimit(LimitAction.HALT), "alice", "halt on gross");
    desk.killSwitchUnreachable.set(true);
    desk.check(figures(1_500_000));
    probe.awaitAssert(WAIT, () -> {
      assertTrue(desk.engagements.get() >= 3, "retried with backoff: " + desk.engagements.get());
      return null;
    });
    assertTrue(desk.view().haltPending());
    assertTrue(desk.journal(ScopeHaltEngaged.class).isEmpty());

    desk.killSwitchUnreachable.set(false);
    desk.await(view -> !view.haltPending());
    assertEquals(1, desk.journal(ScopeHaltEngaged.class).size());
    assertEquals(1, desk.halts().size());
  }

  @Test
  void shouldEngageAPendingHaltAgainAfterARestart() {
    // Retries an hour apart: only the recovery can engage again within the test.
    Fixture desk = new Fixture("desk:crashed", settings(Duration.ofHours(1), Duration.ofHours(1)));
    desk.set(grossLimit(LimitAction.HALT), "alice", "halt on gross");
    desk.killSwitchUnreachable.set(true);
    desk.check(figures(1_500_000));
    probe.awaitAssert(WAIT, () -> {
      assertEquals(1, desk.engagements.get());
      return null;
    });

    desk.killSwitchUnreachable.set(false);
    desk.kit.restart();
    desk.await(view -> !view.haltPending() && view.haltId().equals("ks-1"));
    assertEquals(2, desk.engagements.get());
    assertEquals(1, desk.journal(ScopeHaltRequested.class).size());
  }

  @Test
  void shouldJournalLimitsSetAtRuntimeWithWhoAndWhyAndRejectFieldsThatDoNotApplyByName() {
    Fixture desk = new Fixture("desk:audited", settings());
    Map<LimitKind, LimitAction> actions = new EnumMap<>(LimitKind.class);
    actions.put(LimitKind.DRAWDOWN, LimitAction.HALT);
    Limits wrong = new Limits(LIMIT, null, 10.0, null, null, null, 5.0, null, null, false)
        .withOrderLimits(new OrderLimits(100.0, null, null, null, null, null, null, null, null, Set.of(), null))
        .withPolicy(new LimitPolicy(null, null, actions));
    var rejected = desk.kit.<ScopeLimitsReply>runCommand(
        replyTo -> new SetScopeLimits(wrong, "alice", "too much", replyTo));
    assertTrue(rejected.hasNoEvents());
    assertEquals(ScopeLimitsReply.rejected(Reason.NOT_APPLICABLE, "not applicable to a desk (only maxGrossExposure, "
        + "maxNetExposure, maxIntradayLoss, maxVar and maxExpectedShortfall are): maxPositionNotional, "
        + "maxDrawdown, orderLimits.maxOrdersPerSecond, policy.actions.DRAWDOWN"), rejected.reply());

    assertEquals(ScopeLimitsReply.rejected(Reason.INVALID_FIELD,
            "by is required; reason is required; maxGrossExposure must be a positive finite number, was -1.0"),
        desk.set(new Limits(-1.0, null, null, null, null, null, null, null, null, false), " ", null));
    assertEquals(ScopeLimitsReply.rejected(Reason.INVALID_FIELD, "limits is required"),
        desk.set(null, "alice", "no limits"));
    assertEquals(List.of(), desk.journal());

    clock.advance(Duration.ofMinutes(1));
    Limits limits = grossLimit(LimitAction.REDUCE_ONLY);
    ScopeLimitsReply accepted = desk.set(limits, "alice", "Q4 risk budget");
    assertTrue(accepted.accepted());
    assertTrue(accepted.detail().contains("REDUCE_ONLY is not enforced"), accepted.detail());
    assertEquals(List.of(new ScopeLimitsSet(limits, "alice", "Q4 risk budget", clock.millis())), desk.journal());
    ScopeLimitsView view = desk.view();
    assertEquals("DESK:audited", view.scope());
    assertEquals(limits, view.limits());
    assertEquals("alice", view.setBy());
    assertEquals("Q4 risk budget", view.setReason());
    assertEquals(clock.millis(), view.setAtMillis());
  }

  @Test
  void shouldKeepLimitsEpisodesAndTheHaltAcrossARestart() {
    Fixture desk = new Fixture("desk:recovered", settings());
    desk.set(grossLimit(LimitAction.HALT), "carol", "halt on gross");
    desk.check(figures(1_100_000));
    ScopeLimitsView before = desk.await(view -> view.haltId().equals("ks-1"));

    desk.kit.restart();
    ScopeLimitsView after = desk.view();
    assertEquals(before.limits(), after.limits());
    assertEquals("carol", after.setBy());
    assertEquals(before.breaches(), after.breaches());
    assertEquals("ks-1", after.haltId());
    assertFalse(after.haltPending());
    assertNull(desk.kit.getState().pendingHalt());
    assertEquals(Set.of("GROSS_EXPOSURE"), desk.kit.getState().haltRequestedKeys());

    // Still the same episode after the restart: no second breach, no second halt.
    desk.check(figures(1_000_500));
    assertEquals(1, desk.journal(ScopeLimitBreached.class).size());
    assertEquals(1, desk.engagements.get());
  }
}

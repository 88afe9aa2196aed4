package io.riskpulse.model.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.alert.AlertBookCommand.Acknowledge;
import io.riskpulse.model.alert.AlertBookCommand.Assign;
import io.riskpulse.model.alert.AlertBookCommand.GetIncidents;
import io.riskpulse.model.alert.AlertBookCommand.GetOffsets;
import io.riskpulse.model.alert.AlertBookCommand.Observe;
import io.riskpulse.model.alert.AlertBookCommand.Resolve;
import io.riskpulse.model.alert.AlertBookEvent.SignalsObserved;
import io.riskpulse.model.alert.AlertNotification.Change;
import io.riskpulse.model.alert.AlertReply.Reason;
import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.KillSwitch;
import io.riskpulse.model.halt.KillSwitchEvent.ScopeHalted;
import io.riskpulse.model.limits.LimitAction;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.portfolio.MutableClock;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioEvent;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyCleared;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyDetected;
import io.riskpulse.model.portfolio.PortfolioEvent.Halted;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitBreached;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitCleared;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitWarned;
import io.riskpulse.model.portfolio.PortfolioEvent.Resumed;
import io.riskpulse.model.portfolio.PortfolioEvent.StrategyDisabled;
import io.riskpulse.model.portfolio.PortfolioEvent.WarningCleared;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The alert book's correlation rules (one incident per episode, per-execution breaches grouped, warnings
 * escalated, halts critical, OMS failures after retries), the operator lifecycle with its validation, idempotency
 * by offset and by source event, bounded state, and recovery from snapshots and events. Signals come from the real
 * portfolio and kill-switch mappers, so their mapping is exercised too.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertBookTest {

  private static final Config CONFIG = EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load());
  private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
  private static final String P1 = "Portfolio|P1";
  private static final String PORTFOLIO_TAG = Portfolio.ALERT_TAG;
  /** Small bounds so the tests reach them: snapshots every 4 events, 3 resolved incidents kept, 4 refs each. */
  private static final AlertSettings SETTINGS = new AlertSettings(Duration.ofSeconds(5), 4, 2, 3, 4, 1000, 3, true);

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final PortfolioAlertSource portfolios = new PortfolioAlertSource();
  private final KillSwitchAlertSource killSwitch = new KillSwitchAlertSource();
  private MutableClock clock;
  private TestProbe<AlertNotification> notifications;
  private EventSourcedBehaviorTestKit<AlertBookCommand, AlertBookEvent, AlertBookState> kit;
  /** Next journal offset of each simulated tag stream, and next sequence number of P1's journal. */
  private long offset;
  private long p1SequenceNr;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(START);
    // A real topic of the test's own (a fresh name each test), with a probe subscribed before the book publishes.
    notifications = testKit.createTestProbe(AlertNotification.class);
    ActorRef<Topic.Command<AlertNotification>> topic =
        testKit.spawn(Topic.create(AlertNotification.class, "alerts-test-" + UUID.randomUUID()));
    topic.tell(Topic.subscribe(notifications.ref()));
    kit = EventSourcedBehaviorTestKit.create(testKit.system(),
        AlertBook.create(AlertBook.FIRM_ENTITY_ID, new AlertBookEnvironment(clock, SETTINGS), topic),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
    kit.clear();
    offset = 0;
    p1SequenceNr = 0;
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  /** P1's next journal event, delivered by the projection at the next offset of the portfolio tag. */
  private Observed observe(PortfolioEvent event) {
    long sequenceNr = ++p1SequenceNr;
    return observe(PORTFOLIO_TAG, ++offset, portfolios.signals(P1, sequenceNr, event));
  }

  private Observed observe(String tag, long at, List<AlertSignal> signals) {
    return kit.<Observed>runCommand(replyTo -> new Observe(tag, at, signals, replyTo)).reply();
  }

  private LimitBreach breach(String key, LimitKind kind, String symbol, double value, double limit) {
    clock.advance(Duration.ofSeconds(1));
    return new LimitBreach(key, kind, symbol, value, limit, clock.millis());
  }

  private long tick() {
    clock.advance(Duration.ofSeconds(1));
    return clock.millis();
  }

  private Incidents incidents(IncidentFilter filter) {
    return kit.<Incidents>runCommand(replyTo -> new GetIncidents(filter, AlertBook.MAX_LIST, replyTo)).reply();
  }

  private Incident only() {
    Incidents all = incidents(IncidentFilter.ALL);
    assertEquals(1, all.incidents().size(), all.incidents().toString());
    return all.incidents().get(0);
  }

  private Incident incident(String id) {
    return incidents(IncidentFilter.ALL).incidents().stream().filter(i -> i.incidentId().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no incident " + id));
  }

  private AlertNotification published() {
    return notifications.receiveMessage();
  }

  private List<Change> changesPublished(int count) {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      changes.add(published().change());
    }
    notifications.expectNoMessage(Duration.ofMillis(20));
    return changes;
  }

  private CommandResultWithReply<AlertBookCommand, AlertBookEvent, AlertBookState, AlertReply> acknowledge(
      String id, String by) {
    return kit.runCommand(replyTo -> new Acknowledge(id, by, replyTo));
  }

  private CommandResultWithReply<AlertBookCommand, AlertBookEvent, AlertBookState, AlertReply> assign(
      String id, String assignee, String by) {
    return kit.runCommand(replyTo -> new Assign(id, assignee, by, replyTo));
  }

  private CommandResultWithReply<AlertBookCommand, AlertBookEvent, AlertBookState, AlertReply> resolve(
      String id, String by, String note) {
    return kit.runCommand(replyTo -> new Resolve(id, by, note, replyTo));
  }

  private static AlertReply rejected(
      CommandResultWithReply<AlertBookCommand, AlertBookEvent, AlertBookState, AlertReply> result, Reason reason) {
    assertEquals(AlertReply.Outcome.REJECTED, result.reply().outcome(), result.reply().toString());
    assertEquals(reason, result.reply().reason(), result.reply().toString());
    assertTrue(result.hasNoEvents(), "a rejected command persists nothing");
    return result.reply();
  }

  private AlertSignal oms(AlertSignal.Type type, String haltId, int attempt, String reason) {
    return new AlertSignal(type, "OMS:oms1", haltId,
        new Trigger("OMS_DELIVERY", "", attempt, Double.NaN, reason, tick()), "",
        new SourceRef("OmsGateway", ++p1SequenceNr));
  }

  // --- correlation -------------------------------------------------------------------------------------------

  @Test
  void shouldMakeOneIncidentOfARunawaysRepeatedPerExecutionBreachesWithTheRightCount() {
    List<LimitBreach> fills = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      LimitBreach fill = breach("ORDER_QUANTITY:F" + i, LimitKind.ORDER_QUANTITY, "SPY", 1000 + i, 1000);
      fills.add(fill);
      Observed observed = observe(new LimitBreached(fill));
      assertEquals(List.of("inc-1"), observed.changedIncidents());
    }
    Incident incident = only();
    assertEquals("PORTFOLIO:P1/ORDER_QUANTITY:SPY", incident.correlationKey());
    assertEquals(50, incident.occurrences());
    assertEquals(Severity.HIGH, incident.severity());
    assertEquals(IncidentStatus.OPEN, incident.status());
    assertTrue(incident.active());
    assertEquals(1001, incident.first().value());
    assertEquals(1050, incident.latest().value());
    assertEquals(1000, incident.latest().limit());
    assertEquals("SPY", incident.latest().symbol());
    assertEquals(fills.get(0).atMillis(), incident.firstSeenMillis());
    assertEquals(fills.get(49).atMillis(), incident.lastSeenMillis());
    assertEquals("PORTFOLIO:P1 breached ORDER_QUANTITY SPY 1,001.00 > 1,000.00", incident.title());
    // The source events: the first, then the most recent, bounded.
    assertEquals(List.of(new SourceRef(P1, 1), new SourceRef(P1, 48), new SourceRef(P1, 49), new SourceRef(P1, 50)),
        incident.sources());
    List<Change> changes = changesPublished(50);
    assertEquals(Change.OPENED, changes.get(0));
    assertEquals(49, changes.stream().filter(change -> change == Change.UPDATED).count());

    // Another instrument is another incident.
    observe(new LimitBreached(breach("ORDER_QUANTITY:G1", LimitKind.ORDER_QUANTITY, "GLD", 2000, 1000)));
    assertEquals(2, incidents(IncidentFilter.OPEN).incidents().size());
  }

  @Test
  void shouldEscalateAWarningIntoTheBreachOfTheSameKeyAndMarkItClearedWhenItEnds() {
    observe(new LimitWarned(breach("DRAWDOWN", LimitKind.DRAWDOWN, "", 850_000, 1_000_000)));
    Incident warned = only();
    assertEquals(Severity.WARNING, warned.severity());
    assertEquals("PORTFOLIO:P1/DRAWDOWN", warned.correlationKey());
    assertEquals("PORTFOLIO:P1 passed the warning level: DRAWDOWN 850,000.00 of limit 1,000,000.00", warned.title());

    // The portfolio ends the warning episode as the breach starts: one incident, escalated and active.
    observe(new WarningCleared("DRAWDOWN", tick()));
    LimitBreach drawdown = breach("DRAWDOWN", LimitKind.DRAWDOWN, "", 1_250_000, 1_000_000);
    observe(new LimitBreached(drawdown));
    Incident escalated = only();
    assertEquals(warned.incidentId(), escalated.incidentId());
    assertEquals(Severity.HIGH, escalated.severity());
    assertTrue(escalated.active());
    assertEquals(2, escalated.occurrences());
    assertEquals(850_000, escalated.first().value());
    assertEquals(1_250_000, escalated.latest().value());
    assertEquals(1_000_000, escalated.latest().limit());
    assertEquals("PORTFOLIO:P1 breached DRAWDOWN 1,250,000.00 > 1,000,000.00", escalated.title());

    long clearedAt = tick();
    observe(new LimitCleared("DRAWDOWN", clearedAt));
    Incident cleared = only();
    assertFalse(cleared.active());
    assertEquals(clearedAt, cleared.clearedAtMillis());
    assertEquals(IncidentStatus.OPEN, cleared.status(), "cleared by itself, still open for a person");

    // Back in the warning zone after the breach ended: counted, but the breach stays over.
    observe(new LimitWarned(breach("DRAWDOWN", LimitKind.DRAWDOWN, "", 900_000, 1_000_000)));
    Incident afterWarning = only();
    assertFalse(afterWarning.active());
    assertEquals(Severity.HIGH, afterWarning.severity(), "severity never falls");
    assertEquals(3, afterWarning.occurrences());
    assertEquals(List.of(Change.OPENED, Change.CLEARED, Change.ESCALATED, Change.CLEARED, Change.UPDATED),
        changesPublished(5));
  }

  @Test
  void shouldRaiseOneIncidentPerAnomalyEpisodeWithItsScoreAndExplanationAndClearItWhenItEnds() {
    DetectionSignal finding = new DetectionSignal(Detector.RUNAWAY, "RUNAWAY:algo-7", "algo-7", 12.5, 8,
        "strategy 'algo-7' newOrdersPerSecond = 40.00 against its norm 2.00 (z 12.5)",
        Map.of("newOrdersPerSecond", 0.7, "messagesPerSecond", 0.3), tick());
    observe(new AnomalyDetected(finding, LimitAction.HALT, tick()));
    Incident opened = only();
    assertEquals(Severity.HIGH, opened.severity());
    assertEquals("PORTFOLIO:P1/ANOMALY:RUNAWAY:algo-7", opened.correlationKey());
    assertEquals("ANOMALY_RUNAWAY", opened.latest().kind());
    assertEquals(12.5, opened.latest().value());
    assertEquals(8, opened.latest().limit());
    assertTrue(opened.title().startsWith("PORTFOLIO:P1 anomaly RUNAWAY:algo-7 score 12.50 > 8.00: strategy 'algo-7'"),
        opened.title());
    assertTrue(opened.latest().detail().contains("newOrdersPerSecond=0.7") && opened.latest().detail()
        .contains("action HALT"), opened.latest().detail());

    long clearedAt = tick();
    observe(new AnomalyCleared("RUNAWAY:algo-7", "not found again for 30000 ms", clearedAt));
    Incident cleared = only();
    assertEquals(opened.incidentId(), cleared.incidentId());
    assertFalse(cleared.active());
    assertEquals(clearedAt, cleared.clearedAtMillis());
    assertEquals(List.of(Change.OPENED, Change.CLEARED), changesPublished(2));
  }

  @Test
  void shouldReactivateAnUnresolvedIncidentAndOpenANewOneAfterResolution() {
    observe(new LimitBreached(breach("GROSS_EXPOSURE", LimitKind.GROSS_EXPOSURE, "", 12e6, 10e6)));
    observe(new LimitCleared("GROSS_EXPOSURE", tick()));
    observe(new LimitBreached(breach("GROSS_EXPOSURE", LimitKind.GROSS_EXPOSURE, "", 13e6, 10e6)));
    Incident again = only();
    assertTrue(again.active());
    assertEquals(0, again.clearedAtMillis());
    assertEquals(2, again.occurrences());
    assertEquals(List.of(Change.OPENED, Change.CLEARED, Change.REACTIVATED), changesPublished(3));

    assertTrue(resolve(again.incidentId(), "alice", "limit raised for the index rebalance").reply().accepted());
    observe(new LimitCleared("GROSS_EXPOSURE", tick()));
    assertEquals(again.occurrences(), incident(again.incidentId()).occurrences(), "a resolved incident is final");
    observe(new LimitBreached(breach("GROSS_EXPOSURE", LimitKind.GROSS_EXPOSURE, "", 14e6, 10e6)));
    Incidents all = incidents(IncidentFilter.ALL);
    assertEquals(2, all.incidents().size());
    Incident fresh = all.incidents().get(0);
    assertNotEquals(again.incidentId(), fresh.incidentId());
    assertEquals(1, fresh.occurrences());
    assertEquals(14e6, fresh.first().value());
    assertEquals(IncidentStatus.RESOLVED, incident(again.incidentId()).status());
    assertEquals(List.of(fresh), incidents(IncidentFilter.OPEN).incidents());
  }

  @Test
  void shouldRaiseCriticalHaltIncidentsRelatedToTheBreachesThatCausedThem() {
    observe(new LimitBreached(breach("POSITION_NOTIONAL:SPY", LimitKind.POSITION_NOTIONAL, "SPY", 1.2e6, 1e6)));
    String breachId = only().incidentId();
    observe(new Halted(Portfolio.LIMIT_MONITOR, "limit breached: POSITION_NOTIONAL SPY 1,200,000.00 > 1,000,000.00",
        tick(), "halt-P1-2"));
    Incident halt = incidents(IncidentFilter.OPEN).incidents().get(0);
    assertEquals("PORTFOLIO:P1/HALT", halt.correlationKey());
    assertEquals(Severity.CRITICAL, halt.severity());
    assertEquals(List.of(breachId), halt.related());
    assertEquals("PORTFOLIO:P1 halted by riskpulse:limit-monitor: limit breached: POSITION_NOTIONAL SPY "
        + "1,200,000.00 > 1,000,000.00 (halt-P1-2)", halt.title());

    observe(new Resumed("alice", "position reduced", tick()));
    assertFalse(incident(halt.incidentId()).active());

    observe(new StrategyDisabled("momo", "repeated-execution throttle: 6 BUY executions", tick()));
    Incident disabled = incidents(IncidentFilter.OPEN).incidents().get(0);
    assertEquals("PORTFOLIO:P1/STRATEGY:momo", disabled.correlationKey());
    assertEquals(Severity.CRITICAL, disabled.severity());

    ActiveHalt desk = new ActiveHalt("ks-1", HaltScope.desk("rates"), "carol", "runaway algo", tick());
    Observed observed = observe(KillSwitch.ALERT_TAG, 1, killSwitch.signals("KillSwitch|firm", 1,
        new ScopeHalted(desk)));
    Incident deskHalt = incident(observed.changedIncidents().get(0));
    assertEquals("DESK:rates/HALT", deskHalt.correlationKey());
    assertEquals(Severity.CRITICAL, deskHalt.severity());
    assertEquals("DESK:rates halted by carol: runaway algo (ks-1)", deskHalt.title());
    assertEquals(4, incidents(IncidentFilter.OPEN).unresolved());
  }

  @Test
  void shouldAlertOnOmsRetriesOnlyFromTheThresholdAndAtOnceOnARefusal() {
    String tag = "oms-alerts";
    assertEquals(List.of(), observe(tag, 1, List.of(oms(AlertSignal.Type.OMS_RETRYING, "h-1", 1, "not connected")))
        .changedIncidents());
    assertEquals(List.of(), observe(tag, 2, List.of(oms(AlertSignal.Type.OMS_RETRYING, "h-1", 2, "not connected")))
        .changedIncidents());
    assertEquals(0, incidents(IncidentFilter.ALL).matching(), "retries below the threshold are the gateway's job");
    observe(tag, 3, List.of(oms(AlertSignal.Type.OMS_RETRYING, "h-1", 3, "not connected")));
    observe(tag, 4, List.of(oms(AlertSignal.Type.OMS_RETRYING, "h-1", 4, "no answer in time")));
    Incident retrying = only();
    assertEquals(Severity.HIGH, retrying.severity());
    assertEquals("OMS:oms1/h-1", retrying.correlationKey());
    assertEquals(2, retrying.occurrences());
    assertEquals(4, retrying.latest().value());
    observe(tag, 5, List.of(oms(AlertSignal.Type.OMS_ACKNOWLEDGED, "h-1", 5, "")));
    assertFalse(only().active(), "the acknowledgement clears the OMS incident of that halt");

    observe(tag, 6, List.of(oms(AlertSignal.Type.OMS_REFUSED, "h-2", 1, "HTTP 403")));
    Incident refused = incidents(IncidentFilter.OPEN).incidents().get(0);
    assertEquals(Severity.CRITICAL, refused.severity());
    assertEquals("OMS oms1 refused halt h-2: cancel by hand (HTTP 403)", refused.title());
  }

  // --- lifecycle ---------------------------------------------------------------------------------------------

  @Test
  void shouldAcknowledgeAssignAndResolveWithWhoAndWhyAndRejectWhatIsWrong() {
    observe(new LimitBreached(breach("DRAWDOWN", LimitKind.DRAWDOWN, "", 1.5e6, 1e6)));
    String id = only().incidentId();
    published();

    assertEquals("incidentId is required; by is required", rejected(acknowledge(" ", null), Reason.INVALID_FIELD)
        .detail());
    assertEquals("assignee is required", rejected(assign(id, "", "alice"), Reason.INVALID_FIELD).detail());
    assertEquals("note is required", rejected(resolve(id, "alice", "\t"), Reason.INVALID_FIELD).detail());
    assertEquals("no incident 'inc-999'", rejected(acknowledge("inc-999", "alice"), Reason.UNKNOWN_INCIDENT)
        .detail());

    clock.advance(Duration.ofMinutes(1));
    AlertReply acknowledged = acknowledge(id, "alice").reply();
    assertTrue(acknowledged.accepted(), acknowledged.toString());
    assertEquals(IncidentStatus.ACKNOWLEDGED, acknowledged.incident().status());
    assertEquals("alice", acknowledged.incident().acknowledgedBy());
    assertEquals(clock.millis(), acknowledged.incident().acknowledgedAtMillis());
    AlertNotification notification = published();
    assertEquals(Change.ACKNOWLEDGED, notification.change());
    assertEquals("alice", notification.by());
    assertEquals("inc-1 was already acknowledged by alice",
        rejected(acknowledge(id, "bob"), Reason.ALREADY_ACKNOWLEDGED).detail());

    AlertReply assigned = assign(id, "bob", "alice").reply();
    assertEquals("bob", assigned.incident().assignee());
    assertEquals(IncidentStatus.ACKNOWLEDGED, assigned.incident().status());
    assertEquals(Change.ASSIGNED, published().change());

    AlertReply resolved = resolve(id, "bob", "drawdown from a data spike, prices corrected").reply();
    assertEquals(IncidentStatus.RESOLVED, resolved.incident().status());
    assertEquals("bob", resolved.incident().resolvedBy());
    assertEquals("drawdown from a data spike, prices corrected", resolved.incident().resolutionNote());
    assertEquals(Change.RESOLVED, published().change());
    rejected(resolve(id, "carol", "again"), Reason.ALREADY_RESOLVED);
    rejected(assign(id, "carol", "carol"), Reason.ALREADY_RESOLVED);
    rejected(acknowledge(id, "carol"), Reason.ALREADY_RESOLVED);
    assertEquals(0, incidents(IncidentFilter.OPEN).matching());
  }

  @Test
  void shouldKeepOnlyTheMostRecentResolvedIncidents() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      observe(new LimitBreached(breach("ORDER_NOTIONAL:F" + i, LimitKind.ORDER_NOTIONAL, "S" + i, 2e6, 1e6)));
      String id = incidents(IncidentFilter.OPEN).incidents().get(0).incidentId();
      ids.add(id);
      assertTrue(resolve(id, "alice", "fat finger, cancelled").reply().accepted());
    }
    Incidents all = incidents(IncidentFilter.ALL);
    assertEquals(List.of(ids.get(4), ids.get(3), ids.get(2)),
        all.incidents().stream().map(Incident::incidentId).toList(), "keep-resolved = 3, newest first");
    rejected(acknowledge(ids.get(0), "bob"), Reason.UNKNOWN_INCIDENT);
  }

  // --- idempotency and recovery ------------------------------------------------------------------------------

  @Test
  void shouldChangeNothingForASignalObservedBeforeByOffsetOrBySourceEvent() {
    List<AlertSignal> signals = portfolios.signals(P1, 7,
        new LimitBreached(breach("DRAWDOWN", LimitKind.DRAWDOWN, "", 1.5e6, 1e6)));
    var first = kit.<Observed>runCommand(replyTo -> new Observe(PORTFOLIO_TAG, 10, signals, replyTo));
    assertEquals(2, first.events().size());
    assertEquals(new SignalsObserved(PORTFOLIO_TAG, 10, List.of(new SourceRef(P1, 7)), clock.millis()),
        first.events().get(1), "the offset is persisted with the effect, in the same write");

    for (long again : new long[] {10, 9}) {
      var duplicate = kit.<Observed>runCommand(replyTo -> new Observe(PORTFOLIO_TAG, again, signals, replyTo));
      assertTrue(duplicate.reply().duplicate());
      assertTrue(duplicate.hasNoEvents());
    }
    // The same source event under a later offset (delivered twice by a rewound stream): only the offset moves.
    var redelivered = kit.<Observed>runCommand(replyTo -> new Observe(PORTFOLIO_TAG, 11, signals, replyTo));
    assertTrue(redelivered.reply().duplicate());
    assertEquals(List.of(new SignalsObserved(PORTFOLIO_TAG, 11, List.of(), clock.millis())), redelivered.events());
    var withoutOffset = kit.<Observed>runCommand(replyTo -> new Observe(PORTFOLIO_TAG, 0, signals, replyTo));
    assertTrue(withoutOffset.hasNoEvents());

    assertEquals(1, only().occurrences());
    ObservedOffsets offsets = kit.<ObservedOffsets>runCommand(GetOffsets::new).reply();
    assertEquals(11, offsets.offset(PORTFOLIO_TAG));
    assertEquals(0, offsets.offset("other-tag"));
    assertEquals(4, offsets.duplicatesIgnored());
  }

  @Test
  void shouldDeduplicateTimeBasedOffsetsBySourceEventAndResumeFromTheLatestAcrossARestart() {
    // Cassandra's eventsByTag: version-1 UUID offsets, not unique per event and not always in order.
    String early = "00000000-0000-1000-8000-000000000001";
    String late = "ffffffff-0000-1000-8000-000000000001";
    List<AlertSignal> first = portfolios.signals(P1, 21,
        new LimitBreached(breach("GROSS_EXPOSURE", LimitKind.GROSS_EXPOSURE, "", 2e6, 1e6)));
    var observed = kit.<Observed>runCommand(replyTo -> new Observe(PORTFOLIO_TAG, 0, first, replyTo, late));
    assertEquals(new SignalsObserved(PORTFOLIO_TAG, 0, List.of(new SourceRef(P1, 21)), clock.millis(), late),
        observed.events().get(observed.events().size() - 1));
    // An event found late, at an earlier offset: observed all the same, and the resume point stays the latest.
    List<AlertSignal> delayed = portfolios.signals(P1, 20,
        new LimitWarned(breach("NET_EXPOSURE", LimitKind.NET_EXPOSURE, "", 0.9e6, 1e6)));
    var found = kit.<Observed>runCommand(replyTo -> new Observe(PORTFOLIO_TAG, 0, delayed, replyTo, early));
    assertFalse(found.reply().duplicate());
    // Delivered again (a restarted stream): the source event deduplicates whatever the offset.
    var again = kit.<Observed>runCommand(replyTo -> new Observe(PORTFOLIO_TAG, 0, first, replyTo, late));
    assertTrue(again.reply().duplicate());
    assertTrue(again.hasNoEvents());

    kit.restart();
    ObservedOffsets offsets = kit.<ObservedOffsets>runCommand(GetOffsets::new).reply();
    assertEquals(late, offsets.uuidOffset(PORTFOLIO_TAG));
    assertEquals(0, offsets.offset(PORTFOLIO_TAG), "no sequence offset was observed");
    assertTrue(kit.<Observed>runCommand(replyTo -> new Observe(PORTFOLIO_TAG, 0, first, replyTo, late)).hasNoEvents());

    var notTimeBased = kit.<Observed>runCommand(replyTo ->
        new Observe(PORTFOLIO_TAG, 3, first, replyTo, "00000000-0000-4000-8000-000000000001"));
    assertEquals("uuidOffset must be a time-based (version 1) UUID, was 00000000-0000-4000-8000-000000000001; "
        + "offset must be 0 with a uuidOffset, was 3", notTimeBased.reply().problem());
  }

  @Test
  void shouldRefuseObservationsThatCannotSucceed() {
    var noTag = kit.<Observed>runCommand(replyTo -> new Observe(" ", 1, List.of(), replyTo));
    assertEquals("tag is required; at least one signal is required", noTag.reply().problem());
    assertTrue(noTag.hasNoEvents());
    AlertSignal broken = new AlertSignal(AlertSignal.Type.HALTED, "", "h", null, "", null);
    var invalid = kit.<Observed>runCommand(replyTo -> new Observe("t", 1, List.of(broken), replyTo));
    assertEquals("signal 0: scope is required, trigger is required, source is required", invalid.reply().problem());
    assertTrue(invalid.hasNoEvents());
  }

  @Test
  void shouldRecoverIncidentsAndOffsetsAfterARestartAndStillIgnoreDuplicates() {
    observe(new LimitWarned(breach("INTRADAY_LOSS", LimitKind.INTRADAY_LOSS, "", 450_000, 500_000)));
    observe(new WarningCleared("INTRADAY_LOSS", tick()));
    observe(new LimitBreached(breach("INTRADAY_LOSS", LimitKind.INTRADAY_LOSS, "", 510_000, 500_000)));
    for (int i = 1; i <= 5; i++) {
      observe(new LimitBreached(breach("PRICE_COLLAR:F" + i, LimitKind.PRICE_COLLAR, "TLT", 7 + i, 5)));
    }
    observe(new Halted(Portfolio.LIMIT_MONITOR, "limit breached: INTRADAY_LOSS", tick(), "halt-P1-9"));
    String loss = incidents(IncidentFilter.ALL).incidents().get(2).incidentId();
    acknowledge(loss, "alice");
    Incidents before = incidents(IncidentFilter.ALL);
    ObservedOffsets offsetsBefore = kit.<ObservedOffsets>runCommand(GetOffsets::new).reply();
    assertEquals(3, before.incidents().size());

    kit.restart(); // recovers from the latest snapshot (every 4 events) and the events after it
    assertEquals(before, incidents(IncidentFilter.ALL));
    assertEquals(offsetsBefore.offsets(), kit.<ObservedOffsets>runCommand(GetOffsets::new).reply().offsets());
    // A projection replaying from the start changes nothing.
    p1SequenceNr = 0;
    offset = 0;
    assertTrue(observe(new LimitWarned(breach("INTRADAY_LOSS", LimitKind.INTRADAY_LOSS, "", 1, 500_000)))
        .duplicate());
    assertEquals(before, incidents(IncidentFilter.ALL));
    assertEquals(1, kit.<ObservedOffsets>runCommand(GetOffsets::new).reply().duplicatesIgnored());
    // And the next event after the stored offset still correlates into the recovered incidents.
    offset = offsetsBefore.offset(PORTFOLIO_TAG);
    p1SequenceNr = 100;
    observe(new LimitBreached(breach("PRICE_COLLAR:F6", LimitKind.PRICE_COLLAR, "TLT", 20, 5)));
    assertEquals(6, incidents(IncidentFilter.ALL).incidents().stream()
        .filter(i -> i.correlationKey().equals("PORTFOLIO:P1/PRICE_COLLAR:TLT")).findFirst().orElseThrow()
        .occurrences());
  }

  @Test
  void shouldListOpenIncidentsNewestFirstWithinTheLimit() {
    for (int i = 1; i <= 3; i++) {
      observe(new LimitBreached(breach("RESTRICTED_INSTRUMENT:F" + i, LimitKind.RESTRICTED_INSTRUMENT, "X" + i, 1, 0)));
    }
    var firstTwo = kit.<Incidents>runCommand(replyTo -> new GetIncidents(IncidentFilter.OPEN, 2, replyTo)).reply();
    assertEquals(List.of("inc-5", "inc-3"), firstTwo.incidents().stream().map(Incident::incidentId).toList(),
        "ids name the IncidentOpened event's sequence number (each observe also stores its offset)");
    assertEquals(3, firstTwo.matching());
  }
}

package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.alert.AlertSignal;
import io.riskpulse.model.alert.PortfolioAlertSource;
import io.riskpulse.model.detect.CheckpointRestores;
import io.riskpulse.model.detect.DetectionEnvironment;
import io.riskpulse.model.detect.DetectionPolicy;
import io.riskpulse.model.detect.DetectionSettings;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.detect.MarketConditions;
import io.riskpulse.model.halt.HaltDispatcher;
import io.riskpulse.model.halt.HaltView;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.LimitAction;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecution;
import io.riskpulse.model.portfolio.PortfolioCommand.CheckOrder;
import io.riskpulse.model.portfolio.PortfolioCommand.CheckpointDetectors;
import io.riskpulse.model.portfolio.PortfolioCommand.GetDetection;
import io.riskpulse.model.portfolio.PortfolioCommand.MarkToMarket;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import io.riskpulse.model.portfolio.PortfolioCommand.RecordOrder;
import io.riskpulse.model.portfolio.PortfolioCommand.Resume;
import io.riskpulse.model.portfolio.PortfolioCommand.SetRules;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyCleared;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyDetected;
import io.riskpulse.model.portfolio.PortfolioEvent.Halted;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeCheck;
import io.riskpulse.model.pretrade.PreTradeDecision;
import io.riskpulse.model.pretrade.PreTradeSettings;
import io.riskpulse.model.risk.aggregate.RiskReporter;
import io.riskpulse.model.risk.liquidity.LiquiditySettings;
import io.riskpulse.model.risk.live.RiskModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A portfolio's detectors' findings become journaled anomaly episodes with their policy's action: an alert, a
 * halt through the same path as a limit's, or reduce-only pre-trade checks; an episode ends after its quiet period.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioDetectionTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          "riskpulse.portfolio.mark-interval = 1h\n"
              + "riskpulse.portfolio.risk-staleness = 1h\n"
              + "riskpulse.portfolio.snapshot-every = 2\n")
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());

  private static final Limits LIMITS =
      new Limits(100_000_000.0, 100_000_000.0, 100_000_000.0, null, null, null, null, null, null, false);

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final InstrumentRegistry instruments = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US")));
  private MutableClock clock;
  private EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit;
  private int ids;

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  private void start(Map<Detector, LimitAction> actions) {
    start(actions, CheckpointRestores.UNLIMITED);
  }

  private void start(Map<Detector, LimitAction> actions, CheckpointRestores checkpointRestores) {
    clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    MarketView market = new MarketView(instruments, clock);
    market.update(new Quote("SPY", Double.NaN, 99.99, 100.01, clock.millis()));
    DetectionEnvironment detection = new DetectionEnvironment(
        DetectionSettings.DEFAULTS.withPolicy(new DetectionPolicy(actions)), MarketConditions.NONE,
        new OrderBookView(), symbol -> 0.01, checkpointRestores);
    PortfolioEnvironment env = new PortfolioEnvironment(market, instruments, clock,
        PortfolioSettings.fromConfig(CONFIG), RiskModel.none(), RiskReporter.NONE, LiquiditySettings.DEFAULTS,
        HaltView.NONE, HaltDispatcher.NONE, new PreTradeSettings(Duration.ofSeconds(30), true, Duration.ofMinutes(5)))
        .withDetection(detection);
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create("P" + (++ids), env),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
    assertTrue(kit.<Reply>runCommand(replyTo -> new OpenPortfolio("equities", "alice", 10_000_000, LIMITS, "ops",
        replyTo)).reply().isAccepted());
  }

  private CommandResultWithReply<PortfolioCommand, PortfolioEvent, PortfolioState, Reply> order(String strategy, int n) {
    OrderEvent order = new OrderEvent(OrderAction.NEW, kit.getState().portfolioId(), strategy, "O" + n, "", "SPY",
        Side.BUY, 100, 100, clock.millis());
    CommandResultWithReply<PortfolioCommand, PortfolioEvent, PortfolioState, Reply> result =
        kit.<Reply>runCommand(replyTo -> new RecordOrder(order, replyTo));
    assertTrue(result.reply().isAccepted(), result.reply().toString());
    return result;
  }

  /** Two orders a second for three minutes: the strategy's norm, long enough to warm the detector up. */
  private int warmUp(String strategy) {
    int n = 0;
    for (int second = 0; second < 180; second++) {
      order(strategy, n++);
      order(strategy, n++);
      clock.advance(Duration.ofSeconds(1));
    }
    return n;
  }

  private List<AnomalyDetected> anomalies(List<PortfolioEvent> events) {
    return events.stream().filter(e -> e instanceof AnomalyDetected).map(e -> (AnomalyDetected) e).toList();
  }

  @Test
  void shouldHaltOnARunawayBurstWhenThePolicySaysHaltAndEndTheEpisodeAfterItsQuietPeriod() {
    start(Map.of(Detector.RUNAWAY, LimitAction.HALT));
    int n = warmUp("algo-7");
    assertTrue(kit.getState().activeAnomalies().isEmpty(), "a steady strategy is no anomaly");

    List<PortfolioEvent> burstEvents = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      burstEvents.addAll(JournaledEvents.of(testKit.system(), order("algo-7", n++)));
    }
    List<AnomalyDetected> found = anomalies(burstEvents);
    assertEquals(1, found.size(), "one episode, not one event per order: " + burstEvents);
    AnomalyDetected anomaly = found.get(0);
    assertEquals(Detector.RUNAWAY, anomaly.signal().detector());
    assertEquals("RUNAWAY:algo-7", anomaly.signal().key());
    assertEquals(LimitAction.HALT, anomaly.action());
    assertTrue(anomaly.signal().score() >= anomaly.signal().threshold());
    assertTrue(anomaly.signal().attribution().containsKey("newOrdersPerSecond"), anomaly.signal().toString());
    assertTrue(anomaly.signal().explanation().contains("algo-7"), anomaly.signal().explanation());
    Halted halted = (Halted) burstEvents.stream().filter(e -> e instanceof Halted).findFirst().orElseThrow();
    assertEquals(Portfolio.DETECTOR, halted.by());
    assertTrue(halted.haltId().startsWith("halt-"), halted.haltId());
    assertTrue(kit.getState().isHalted());

    PreTradeDecision decision = kit.<PreTradeDecision>runCommand(replyTo -> new CheckOrder(
        new OrderRequest(kit.getState().portfolioId(), "algo-7", "C1", "SPY", Side.BUY, 1, 100), replyTo)).reply();
    assertFalse(decision.accepted());

    Reply refused = kit.<Reply>runCommand(replyTo -> new Resume("risk", "looked at it", replyTo)).reply();
    assertEquals(RejectReason.STILL_BREACHED, refused.reason(), refused.toString());
    assertTrue(refused.detail().contains("RUNAWAY"), refused.detail());

    clock.advance(Duration.ofSeconds(29));
    assertTrue(JournaledEvents.of(testKit.system(), kit.runCommand(MarkToMarket.INSTANCE)).stream().noneMatch(e -> e instanceof AnomalyCleared),
        "still inside the quiet period");
    clock.advance(Duration.ofSeconds(2));
    List<PortfolioEvent> tick = JournaledEvents.of(testKit.system(), kit.runCommand(MarkToMarket.INSTANCE));
    AnomalyCleared cleared = (AnomalyCleared) tick.stream().filter(e -> e instanceof AnomalyCleared).findFirst()
        .orElseThrow(() -> new AssertionError("no clear after the quiet period: " + tick));
    assertEquals("RUNAWAY:algo-7", cleared.key());
    assertTrue(kit.getState().activeAnomalies().isEmpty());
    assertTrue(kit.<Reply>runCommand(replyTo -> new Resume("risk", "fixed the algo", replyTo)).reply().isAccepted());
  }

  @Test
  void shouldRaiseAnAlertOnlyByDefaultAndMapItToAnAnomalyIncident() {
    start(Map.of());
    int n = warmUp("algo-1");
    List<PortfolioEvent> events = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      events.addAll(JournaledEvents.of(testKit.system(), order("algo-1", n++)));
    }
    AnomalyDetected anomaly = anomalies(events).get(0);
    assertEquals(LimitAction.ALERT_ONLY, anomaly.action());
    assertFalse(kit.getState().isHalted(), "alert-only does not halt");

    List<AlertSignal> signals = new PortfolioAlertSource().signals("Portfolio|" + kit.getState().portfolioId(), 7,
        anomaly);
    assertEquals(1, signals.size());
    AlertSignal signal = signals.get(0);
    assertEquals(AlertSignal.Type.ANOMALY_DETECTED, signal.type());
    assertEquals("RUNAWAY:algo-1", signal.subject());
    assertEquals("ANOMALY_RUNAWAY", signal.trigger().kind());
    assertEquals(anomaly.signal().score(), signal.trigger().value());
    assertTrue(signal.trigger().detail().contains("attribution"), signal.trigger().detail());
  }

  @Test
  void shouldBlockOrdersThatIncreaseThePositionWhileAReduceOnlySlippageEpisodeIsOpen() {
    start(Map.of(Detector.SLIPPAGE, LimitAction.REDUCE_ONLY));
    CommandResultWithReply<PortfolioCommand, PortfolioEvent, PortfolioState, Reply> fill = kit.<Reply>runCommand(replyTo -> new ApplyExecution(
        new Execution("E1", kit.getState().portfolioId(), "algo-2", "SPY", Side.BUY, 1_000, 101.5, 5L), replyTo));
    assertTrue(fill.reply().isAccepted());
    AnomalyDetected anomaly = anomalies(JournaledEvents.of(testKit.system(), fill)).get(0);
    assertEquals(Detector.SLIPPAGE, anomaly.signal().detector());
    assertEquals(150, anomaly.signal().score(), 0.5, "101.5 against a 100.00 mid is 150 bp");
    assertEquals(LimitAction.REDUCE_ONLY, anomaly.action());
    assertFalse(kit.getState().isHalted());

    PreTradeDecision increase = kit.<PreTradeDecision>runCommand(replyTo -> new CheckOrder(
        new OrderRequest(kit.getState().portfolioId(), "algo-2", "C1", "SPY", Side.BUY, 10, 100), replyTo)).reply();
    assertFalse(increase.accepted());
    assertTrue(increase.failures().stream().anyMatch(f -> f.check() == PreTradeCheck.REDUCE_ONLY),
        increase.describe());
    PreTradeDecision reduce = kit.<PreTradeDecision>runCommand(replyTo -> new CheckOrder(
        new OrderRequest(kit.getState().portfolioId(), "algo-2", "C2", "SPY", Side.SELL, 10, 100), replyTo)).reply();
    assertTrue(reduce.accepted(), reduce.describe());
  }

  private static final String CANCEL_STORM = "rule cancel-storm {\n"
      + "  when count(order(action = CANCEL)) >= 5 within 1s\n"
      + "  per strategy\n"
      + "}\n";

  private Reply setRules(String text) {
    return kit.<Reply>runCommand(replyTo -> new SetRules(text, "risk", "tighter cancel watch", replyTo)).reply();
  }

  private List<PortfolioEvent> cancel(String strategy, int n) {
    OrderEvent order = new OrderEvent(OrderAction.CANCEL, kit.getState().portfolioId(), strategy, "X" + n, "O" + n,
        "SPY", Side.BUY, 0, 0, clock.millis());
    CommandResultWithReply<PortfolioCommand, PortfolioEvent, PortfolioState, Reply> result =
        kit.<Reply>runCommand(replyTo -> new RecordOrder(order, replyTo));
    assertTrue(result.reply().isAccepted(), result.reply().toString());
    return JournaledEvents.of(testKit.system(), result);
  }

  @Test
  void shouldRefuseRulesThatDoNotParseWithTheLineAndColumnAndJournalNothing() {
    start(Map.of());
    Reply refused = setRules("rule broken {\n  when count(order(action = CANCEL)) >= 5 within x\n}\n");
    assertEquals(RejectReason.INVALID_FIELD, refused.reason());
    assertTrue(refused.detail().contains("line 2, column"), refused.detail());
    assertEquals("", kit.getState().rules());
  }

  @Test
  void shouldApplyRulesSetAtRuntimeWithoutARestart() {
    start(Map.of(Detector.RULE, LimitAction.REDUCE_ONLY));
    for (int i = 0; i < 10; i++) {
      assertTrue(anomalies(cancel("mm", i)).isEmpty(), "no rule yet");
    }
    assertTrue(setRules(CANCEL_STORM).isAccepted());
    assertEquals(CANCEL_STORM, kit.getState().rules());
    List<PortfolioEvent> events = new java.util.ArrayList<>();
    for (int i = 10; i < 15; i++) {
      events.addAll(cancel("mm", i));
    }
    AnomalyDetected anomaly = anomalies(events).get(0);
    assertEquals(Detector.RULE, anomaly.signal().detector());
    assertEquals("RULE:cancel-storm:mm", anomaly.signal().key());
    assertEquals(LimitAction.REDUCE_ONLY, anomaly.action());
    DetectionView view = kit.<DetectionView>runCommand(GetDetection::new).reply();
    assertTrue(view.ownRules());
    assertTrue(view.rules().contains("cancel-storm"), view.rules());
    assertEquals(List.of("RULE:cancel-storm:mm"), view.openAnomalies().stream().map(a -> a.signal().key()).toList());
  }

  @Test
  void shouldKeepRuleWindowsAcrossARestartThroughTheSnapshot() {
    start(Map.of());
    assertTrue(setRules(CANCEL_STORM).isAccepted());
    for (int i = 0; i < 3; i++) {
      cancel("mm", i);
    }
    // Two journal writes: a snapshot (every 2 events here) now holds the rule's window of three cancels.
    kit.<Reply>runCommand(replyTo -> new ApplyExecution(
        new Execution("E1", kit.getState().portfolioId(), "other", "SPY", Side.BUY, 1, 100, 5L), replyTo));
    kit.<Reply>runCommand(replyTo -> new ApplyExecution(
        new Execution("E2", kit.getState().portfolioId(), "other", "SPY", Side.SELL, 1, 100, 5L), replyTo));
    kit.restart();
    assertEquals(CANCEL_STORM, kit.getState().rules(), "the rules come back from the journal");
    List<PortfolioEvent> events = new java.util.ArrayList<>();
    events.addAll(cancel("mm", 3));
    assertTrue(anomalies(events).isEmpty(), "four cancels are not five");
    events.addAll(cancel("mm", 4));
    assertEquals(List.of("RULE:cancel-storm:mm"), anomalies(events).stream().map(a -> a.signal().key()).toList(),
        "the three cancels before the restart still count");
  }

  @Test
  void shouldKeepAStrategysModelAndTheRulesWindowsAcrossARestartThroughTheCheckpointStore() {
    start(Map.of());
    warmUp("algo-9");
    order("algo-9", 100_000); // completes the last second: the model has scored every second so far
    assertTrue(setRules(CANCEL_STORM).isAccepted()); // journaled: a snapshot of the rules' empty windows
    clock.advance(Duration.ofMillis(1));
    for (int i = 0; i < 3; i++) {
      cancel("mm", i); // three of the five; cancels are not journaled, so no snapshot holds them
    }
    DetectionView before = kit.<DetectionView>runCommand(GetDetection::new).reply();
    assertEquals(1, before.models().size(), before.toString());
    long learned = before.models().get(0).pointsSeen();
    assertTrue(learned >= 170, "one point per active second: " + learned);
    clock.advance(Duration.ofMillis(1));
    kit.runCommand(CheckpointDetectors.INSTANCE);

    kit.restart();
    testKit.createTestProbe().awaitAssert(Duration.ofSeconds(10), () -> {
      DetectionView after = kit.<DetectionView>runCommand(GetDetection::new).reply();
      assertEquals(List.of("algo-9"), after.models().stream().map(m -> m.strategy()).toList(), after.toString());
      assertEquals(learned, after.models().get(0).pointsSeen(), "the model comes back as it was saved");
      return null;
    });
    List<PortfolioEvent> events = new java.util.ArrayList<>(cancel("mm", 3));
    assertTrue(anomalies(events).isEmpty(), "four cancels of five");
    events.addAll(cancel("mm", 4));
    assertEquals(List.of("RULE:cancel-storm:mm"), anomalies(events).stream().map(a -> a.signal().key()).toList(),
        "the checkpoint, later than the snapshot, brought the three cancels back");
  }

  /** Warms a model up and saves it; returns the points it has seen. */
  private long learnAndCheckpoint(String strategy) {
    warmUp(strategy);
    order(strategy, 100_000); // completes the last second: the model has scored every second so far
    long learned = kit.<DetectionView>runCommand(GetDetection::new).reply().models().get(0).pointsSeen();
    clock.advance(Duration.ofMillis(1));
    kit.runCommand(CheckpointDetectors.INSTANCE);
    return learned;
  }

  private List<Long> modelPoints() {
    return kit.<DetectionView>runCommand(GetDetection::new).reply().models().stream().map(m -> m.pointsSeen())
        .toList();
  }

  /** Waits until the portfolio's one model has {@code learned} points again and no checkpoint turn is taken. */
  private void awaitModelRestoredAndTurnGivenBack(CheckpointRestores gate, long learned) {
    testKit.createTestProbe().awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(List.of(learned), modelPoints(), "the model as it was saved");
      assertEquals(0, gate.running() + gate.waiting(), "every turn given back");
      return null;
    });
  }

  /** Starts a portfolio on a node that restores one checkpoint at a time; returns once its store gave the turn back. */
  private CheckpointRestores startWithOneCheckpointTurn() {
    CheckpointRestores gate = new CheckpointRestores(1);
    start(Map.of(), gate);
    testKit.createTestProbe().awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(0, gate.running(), "the new portfolio's store recovered and gave its turn back");
      return null;
    });
    return gate;
  }

  @Test
  void shouldRestoreItsModelsOnlyWhenTheNodeGivesItsCheckpointStoreATurnAndThenGiveTheTurnBack() {
    CheckpointRestores gate = startWithOneCheckpointTurn();
    long learned = learnAndCheckpoint("algo-9");

    CheckpointRestores.Ticket other = gate.request(() -> { }); // another portfolio is restoring: the only place
    kit.restart();
    assertEquals(1, gate.waiting(), "the restarted portfolio waits for its turn");
    assertEquals(List.of(), modelPoints(), "it serves meanwhile, its models not restored yet");

    other.close();
    awaitModelRestoredAndTurnGivenBack(gate, learned);
  }

  @Test
  void shouldNotSaveACheckpointBeforeItsStoreHasToldWhatItHolds() {
    CheckpointRestores gate = startWithOneCheckpointTurn();
    long learned = learnAndCheckpoint("algo-9");

    CheckpointRestores.Ticket other = gate.request(() -> { });
    kit.restart();
    for (int second = 0; second < 3; second++) { // the restarted portfolio learns a fresh model meanwhile
      order("algo-9", 10_000 + second);
      clock.advance(Duration.ofSeconds(1));
    }
    order("algo-9", 20_000);
    other.close(); // the portfolio's turn: its store starts, and recovers after the checkpoint tick below
    kit.runCommand(CheckpointDetectors.INSTANCE);
    awaitModelRestoredAndTurnGivenBack(gate, learned);

    // Had the tick saved the fresh model, the store would have written it after its recovery, over the saved one.
    kit.restart();
    awaitModelRestoredAndTurnGivenBack(gate, learned);
  }

  @Test
  void shouldStartItsCheckpointStoreAgainWhenItsRecoveryFails() {
    CheckpointRestores gate = new CheckpointRestores(1);
    start(Map.of(), gate);
    long learned = learnAndCheckpoint("algo-9");
    String storeId = "DetectorCheckpoint|" + kit.getState().portfolioId();
    PersistenceTestKit.create(testKit.system()).failNextRead(storeId);

    kit.restart(); // the store's recovery fails once (a journal that timed out): the store stops
    awaitModelRestoredAndTurnGivenBack(gate, learned); // by a store started again; the failed one's turn given back
  }

  @Test
  void shouldKeepOpenAnomalyEpisodesAcrossARestart() {
    start(Map.of(Detector.SLIPPAGE, LimitAction.ALERT_ONLY));
    kit.<Reply>runCommand(replyTo -> new ApplyExecution(
        new Execution("E1", kit.getState().portfolioId(), "algo-3", "SPY", Side.SELL, 500, 98, 5L), replyTo));
    assertEquals(1, kit.getState().activeAnomalies().size());
    kit.restart();
    assertEquals(List.of("SLIPPAGE:SPY"), List.copyOf(kit.getState().activeAnomalies().keySet()));
    assertInstanceOf(AnomalyDetected.class, kit.getState().activeAnomalies().get("SLIPPAGE:SPY"));
  }
}

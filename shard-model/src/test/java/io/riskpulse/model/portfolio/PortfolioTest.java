package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecution;
import io.riskpulse.model.portfolio.PortfolioCommand.GetSnapshot;
import io.riskpulse.model.portfolio.PortfolioCommand.Halt;
import io.riskpulse.model.portfolio.PortfolioCommand.MarkToMarket;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import io.riskpulse.model.portfolio.PortfolioCommand.RecordOrder;
import io.riskpulse.model.portfolio.PortfolioCommand.Resume;
import io.riskpulse.model.portfolio.PortfolioCommand.SetLimits;
import io.riskpulse.model.portfolio.PortfolioEvent.ExecutionApplied;
import io.riskpulse.model.portfolio.PortfolioEvent.Halted;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitBreached;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitCleared;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitsSet;
import io.riskpulse.model.portfolio.PortfolioEvent.PortfolioOpened;
import io.riskpulse.model.portfolio.PortfolioEvent.Resumed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResult;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          // The timer would race the assertions; tests send MarkToMarket themselves.
          "riskpulse.portfolio.mark-interval = 1h\n"
              + "riskpulse.portfolio.risk-staleness = 1h\n"
              + "riskpulse.portfolio.snapshot-every = 5\n"
              + "riskpulse.portfolio.dedup-window = 3\n"
              + "riskpulse.portfolio.peak-persist-step = 100\n")
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());

  private static final Limits LIMITS =
      new Limits(1_000_000.0, 500_000.0, 400_000.0, null, null, 10_000.0, 15_000.0, 5_000.0, 450_000.0, false);

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final InstrumentRegistry instruments = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US"),
      new Instrument("GLD", AssetClass.COMMODITY, "USD", 1, "precious metals", ""),
      new Instrument("7203.T", AssetClass.EQUITY, "JPY", 100, "autos", "japan"),
      new Instrument("USDJPY", AssetClass.FX, "JPY", 1000, "g10", "global")));
  private MarketView market;
  private EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private PortfolioEnvironment env;

  @BeforeEach
  void setUp() {
    market = new MarketView(instruments);
    market.update(Quote.lastTrade("SPY", 100, 1));
    market.update(Quote.lastTrade("GLD", 200, 1));
    env = new PortfolioEnvironment(market, instruments, clock, PortfolioSettings.fromConfig(CONFIG));
    // The mutable state is never serialized itself: snapshots go through StoredPortfolioState, whose round
    // trip is checked in shouldRoundTripTheStoredStateThroughSerialization.
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create("P1", env),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  private CommandResultWithReply<PortfolioCommand, PortfolioEvent, PortfolioState, Reply> command(
      Function<ActorRef<Reply>, PortfolioCommand> command) {
    return kit.<Reply>runCommand(command::apply);
  }

  private CommandResultWithReply<PortfolioCommand, PortfolioEvent, PortfolioState, Reply> open(Limits limits) {
    return command(replyTo -> new OpenPortfolio("equities", "alice", 1_000_000, limits, "ops", replyTo));
  }

  private CommandResultWithReply<PortfolioCommand, PortfolioEvent, PortfolioState, Reply> execute(
      String id, String symbol, Side side, double quantity, double price) {
    return command(replyTo ->
        new ApplyExecution(new Execution(id, "P1", "momo", symbol, side, quantity, price, 5L), replyTo));
  }

  private PortfolioSnapshot snapshot() {
    return kit.runCommand(GetSnapshot::new).reply();
  }

  @Test
  void shouldOpenAndApplyAnExecution() {
    var opened = open(LIMITS);
    assertEquals(Reply.accepted(), opened.reply());
    assertInstanceOf(PortfolioOpened.class, event(opened));

    var result = execute("E1", "SPY", Side.BUY, 1000, 99);
    assertEquals(Reply.accepted(), result.reply());
    ExecutionApplied applied = (ExecutionApplied) events(result).get(0);
    assertEquals("E1", applied.execution().executionId());
    assertEquals(clock.millis(), applied.atMillis());

    PortfolioSnapshot snapshot = snapshot();
    assertEquals(PortfolioStatus.ACTIVE, snapshot.status());
    assertEquals("equities", snapshot.desk());
    assertEquals("alice", snapshot.trader());
    assertEquals(1_000_000 - 99_000, snapshot.valuation().cash(), 1e-6);
    assertEquals(1000, snapshot.valuation().unrealizedPnl(), 1e-6); // marked at 100
    assertEquals(100_000, snapshot.valuation().grossExposure(), 1e-6);
    assertEquals(1, snapshot.executionCount());
  }

  @Test
  void shouldValueForeignPositionsInTheReportingCurrencyAndKeepCashPerCurrency() {
    open(LIMITS);
    market.update(Quote.lastTrade("USDJPY", 150, 2));
    market.update(Quote.lastTrade("7203.T", 3000, 2));
    clock.advance(Duration.ofSeconds(1));
    execute("E1", "7203.T", Side.BUY, 1000, 2900); // 2.9M JPY
    PortfolioSnapshot snapshot = snapshot();
    assertEquals("USD", snapshot.reportingCurrency());
    assertEquals(-2_900_000, snapshot.cashByCurrency().get("JPY"), 1e-6);
    assertEquals(1_000_000, snapshot.cashByCurrency().get("USD"), 1e-6);
    assertEquals(3_000_000 / 150.0, snapshot.valuation().grossExposure(), 1e-6);
    assertEquals(100_000 / 150.0, snapshot.valuation().unrealizedPnl(), 1e-6);
    assertEquals(1_000_000 - 2_900_000 / 150.0, snapshot.valuation().cash(), 1e-6);
    assertEquals(1 / 150.0, snapshot.valuation().positions().get(0).fxRate(), 1e-12);
  }

  @Test
  void shouldWaitForMarketDataAfterStartThenBreachWhenAPositionCannotBeValued() {
    open(LIMITS);
    var fill = execute("E1", "7203.T", Side.BUY, 100, 2900); // no USDJPY quote yet
    assertEquals(Reply.accepted(), fill.reply()); // the fill is applied...
    // ...and within the start-up grace period the missing FX rate is not judged yet.
    assertEquals(1, events(fill).size(), events(fill).toString());
    assertTrue(kit.runCommand(MarkToMarket.INSTANCE).hasNoEvents());

    clock.advance(Duration.ofSeconds(11)); // past market-data-grace (10s)
    List<String> breached = events(kit.runCommand(MarkToMarket.INSTANCE)).stream()
        .filter(e -> e instanceof LimitBreached).map(e -> ((LimitBreached) e).breach().key()).toList();
    // Every limit fed by an amount that cannot be converted breaches, and so does the missing data: fail closed.
    assertTrue(breached.containsAll(List.of("GROSS_EXPOSURE", "NET_EXPOSURE", "INTRADAY_LOSS", "MARKET_DATA")),
        breached.toString());

    market.update(Quote.lastTrade("USDJPY", 150, 3));
    market.update(Quote.lastTrade("7203.T", 2900, 3));
    var cleared = kit.runCommand(MarkToMarket.INSTANCE);
    assertTrue(events(cleared).stream().anyMatch(e -> e instanceof LimitCleared), events(cleared).toString());
    assertTrue(snapshot().activeBreaches().isEmpty());
  }

  @Test
  void shouldBreachMarketDataForAPositionWithoutAnyPriceAfterTheGracePeriod() {
    open(LIMITS);
    market.update(Quote.lastTrade("USDJPY", 150, 2)); // the FX rate is there, 7203.T's own price never comes
    execute("E1", "7203.T", Side.BUY, 100, 2900);
    assertTrue(kit.runCommand(MarkToMarket.INSTANCE).hasNoEvents()); // within the grace period
    clock.advance(Duration.ofSeconds(11));
    var events = events(kit.runCommand(MarkToMarket.INSTANCE));
    LimitBreached breach = (LimitBreached) events.stream().filter(e -> e instanceof LimitBreached)
        .findFirst().orElseThrow(() -> new AssertionError(events.toString()));
    assertEquals(LimitKind.MARKET_DATA, breach.breach().kind());
    assertEquals(1, breach.breach().value(), 0); // one position cannot be marked
    // Carried at cost, its P&L would look flat; the breach says it is blind instead.
    assertEquals(1, snapshot().valuation().unmarkedCount());
  }

  @Test
  void shouldRefuseToResumeWhileHaltingLimitsAreStillBreached() {
    Limits halting = new Limits(null, null, 50_000.0, null, null, null, null, null, null, true);
    open(halting);
    execute("E1", "SPY", Side.BUY, 600, 100); // 60k > 50k: breached and halted
    var resume = command(replyTo -> new Resume("bob", "back to work", replyTo));
    assertEquals(RejectReason.STILL_BREACHED, resume.reply().reason());
    assertTrue(resume.reply().detail().contains("POSITION_NOTIONAL SPY"), resume.reply().detail());
    // Raising the limit clears the breach; then the resume is accepted.
    Limits raised = new Limits(null, null, 100_000.0, null, null, null, null, null, null, true);
    assertEquals(Reply.accepted(), command(replyTo -> new SetLimits(raised, "risk", "temporary raise", replyTo)).reply());
    assertEquals(Reply.accepted(), command(replyTo -> new Resume("bob", "limit raised", replyTo)).reply());
    assertEquals(PortfolioStatus.ACTIVE, snapshot().status());
  }

  @Test
  void shouldHaltWhenLimitsStartHaltingWhileABreachIsOpen() {
    Limits alertOnly = new Limits(null, null, 50_000.0, null, null, null, null, null, null, false);
    open(alertOnly);
    execute("E1", "SPY", Side.BUY, 600, 100);
    assertEquals(PortfolioStatus.ACTIVE, snapshot().status());
    Limits halting = new Limits(null, null, 50_000.0, null, null, null, null, null, null, true);
    var set = command(replyTo -> new SetLimits(halting, "risk", "halt on breach", replyTo));
    assertInstanceOf(Halted.class, events(set).get(events(set).size() - 1), events(set).toString());
    assertEquals(PortfolioStatus.HALTED, snapshot().status());
  }

  @Test
  void shouldClearAnOrderRateBreachOnAMarkOnceItsWindowHasPassedWithoutAPriceMove() {
    // Marks of a still market skip the limit judgement when nothing it reads changed; the order-flow rates change
    // with the clock alone, so a rate limit's episode must still end on a mark.
    open(LIMITS.withOrderLimits(new io.riskpulse.model.limits.OrderLimits(null, 2.0, null, null, null, null, null,
        null, null, java.util.Set.of(), null)));
    List<PortfolioEvent> recorded = new java.util.ArrayList<>();
    for (int i = 1; i <= 3; i++) { // three new orders within a minute: two are allowed
      String id = "O" + i;
      recorded.addAll(events(command(replyTo -> new RecordOrder(
          new OrderEvent(OrderAction.NEW, "P1", "momo", id, "", "SPY", Side.BUY, 10, 100, 1), replyTo))));
    }
    assertTrue(recorded.stream().anyMatch(e -> e instanceof LimitBreached b
        && b.breach().kind() == LimitKind.ORDER_RATE), recorded.toString());
    assertTrue(kit.runCommand(MarkToMarket.INSTANCE).hasNoEvents());
    clock.advance(Duration.ofSeconds(30));
    assertTrue(kit.runCommand(MarkToMarket.INSTANCE).hasNoEvents()); // the orders are still within the minute
    clock.advance(Duration.ofSeconds(31));
    assertEquals(List.of(new LimitCleared("ORDER_RATE", clock.millis())),
        events(kit.runCommand(MarkToMarket.INSTANCE)));
    assertTrue(kit.runCommand(MarkToMarket.INSTANCE).hasNoEvents());
  }

  @Test
  void shouldKeepLiveOrderFlowStatisticsWithoutJournalingThem() {
    open(LIMITS);
    OrderEvent order = new OrderEvent(OrderAction.NEW, "P1", "momo", "O1", "", "SPY", Side.BUY, 100, 99, 1);
    var recorded = command(replyTo -> new RecordOrder(order, replyTo));
    assertEquals(Reply.accepted(), recorded.reply());
    assertTrue(recorded.hasNoEvents());
    command(replyTo -> new RecordOrder(
        new OrderEvent(OrderAction.CANCEL, "P1", "momo", "C1", "O1", "SPY", Side.BUY, 0, 0, 2), replyTo));
    // The same new-order message again (a retried ask, a replay): answered as a repeat, counted once.
    assertEquals(Reply.Outcome.DUPLICATE, command(replyTo -> new RecordOrder(order, replyTo)).reply().outcome());
    execute("E1", "SPY", Side.BUY, 10, 100);

    PortfolioSnapshot snapshot = snapshot();
    assertEquals(0, snapshot.orderFlow().openOrders());
    assertEquals(2, snapshot.orderFlow().messagesLastMinute());
    assertEquals(1, snapshot.orderFlow().fillsLastMinute());
    assertEquals(1.0, snapshot.orderFlowByStrategy().get("momo").cancelRatio(), 1e-12);
  }

  @Test
  void shouldStopCountingAnOrderAsOpenOnceFillsNamingItFillIt() {
    open(LIMITS);
    command(replyTo -> new RecordOrder(
        new OrderEvent(OrderAction.NEW, "P1", "momo", "O1", "", "SPY", Side.BUY, 30, 99, 1), replyTo));
    command(replyTo -> new ApplyExecution(
        new Execution("E1", "P1", "momo", "SPY", Side.BUY, 10, 99, 5L, "O1"), replyTo));
    assertEquals(20, snapshot().openOrders().get(0).leavesQuantity(), 1e-12);
    command(replyTo -> new ApplyExecution(
        new Execution("E2", "P1", "momo", "SPY", Side.BUY, 20, 99, 6L, "O1"), replyTo));
    assertEquals(List.of(), snapshot().openOrders());
    assertEquals(0, snapshot().orderFlow().openOrders());
  }

  @Test
  void shouldRejectInvalidOrderFlowMessagesWithASpecificReason() {
    assertEquals(RejectReason.UNKNOWN_PORTFOLIO, command(replyTo -> new RecordOrder(
        new OrderEvent(OrderAction.NEW, "P1", "", "O1", "", "SPY", Side.BUY, 1, 1, 0), replyTo)).reply().reason());
    open(LIMITS);
    Object[][] cases = {
        {new OrderEvent(null, "P1", "", "O1", "", "SPY", Side.BUY, 1, 1, 0), RejectReason.INVALID_ORDER},
        {new OrderEvent(OrderAction.NEW, "P1", "", " ", "", "SPY", Side.BUY, 1, 1, 0), RejectReason.INVALID_FIELD},
        {new OrderEvent(OrderAction.NEW, "P1", "", "O1", "", "ZZZ", Side.BUY, 1, 1, 0), RejectReason.UNKNOWN_INSTRUMENT},
        {new OrderEvent(OrderAction.NEW, "P1", "", "O1", "", "SPY", null, 1, 1, 0), RejectReason.INVALID_SIDE},
        {new OrderEvent(OrderAction.NEW, "P1", "", "O1", "", "SPY", Side.BUY, 0, 1, 0), RejectReason.INVALID_QUANTITY},
        {new OrderEvent(OrderAction.REPLACE, "P1", "", "O2", "O1", "SPY", Side.BUY, 1, Double.NaN, 0),
            RejectReason.INVALID_PRICE},
        {new OrderEvent(OrderAction.CANCEL, "P1", "", "O3", "", "SPY", Side.BUY, 0, 0, 0), RejectReason.INVALID_ORDER},
    };
    for (Object[] c : cases) {
      var result = command(replyTo -> new RecordOrder((OrderEvent) c[0], replyTo));
      assertEquals(c[1], result.reply().reason(), String.valueOf(c[0]));
    }
    assertEquals(0, snapshot().orderFlow().messagesLastMinute());
  }

  @Test
  void shouldApplyABatchInOrderWithOneWriteAndJudgeEachExecution() {
    open(LIMITS);
    execute("E0", "SPY", Side.BUY, 10, 100);
    List<Execution> batch = List.of(
        new Execution("E1", "P1", "s", "SPY", Side.BUY, 5, 100, 1),
        new Execution("E0", "P1", "s", "SPY", Side.BUY, 10, 100, 1),      // already applied
        new Execution("E2", "P1", "s", "NOPE", Side.BUY, 1, 1, 1),         // unknown instrument
        new Execution("E1", "P1", "s", "SPY", Side.BUY, 5, 100, 1),       // duplicate within the batch
        new Execution("E3", "P1", "s", "SPY", Side.SELL, 20, 101, 1));
    CommandResultWithReply<PortfolioCommand, PortfolioEvent, PortfolioState, BatchReply> result =
        kit.runCommand(replyTo -> new PortfolioCommand.ApplyExecutions(batch, replyTo));

    List<Reply> replies = result.reply().replies();
    assertEquals(List.of(Reply.Outcome.ACCEPTED, Reply.Outcome.DUPLICATE, Reply.Outcome.REJECTED,
        Reply.Outcome.DUPLICATE, Reply.Outcome.ACCEPTED), replies.stream().map(Reply::outcome).toList());
    assertEquals(RejectReason.UNKNOWN_INSTRUMENT, replies.get(2).reason());
    assertEquals(List.of("E1", "E3"), events(result).stream().filter(e -> e instanceof ExecutionApplied)
        .map(e -> ((ExecutionApplied) e).execution().executionId()).toList());
    PortfolioSnapshot snapshot = snapshot();
    assertEquals(-5, snapshot.valuation().positions().get(0).quantity(), 1e-9); // 10 + 5 - 20
    assertEquals(3, snapshot.executionCount());
    assertEquals(15 * 1.0, snapshot.valuation().realizedPnl(), 1e-9); // 15 closed at 101 against 100
  }

  @Test
  void shouldMeasureIntradayLossAndDrawdownFromTheStartOfEachTradingDay() {
    open(LIMITS); // intraday loss limit 10k
    var first = execute("E1", "SPY", Side.BUY, 4000, 100);
    PortfolioEvent.DayRolled opened = (PortfolioEvent.DayRolled) events(first).stream()
        .filter(e -> e instanceof PortfolioEvent.DayRolled).findFirst().orElseThrow();
    assertEquals(LocalDate.parse("2026-11-26").toEpochDay(), opened.tradingDay());
    market.update(Quote.lastTrade("SPY", 98, 2)); // -8k today: within the limit
    assertTrue(events(kit.runCommand(MarkToMarket.INSTANCE)).stream().noneMatch(e -> e instanceof LimitBreached));

    clock.advance(Duration.ofDays(1));
    var rolled = events(kit.runCommand(MarkToMarket.INSTANCE));
    PortfolioEvent.DayRolled next = (PortfolioEvent.DayRolled) rolled.get(0);
    assertEquals(opened.tradingDay() + 1, next.tradingDay());
    assertEquals(-8_000, next.startOfDayPnl(), 1e-6);

    market.update(Quote.lastTrade("SPY", 96.5, 3)); // -6k more: -14k in all, but -6k today
    assertTrue(events(kit.runCommand(MarkToMarket.INSTANCE)).stream().noneMatch(e -> e instanceof LimitBreached));
    PortfolioSnapshot snapshot = snapshot();
    assertEquals("2026-11-27", snapshot.tradingDay());
    assertEquals(-6_000, snapshot.intradayPnl(), 1e-6);
    assertEquals(-14_000, snapshot.valuation().totalPnl(), 1e-6);

    market.update(Quote.lastTrade("SPY", 95, 4)); // -12k today: breached
    var breached = events(kit.runCommand(MarkToMarket.INSTANCE)).stream()
        .filter(e -> e instanceof LimitBreached).map(e -> ((LimitBreached) e).breach()).toList();
    assertEquals(LimitKind.INTRADAY_LOSS, breached.get(0).kind());
    assertEquals(12_000, breached.get(0).value(), 1e-6);
  }

  @Test
  void shouldRejectExecutionsForAPortfolioThatWasNeverOpened() {
    var result = execute("E1", "SPY", Side.BUY, 10, 100);
    assertEquals(RejectReason.UNKNOWN_PORTFOLIO, result.reply().reason());
    assertTrue(result.hasNoEvents());
    assertEquals(PortfolioStatus.UNOPENED, snapshot().status());
  }

  @Test
  void shouldAcknowledgeADuplicateExecutionWithoutChangingAnything() {
    open(LIMITS);
    execute("E1", "SPY", Side.BUY, 10, 100);
    var duplicate = execute("E1", "SPY", Side.BUY, 10, 100);
    assertEquals(Reply.Outcome.DUPLICATE, duplicate.reply().outcome());
    assertTrue(duplicate.hasNoEvents());
    assertEquals(10, snapshot().valuation().positions().get(0).quantity(), 1e-9);
  }

  @Test
  void shouldTellTheRecoveryListenerOfEachRecoveryAndWhetherThePortfolioWasOpened() {
    List<String> recoveries = new CopyOnWriteArrayList<>();
    List<Long> nanos = new CopyOnWriteArrayList<>();
    EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> watched =
        EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create("P-REC", env.withRecoveries(
            (id, opened, took) -> {
              recoveries.add(id + " opened=" + opened);
              nanos.add(took);
            })), EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));

    assertTrue(watched.<Reply>runCommand(replyTo -> new OpenPortfolio("equities", "alice", 1_000_000, LIMITS,
        "ops", replyTo)).reply().isAccepted());
    assertEquals(List.of("P-REC opened=false"), recoveries, "a new entity recovers empty before the open");
    watched.restart();
    assertEquals(List.of("P-REC opened=false", "P-REC opened=true"), recoveries,
        "the restart replays the open: the portfolio serves again");
    assertTrue(nanos.stream().allMatch(took -> took >= 0), "recovery times are durations: " + nanos);
  }

  @Test
  void shouldRefuseAnExecutionIdReusedForADifferentFillEvenAfterRecovery() {
    open(LIMITS);
    execute("E1", "SPY", Side.BUY, 10, 100);
    var conflict = execute("E1", "SPY", Side.BUY, 11, 100); // same id, another quantity: not a redelivery
    assertEquals(RejectReason.CONFLICTING_EXECUTION, conflict.reply().reason());
    assertTrue(conflict.hasNoEvents());
    kit.restart();
    assertEquals(RejectReason.CONFLICTING_EXECUTION, execute("E1", "SPY", Side.SELL, 10, 100).reply().reason());
    assertEquals(Reply.Outcome.DUPLICATE, execute("E1", "SPY", Side.BUY, 10, 100).reply().outcome());
    assertEquals(10, snapshot().valuation().positions().get(0).quantity(), 1e-9);
  }

  static Stream<Arguments> invalidExecutions() {
    return Stream.of(
        Arguments.of(new Execution("", "P1", "", "SPY", Side.BUY, 1, 1, 0), RejectReason.INVALID_FIELD),
        Arguments.of(new Execution(null, "P1", "", "SPY", Side.BUY, 1, 1, 0), RejectReason.INVALID_FIELD),
        Arguments.of(new Execution("X", "P2", "", "SPY", Side.BUY, 1, 1, 0), RejectReason.INVALID_FIELD),
        Arguments.of(new Execution("X", "P1", "", "NOPE", Side.BUY, 1, 1, 0), RejectReason.UNKNOWN_INSTRUMENT),
        Arguments.of(new Execution("X", "P1", "", null, Side.BUY, 1, 1, 0), RejectReason.UNKNOWN_INSTRUMENT),
        Arguments.of(new Execution("X", "P1", "", "SPY", null, 1, 1, 0), RejectReason.INVALID_SIDE),
        Arguments.of(new Execution("X", "P1", "", "SPY", Side.BUY, 0, 1, 0), RejectReason.INVALID_QUANTITY),
        Arguments.of(new Execution("X", "P1", "", "SPY", Side.BUY, -5, 1, 0), RejectReason.INVALID_QUANTITY),
        Arguments.of(new Execution("X", "P1", "", "SPY", Side.BUY, Double.NaN, 1, 0),
            RejectReason.INVALID_QUANTITY),
        Arguments.of(new Execution("X", "P1", "", "SPY", Side.BUY, Double.POSITIVE_INFINITY, 1, 0),
            RejectReason.INVALID_QUANTITY),
        Arguments.of(new Execution("X", "P1", "", "SPY", Side.BUY, 1, 0, 0), RejectReason.INVALID_PRICE),
        Arguments.of(new Execution("X", "P1", "", "SPY", Side.BUY, 1, -3, 0), RejectReason.INVALID_PRICE),
        Arguments.of(new Execution("X", "P1", "", "SPY", Side.BUY, 1, Double.NaN, 0), RejectReason.INVALID_PRICE),
        Arguments.of(new Execution("X", "P1", "", "SPY", Side.BUY, 1e10, 1e6, 0), RejectReason.NOTIONAL_OVERFLOW));
  }

  @ParameterizedTest
  @MethodSource("invalidExecutions")
  void shouldRejectInvalidExecutionWithASpecificReasonAndPersistNothing(
      Execution execution, RejectReason expected) {
    open(LIMITS);
    var result = command(replyTo -> new ApplyExecution(execution, replyTo));
    assertEquals(Reply.Outcome.REJECTED, result.reply().outcome());
    assertEquals(expected, result.reply().reason(), result.reply().detail());
    assertTrue(result.hasNoEvents());
    // The stream of valid executions keeps flowing.
    assertEquals(Reply.accepted(), execute("OK", "SPY", Side.BUY, 1, 100).reply());
  }

  @Test
  void shouldRejectInvalidOpenAndLimitCommands() {
    var noDesk = command(replyTo -> new OpenPortfolio(" ", "alice", 1, LIMITS, "ops", replyTo));
    assertEquals(RejectReason.INVALID_FIELD, noDesk.reply().reason());
    assertTrue(noDesk.reply().detail().contains("desk"));
    var nanCash = command(replyTo -> new OpenPortfolio("d", "t", Double.NaN, LIMITS, "ops", replyTo));
    assertEquals(RejectReason.INVALID_FIELD, nanCash.reply().reason());
    Limits negative = new Limits(-1.0, null, null, null, null, null, null, null, null, false);
    assertEquals(RejectReason.INVALID_LIMITS, open(negative).reply().reason());
    assertEquals(RejectReason.UNKNOWN_PORTFOLIO,
        command(replyTo -> new SetLimits(LIMITS, "risk", "why", replyTo)).reply().reason());

    open(LIMITS);
    assertEquals(RejectReason.ALREADY_OPEN, open(LIMITS).reply().reason());
    var anonymous = command(replyTo -> new SetLimits(LIMITS, "", "tighten", replyTo));
    assertEquals(RejectReason.INVALID_FIELD, anonymous.reply().reason());
    var badLimits = command(replyTo -> new SetLimits(negative, "risk", "tighten", replyTo));
    assertEquals(RejectReason.INVALID_LIMITS, badLimits.reply().reason());
    assertTrue(badLimits.reply().detail().contains("maxGrossExposure"));
    assertTrue(badLimits.hasNoEvents());
  }

  @Test
  void shouldRefuseWhatOnlyAnOpenPortfolioTakesUntilItIsOpenedAndStillAnswerReads() {
    List<Function<ActorRef<Reply>, PortfolioCommand>> openOnly = List.of(
        replyTo -> new ApplyExecution(new Execution("E0", "P1", "momo", "SPY", Side.BUY, 1, 100, 5L), replyTo),
        replyTo -> new RecordOrder(
            new OrderEvent(OrderAction.NEW, "P1", "momo", "O1", "", "SPY", Side.BUY, 1, 100, 0), replyTo),
        replyTo -> new PortfolioCommand.SetRules("", "risk", "why", replyTo),
        replyTo -> new SetLimits(LIMITS, "risk", "why", replyTo),
        replyTo -> new Halt("bob", "why", replyTo),
        replyTo -> new Resume("bob", "why", replyTo),
        replyTo -> new PortfolioCommand.EnableStrategy("momo", "bob", "why", replyTo),
        replyTo -> new PortfolioCommand.ApproveRebalance("R1", "bob", "why", replyTo),
        replyTo -> new PortfolioCommand.RejectRebalance("R1", "bob", "why", replyTo));
    for (Function<ActorRef<Reply>, PortfolioCommand> refused : openOnly) {
      var result = command(refused);
      assertEquals(RejectReason.UNKNOWN_PORTFOLIO, result.reply().reason(), result.command().toString());
      assertTrue(result.hasNoEvents());
    }
    var batch = kit.<BatchReply>runCommand(replyTo -> new PortfolioCommand.ApplyExecutions(List.of(
        new Execution("E1", "P1", "momo", "SPY", Side.BUY, 1, 100, 5L),
        new Execution("E2", "P1", "momo", "SPY", Side.BUY, 1, 100, 5L)), replyTo));
    assertEquals(2, batch.reply().replies().size());
    batch.reply().replies().forEach(reply -> assertEquals(RejectReason.UNKNOWN_PORTFOLIO, reply.reason()));
    assertEquals(PortfolioStatus.UNOPENED, snapshot().status(), "reads are answered before the open");
    assertTrue(kit.runCommand(MarkToMarket.INSTANCE).hasNoEvents());

    assertEquals(Reply.accepted(), open(LIMITS).reply());
    assertEquals(RejectReason.ALREADY_OPEN, open(LIMITS).reply().reason());
    assertEquals(Reply.accepted(), execute("E3", "SPY", Side.BUY, 1, 100).reply());
  }

  @Test
  void shouldHaltAndResumeWithIdentityAndStillApplyFillsWhileHalted() {
    open(LIMITS);
    assertEquals(RejectReason.NOT_HALTED,
        command(replyTo -> new Resume("bob", "test", replyTo)).reply().reason());
    assertEquals(RejectReason.INVALID_FIELD,
        command(replyTo -> new Halt("bob", " ", replyTo)).reply().reason());

    var halt = command(replyTo -> new Halt("bob", "runaway algo", replyTo));
    assertEquals(Reply.accepted(), halt.reply());
    Halted halted = (Halted) event(halt);
    assertEquals("bob", halted.by());
    assertEquals(RejectReason.ALREADY_HALTED,
        command(replyTo -> new Halt("carol", "again", replyTo)).reply().reason());

    // A fill that happened at the venue is a fact: it is applied even when halted.
    assertEquals(Reply.accepted(), execute("E1", "SPY", Side.SELL, 10, 100).reply());
    PortfolioSnapshot snapshot = snapshot();
    assertEquals(PortfolioStatus.HALTED, snapshot.status());
    assertEquals("bob", snapshot.haltedBy());
    assertEquals("runaway algo", snapshot.haltReason());
    assertEquals(clock.millis(), snapshot.haltedAtMillis());

    assertEquals(RejectReason.INVALID_FIELD,
        command(replyTo -> new Resume("", "fixed", replyTo)).reply().reason());
    var resume = command(replyTo -> new Resume("carol", "algo fixed", replyTo));
    assertInstanceOf(Resumed.class, event(resume));
    assertEquals(PortfolioStatus.ACTIVE, snapshot().status());
  }

  @Test
  void shouldRaiseOneBreachForALossOscillatingAroundItsLimitAndWarnAroundIt() {
    open(new Limits(null, null, null, null, null, 10_000.0, null, null, null, false));
    execute("E1", "SPY", Side.BUY, 1000, 100);
    List<PortfolioEvent> events = new java.util.ArrayList<>();
    long time = 2;
    // Loss 8.5k (warning at 80%), then around the 10k limit within the 5% hysteresis, then back to 9k.
    for (double price : new double[] {91.5, 89.9, 90.1, 89.8, 90.4, 89.5, 90.3, 91}) {
      market.update(Quote.lastTrade("SPY", price, time++));
      events.addAll(events(kit.runCommand(MarkToMarket.INSTANCE)));
    }
    assertEquals(1, events.stream().filter(e -> e instanceof LimitBreached).count(), events.toString());
    // One warning before the breach (ended by it), and a new one once the breach ends with the loss still at 9k.
    assertEquals(2, events.stream().filter(e -> e instanceof PortfolioEvent.LimitWarned).count(), events.toString());
    assertInstanceOf(PortfolioEvent.LimitWarned.class, events.get(0), "the warning comes first");
    assertEquals(1, events.stream().filter(e -> e instanceof LimitCleared).count(), "cleared at 9k <= 9.5k");
    PortfolioSnapshot snapshot = snapshot();
    assertTrue(snapshot.activeBreaches().isEmpty());
    assertEquals(List.of("INTRADAY_LOSS"), snapshot.activeWarnings().stream().map(w -> w.key()).toList(),
        "9k is still past the 8k warning level");
  }

  @Test
  void shouldPersistABreachOnceAndClearItWhenTheLevelComesBack() {
    open(LIMITS);
    execute("E1", "SPY", Side.BUY, 4000, 100); // 400k, at the position limit
    market.update(Quote.lastTrade("SPY", 97, 2)); // loss 12k > 10k intraday loss
    var first = kit.runCommand(MarkToMarket.INSTANCE);
    List<String> breached = events(first).stream().filter(e -> e instanceof LimitBreached)
        .map(e -> ((LimitBreached) e).breach().key()).toList();
    assertEquals(List.of("INTRADAY_LOSS"), breached);
    LimitBreached loss = events(first).stream().filter(e -> e instanceof LimitBreached)
        .map(LimitBreached.class::cast).findFirst().orElseThrow();
    assertEquals(12_000, loss.breach().value(), 1e-6);
    assertEquals(10_000, loss.breach().limit(), 1e-6);

    market.update(Quote.lastTrade("SPY", 96.9, 3)); // still breached: no new breach (the drawdown passes 80%)
    assertTrue(events(kit.runCommand(MarkToMarket.INSTANCE)).stream().noneMatch(
        e -> e instanceof LimitBreached || e instanceof LimitCleared));

    market.update(Quote.lastTrade("SPY", 99.5, 4)); // loss 2k: cleared
    var cleared = kit.runCommand(MarkToMarket.INSTANCE);
    assertEquals(List.of(new LimitCleared("INTRADAY_LOSS", clock.millis())), events(cleared).stream()
        .filter(e -> e instanceof LimitBreached || e instanceof LimitCleared).toList());
    assertTrue(snapshot().activeBreaches().isEmpty());
    assertEquals(1, snapshot().breachCount());
  }

  @Test
  void shouldBreachDrawdownFromTheIntradayPeakAndPerExecutionSizeLimits() {
    open(LIMITS);
    execute("E1", "SPY", Side.BUY, 3000, 100);
    market.update(Quote.lastTrade("SPY", 108, 2)); // +24k peak
    kit.runCommand(MarkToMarket.INSTANCE);
    market.update(Quote.lastTrade("SPY", 102, 3)); // +6k: drawdown 18k > 15k, no loss
    var events = events(kit.runCommand(MarkToMarket.INSTANCE));
    LimitBreached drawdown = (LimitBreached) events.get(0);
    assertEquals(LimitKind.DRAWDOWN, drawdown.breach().kind());
    assertEquals(18_000, drawdown.breach().value(), 1e-6);

    var oversize = execute("E2", "GLD", Side.SELL, 6000, 200);
    List<String> keys = events(oversize).stream().filter(e -> e instanceof LimitBreached)
        .map(e -> ((LimitBreached) e).breach().key()).toList();
    assertTrue(keys.containsAll(List.of("ORDER_QUANTITY:E2", "ORDER_NOTIONAL:E2", "POSITION_NOTIONAL:GLD",
        "GROSS_EXPOSURE", "NET_EXPOSURE")), keys.toString());
  }

  @Test
  void shouldHaltAutomaticallyWhenLimitsSaySo() {
    Limits halting = new Limits(null, null, 50_000.0, null, null, null, null, null, null, true);
    open(halting);
    var result = execute("E1", "SPY", Side.BUY, 600, 100);
    assertEquals(Reply.accepted(), result.reply());
    Halted halted = (Halted) events(result).get(events(result).size() - 1);
    assertEquals(Portfolio.LIMIT_MONITOR, halted.by());
    assertTrue(halted.reason().contains("POSITION_NOTIONAL SPY"), halted.reason());
    assertEquals(PortfolioStatus.HALTED, snapshot().status());
  }

  @Test
  void shouldJudgeLimitsAgainAtOnceWhenTheyChange() {
    open(LIMITS);
    execute("E1", "SPY", Side.BUY, 1000, 100);
    Limits tight = new Limits(50_000.0, null, null, null, null, null, null, null, null, false);
    var result = command(replyTo -> new SetLimits(tight, "risk-officer", "desk cut", replyTo));
    assertInstanceOf(LimitsSet.class, events(result).get(0));
    assertEquals("GROSS_EXPOSURE", ((LimitBreached) events(result).get(1)).breach().key());
    var relaxed = command(replyTo -> new SetLimits(LIMITS, "risk-officer", "restore", replyTo));
    assertEquals(new LimitCleared("GROSS_EXPOSURE", clock.millis()), events(relaxed).get(1));
  }

  @Test
  void shouldRoundTripTheStoredStateThroughSerialization() {
    open(LIMITS);
    execute("E1", "SPY", Side.BUY, 10, 100);
    command(replyTo -> new Halt("bob", "check", replyTo));
    StoredPortfolioState stored = kit.getState().toStored();
    new SerializationTestKit(testKit.system()).verifySerialization(stored, true);
  }

  @Test
  void shouldVersionTheSnapshotWithTheJournalSequenceNumberAcrossARestart() {
    assertEquals(0, snapshot().version(), "never persisted");
    assertEquals(RejectReason.UNKNOWN_PORTFOLIO, execute("E0", "SPY", Side.BUY, 10, 100).reply().reason());
    assertEquals(0, snapshot().version(), "a rejected execution persists nothing");
    long version = open(LIMITS).events().size();
    assertEquals(version, snapshot().version());
    for (int i = 1; i <= 6; i++) { // snapshot-every = 5: the restart below recovers from a snapshot plus events
      var fill = execute("E" + i, i % 2 == 0 ? "SPY" : "GLD", Side.BUY, 10, 100);
      assertEquals(Reply.accepted(), fill.reply());
      version += events(fill).size();
      assertEquals(version, snapshot().version(), "after E" + i + ": " + events(fill));
    }
    assertTrue(version > 6, "more events than fills: the day roll and the peak too");

    var rejected = execute("BAD", "SPY", Side.BUY, -5, 100);
    assertEquals(RejectReason.INVALID_QUANTITY, rejected.reply().reason());
    assertEquals(Reply.Outcome.DUPLICATE, execute("E6", "SPY", Side.BUY, 10, 100).reply().outcome());
    assertEquals(RejectReason.NOT_HALTED, command(replyTo -> new Resume("bob", "nothing", replyTo)).reply().reason());
    assertTrue(kit.runCommand(MarkToMarket.INSTANCE).hasNoEvents());
    assertEquals(version, snapshot().version(), "rejections, duplicates and quiet marks persist nothing");
    assertEquals(version, snapshot().version(), "nor do queries");

    kit.restart();

    assertEquals(version, snapshot().version(), "recovered from the same journal");
    var halt = command(replyTo -> new Halt("bob", "after the restart", replyTo));
    assertEquals(version + events(halt).size(), snapshot().version(), "numbering goes on from the journal");
  }

  @Test
  void shouldRecoverTheSameStateFromSnapshotAndEventsIncludingSeenExecutionIds() {
    open(LIMITS);
    for (int i = 1; i <= 7; i++) { // snapshot-every = 5: recovery uses a snapshot plus events
      execute("E" + i, i % 2 == 0 ? "SPY" : "GLD", i % 3 == 0 ? Side.SELL : Side.BUY, 10 * i, 100 + i);
    }
    command(replyTo -> new Halt("bob", "end of test", replyTo));
    PortfolioSnapshot before = snapshot();

    kit.restart();

    PortfolioSnapshot after = snapshot();
    assertEquals(before.journaledView(), after.journaledView());
    // The dedup window (3) survives recovery: the last ids are still duplicates...
    assertEquals(Reply.Outcome.DUPLICATE, execute("E7", "GLD", Side.BUY, 70, 107).reply().outcome());
    assertEquals(Reply.Outcome.DUPLICATE, execute("E5", "GLD", Side.BUY, 50, 105).reply().outcome());
    // ...and it stays bounded: the oldest ids were forgotten.
    assertEquals(3, kit.getState().toStored().recentExecutions().count());
  }

  private List<PortfolioEvent> events(CommandResult<?, ?, ?> result) {
    return JournaledEvents.of(testKit.system(), result);
  }

  private PortfolioEvent event(CommandResult<?, ?, ?> result) {
    return JournaledEvents.single(testKit.system(), result);
  }
}

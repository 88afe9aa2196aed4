package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltDispatcher;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.HaltView;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.LimitAction;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.limits.LimitPolicy;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.limits.OrderLimits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecution;
import io.riskpulse.model.portfolio.PortfolioCommand.CheckOrder;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.PortfolioCommand.EnableStrategy;
import io.riskpulse.model.portfolio.PortfolioCommand.GetSnapshot;
import io.riskpulse.model.portfolio.PortfolioCommand.Halt;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import io.riskpulse.model.portfolio.PortfolioCommand.RecordOrder;
import io.riskpulse.model.portfolio.PortfolioEvent.StrategyDisabled;
import io.riskpulse.model.portfolio.PortfolioEvent.StrategyEnabled;
import io.riskpulse.model.pretrade.CheckFailure;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every pre-trade check rejects what it should, accepts at its boundary, reports every failure with its numbers,
 * and fails closed when what it relies on is missing or stale.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreTradeCheckTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          "riskpulse.portfolio.mark-interval = 1h\n"
              + "riskpulse.portfolio.risk-staleness = 1h\n")
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());

  /** Cash 1,000,000; gross 1,000,000; position 400,000; order quantity 5,000; order notional 450,000. */
  private static final Limits LIMITS =
      new Limits(1_000_000.0, 500_000.0, 400_000.0, null, null, 10_000.0, 15_000.0, 5_000.0, 450_000.0, false);

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final InstrumentRegistry instruments = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US"),
      new Instrument("GLD", AssetClass.COMMODITY, "USD", 1, "precious metals", ""),
      new Instrument("TLT", AssetClass.RATES, "USD", 1, "treasuries", "US")));
  private MutableClock clock;
  private MutableClock marketClock;
  private final AtomicReference<List<ActiveHalt>> wideHalts = new AtomicReference<>(List.of());
  private final AtomicReference<String> haltViewProblem = new AtomicReference<>("");
  private MarketView market;
  private EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit;
  private int orderIds;

  /** A kill-switch view the test sets directly. */
  private final HaltView halts = new HaltView() {
    @Override
    public boolean synchronised() {
      return haltViewProblem.get().isEmpty();
    }

    @Override
    public String unsynchronisedReason() {
      return haltViewProblem.get();
    }

    @Override
    public Optional<ActiveHalt> covering(String portfolioId, String strategy, String trader, String desk,
        String symbol) {
      return wideHalts.get().stream()
          .filter(h -> h.scope().covers(portfolioId, strategy, trader, desk, symbol)).findFirst();
    }

    @Override
    public List<ActiveHalt> all() {
      return wideHalts.get();
    }
  };

  @BeforeEach
  void setUp() {
    clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    marketClock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    wideHalts.set(List.of());
    haltViewProblem.set("");
    market = new MarketView(instruments, marketClock);
    market.update(Quote.lastTrade("SPY", 100, 1));
    market.update(Quote.lastTrade("GLD", 200, 1));
    PortfolioEnvironment env = environment(new PreTradeSettings(Duration.ofMillis(500), true, Duration.ofSeconds(30)));
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create("P1", env),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  private PortfolioEnvironment environment(PreTradeSettings pretrade) {
    return new PortfolioEnvironment(market, instruments, clock,
        PortfolioSettings.fromConfig(CONFIG), RiskModel.none(), RiskReporter.NONE, LiquiditySettings.DEFAULTS,
        halts, HaltDispatcher.NONE, pretrade);
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  private void open(Limits limits) {
    assertTrue(kit.<Reply>runCommand(replyTo -> new OpenPortfolio("equities", "alice", 1_000_000, limits, "ops",
        replyTo)).reply().isAccepted());
  }

  private void fill(String id, String strategy, String symbol, Side side, double quantity, double price) {
    assertTrue(kit.<Reply>runCommand(replyTo -> new ApplyExecution(
        new Execution(id, "P1", strategy, symbol, side, quantity, price, 5L), replyTo)).reply().isAccepted());
  }

  private PreTradeDecision check(String symbol, Side side, double quantity, double price) {
    return check("momo", symbol, side, quantity, price);
  }

  private PreTradeDecision check(String strategy, String symbol, Side side, double quantity, double price) {
    OrderRequest order = new OrderRequest("P1", strategy, "C" + (++orderIds), symbol, side, quantity, price);
    return kit.<PreTradeDecision>runCommand(replyTo -> new CheckOrder(order, replyTo)).reply();
  }

  private static CheckFailure failure(PreTradeDecision decision, PreTradeCheck check) {
    return decision.failures().stream().filter(f -> f.check() == check).findFirst()
        .orElseThrow(() -> new AssertionError("expected " + check + " in " + decision.describe()));
  }

  @Test
  void shouldOfferAGateToCallersOnlyWhenOrdersAreJudgedInPlace() {
    for (boolean inPlace : new boolean[] {false, true}) {
      PreTradeGates gates = new PreTradeGates();
      String id = inPlace ? "GATED" : "UNGATED";
      PortfolioEnvironment env = environment(new PreTradeSettings(Duration.ofMillis(500), true, Duration.ofSeconds(30),
          inPlace)).withPreTradeGates(gates);
      EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> entity =
          EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create(id, env),
              EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
      assertTrue(entity.<Reply>runCommand(replyTo -> new OpenPortfolio("equities", "alice", 1_000_000, LIMITS, "ops",
          replyTo)).reply().isAccepted());
      if (inPlace) {
        assertTrue(gates.find(id) != null && gates.find(id).isOpen(), "a running entity opens its gate to callers");
      } else {
        assertEquals(0, gates.size(), "callers always ask: the entity registers no gate and takes no lock");
      }
    }
  }

  @Test
  void shouldAcceptAnOrderWithinEveryLimit() {
    open(LIMITS);
    PreTradeDecision decision = check("SPY", Side.BUY, 1000, 100);
    assertTrue(decision.accepted(), decision.describe());
    assertEquals(List.of(), decision.failures());
    assertTrue(kit.runCommand(PortfolioCommand.GetSnapshot::new).hasNoEvents(), "a check journals nothing");
  }

  @Test
  void shouldAcceptAtThePositionLimitAndRejectJustBeyondItWithItsNumbers() {
    open(LIMITS);
    assertTrue(check("SPY", Side.BUY, 4000, 100).accepted()); // 400,000 = the limit
    PreTradeDecision beyond = check("SPY", Side.BUY, 4001, 100);
    assertFalse(beyond.accepted());
    CheckFailure position = failure(beyond, PreTradeCheck.POSITION_NOTIONAL);
    assertEquals(400_100, position.value(), 1e-6);
    assertEquals(400_000, position.limit(), 1e-6);
    assertTrue(position.detail().contains("SPY"), position.detail());
  }

  @Test
  void shouldJudgeOrderQuantityAndNotionalAtTheirBoundaries() {
    open(LIMITS.withPolicy(null));
    assertTrue(check("GLD", Side.BUY, 1000, 200).accepted()); // 200,000 notional, qty 1,000
    PreTradeDecision big = check("TLT", Side.BUY, 5001, 100); // TLT has no price: market data fails too
    CheckFailure quantity = failure(big, PreTradeCheck.ORDER_QUANTITY);
    assertEquals(5001, quantity.value(), 1e-9);
    assertEquals(5000, quantity.limit(), 1e-9);
    Limits notionalOnly = new Limits(null, null, null, null, null, null, null, null, 450_000.0, false);
    kit.<Reply>runCommand(replyTo -> new PortfolioCommand.SetLimits(notionalOnly, "risk", "test", replyTo));
    assertTrue(check("GLD", Side.SELL, 2250, 200).accepted()); // 450,000 exactly
    CheckFailure notional = failure(check("GLD", Side.SELL, 2251, 200), PreTradeCheck.ORDER_NOTIONAL);
    assertEquals(450_200, notional.value(), 1e-6);
  }

  @Test
  void shouldRejectAPriceOutsideTheCollarAndFailClosedWithoutAReferencePrice() {
    open(LIMITS.withOrderLimits(new OrderLimits(null, null, null, null, null, null, null, null, 5.0, null, null)));
    assertTrue(check("SPY", Side.BUY, 10, 105).accepted(), "5% above the reference is at the collar");
    assertTrue(check("SPY", Side.SELL, 10, 95).accepted());
    CheckFailure collar = failure(check("SPY", Side.BUY, 10, 105.5), PreTradeCheck.PRICE_COLLAR);
    assertEquals(5.5, collar.value(), 1e-9);
    assertEquals(5.0, collar.limit(), 1e-9);
    PreTradeDecision unpriced = check("TLT", Side.BUY, 10, 90);
    assertTrue(unpriced.failed(PreTradeCheck.PRICE_COLLAR), unpriced.describe());
    assertTrue(unpriced.failed(PreTradeCheck.STATE_STALE), "no price of TLT was ever received");
  }

  @Test
  void shouldRejectRestrictedInstrumentsAndReusedClOrdIds() {
    open(LIMITS.withOrderLimits(new OrderLimits(null, null, null, null, null, null, null, null, null,
        Set.of("GLD"), null)));
    assertTrue(check("GLD", Side.BUY, 1, 200).failed(PreTradeCheck.RESTRICTED_INSTRUMENT));
    OrderRequest order = new OrderRequest("P1", "momo", "SAME-1", "SPY", Side.BUY, 10, 100);
    assertTrue(kit.<PreTradeDecision>runCommand(replyTo -> new CheckOrder(order, replyTo)).reply().accepted());
    PreTradeDecision again = kit.<PreTradeDecision>runCommand(replyTo -> new CheckOrder(order, replyTo)).reply();
    assertTrue(again.failed(PreTradeCheck.DUPLICATE_ORDER), again.describe());
  }

  @Test
  void shouldReportEveryFailedCheckNotOnlyTheFirst() {
    open(LIMITS);
    PreTradeDecision decision = check("SPY", Side.BUY, 6000, 100);
    assertFalse(decision.accepted());
    for (PreTradeCheck check : List.of(PreTradeCheck.ORDER_QUANTITY, PreTradeCheck.ORDER_NOTIONAL,
        PreTradeCheck.POSITION_NOTIONAL, PreTradeCheck.NET_EXPOSURE)) {
      assertTrue(decision.failed(check), check + " missing from " + decision.describe());
    }
  }

  @Test
  void shouldLetAnOrderThatReducesABreachedExposureThrough() {
    open(new Limits(null, null, 400_000.0, null, null, null, null, null, null, false));
    fill("E1", "momo", "SPY", Side.BUY, 5000, 100); // 500,000 > 400,000: breached
    assertTrue(check("SPY", Side.BUY, 1, 100).failed(PreTradeCheck.POSITION_NOTIONAL));
    PreTradeDecision reduce = check("SPY", Side.SELL, 500, 100); // still 450,000 but lower
    assertTrue(reduce.accepted(), reduce.describe());
  }

  @Test
  void shouldMeasureTheProjectedDrawdownFromTodaysGainBeforeTheOrder() {
    open(new Limits(null, null, null, null, null, null, 3_000.0, null, null, false));
    fill("E1", "momo", "SPY", Side.BUY, 100, 100);
    market.update(Quote.lastTrade("SPY", 150, 2)); // +5,000 today: the peak the drawdown is measured from
    // Buying 100 more at 180 against a mark of 150 costs 3,000 at once: 2,000 left, 3,000 below the peak.
    PreTradeDecision atLimit = check("SPY", Side.BUY, 100, 180);
    assertTrue(atLimit.accepted(), atLimit.describe());
    CheckFailure drawdown = failure(check("SPY", Side.BUY, 101, 180), PreTradeCheck.DRAWDOWN);
    assertEquals(3_030, drawdown.value(), 1e-6);
    assertEquals(3_000, drawdown.limit(), 1e-6);
  }

  @Test
  void shouldRejectEveryOrderOfAHaltedPortfolio() {
    open(LIMITS);
    kit.<Reply>runCommand(replyTo -> new Halt("bob", "runaway", replyTo));
    CheckFailure halted = failure(check("SPY", Side.SELL, 1, 100), PreTradeCheck.HALTED);
    assertTrue(halted.detail().contains("bob") && halted.detail().contains("runaway"), halted.detail());
  }

  @Test
  void shouldRejectOrdersCoveredByAWiderHaltOnly() {
    open(LIMITS);
    wideHalts.set(List.of(new ActiveHalt("ks-1", HaltScope.desk("equities"), "carol", "desk review", 1L)));
    assertTrue(failure(check("SPY", Side.BUY, 1, 100), PreTradeCheck.HALTED).detail().contains("DESK:equities"));
    wideHalts.set(List.of(new ActiveHalt("ks-2", HaltScope.desk("rates"), "carol", "other desk", 1L),
        new ActiveHalt("ks-3", HaltScope.instrument("GLD"), "carol", "bad prints", 1L),
        new ActiveHalt("ks-4", HaltScope.strategy("arb"), "carol", "arb broken", 1L)));
    assertTrue(check("SPY", Side.BUY, 1, 100).accepted(), "another desk's halt does not cover it");
    assertTrue(check("GLD", Side.BUY, 1, 200).failed(PreTradeCheck.HALTED));
    assertTrue(check("arb", "SPY", Side.BUY, 1, 100).failed(PreTradeCheck.HALTED));
    wideHalts.set(List.of(new ActiveHalt("ks-5", HaltScope.FIRM, "carol", "firm stop", 1L)));
    assertTrue(check("SPY", Side.BUY, 1, 100).failed(PreTradeCheck.HALTED));
  }

  @Test
  void shouldFailClosedWhenTheKillSwitchViewIsNotSynchronised() {
    open(LIMITS);
    haltViewProblem.set("kill-switch state last confirmed 7 s ago (bound 5 s)");
    CheckFailure stale = failure(check("SPY", Side.BUY, 1, 100), PreTradeCheck.STATE_STALE);
    assertTrue(stale.detail().contains("7 s ago"), stale.detail());
  }

  @Test
  void shouldFailClosedWhenTheReferencePriceIsStale() {
    open(LIMITS);
    marketClock.advance(Duration.ofSeconds(30));
    assertTrue(check("SPY", Side.BUY, 1, 100).accepted(), "30 s old is at the bound");
    marketClock.advance(Duration.ofMillis(1));
    CheckFailure stale = failure(check("SPY", Side.BUY, 1, 100), PreTradeCheck.STATE_STALE);
    assertTrue(stale.detail().contains("30001 ms ago"), stale.detail());
  }

  @Test
  void shouldRejectUnknownPortfoliosInstrumentsAndMalformedOrders() {
    PreTradeDecision unopened = check("SPY", Side.BUY, 1, 100);
    assertTrue(unopened.failed(PreTradeCheck.UNKNOWN_PORTFOLIO));
    open(LIMITS);
    assertTrue(check("NOPE", Side.BUY, 1, 100).failed(PreTradeCheck.UNKNOWN_INSTRUMENT));
    for (double quantity : new double[] {Double.NaN, -1, 0, Double.POSITIVE_INFINITY}) {
      CheckFailure invalid = failure(check("SPY", Side.BUY, quantity, 100), PreTradeCheck.INVALID_ORDER);
      assertTrue(invalid.detail().contains("quantity"), invalid.detail());
    }
    assertTrue(failure(check("SPY", Side.BUY, 1, Double.NaN), PreTradeCheck.INVALID_ORDER).detail()
        .contains("price"));
    assertTrue(failure(check("SPY", null, 1, 100), PreTradeCheck.INVALID_ORDER).detail().contains("side"));
    OrderRequest otherPortfolio = new OrderRequest("P2", "", "X1", "SPY", Side.BUY, 1, 100);
    assertTrue(kit.<PreTradeDecision>runCommand(replyTo -> new CheckOrder(otherPortfolio, replyTo)).reply()
        .failed(PreTradeCheck.INVALID_ORDER));
  }

  @Test
  void shouldJudgeAMarketOrderAtTheReferencePrice() {
    open(LIMITS);
    assertTrue(check("SPY", Side.BUY, 4000, 0).accepted(), "4,000 at the mark of 100 is the position limit");
    assertEquals(400_100, failure(check("SPY", Side.BUY, 4001, 0), PreTradeCheck.POSITION_NOTIONAL).value(), 1e-6);
  }

  /** The drop copy then reports the order a check accepted: the same order, not a duplicate, not counted again. */
  @Test
  void shouldTakeTheOrderFlowsReportOfACheckedOrderAsThatOrder() {
    open(LIMITS);
    OrderRequest order = new OrderRequest("P1", "momo", "CHK-1", "SPY", Side.BUY, 10, 100);
    assertTrue(kit.<PreTradeDecision>runCommand(replyTo -> new CheckOrder(order, replyTo)).reply().accepted());
    OrderEvent reported = new OrderEvent(OrderAction.NEW, "P1", "momo", "CHK-1", "", "SPY", Side.BUY, 8, 100, 6);
    assertEquals(Reply.accepted(), kit.<Reply>runCommand(replyTo -> new RecordOrder(reported, replyTo)).reply());
    PortfolioSnapshot snapshot = kit.<PortfolioSnapshot>runCommand(GetSnapshot::new).reply();
    assertEquals(1, snapshot.orderFlow().ordersLastMinute());
    assertEquals(8, snapshot.openOrders().get(0).quantity(), 1e-12); // as the OMS sent it
    assertEquals(Reply.Outcome.DUPLICATE,
        kit.<Reply>runCommand(replyTo -> new RecordOrder(reported, replyTo)).reply().outcome());
    PreTradeDecision again = kit.<PreTradeDecision>runCommand(replyTo -> new CheckOrder(order, replyTo)).reply();
    assertTrue(again.failed(PreTradeCheck.DUPLICATE_ORDER), again.describe());
  }

  @Test
  void shouldCountEveryCheckedOrderInTheBurstRateImmediately() {
    open(LIMITS.withOrderLimits(new OrderLimits(2.0, null, null, null, null, null, null, null, null, null, null)));
    assertTrue(check("SPY", Side.BUY, 1, 100).accepted());
    assertTrue(check("SPY", Side.BUY, 1, 100).accepted());
    CheckFailure burst = failure(check("SPY", Side.BUY, 1, 100), PreTradeCheck.ORDER_RATE_BURST);
    assertEquals(3, burst.value(), 1e-9);
    assertEquals(2, burst.limit(), 1e-9);
    clock.advance(Duration.ofSeconds(1));
    assertTrue(check("SPY", Side.BUY, 1, 100).accepted(), "a new second starts a new burst");
  }

  @Test
  void shouldRejectABuyBeyondTheCreditLineAndAcceptOneUsingAllOfIt() {
    open(LIMITS.withOrderLimits(new OrderLimits(null, null, null, null, null, null, null, null, null, null,
        50_000.0)).withPolicy(null));
    Limits noExposureLimits = new Limits(null, null, null, null, null, null, null, null, null, false)
        .withOrderLimits(new OrderLimits(null, null, null, null, null, null, null, null, null, null, 50_000.0));
    kit.<Reply>runCommand(replyTo -> new PortfolioCommand.SetLimits(noExposureLimits, "risk", "credit", replyTo));
    assertTrue(check("SPY", Side.BUY, 10_500, 100).accepted(), "1,050,000 uses 50,000 of credit: the line");
    CheckFailure credit = failure(check("SPY", Side.BUY, 10_501, 100), PreTradeCheck.CREDIT);
    assertEquals(50_100, credit.value(), 1e-6);
  }

  @Test
  void shouldBlockOnlyRiskIncreasingOrdersWhileAReduceOnlyBreachIsOpen() {
    Limits reduceOnly = new Limits(null, null, 400_000.0, null, null, null, null, null, null, false)
        .withPolicy(LimitPolicy.DEFAULT.withAction(LimitKind.POSITION_NOTIONAL, LimitAction.REDUCE_ONLY));
    open(reduceOnly);
    fill("E1", "momo", "SPY", Side.BUY, 5000, 100); // breach, reduce-only
    assertTrue(kit.runCommand(PortfolioCommand.GetSnapshot::new).reply().reduceOnly());
    CheckFailure blocked = failure(check("GLD", Side.BUY, 1, 200), PreTradeCheck.REDUCE_ONLY);
    assertTrue(blocked.detail().contains("POSITION_NOTIONAL SPY"), blocked.detail());
    assertTrue(check("SPY", Side.SELL, 100, 100).accepted(), "reducing the position passes");
  }

  @Test
  void shouldDisableAStrategyAfterRepeatedExecutionsInOneDirectionUntilAPersonReEnablesIt() {
    open(LIMITS.withOrderLimits(new OrderLimits(null, null, null, null, null, null, 3, 10_000L, null, null, null)));
    fill("E1", "algo", "SPY", Side.BUY, 1, 100);
    fill("E2", "algo", "SPY", Side.BUY, 1, 100);
    fill("E3", "algo", "SPY", Side.SELL, 1, 100); // breaks the run
    fill("E4", "algo", "SPY", Side.SELL, 1, 100);
    fill("E5", "algo", "SPY", Side.SELL, 1, 100);
    assertTrue(check("algo", "SPY", Side.BUY, 1, 100).accepted(), "three in a row is the limit");
    var fourth = kit.<Reply>runCommand(replyTo -> new ApplyExecution(
        new Execution("E6", "P1", "algo", "SPY", Side.SELL, 1, 100, 5L), replyTo));
    assertTrue(fourth.reply().isAccepted(), "the fill happened: it is applied");
    StrategyDisabled disabled = events(fourth).stream().filter(e -> e instanceof StrategyDisabled)
        .map(StrategyDisabled.class::cast).findFirst().orElseThrow();
    assertEquals("algo", disabled.strategy());
    assertTrue(check("algo", "GLD", Side.BUY, 1, 200).failed(PreTradeCheck.STRATEGY_DISABLED));
    assertTrue(check("other", "SPY", Side.BUY, 1, 100).accepted(), "other strategies trade on");
    assertEquals(Map.of("algo", disabled.reason()),
        kit.runCommand(PortfolioCommand.GetSnapshot::new).reply().disabledStrategies());

    assertEquals(RejectReason.INVALID_FIELD, kit.<Reply>runCommand(replyTo -> new EnableStrategy("algo", "", "ok",
        replyTo)).reply().reason());
    var enabled = kit.<Reply>runCommand(replyTo -> new EnableStrategy("algo", "dave", "fixed the loop", replyTo));
    assertInstanceOf(StrategyEnabled.class, event(enabled));
    assertTrue(check("algo", "SPY", Side.BUY, 1, 100).accepted());
    assertEquals(RejectReason.STRATEGY_NOT_DISABLED, kit.<Reply>runCommand(replyTo -> new EnableStrategy("algo",
        "dave", "again", replyTo)).reply().reason());
  }

  @Test
  void shouldKeepTheDisabledStrategyAcrossARestart() {
    open(LIMITS.withOrderLimits(new OrderLimits(null, null, null, null, null, null, 1, 10_000L, null, null, null)));
    fill("E1", "algo", "SPY", Side.BUY, 1, 100);
    fill("E2", "algo", "SPY", Side.BUY, 1, 100);
    kit.restart();
    assertTrue(check("algo", "SPY", Side.BUY, 1, 100).failed(PreTradeCheck.STRATEGY_DISABLED));
  }

  private List<PortfolioEvent> events(CommandResult<?, ?, ?> result) {
    return JournaledEvents.of(testKit.system(), result);
  }

  private PortfolioEvent event(CommandResult<?, ?, ?> result) {
    return JournaledEvents.single(testKit.system(), result);
  }
}

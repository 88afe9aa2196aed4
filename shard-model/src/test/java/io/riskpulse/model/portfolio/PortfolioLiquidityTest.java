package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecution;
import io.riskpulse.model.portfolio.PortfolioCommand.GetSnapshot;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import io.riskpulse.model.portfolio.PortfolioCommand.RefreshRisk;
import io.riskpulse.model.portfolio.PortfolioCommand.Resume;
import io.riskpulse.model.portfolio.PortfolioCommand.SetLimits;
import io.riskpulse.model.portfolio.PortfolioEvent.Halted;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitBreached;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitCleared;
import io.riskpulse.model.risk.aggregate.RiskReporter;
import io.riskpulse.model.risk.liquidity.LiquiditySettings;
import io.riskpulse.model.risk.live.RiskMeasures;
import io.riskpulse.model.risk.live.RiskModel;
import java.time.Instant;
import java.util.List;
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
 * The LIQUIDITY limit of the portfolio entity: days to liquidate the least liquid position,
 * |quantity| / (participation rate &times; ADV), breaching, halting and clearing like every other limit, and
 * failing closed for a position whose instrument has no average daily volume.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioLiquidityTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          // The timers would race the assertions; tests send RefreshRisk themselves.
          "riskpulse.portfolio.mark-interval = 1h\n"
              + "riskpulse.portfolio.risk-staleness = 1h\n"
              + "riskpulse.portfolio.risk-report-refresh = 1h\n"
              + "riskpulse.portfolio.snapshot-every = 5\n"
              + "riskpulse.risk.liquidity.participation-rate = 0.1\n")
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());

  /** At 10% participation: 100,000 SPY a day, 1,000 RWX a day. */
  private static final double SPY_ADV = 1_000_000;
  private static final double RWX_ADV = 10_000;

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final InstrumentRegistry instruments = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US", SPY_ADV),
      new Instrument("RWX", AssetClass.REAL_ESTATE, "USD", 1, "reit", "international", RWX_ADV),
      new Instrument("XYZ", AssetClass.EQUITY, "USD", 1, "no volume data", "US")));
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit;
  private long quoteTime;

  @BeforeEach
  void setUp() {
    MarketView market = new MarketView(instruments);
    for (String symbol : List.of("SPY", "RWX", "XYZ")) {
      assertEquals(null, market.update(Quote.lastTrade(symbol, 100, ++quoteTime)));
    }
    PortfolioEnvironment env = new PortfolioEnvironment(market, instruments, clock,
        PortfolioSettings.fromConfig(CONFIG), RiskModel.none(), RiskReporter.NONE,
        LiquiditySettings.fromConfig(CONFIG));
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create("P1", env),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  private void open(Limits limits) {
    assertEquals(Reply.accepted(), kit.<Reply>runCommand(
        replyTo -> new OpenPortfolio("macro", "alice", 10_000_000, limits, "ops", replyTo)).reply());
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<PortfolioCommand, PortfolioEvent, PortfolioState,
      Reply> execute(String id, String symbol, Side side, double quantity) {
    EventSourcedBehaviorTestKit.CommandResultWithReply<PortfolioCommand, PortfolioEvent, PortfolioState, Reply>
        result = kit.runCommand(replyTo ->
            new ApplyExecution(new Execution(id, "P1", "macro", symbol, side, quantity, 100, 5L), replyTo));
    assertEquals(Reply.accepted(), result.reply());
    return result;
  }

  private RiskMeasures risk() {
    return kit.<PortfolioSnapshot>runCommand(GetSnapshot::new).reply().risk();
  }

  private static List<LimitBreach> breaches(List<PortfolioEvent> events) {
    return events.stream().filter(e -> e instanceof LimitBreached).map(e -> ((LimitBreached) e).breach()).toList();
  }

  private static long cleared(List<PortfolioEvent> events, String key) {
    return events.stream().filter(e -> e instanceof LimitCleared && ((LimitCleared) e).key().equals(key)).count();
  }

  @Test
  void shouldReportTheDaysToLiquidateTheLeastLiquidPosition() {
    open(Limits.NONE);
    assertEquals(0, risk().maxDaysToLiquidate(), 0, "flat");
    execute("E1", "SPY", Side.BUY, 50_000);  // 0.5 days
    execute("E2", "RWX", Side.SELL, 3_000);  // short 3,000: 3 days, the sign does not matter
    RiskMeasures risk = risk();
    assertEquals(3.0, risk.maxDaysToLiquidate(), 1e-12);
    assertEquals("RWX", risk.leastLiquidSymbol());
    assertEquals(List.of(), risk.liquidityProblems());
  }

  @Test
  void shouldBreachAndHaltWhenAPositionTakesLongerToLiquidateThanTheLimitAndClearWhenReduced() {
    open(new Limits(null, null, null, null, null, null, null, null, null, true).withLiquidityLimit(2.0));
    assertTrue(breaches(events(execute("E1", "SPY", Side.BUY, 150_000))).isEmpty()); // 1.5 days
    assertTrue(breaches(events(execute("E2", "RWX", Side.BUY, 500))).isEmpty());     // 0.5 days

    var beyond = execute("E3", "SPY", Side.BUY, 100_000); // 250,000 / (0.1 x 1,000,000) = 2.5 days
    List<LimitBreach> found = breaches(events(beyond));
    assertEquals(List.of("LIQUIDITY"), found.stream().map(LimitBreach::key).toList());
    LimitBreach breach = found.get(0);
    assertEquals(LimitKind.LIQUIDITY, breach.kind());
    assertEquals(2.5, breach.value(), 1e-12);
    assertEquals(2.0, breach.limit(), 0);
    assertEquals("LIQUIDITY 2.50 > 2.00 (SPY)", breach.describe());
    Halted halted = (Halted) events(beyond).get(events(beyond).size() - 1);
    assertEquals(Portfolio.LIMIT_MONITOR, halted.by());
    assertTrue(halted.reason().contains("LIQUIDITY"), halted.reason());
    assertEquals(RejectReason.STILL_BREACHED,
        kit.<Reply>runCommand(replyTo -> new Resume("bob", "back", replyTo)).reply().reason());
    assertTrue(kit.runCommand(RefreshRisk.INSTANCE).hasNoEvents(), "one breach per episode");

    var reduced = execute("E4", "SPY", Side.SELL, 100_000); // back to 1.5 days
    assertEquals(1, cleared(events(reduced), "LIQUIDITY"));
    assertTrue(breaches(events(reduced)).isEmpty());
    assertEquals(Reply.accepted(),
        kit.<Reply>runCommand(replyTo -> new Resume("bob", "reduced", replyTo)).reply());

    kit.restart(); // derived from the journaled positions: the same after recovery
    assertEquals(1.5, risk().maxDaysToLiquidate(), 1e-12);
    assertEquals("SPY", risk().leastLiquidSymbol());
  }

  @Test
  void shouldBreachFailClosedWhenAPositionHasNoAverageDailyVolume() {
    open(Limits.NONE.withLiquidityLimit(1e6));
    execute("E1", "SPY", Side.BUY, 10);
    var unknown = execute("E2", "XYZ", Side.BUY, 1); // one share, but nobody knows how much XYZ trades
    LimitBreach breach = breaches(events(unknown)).get(0);
    assertEquals("LIQUIDITY", breach.key());
    assertTrue(Double.isNaN(breach.value()));
    assertEquals("no average daily volume for XYZ", breach.detail());

    RiskMeasures risk = risk();
    assertTrue(Double.isNaN(risk.maxDaysToLiquidate()), "never silently the figure of the other positions");
    assertEquals("", risk.leastLiquidSymbol());
    assertEquals(List.of("no average daily volume for XYZ"), risk.liquidityProblems());

    var closed = execute("E3", "XYZ", Side.SELL, 1);
    assertEquals(1, cleared(events(closed), "LIQUIDITY"));
    assertEquals(List.of(), risk().liquidityProblems());
  }

  @Test
  void shouldBreachWhenALiquidityLimitIsSetBelowTheCurrentBook() {
    open(Limits.NONE);
    execute("E1", "RWX", Side.BUY, 5_000); // 5 days
    var set = kit.<Reply>runCommand(replyTo ->
        new SetLimits(Limits.NONE.withLiquidityLimit(4.0), "risk", "liquidity budget", replyTo));
    assertEquals(Reply.accepted(), set.reply());
    List<LimitBreach> found = breaches(events(set));
    assertEquals(List.of("LIQUIDITY"), found.stream().map(LimitBreach::key).toList());
    assertEquals(5.0, found.get(0).value(), 1e-12);
    assertEquals("RWX", found.get(0).detail());
  }

  private List<PortfolioEvent> events(CommandResult<?, ?, ?> result) {
    return JournaledEvents.of(testKit.system(), result);
  }
}

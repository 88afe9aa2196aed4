package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.history.ReturnType;
import io.riskpulse.model.history.ScenarioSet;
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
import io.riskpulse.model.portfolio.PortfolioCommand.MarkToMarket;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import io.riskpulse.model.portfolio.PortfolioCommand.RefreshRisk;
import io.riskpulse.model.portfolio.PortfolioCommand.Resume;
import io.riskpulse.model.portfolio.PortfolioEvent.Halted;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitBreached;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitCleared;
import io.riskpulse.model.pretrade.CheckFailure;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeCheck;
import io.riskpulse.model.pretrade.PreTradeDecision;
import io.riskpulse.model.risk.ReportingPrices;
import io.riskpulse.model.risk.aggregate.RiskVectorReport;
import io.riskpulse.model.risk.live.RiskMeasures;
import io.riskpulse.model.risk.live.RiskModel;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.HistoricalVar;
import io.riskpulse.model.risk.stress.StressScenario;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.Well19937c;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live risk of the portfolio entity: VaR/ES in the snapshot against a full revaluation, risk limits through
 * breach episodes and halts, fail-closed VaR, recovery, and reports to the desk.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioRiskTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          // The timers would race the assertions; tests send MarkToMarket and RefreshRisk themselves.
          "riskpulse.portfolio.mark-interval = 1h\n"
              + "riskpulse.portfolio.risk-staleness = 1h\n"
              + "riskpulse.portfolio.risk-report-refresh = 1h\n"
              + "riskpulse.portfolio.snapshot-every = 5\n")
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());

  private static final List<String> SCENARIO_SYMBOLS = List.of("SPY", "TLT", "GLD", "SAP", "EURUSD");
  private static final int SCENARIOS = 500;

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  // With average daily volumes, so that every figure, days to liquidate included, can be complete.
  private final InstrumentRegistry instruments = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US", 80e6),
      new Instrument("TLT", AssetClass.RATES, "USD", 1, "treasuries", "US", 30e6),
      new Instrument("GLD", AssetClass.COMMODITY, "USD", 1, "precious metals", "", 8e6),
      new Instrument("SAP", AssetClass.EQUITY, "EUR", 1, "software", "europe", 1.5e6),
      new Instrument("EURUSD", AssetClass.FX, "USD", 1000, "g10", "global", 100e9),
      new Instrument("XYZ", AssetClass.EQUITY, "USD", 1, "no history", "US", 1e6)));
  private final ScenarioSet scenarios = scenarios(7);
  private final RiskModel model = new RiskModel(scenarios, List.of(StressScenario.hypothetical(
      "equity-down-20pct", "equities -20%", Map.of(), Map.of(AssetClass.EQUITY, -0.20), Map.of(), Map.of())),
      "test");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private MarketView market;
  private TestProbe<RiskVectorReport> desk;
  private EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit;
  private long quoteTime;

  /** Correlated daily relative moves: equities on a market factor, bonds against it, gold and FX apart. */
  private static ScenarioSet scenarios(long seed) {
    Well19937c random = new Well19937c(seed);
    double[][] shocks = new double[SCENARIO_SYMBOLS.size()][SCENARIOS];
    List<LocalDate> dates = new ArrayList<>();
    for (int s = 0; s < SCENARIOS; s++) {
      dates.add(LocalDate.of(2022, 1, 3).plusDays(s));
      double marketFactor = random.nextGaussian();
      shocks[0][s] = 0.012 * (0.8 * marketFactor + 0.6 * random.nextGaussian());
      shocks[1][s] = 0.008 * (-0.6 * marketFactor + 0.8 * random.nextGaussian());
      shocks[2][s] = 0.010 * random.nextGaussian();
      shocks[3][s] = 0.014 * (0.7 * marketFactor + 0.71 * random.nextGaussian());
      shocks[4][s] = 0.005 * random.nextGaussian();
    }
    List<ReturnType> types = SCENARIO_SYMBOLS.stream().map(symbol -> ReturnType.RELATIVE).toList();
    return ScenarioSet.of(SCENARIO_SYMBOLS, dates, types, shocks);
  }

  @BeforeEach
  void setUp() {
    market = new MarketView(instruments);
    quote("SPY", 400);
    quote("TLT", 90);
    quote("GLD", 180);
    quote("SAP", 150);
    quote("EURUSD", 1.10);
    quote("XYZ", 50);
    desk = testKit.createTestProbe(RiskVectorReport.class);
    PortfolioEnvironment env = new PortfolioEnvironment(market, instruments, clock,
        PortfolioSettings.fromConfig(CONFIG), model, report -> desk.ref().tell(report));
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create("P1", env),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  private void quote(String symbol, double price) {
    assertEquals(null, market.update(Quote.lastTrade(symbol, price, ++quoteTime)));
  }

  private void open(Limits limits) {
    assertEquals(Reply.accepted(), kit.<Reply>runCommand(
        replyTo -> new OpenPortfolio("macro", "alice", 10_000_000, limits, "ops", replyTo)).reply());
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<PortfolioCommand, PortfolioEvent, PortfolioState,
      Reply> execute(String id, String symbol, Side side, double quantity, double price) {
    return kit.runCommand(replyTo ->
        new ApplyExecution(new Execution(id, "P1", "macro", symbol, side, quantity, price, 5L), replyTo));
  }

  private RiskMeasures risk() {
    return kit.<PortfolioSnapshot>runCommand(GetSnapshot::new).reply().risk();
  }

  /** The slow reference: every position revalued in every scenario at today's prices, then HS VaR and ES. */
  private double[] fullRevaluation() {
    ReportingPrices prices = new ReportingPrices(market, instruments, "USD");
    double[] quantities = new double[scenarios.instrumentCount()];
    double[] reportingPrices = new double[scenarios.instrumentCount()];
    for (Position position : kit.getState().positions()) {
      int i = scenarios.indexOf(position.symbol());
      quantities[i] = position.quantity();
    }
    for (int i = 0; i < scenarios.instrumentCount(); i++) {
      String symbol = scenarios.symbols().get(i);
      reportingPrices[i] = prices.markPrice(symbol) * prices.fxToReporting(symbol);
    }
    double[] pnl = new double[SCENARIOS];
    scenarios.portfolioPnl(quantities, reportingPrices, pnl);
    return pnl;
  }

  private static double var99(double[] pnl) {
    return HistoricalVar.valueAtRisk(pnl, pnl.length, Confidence.P99, new double[pnl.length]);
  }

  private static double es975(double[] pnl) {
    return HistoricalVar.expectedShortfall(pnl, pnl.length, Confidence.P975, new double[pnl.length]);
  }

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
  }

  private List<LimitBreach> breaches(List<PortfolioEvent> events) {
    return events.stream().filter(e -> e instanceof LimitBreached).map(e -> ((LimitBreached) e).breach()).toList();
  }

  @Test
  void shouldMatchAFullRevaluationAfterRandomExecutionsAndPriceMoves() {
    open(Limits.NONE);
    Well19937c random = new Well19937c(42);
    List<String> tradable = List.of("SPY", "TLT", "GLD", "SAP", "EURUSD");
    for (int step = 0; step < 60; step++) {
      String symbol = tradable.get(random.nextInt(tradable.size()));
      double mark = market.markPrice(symbol);
      double quantity = symbol.equals("EURUSD") ? 1000 * (1 + random.nextInt(50)) : 1 + random.nextInt(500);
      Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
      assertEquals(Reply.accepted(),
          execute("E" + step, symbol, side, quantity, mark * (1 + 0.001 * random.nextGaussian())).reply());
      if (step % 3 == 0) { // prices move between executions, FX included
        String moved = tradable.get(random.nextInt(tradable.size()));
        quote(moved, market.markPrice(moved) * (1 + 0.02 * random.nextGaussian()));
      }
      if (step % 7 == 0) {
        kit.runCommand(RefreshRisk.INSTANCE);
      }
    }
    RiskMeasures risk = risk();
    double[] reference = fullRevaluation();
    assertTrue(risk.complete(), risk.toString());
    assertTrue(var99(reference) > 0, "a non-trivial book");
    assertClose(var99(reference), risk.valueAtRisk99(), "VaR 99%");
    assertClose(es975(reference), risk.expectedShortfall975(), "ES 97.5%");
    assertEquals(scenarios.scenarioCount(), risk.scenarioCount());
    assertEquals(model.scenarioSetId(), risk.scenarioSetId());
    assertEquals(clock.millis(), risk.asOfMillis());
  }

  @Test
  void shouldReportTheWorstStressLossOfTheConfiguredScenarios() {
    open(Limits.NONE);
    execute("E1", "SPY", Side.BUY, 100, 400);   // 40,000 USD of equity
    execute("E2", "SAP", Side.BUY, 100, 150);   // 15,000 EUR = 16,500 USD of equity
    execute("E3", "TLT", Side.BUY, 100, 90);    // not an equity: not moved
    RiskMeasures risk = risk();
    assertEquals("equity-down-20pct", risk.worstStressScenario());
    assertClose(0.20 * (40_000 + 16_500), risk.worstStressLoss(), "stress loss");
    // Every configured scenario's loss is there, per portfolio, and the worst is their maximum.
    assertEquals(model.stressScenarios().size(), risk.stressLossByScenario().size(), risk.toString());
    assertClose(risk.worstStressLoss(),
        risk.stressLossByScenario().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
        "worst of the per-scenario losses");
    assertClose(0.20 * (40_000 + 16_500), risk.stressLossByScenario().get("equity-down-20pct"), "equity -20%");
  }

  @Test
  void shouldLetAPreTradeOrderThatReducesABreachedVarThroughAndRejectOneThatAddsToIt() {
    open(Limits.NONE);
    execute("E0", "SPY", Side.BUY, 1000, 400);
    double varOf1000 = risk().valueAtRisk99();
    kit.<Reply>runCommand(replyTo -> new PortfolioCommand.SetLimits(
        new Limits(null, null, null, null, null, null, null, null, null, false)
            .withRiskLimits(0.5 * varOf1000, null, null), "risk", "VaR budget", replyTo));

    PreTradeDecision adds = check("C1", Side.BUY, 100);
    assertTrue(adds.failed(PreTradeCheck.VAR), adds.describe());
    CheckFailure var = adds.failures().stream().filter(f -> f.check() == PreTradeCheck.VAR).findFirst().orElseThrow();
    assertClose(1.1 * varOf1000, var.value(), "VaR with the order");
    assertClose(0.5 * varOf1000, var.limit(), "limit");
    PreTradeDecision reduces = check("C2", Side.SELL, 100); // still beyond the limit, but lower
    assertTrue(reduces.accepted(), reduces.describe());
  }

  private PreTradeDecision check(String clOrdId, Side side, double quantity) {
    OrderRequest order = new OrderRequest("P1", "macro", clOrdId, "SPY", side, quantity, 400);
    return kit.<PreTradeDecision>runCommand(replyTo -> new PortfolioCommand.CheckOrder(order, replyTo)).reply();
  }

  @Test
  void shouldBreachAndHaltOnAVarLimitAndClearWhenThePositionIsReduced() {
    open(Limits.NONE);
    execute("E0", "SPY", Side.BUY, 1000, 400);
    double varOf1000 = risk().valueAtRisk99();
    assertTrue(varOf1000 > 0);
    kit.<Reply>runCommand(replyTo -> new PortfolioCommand.SetLimits(
        new Limits(null, null, null, null, null, null, null, null, null, true)
            .withRiskLimits(1.5 * varOf1000, null, null), "risk", "VaR budget", replyTo));

    var breached = execute("E1", "SPY", Side.BUY, 1000, 400); // VaR doubles: beyond 1.5x
    assertEquals(Reply.accepted(), breached.reply());
    LimitBreach var = breaches(events(breached)).get(0);
    assertEquals(LimitKind.VAR, var.kind());
    assertClose(2 * varOf1000, var.value(), "VaR at the breach");
    assertClose(1.5 * varOf1000, var.limit(), "limit");
    Halted halted = (Halted) events(breached).get(events(breached).size() - 1);
    assertEquals(Portfolio.LIMIT_MONITOR, halted.by());
    assertTrue(halted.reason().contains("VAR"), halted.reason());
    assertEquals(RejectReason.STILL_BREACHED,
        kit.<Reply>runCommand(replyTo -> new Resume("bob", "back", replyTo)).reply().reason());

    var reduced = execute("E2", "SPY", Side.SELL, 1500, 400); // 500 left: within the limit
    assertEquals(List.of(new LimitCleared("VAR", clock.millis())),
        events(reduced).stream().filter(e -> e instanceof LimitCleared).toList());
    assertEquals(Reply.accepted(),
        kit.<Reply>runCommand(replyTo -> new Resume("bob", "reduced", replyTo)).reply());
    assertClose(0.5 * varOf1000, risk().valueAtRisk99(), "VaR after the reduction");
  }

  @Test
  void shouldBreachAndClearStressLossAndExpectedShortfallLimitsLikeEveryOtherLimit() {
    open(Limits.NONE);
    execute("E0", "SPY", Side.BUY, 100, 400);
    double es = risk().expectedShortfall975();
    kit.<Reply>runCommand(replyTo -> new PortfolioCommand.SetLimits(
        Limits.NONE.withRiskLimits(null, 1.5 * es, 10_000.0), "risk", "budgets", replyTo));

    var breached = execute("E1", "SPY", Side.BUY, 100, 400); // 80k of equity: -20% loses 16k > 10k
    assertEquals(List.of("EXPECTED_SHORTFALL", "STRESS_LOSS"),
        breaches(events(breached)).stream().map(LimitBreach::key).toList());
    LimitBreach stress = breaches(events(breached)).get(1);
    assertClose(16_000, stress.value(), "stress loss");
    assertEquals("equity-down-20pct", stress.detail());

    var cleared = execute("E2", "SPY", Side.SELL, 150, 400);
    assertEquals(2, events(cleared).stream().filter(e -> e instanceof LimitCleared).count());
    assertTrue(kit.<PortfolioSnapshot>runCommand(GetSnapshot::new).reply().activeBreaches().isEmpty());
  }

  @Test
  void shouldBreachAVarLimitOnTheRiskTickAfterAPriceMove() {
    open(Limits.NONE.withRiskLimits(null, null, null));
    execute("E0", "SPY", Side.BUY, 1000, 400);
    double varNow = risk().valueAtRisk99();
    kit.<Reply>runCommand(replyTo -> new PortfolioCommand.SetLimits(
        Limits.NONE.withRiskLimits(1.2 * varNow, null, null), "risk", "VaR budget", replyTo));
    assertTrue(kit.runCommand(RefreshRisk.INSTANCE).hasNoEvents()); // nothing moved, nothing breached

    quote("SPY", 500); // +25%: the relative scenarios now lose 25% more
    List<LimitBreach> found = breaches(events(kit.runCommand(RefreshRisk.INSTANCE)));
    assertEquals(List.of("VAR"), found.stream().map(LimitBreach::key).toList());
    assertClose(1.25 * varNow, found.get(0).value(), "re-marked VaR");
    assertTrue(kit.runCommand(RefreshRisk.INSTANCE).hasNoEvents()); // one event per episode

    quote("SPY", 400);
    assertInstanceOf(LimitCleared.class, events(kit.runCommand(RefreshRisk.INSTANCE)).get(0));
  }

  @Test
  void shouldFailClosedWhenAPositionHasNoScenarios() {
    open(Limits.NONE.withRiskLimits(1e12, 1e12, null));
    execute("E0", "SPY", Side.BUY, 10, 400);
    var result = execute("E1", "XYZ", Side.BUY, 10, 50);
    List<LimitBreach> found = breaches(events(result));
    assertEquals(List.of("VAR", "EXPECTED_SHORTFALL"), found.stream().map(LimitBreach::key).toList());
    assertTrue(Double.isNaN(found.get(0).value()));
    assertTrue(found.get(0).describe().contains("no scenarios for XYZ"), found.get(0).describe());

    RiskMeasures risk = risk();
    assertTrue(Double.isNaN(risk.valueAtRisk99()), "never silently the VaR of the other positions");
    assertEquals(List.of("no scenarios for XYZ"), risk.varProblems());
    // The desk is told the vector is incomplete, so its VaR fails closed too.
    kit.runCommand(RefreshRisk.INSTANCE);
    assertEquals(List.of("no scenarios for XYZ"), desk.receiveMessage().problems());

    var closed = execute("E2", "XYZ", Side.SELL, 10, 50);
    assertEquals(2, events(closed).stream().filter(e -> e instanceof LimitCleared).count());
    assertTrue(risk().complete());
  }

  @Test
  void shouldRebuildTheSameVectorFromTheJournalOnRecovery() {
    open(Limits.NONE);
    String[] symbols = {"SPY", "TLT", "SAP", "GLD"};
    for (int i = 0; i < 12; i++) { // snapshot-every = 5: recovery replays a snapshot plus events
      execute("E" + i, symbols[i % 4], i % 3 == 0 ? Side.SELL : Side.BUY, 10 + 7 * i, 100);
      quote(symbols[(i + 1) % 4], market.markPrice(symbols[(i + 1) % 4]) * 1.01);
    }
    RiskMeasures before = risk();

    kit.restart();

    RiskMeasures after = risk();
    assertTrue(after.complete(), after.toString());
    assertClose(before.valueAtRisk99(), after.valueAtRisk99(), "VaR after recovery");
    assertClose(before.expectedShortfall975(), after.expectedShortfall975(), "ES after recovery");
    assertClose(var99(fullRevaluation()), after.valueAtRisk99(), "VaR against the reference");
  }

  @Test
  void shouldReportTheVectorToTheDeskWhenItChangesOnly() {
    open(Limits.NONE);
    kit.runCommand(RefreshRisk.INSTANCE);
    RiskVectorReport flat = desk.receiveMessage();
    assertEquals("P1", flat.memberId());
    assertEquals("macro", flat.parentId());
    assertEquals(0, var99(flat.pnl()), 0);

    execute("E1", "TLT", Side.BUY, 100, 90);
    kit.runCommand(RefreshRisk.INSTANCE);
    RiskVectorReport first = desk.receiveMessage();
    assertClose(var99(fullRevaluation()), var99(first.pnl()), "reported vector");
    assertClose(first.valueAtRisk99(), var99(first.pnl()), "reported VaR");

    kit.runCommand(RefreshRisk.INSTANCE); // nothing changed: no report...
    quote("TLT", 95);
    kit.runCommand(RefreshRisk.INSTANCE); // ...so the next report is the re-marked vector
    RiskVectorReport remarked = desk.receiveMessage();
    assertNotEquals(first.valueAtRisk99(), remarked.valueAtRisk99());
    assertClose(var99(fullRevaluation()), remarked.valueAtRisk99(), "re-marked vector");
    assertFalse(remarked.problems().iterator().hasNext());
  }

  @Test
  void shouldReportExposuresAndIntradayPnlWithTheVectorAndMovesTheVectorDoesNotSee() {
    open(Limits.NONE);
    kit.runCommand(MarkToMarket.INSTANCE); // the trading day starts here: intraday P&L is measured from now
    execute("E1", "TLT", Side.BUY, 100, 90);
    execute("E2", "XYZ", Side.SELL, 10, 50); // no scenarios: its moves never change the vector
    kit.runCommand(RefreshRisk.INSTANCE);
    RiskVectorReport traded = desk.receiveMessage();
    assertClose(100 * 90 + 10 * 50, traded.grossExposure(), "gross after the fills");
    assertClose(100 * 90 - 10 * 50, traded.netExposure(), "net after the fills");
    assertClose(0, traded.intradayPnl(), "filled at the marks");

    quote("XYZ", 60);
    // The vector did not move and no mark has seen the quote: no report (else the next one would carry 9,500).
    kit.runCommand(RefreshRisk.INSTANCE);
    kit.runCommand(MarkToMarket.INSTANCE);
    kit.runCommand(RefreshRisk.INSTANCE); // the mark's figures changed: reported with the unchanged vector
    RiskVectorReport moved = desk.receiveMessage();
    PortfolioSnapshot snapshot = kit.<PortfolioSnapshot>runCommand(GetSnapshot::new).reply();
    assertClose(100 * 90 + 10 * 60, moved.grossExposure(), "gross after XYZ moved");
    assertClose(snapshot.valuation().netExposure(), moved.netExposure(), "net as the snapshot");
    assertClose(-100, moved.intradayPnl(), "short 10 XYZ up 10");
    assertClose(snapshot.intradayPnl(), moved.intradayPnl(), "intraday P&L as the snapshot");
    assertArrayEquals(traded.pnl(), moved.pnl(), "the vector did not move");
  }

  private List<PortfolioEvent> events(CommandResult<?, ?, ?> result) {
    return JournaledEvents.of(testKit.system(), result);
  }
}

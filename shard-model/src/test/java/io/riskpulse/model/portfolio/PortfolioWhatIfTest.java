package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.riskpulse.model.portfolio.PortfolioCommand.Halt;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import io.riskpulse.model.portfolio.PortfolioCommand.SetLimits;
import io.riskpulse.model.portfolio.PortfolioCommand.WhatIf;
import io.riskpulse.model.risk.ReportingPrices;
import io.riskpulse.model.risk.aggregate.RiskReporter;
import io.riskpulse.model.risk.live.RiskMeasures;
import io.riskpulse.model.risk.live.RiskModel;
import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.HistoricalVar;
import io.riskpulse.model.risk.stress.StressScenario;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.random.Well19937c;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
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

/**
 * The what-if of the portfolio entity ({@link WhatIf}): risk and exposures after proposed quantity changes against
 * a portfolio that really holds the result and a full revaluation, the limits a change would breach (open episodes
 * and hysteresis included), fail-closed figures for an unmarked instrument, specific rejections of invalid input,
 * and nothing journaled or changed by any of it.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioWhatIfTest {

  private static final Config CONFIG = ConfigFactory.parseString(
          // The timers would race the assertions: nothing is marked or refreshed behind the test's back.
          "riskpulse.portfolio.mark-interval = 1h\n"
              + "riskpulse.portfolio.risk-staleness = 1h\n"
              + "riskpulse.portfolio.risk-report-refresh = 1h\n")
      .withFallback(EventSourcedBehaviorTestKit.config())
      .withFallback(ConfigFactory.load());

  private static final List<String> SCENARIO_SYMBOLS = List.of("SPY", "TLT", "GLD", "SAP", "EURUSD");
  private static final int SCENARIOS = 500;
  private static final double SPY = 400;
  private static final double TLT = 90;
  private static final double SAP = 150;
  private static final double EURUSD = 1.10;

  private final ActorTestKit testKit = ActorTestKit.create(CONFIG);
  private final InstrumentRegistry instruments = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad", "US", 80e6),
      new Instrument("TLT", AssetClass.RATES, "USD", 1, "treasuries", "US", 30e6),
      new Instrument("GLD", AssetClass.COMMODITY, "USD", 1, "precious metals", "", 8e6), // never quoted
      new Instrument("SAP", AssetClass.EQUITY, "EUR", 1, "software", "europe", 1.5e6),
      new Instrument("EURUSD", AssetClass.FX, "USD", 1000, "g10", "global", 100e9)));
  private final ScenarioSet scenarios = scenarios(11);
  private final RiskModel model = new RiskModel(scenarios, List.of(StressScenario.hypothetical(
      "equity-down-20pct", "equities -20%", Map.of(), Map.of(AssetClass.EQUITY, -0.20), Map.of(), Map.of())),
      "test");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private MarketView market;
  private PortfolioEnvironment env;
  private EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kit;

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
    long time = 0;
    for (Quote quote : List.of(Quote.lastTrade("SPY", SPY, ++time), Quote.lastTrade("TLT", TLT, ++time),
        Quote.lastTrade("SAP", SAP, ++time), Quote.lastTrade("EURUSD", EURUSD, ++time))) {
      assertEquals(null, market.update(quote));
    }
    env = new PortfolioEnvironment(market, instruments, clock, PortfolioSettings.fromConfig(CONFIG), model,
        RiskReporter.NONE);
    kit = kitFor("P1");
  }

  @AfterAll
  void tearDown() {
    testKit.shutdownTestKit();
  }

  /** A kit of its own for portfolio {@code id}; create it before anything is persisted (it clears the journal). */
  private EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> kitFor(String id) {
    return EventSourcedBehaviorTestKit.create(testKit.system(), Portfolio.create(id, env),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  private static void open(EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> portfolio,
      Limits limits) {
    assertEquals(Reply.accepted(), portfolio.<Reply>runCommand(
        replyTo -> new OpenPortfolio("macro", "alice", 10_000_000, limits, "ops", replyTo)).reply());
  }

  /** Fills {@code signedQuantity} of {@code symbol} at its mark. */
  private void fill(EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> portfolio,
      String portfolioId, String executionId, String symbol, double signedQuantity) {
    Side side = signedQuantity > 0 ? Side.BUY : Side.SELL;
    Execution execution = new Execution(executionId, portfolioId, "macro", symbol, side, Math.abs(signedQuantity),
        market.markPrice(symbol), 5L);
    assertEquals(Reply.accepted(), portfolio.<Reply>runCommand(replyTo -> new ApplyExecution(execution, replyTo))
        .reply());
  }

  private void fill(String executionId, String symbol, double signedQuantity) {
    fill(kit, "P1", executionId, symbol, signedQuantity);
  }

  private static PortfolioSnapshot snapshot(
      EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> portfolio) {
    return portfolio.<PortfolioSnapshot>runCommand(GetSnapshot::new).reply();
  }

  private PortfolioSnapshot snapshot() {
    return snapshot(kit);
  }

  /** Asks P1 a what-if, checking that it journaled nothing. */
  private WhatIfResult whatIf(Map<String, Double> quantityChanges) {
    CommandResultWithReply<PortfolioCommand, PortfolioEvent, PortfolioState, WhatIfResult> result =
        kit.runCommand(replyTo -> new WhatIf(quantityChanges, replyTo));
    assertTrue(result.hasNoEvents(), events(result).toString());
    return result.reply();
  }

  /** The slow reference: VaR 99% of these positions revalued in every scenario at today's marks. */
  private double fullRevaluationVar(Map<String, Double> quantities) {
    ReportingPrices prices = new ReportingPrices(market, instruments, "USD");
    double[] held = new double[scenarios.instrumentCount()];
    double[] reportingPrices = new double[scenarios.instrumentCount()];
    quantities.forEach((symbol, quantity) -> held[scenarios.indexOf(symbol)] = quantity);
    for (int i = 0; i < scenarios.instrumentCount(); i++) {
      String symbol = scenarios.symbols().get(i);
      reportingPrices[i] = held[i] == 0 ? 0 : prices.markPrice(symbol) * prices.fxToReporting(symbol);
    }
    double[] pnl = new double[SCENARIOS];
    scenarios.portfolioPnl(held, reportingPrices, pnl);
    return HistoricalVar.valueAtRisk(pnl, pnl.length, Confidence.P99, new double[pnl.length]);
  }

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
  }

  private static List<String> keys(List<LimitBreach> breaches) {
    return breaches.stream().map(LimitBreach::key).toList();
  }

  @Test
  void shouldGiveTheRiskAndExposuresOfAPortfolioThatHoldsTheResultingPositions() {
    EventSourcedBehaviorTestKit<PortfolioCommand, PortfolioEvent, PortfolioState> holder = kitFor("P2");
    open(kit, Limits.NONE);
    open(holder, Limits.NONE);
    fill("E1", "SPY", 100);
    fill("E2", "TLT", -200);
    fill("E3", "SAP", 40);
    fill(holder, "P2", "H1", "SPY", 150);
    fill(holder, "P2", "H2", "TLT", -200);
    fill(holder, "P2", "H3", "SAP", 100);
    PortfolioSnapshot now = snapshot();

    WhatIfResult result = whatIf(Map.of("SPY", 50.0, "SAP", 60.0));

    assertTrue(result.computed(), result.rejection());
    assertEquals("", result.rejection());
    assertEquals("P1", result.portfolioId());
    assertEquals("USD", result.reportingCurrency());
    assertEquals(clock.millis(), result.asOfMillis());
    // Before: the live figures, as the snapshot shows them.
    assertClose(now.risk().valueAtRisk99(), result.before().valueAtRisk99(), "VaR before");
    assertClose(now.risk().expectedShortfall975(), result.before().expectedShortfall975(), "ES before");
    assertClose(now.valuation().grossExposure(), result.grossExposureBefore(), "gross before");
    assertClose(now.valuation().netExposure(), result.netExposureBefore(), "net before");
    // After: what a portfolio that holds 150 SPY, -200 TLT and 100 SAP has...
    PortfolioSnapshot holding = snapshot(holder);
    RiskMeasures after = result.after();
    assertTrue(after.complete(), after.toString());
    assertClose(holding.risk().valueAtRisk99(), after.valueAtRisk99(), "VaR after");
    assertClose(holding.risk().expectedShortfall975(), after.expectedShortfall975(), "ES after");
    assertClose(holding.risk().worstStressLoss(), after.worstStressLoss(), "stress after");
    assertClose(holding.risk().maxDaysToLiquidate(), after.maxDaysToLiquidate(), "days to liquidate after");
    assertClose(holding.valuation().grossExposure(), result.grossExposureAfter(), "gross after");
    assertClose(holding.valuation().netExposure(), result.netExposureAfter(), "net after");
    // ...which is what a full revaluation and the closed forms say.
    assertClose(fullRevaluationVar(Map.of("SPY", 150.0, "TLT", -200.0, "SAP", 100.0)), after.valueAtRisk99(),
        "VaR after against the full revaluation");
    assertClose(0.20 * (150 * SPY + 100 * SAP * EURUSD), after.worstStressLoss(), "equities -20%, TLT unmoved");
    assertClose(result.grossExposureBefore() + 50 * SPY + 60 * SAP * EURUSD, result.grossExposureAfter(),
        "gross after");
    assertClose(150 * SPY - 200 * TLT + 100 * SAP * EURUSD, result.netExposureAfter(), "net after");
    assertTrue(after.valueAtRisk99() > result.before().valueAtRisk99(), "more equity, more VaR");
    assertEquals(List.of(), result.breachesAfter(), "no limits set");
  }

  @Test
  void shouldGiveZeroExposureAndZeroRiskWhenTheWholePositionIsSold() {
    open(kit, Limits.NONE);
    fill("E1", "SPY", 100);

    WhatIfResult flat = whatIf(Map.of("SPY", -100.0));

    assertTrue(flat.before().valueAtRisk99() > 0, flat.before().toString());
    assertClose(100 * SPY, flat.grossExposureBefore(), "gross before");
    assertEquals(0, flat.grossExposureAfter(), 0, "gross after");
    assertEquals(0, flat.netExposureAfter(), 0, "net after");
    RiskMeasures after = flat.after();
    assertTrue(after.complete(), after.toString());
    assertEquals(0, after.valueAtRisk99(), 1e-9, "VaR after");
    assertEquals(0, after.expectedShortfall975(), 1e-9, "ES after");
    assertEquals(0, after.worstStressLoss(), 0, "stress after");
    assertEquals(0, after.maxDaysToLiquidate(), 0, "days to liquidate after");

    WhatIfResult throughZero = whatIf(Map.of("SPY", -150.0)); // sells the 100 and goes 50 short
    assertClose(50 * SPY, throughZero.grossExposureAfter(), "gross of the short");
    assertClose(-50 * SPY, throughZero.netExposureAfter(), "net of the short");
    assertClose(fullRevaluationVar(Map.of("SPY", -50.0)), throughZero.after().valueAtRisk99(), "VaR of the short");
  }

  @Test
  void shouldListTheLimitsAChangeWouldBreachWithTheirValuesAfterIt() {
    open(kit, Limits.NONE);
    fill("E1", "SPY", 100);
    double varOf100 = snapshot().risk().valueAtRisk99();
    Limits limits = new Limits(100_000.0, null, 60_000.0, null, null, null, null, null, null, true)
        .withRiskLimits(2.5 * varOf100, null, null);
    assertEquals(Reply.accepted(), kit.<Reply>runCommand(
        replyTo -> new SetLimits(limits, "risk", "budgets", replyTo)).reply());
    PortfolioSnapshot before = snapshot();
    assertTrue(before.activeBreaches().isEmpty(), before.activeBreaches().toString());

    assertEquals(List.of(), whatIf(Map.of("SPY", 20.0)).breachesAfter(), "48k and 1.2x the VaR: within");

    WhatIfResult beyond = whatIf(Map.of("SPY", 200.0)); // 300 SPY: 120k, 3x the VaR
    assertEquals(List.of("GROSS_EXPOSURE", "POSITION_NOTIONAL:SPY", "VAR"), keys(beyond.breachesAfter()));
    LimitBreach gross = beyond.breachesAfter().get(0);
    assertEquals(LimitKind.GROSS_EXPOSURE, gross.kind());
    assertClose(300 * SPY, gross.value(), "gross after");
    assertClose(100_000, gross.limit(), "gross limit");
    LimitBreach var = beyond.breachesAfter().get(2);
    assertClose(3 * varOf100, var.value(), "VaR after");
    assertClose(2.5 * varOf100, var.limit(), "VaR limit");
    assertClose(3 * varOf100, beyond.after().valueAtRisk99(), "VaR after, in the figures");

    // Only a what-if: no breach, no halt, nothing journaled.
    PortfolioSnapshot after = snapshot();
    assertEquals(before.version(), after.version());
    assertTrue(after.activeBreaches().isEmpty());
    assertEquals(PortfolioStatus.ACTIVE, after.status());
  }

  @Test
  void shouldKeepListingAnOpenBreachUntilTheChangeTakesItBelowTheHysteresisLevel() {
    open(kit, new Limits(100_000.0, null, null, null, null, null, null, null, null, false)); // 5% hysteresis
    fill("E1", "SPY", 300); // 120k: the breach episode opens
    assertEquals(List.of("GROSS_EXPOSURE"), keys(snapshot().activeBreaches()));

    WhatIfResult justBelow = whatIf(Map.of("SPY", -52.0)); // 99,200: below the limit, above 95,000
    assertEquals(List.of("GROSS_EXPOSURE"), keys(justBelow.breachesAfter()));
    LimitBreach held = justBelow.breachesAfter().get(0);
    assertClose(248 * SPY, held.value(), "gross after");
    assertTrue(held.detail().contains("open breach ends only at or below 95,000.00"), held.detail());

    assertEquals(List.of(), whatIf(Map.of("SPY", -65.0)).breachesAfter(), "94,000: the episode would end");
  }

  @Test
  void shouldFailClosedForAChangeInAnInstrumentWithoutAMark() {
    open(kit, new Limits(1e9, null, null, null, null, null, null, null, null, false).withRiskLimits(1e9, null, null));
    fill("E1", "SPY", 100);

    WhatIfResult result = whatIf(Map.of("GLD", 10.0)); // GLD has scenarios but no price on this node

    assertTrue(result.computed(), result.rejection());
    assertClose(100 * SPY, result.grossExposureBefore(), "gross before is known");
    assertTrue(Double.isNaN(result.grossExposureAfter()), "never the gross of the other positions");
    assertTrue(Double.isNaN(result.netExposureAfter()));
    assertTrue(Double.isNaN(result.after().valueAtRisk99()));
    assertEquals(List.of("no price or FX rate for GLD"), result.after().varProblems());
    assertEquals(List.of("GROSS_EXPOSURE", "VAR", "MARKET_DATA"), keys(result.breachesAfter()));
    LimitBreach marketData = result.breachesAfter().get(2);
    assertEquals(1, marketData.value(), 0);
    assertEquals("no mark price or FX rate for GLD", marketData.detail());
  }

  @Test
  void shouldValueAClosedUnmarkedPositionAtZeroButLeaveItsProceedsUnknown() {
    open(kit, new Limits(1e9, null, null, null, null, 1e9, null, null, null, false));
    fill("E1", "SPY", 100);
    Execution gold = new Execution("E2", "P1", "macro", "GLD", Side.BUY, 10, 180, 5L); // filled, never quoted
    assertEquals(Reply.accepted(), kit.<Reply>runCommand(replyTo -> new ApplyExecution(gold, replyTo)).reply());

    WhatIfResult closed = whatIf(Map.of("GLD", -10.0));
    assertClose(100 * SPY, closed.grossExposureAfter(), "no GLD left to value");
    assertClose(100 * SPY, closed.netExposureAfter(), "net");
    assertClose(fullRevaluationVar(Map.of("SPY", 100.0)), closed.after().valueAtRisk99(), "VaR of what is left");
    // Sold at an unknown price: the P&L is unknown, and so is the intraday loss (fail closed).
    assertEquals(List.of("INTRADAY_LOSS"), keys(closed.breachesAfter()));
    assertTrue(Double.isNaN(closed.breachesAfter().get(0).value()));

    WhatIfResult more = whatIf(Map.of("GLD", 5.0));
    assertTrue(Double.isNaN(more.grossExposureAfter()), "15 GLD at an unknown price");
    assertEquals(List.of("GROSS_EXPOSURE", "INTRADAY_LOSS", "MARKET_DATA"), keys(more.breachesAfter()));
    assertTrue(more.after().valueAtRisk99() > 0, "the live risk prices GLD at its own fill, as for the snapshot");
  }

  @Test
  void shouldPersistNothingAndChangeNothingWhetherActiveOrHalted() {
    open(kit, new Limits(100_000.0, null, null, null, null, null, null, null, null, true));
    fill("E1", "SPY", 100);
    fill("E2", "TLT", 50);
    PortfolioSnapshot before = snapshot();
    StoredPortfolioState stateBefore = kit.getState().toStored();

    whatIf(Map.of("SPY", 1_000.0)); // would breach, and the limits halt: not a what-if
    whatIf(Map.of("SPY", -100.0, "TLT", -50.0));
    whatIf(Map.of("NOPE", 1.0));
    whatIf(Map.of());

    PortfolioSnapshot after = snapshot();
    assertEquals(before.version(), after.version(), "nothing journaled");
    assertEquals(stateBefore, kit.getState().toStored(), "the state is the same");
    assertEquals(before.journaledView(), after.journaledView());
    assertEquals(before.orderFlow(), after.orderFlow(), "no order counted");
    assertClose(before.risk().valueAtRisk99(), after.risk().valueAtRisk99(), "the live risk holds the same book");

    assertEquals(Reply.accepted(), kit.<Reply>runCommand(replyTo -> new Halt("bob", "check", replyTo)).reply());
    WhatIfResult halted = whatIf(Map.of("SPY", -100.0));
    assertTrue(halted.computed(), "a halted portfolio is answered too: de-risking is what it needs");
    assertClose(50 * TLT, halted.grossExposureAfter(), "gross after");
  }

  static Stream<Arguments> invalidChanges() {
    Map<String, Double> missing = new HashMap<>();
    missing.put("SPY", null);
    return Stream.of(
        Arguments.of(Map.of(), "no quantity changes: name at least one instrument and its signed change"),
        Arguments.of(Map.of("NOPE", 10.0), "instrument 'NOPE' is not in the instrument reference"),
        Arguments.of(Map.of("SPY", Double.NaN), "change of SPY must be a finite number of instrument units, was NaN"),
        Arguments.of(Map.of("SPY", Double.POSITIVE_INFINITY),
            "change of SPY must be a finite number of instrument units, was Infinity"),
        Arguments.of(Map.of("SPY", Double.NEGATIVE_INFINITY),
            "change of SPY must be a finite number of instrument units, was -Infinity"),
        Arguments.of(Map.of("SPY", 0.0), "change of SPY is 0: name only instruments whose position changes"),
        Arguments.of(missing, "change of SPY is missing"),
        Arguments.of(Map.of("SPY", 1e13), "resulting position notional of SPY 4.00000000004E15 is not below 1.0E15"),
        Arguments.of(Map.of("TLT", 0.0, "NOPE", 1.0, "SPY", 5.0),
            "instrument 'NOPE' is not in the instrument reference; change of TLT is 0: name only instruments whose "
                + "position changes"));
  }

  @ParameterizedTest
  @MethodSource("invalidChanges")
  void shouldRejectInvalidChangesNamingEachProblemAndComputeNothing(Map<String, Double> changes, String expected) {
    open(kit, Limits.NONE);
    fill("E1", "SPY", 100);

    WhatIfResult result = whatIf(changes);

    assertFalse(result.computed());
    assertEquals(expected, result.rejection());
    assertEquals(List.of(expected), result.before().varProblems());
    assertEquals(List.of(expected), result.after().varProblems());
    assertTrue(Double.isNaN(result.after().valueAtRisk99()));
    assertTrue(Double.isNaN(result.grossExposureBefore()) && Double.isNaN(result.grossExposureAfter()));
    assertTrue(Double.isNaN(result.netExposureBefore()) && Double.isNaN(result.netExposureAfter()));
    assertEquals(List.of(), result.breachesAfter());
    assertTrue(whatIf(Map.of("SPY", 1.0)).computed(), "the next what-if is answered as usual");
  }

  @Test
  void shouldRejectAWhatIfOfAPortfolioThatWasNeverOpened() {
    WhatIfResult result = whatIf(Map.of("SPY", 1.0));
    assertFalse(result.computed());
    assertEquals("portfolio 'P1' is not open", result.rejection());
    assertEquals(0, snapshot().version(), "nothing journaled, the portfolio is still unopened");
  }

  @Test
  void shouldSerializeComputedAndRejectedResults() {
    open(kit, new Limits(10_000.0, null, null, null, null, null, null, null, null, false));
    fill("E1", "SPY", 100);
    SerializationTestKit serialization = new SerializationTestKit(testKit.system());

    WhatIfResult computed = whatIf(Map.of("SPY", 10.0, "GLD", 1.0)); // breaches, NaN figures and problems
    assertFalse(computed.breachesAfter().isEmpty());
    serialization.verifySerialization(computed, true);
    serialization.verifySerialization(whatIf(Map.of("NOPE", 1.0)), true);
  }

  private List<PortfolioEvent> events(CommandResult<?, ?, ?> result) {
    return JournaledEvents.of(testKit.system(), result);
  }
}

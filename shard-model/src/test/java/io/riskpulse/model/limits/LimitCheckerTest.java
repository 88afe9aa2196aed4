package io.riskpulse.model.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Position;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.risk.PortfolioValuer;
import io.riskpulse.model.risk.Valuation;
import io.riskpulse.model.risk.live.RiskMeasures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitCheckerTest {

  /**
   * {@link LimitChecker#judged} leaves out only readings that cannot start or end an episode: judging what it keeps
   * gives the same judgement as judging every reading, over random values around each level (NaN included),
   * random warning levels and hysteresis, random order-flow rates, and random open episodes, some of limits no
   * longer set.
   */
  @Test
  void shouldJudgeTheJudgedReadingsAsEveryReading() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    String[] symbols = {"A", "B", "C"};
    int kept = 0;
    int all = 0;
    for (int round = 0; round < 5_000; round++) {
      List<Position> positions = new java.util.ArrayList<>();
      for (String symbol : symbols) {
        positions.add(Position.flat(symbol).apply(random.nextInt(-200, 201), 10));
      }
      double[] marks = {around(random, 10), around(random, 10), random.nextInt(20) == 0 ? Double.NaN : 10};
      Valuation valuation = PortfolioValuer.value(positions, 0,
          symbol -> marks[java.util.Arrays.asList(symbols).indexOf(symbol)]);
      Limits limits = new Limits(limit(random, valuation.grossExposure()),
          limit(random, Math.abs(valuation.netExposure())), limit(random, 1000), limit(random, 40), 0.0,
          limit(random, 500), limit(random, 500), null, null, false)
          .withRiskLimits(limit(random, 100), limit(random, 120), limit(random, 300))
          .withPolicy(new LimitPolicy((double) random.nextInt(50, 101), (double) random.nextInt(0, 30), null))
          .withOrderLimits(new OrderLimits(limit(random, 10), limit(random, 100), limit(random, 20),
              limit(random, 200), limit(random, 5), 10.0, null, null, null, java.util.Set.of(), null));
      io.riskpulse.model.orderflow.OrderFlowView flow = new io.riskpulse.model.orderflow.OrderFlowView(0,
          (long) around(random, 20), (long) around(random, 200), (long) around(random, 100), 1, 10, 0.5,
          around(random, 5), 0, (long) around(random, 10));
      RiskMeasures risk = new RiskMeasures(around(random, 100), around(random, 120), around(random, 300), "s",
          List.of(), List.of(), "set", 500, 1);
      double pnl = around(random, -400);
      double peak = Math.max(0, around(random, 100));
      Map<String, LimitBreach> every = LimitChecker.readings(limits, valuation, pnl, peak, risk, flow, 1);
      Map<String, LimitBreach> breaches = new java.util.TreeMap<>();
      Map<String, LimitBreach> warnings = new java.util.TreeMap<>();
      for (String key : List.of("GROSS_EXPOSURE", "POSITION_NOTIONAL:A", "CONCENTRATION:B", "VAR", "DRAWDOWN",
          "ORDER_RATE", "ORDER_TO_TRADE", "POSITION_NOTIONAL:GONE")) {
        int pick = random.nextInt(4);
        LimitBreach episode = new LimitBreach(key, LimitKind.GROSS_EXPOSURE, "", 1, 1, 0);
        if (pick == 0) {
          breaches.put(key, episode);
        } else if (pick == 1) {
          warnings.put(key, episode);
        }
      }
      Map<String, LimitBreach> judged = LimitChecker.judged(limits, valuation, pnl, peak, risk, flow, 1, breaches,
          warnings);
      assertEquals(LimitJudge.judge(every, breaches, warnings, limits.policy()),
          LimitJudge.judge(judged, breaches, warnings, limits.policy()), "round " + round);
      Map<String, LimitBreach> riskJudged = LimitChecker.riskJudged(limits, risk, 1, breaches, warnings);
      assertEquals(LimitJudge.judge(LimitChecker.riskReadings(limits, risk, 1), breaches, warnings,
          limits.policy()), LimitJudge.judge(riskJudged, breaches, warnings, limits.policy()), "round " + round);
      kept += judged.size();
      all += every.size();
    }
    assertTrue(kept < all, "some readings are left out: " + kept + " of " + all);
  }

  /** A value within ±30% of {@code level}, or NaN one time in 30. */
  private static double around(java.util.SplittableRandom random, double level) {
    return random.nextInt(30) == 0 ? Double.NaN : level * (0.7 + 0.6 * random.nextDouble());
  }

  /** A limit near {@code value}, or none one time in 4. */
  private static Double limit(java.util.SplittableRandom random, double value) {
    return random.nextInt(4) == 0 || !(Math.abs(value) > 0) ? null : Math.abs(value) * (0.7 + 0.6 * random.nextDouble());
  }

  private static Limits limits(Double gross, Double net, Double position, Double concentration,
      Double concentrationFloor, Double loss, Double drawdown) {
    return new Limits(gross, net, position, concentration, concentrationFloor, loss, drawdown, 1000.0,
        50_000.0, false);
  }

  @Test
  void shouldReportEveryContinuousBreachWithItsNumbers() {
    // long 100 A @ 10 marked 8 (notional 800), short 50 B @ 20 marked 22 (notional -1100)
    Valuation valuation = PortfolioValuer.value(
        List.of(Position.flat("A").apply(100, 10), Position.flat("B").apply(-50, 20)), 0,
        symbol -> symbol.equals("A") ? 8 : 22);
    assertEquals(1900, valuation.grossExposure(), 1e-9);
    assertEquals(-300, valuation.netExposure(), 1e-9);
    assertEquals(-300, valuation.totalPnl(), 1e-9);

    Map<String, LimitBreach> breaches = LimitChecker.breaches(
        limits(1500.0, 200.0, 1000.0, 50.0, 0.0, 250.0, 400.0), valuation, valuation.totalPnl(), 200, 7L);

    assertEquals(List.of("GROSS_EXPOSURE", "NET_EXPOSURE", "INTRADAY_LOSS", "DRAWDOWN",
        "POSITION_NOTIONAL:B", "CONCENTRATION:B"), List.copyOf(breaches.keySet()));
    LimitBreach drawdown = breaches.get("DRAWDOWN");
    assertEquals(500, drawdown.value(), 1e-9); // peak 200 - pnl -300
    assertEquals(400, drawdown.limit(), 1e-9);
    assertEquals(7L, drawdown.atMillis());
    assertEquals(100 * 1100 / 1900.0, breaches.get("CONCENTRATION:B").value(), 1e-9);
  }

  @Test
  void shouldNotJudgeConcentrationBelowItsGrossFloor() {
    Valuation valuation = PortfolioValuer.value(List.of(Position.flat("A").apply(10, 10)), 0, s -> 10);
    assertTrue(LimitChecker.breaches(limits(null, null, null, 50.0, 1000.0, null, null), valuation, valuation.totalPnl(), 0, 0)
        .isEmpty());
    assertEquals(1, LimitChecker.breaches(limits(null, null, null, 50.0, 50.0, null, null), valuation, valuation.totalPnl(), 0, 0)
        .size());
  }

  @Test
  void shouldFailClosedWhenAMeasurementIsNaN() {
    Valuation valuation = new Valuation(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(), 0);
    Map<String, LimitBreach> breaches = LimitChecker.breaches(
        limits(1.0, 1.0, null, null, null, 1.0, 1.0), valuation, valuation.totalPnl(), 0, 0);
    assertEquals(4, breaches.size());
    // A NaN gross (no FX rate) does not switch concentration off: it breaches too.
    Valuation blind = new Valuation(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(
        new io.riskpulse.model.risk.PositionValuation("A", 1, 1, 0, 1, true, Double.NaN, Double.NaN, 0,
            Double.NaN)), 0);
    assertTrue(LimitChecker.breaches(limits(null, null, null, 50.0, 0.0, null, null), blind, blind.totalPnl(), 0, 0)
        .containsKey("CONCENTRATION:A"));
  }

  @Test
  void shouldFlagOversizeExecutionsByExecutionId() {
    Execution big = new Execution("X1", "P", "", "A", Side.BUY, 2000, 100, 0);
    List<LimitBreach> breaches = LimitChecker.executionBreaches(
        limits(null, null, null, null, null, null, null), big, 1, 5);
    assertEquals(List.of("ORDER_QUANTITY:X1", "ORDER_NOTIONAL:X1"),
        breaches.stream().map(LimitBreach::key).toList());
    assertEquals(200_000, breaches.get(1).value(), 1e-9);
    // In yen at 150 per dollar the same fill is 1,333 USD: within the 50k notional limit, not its quantity.
    Execution yen = new Execution("X2", "P", "", "7203.T", Side.BUY, 2000, 100, 0);
    assertEquals(List.of("ORDER_QUANTITY:X2"), LimitChecker.executionBreaches(
        limits(null, null, null, null, null, null, null), yen, 1 / 150.0, 5).stream().map(LimitBreach::key).toList());
    // Without an FX rate the notional is unknown: it breaches (fail closed).
    Execution small = new Execution("X3", "P", "", "7203.T", Side.BUY, 1, 100, 0);
    assertEquals(List.of("ORDER_NOTIONAL:X3"), LimitChecker.executionBreaches(
        limits(null, null, null, null, null, null, null), small, Double.NaN, 5).stream().map(LimitBreach::key).toList());
  }

  @Test
  void shouldNameEveryInvalidLimitField() {
    Limits bad = new Limits(-1.0, Double.NaN, 0.0, 150.0, -5.0, Double.POSITIVE_INFINITY, null, null, null,
        true);
    List<String> problems = bad.problems();
    assertEquals(6, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("maxGrossExposure"));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("maxConcentrationPct must be at most 100")));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("concentrationMinGross")));
  }

  @Test
  void shouldJudgeRiskLimitsAndBreachWhenAFigureIsUnknown() {
    Limits limits = Limits.NONE.withRiskLimits(1000.0, 1200.0, 5000.0);
    RiskMeasures within = new RiskMeasures(900, 1100, 4000, "equity-down", List.of(), List.of(), "set", 500, 1);
    assertTrue(LimitChecker.riskBreaches(limits, within, 1).isEmpty());

    RiskMeasures beyond = new RiskMeasures(1000.5, 1100, 6000, "equity-down", List.of(), List.of(), "set", 500, 1);
    Map<String, LimitBreach> breaches = LimitChecker.riskBreaches(limits, beyond, 1);
    assertEquals(List.of("VAR", "STRESS_LOSS"), List.copyOf(breaches.keySet()));
    assertEquals("STRESS_LOSS 6,000.00 > 5,000.00 (equity-down)", breaches.get("STRESS_LOSS").describe());

    RiskMeasures unknown = new RiskMeasures(Double.NaN, Double.NaN, 10, "", List.of("no scenarios for X"),
        List.of(), "set", 500, 1);
    LimitBreach var = LimitChecker.riskBreaches(limits, unknown, 1).get("VAR");
    assertEquals("VAR NaN > 1,000.00 (no scenarios for X)", var.describe());

    // Judged without risk figures at all, a set risk limit breaches: fail closed.
    Valuation flat = PortfolioValuer.value(List.of(), 0, symbol -> Double.NaN);
    assertEquals(List.of("VAR", "EXPECTED_SHORTFALL", "STRESS_LOSS"),
        List.copyOf(LimitChecker.breaches(limits, flat, 0, 0, 1).keySet()));
    assertEquals("maxVar must be a positive finite number, was -1.0",
        Limits.NONE.withRiskLimits(-1.0, null, null).problems().get(0));
  }

  private static RiskMeasures liquidity(double days, String leastLiquid, List<String> problems) {
    return new RiskMeasures(0, 0, 0, "", List.of(), List.of(), "set", 500, 1, days, leastLiquid, problems);
  }

  @Test
  void shouldBreachALiquidityLimitNamingTheLeastLiquidPosition() {
    Limits limits = Limits.NONE.withLiquidityLimit(5.0);
    assertTrue(limits.hasRiskLimits());
    assertEquals(5.0, limits.limitFor(LimitKind.LIQUIDITY));
    assertEquals("maxDaysToLiquidate", Limits.fieldName(LimitKind.LIQUIDITY));

    Map<String, LimitBreach> breaches = LimitChecker.riskBreaches(limits, liquidity(12.5, "RWX", List.of()), 1);
    assertEquals(List.of("LIQUIDITY"), List.copyOf(breaches.keySet()));
    LimitBreach breach = breaches.get("LIQUIDITY");
    assertEquals(LimitKind.LIQUIDITY, breach.kind());
    assertEquals("", breach.symbol(), "one breach per portfolio, whichever position is the worst");
    assertEquals("LIQUIDITY 12.50 > 5.00 (RWX)", breach.describe());
  }

  @Test
  void shouldNotBreachALiquidityLimitAtOrBelowItsLevelNorWhenNoneIsSet() {
    Limits limits = Limits.NONE.withLiquidityLimit(5.0);
    assertTrue(LimitChecker.riskBreaches(limits, liquidity(5.0, "RWX", List.of()), 1).isEmpty());
    assertTrue(LimitChecker.riskBreaches(limits, liquidity(0, "", List.of()), 1).isEmpty(), "flat");
    assertTrue(LimitChecker.riskBreaches(Limits.NONE,
        liquidity(Double.NaN, "", List.of("no average daily volume for XYZ")), 1).isEmpty());
  }

  @Test
  void shouldBreachALiquidityLimitWhenAPositionHasNoAverageDailyVolume() {
    Limits limits = Limits.NONE.withLiquidityLimit(1e9);
    LimitBreach breach = LimitChecker.riskBreaches(limits,
        liquidity(Double.NaN, "", List.of("no average daily volume for XYZ", "no average daily volume for ABC")), 1)
        .get("LIQUIDITY");
    assertTrue(Double.isNaN(breach.value()));
    assertEquals("LIQUIDITY NaN > 1,000,000,000.00 (no average daily volume for XYZ; no average daily volume for ABC)",
        breach.describe());

    // Figures from before liquidity existed, or none at all: a set liquidity limit breaches (fail closed).
    RiskMeasures old = new RiskMeasures(900, 1100, 4000, "equity-down", List.of(), List.of(), "set", 500, 1);
    assertEquals("LIQUIDITY NaN > 1,000,000,000.00 (not computed)",
        LimitChecker.riskBreaches(limits, old, 1).get("LIQUIDITY").describe());
    Valuation flat = PortfolioValuer.value(List.of(), 0, symbol -> Double.NaN);
    assertEquals(List.of("LIQUIDITY"), List.copyOf(LimitChecker.breaches(limits, flat, 0, 0, 1).keySet()));
  }

  @Test
  void shouldKeepTheLiquidityLimitWhenTheOtherRiskLimitsChangeAndRefuseABadOne() {
    Limits limits = Limits.NONE.withLiquidityLimit(3.0).withRiskLimits(1000.0, null, null);
    assertEquals(3.0, limits.maxDaysToLiquidate());
    assertEquals(1000.0, limits.maxVar());
    assertEquals(List.of("maxDaysToLiquidate must be a positive finite number, was 0.0"),
        Limits.NONE.withLiquidityLimit(0.0).problems());
    assertEquals(List.of("maxDaysToLiquidate must be a positive finite number, was NaN"),
        Limits.NONE.withLiquidityLimit(Double.NaN).problems());
  }
}

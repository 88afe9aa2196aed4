package io.riskpulse.ingestion.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitChecker;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Position;
import io.riskpulse.model.risk.FxRates;
import io.riskpulse.model.risk.PortfolioValuer;
import io.riskpulse.model.risk.PriceSource;
import io.riskpulse.model.risk.Valuation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TradingSimulationTest {

  /** Mark of a symbol in the simulation's latest quotes, NaN when not quoted. */
  private static PriceSource marks(TradingSimulation simulation) {
    return symbol -> {
      Quote quote = simulation.latestQuotes().get(symbol);
      return quote == null ? Double.NaN : quote.markPrice();
    };
  }

  /** USD per unit of an instrument's price currency at the simulation's latest quotes. */
  private static double usdRate(TradingSimulation simulation, Instrument instrument) {
    return FxRates.toReporting(instrument.currency(), TradingSimulation.REPORTING_CURRENCY, marks(simulation));
  }

  private static Map<String, Instrument> bySymbol(TradingSimulation simulation) {
    Map<String, Instrument> map = new HashMap<>();
    simulation.instruments().forEach(i -> map.put(i.symbol(), i));
    return map;
  }

  /**
   * Replays a simulation's fills into shard-model positions and reports, per portfolio, every limit breach, as
   * the portfolio entity judges them: continuous limits on a {@link PortfolioValuer} valuation in USD (each
   * position converted with {@link FxRates} at the current FX marks; no rate gives NaN, which breaches),
   * per-execution limits on the execution as it is (quantity × price in its own currency).
   */
  private static final class RiskTracker {
    private final TradingSimulation simulation;
    private final Map<String, Instrument> instruments;
    private final Map<String, Map<String, Position>> positions = new HashMap<>();
    private final Map<String, Double> peakPnl = new HashMap<>();
    private final Map<String, PortfolioSetup> setups = new LinkedHashMap<>();
    final Map<String, Map<LimitKind, Long>> firstBreachStep = new TreeMap<>();

    RiskTracker(TradingSimulation simulation) {
      this.simulation = simulation;
      this.instruments = bySymbol(simulation);
      simulation.portfolios().forEach(s -> setups.put(s.portfolioId(), s));
    }

    /** The simulation's latest marks, with FX rates to USD from its FX pairs. */
    private final PriceSource usdPrices = new PriceSource() {
      @Override
      public double markPrice(String symbol) {
        return marks(simulation).markPrice(symbol);
      }

      @Override
      public double fxToReporting(String symbol) {
        Instrument instrument = instruments.get(symbol);
        return instrument == null ? Double.NaN : usdRate(simulation, instrument);
      }

      @Override
      public double currencyToReporting(String currency) {
        return FxRates.toReporting(currency, TradingSimulation.REPORTING_CURRENCY, marks(simulation));
      }
    };

    void apply(SimStep step) {
      for (Execution e : step.executions()) {
        positions.computeIfAbsent(e.portfolioId(), p -> new TreeMap<>())
            .merge(e.symbol(), Position.flat(e.symbol()).apply(e.signedQuantity(), e.price()),
                (old, ignored) -> old.apply(e.signedQuantity(), e.price()));
        for (LimitBreach b : LimitChecker.executionBreaches(setups.get(e.portfolioId()).limits(), e,
            usdPrices.fxToReporting(e.symbol()), 0)) {
          record(e.portfolioId(), b.kind(), step.stepNumber());
        }
      }
      for (PortfolioSetup setup : setups.values()) {
        Valuation v = PortfolioValuer.value(positions.getOrDefault(setup.portfolioId(), Map.of()).values(), 0,
            usdPrices);
        double peak = Math.max(peakPnl.getOrDefault(setup.portfolioId(), 0.0), v.totalPnl());
        peakPnl.put(setup.portfolioId(), peak);
        for (LimitBreach b : LimitChecker.breaches(setup.limits(), v, v.totalPnl(), peak, 0).values()) {
          record(setup.portfolioId(), b.kind(), step.stepNumber());
        }
      }
    }

    private void record(String portfolioId, LimitKind kind, long step) {
      firstBreachStep.computeIfAbsent(portfolioId, p -> new TreeMap<>()).putIfAbsent(kind, step);
    }
  }

  @Test
  void everyExecutionOfTheDemoShouldBeValid() {
    TradingSimulation simulation = TradingSimulation.defaultDemo(1);
    List<Execution> executions = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      executions.addAll(simulation.step().executions());
    }

    assertTrue(executions.size() > 10_000, "a busy floor, was " + executions.size());
    ExecutionAssertions.assertAllValid(executions, simulation.instruments());
    Set<String> trading = executions.stream().map(Execution::portfolioId).collect(Collectors.toSet());
    assertEquals(simulation.portfolios().stream().map(PortfolioSetup::portfolioId).collect(Collectors.toSet()),
        trading, "every portfolio trades");
  }

  @Test
  void shouldBeFullyDeterministicForASeed() {
    TradingSimulation a = TradingSimulation.defaultDemo(99);
    TradingSimulation b = TradingSimulation.defaultDemo(99);
    assertEquals(a.portfolios(), b.portfolios());
    for (int i = 0; i < 500; i++) {
      assertEquals(a.step(), b.step(), "step " + (i + 1));
    }
  }

  @Test
  void shouldSetUpThreeDesksWithValidLimitsAndOneRunaway() {
    TradingSimulation simulation = TradingSimulation.defaultDemo(1);

    assertEquals(Set.of("equities", "macro", "commodities"),
        simulation.portfolios().stream().map(PortfolioSetup::desk).collect(Collectors.toSet()));
    for (PortfolioSetup setup : simulation.portfolios()) {
      assertEquals(List.of(), setup.limits().problems(), setup.portfolioId());
      assertTrue(setup.limits().haltOnBreach());
      assertTrue(setup.initialCash() > 0);
    }
    assertEquals("cmd-algo-02", simulation.runawayPortfolioId());
    assertEquals(TradingSimulation.DEFAULT_RUNAWAY_START_STEP, simulation.runawayStartStep());
    assertEquals("WTI", simulation.runawaySymbol());
  }

  @Test
  void normalStrategiesShouldStayWithinTheirLimits() {
    for (long seed = 1; seed <= 3; seed++) {
      TradingSimulation simulation =
          TradingSimulation.create(CorrelatedPriceSimulator.withDefaults(seed), seed, Long.MAX_VALUE);
      RiskTracker risk = new RiskTracker(simulation);
      for (int i = 0; i < 2_000; i++) {
        risk.apply(simulation.step());
      }
      assertEquals(Map.of(), risk.firstBreachStep, "seed " + seed + ": no breach without the runaway");
    }
  }

  @Test
  void clipsShouldBeWorthAboutTheClipNotionalInUsdWhateverTheCurrency() {
    TradingSimulation simulation =
        TradingSimulation.create(CorrelatedPriceSimulator.withDefaults(4), 4, Long.MAX_VALUE);
    Map<String, Instrument> instruments = bySymbol(simulation);
    double clip = TradingSimulation.CLIP_NOTIONAL;
    Set<String> directionalCurrencies = new TreeSet<>();
    for (int i = 0; i < 2_000; i++) {
      for (Execution e : simulation.step().executions()) {
        Instrument instrument = instruments.get(e.symbol());
        double fx = usdRate(simulation, instrument);
        double usd = e.notional() * fx;
        double lotUsd = instrument.lotSize() * e.price() * fx;
        boolean oneLot = Math.abs(e.quantity() - instrument.lotSize()) < 1e-9 * instrument.lotSize();
        if (e.strategy().equals(MarketMakerStrategy.NAME)) {
          assertTrue(usd <= 1.2 * clip / 2 || oneLot, "market-maker order within its USD clip: " + e);
        } else if (lotUsd < clip / 2) {
          directionalCurrencies.add(instrument.currency());
          assertTrue(usd >= 0.5 * clip && usd <= 1.2 * clip, usd + " USD is not about one USD clip: " + e);
        } else {
          assertTrue(oneLot, "a lot worth more than half a clip trades one lot at a time: " + e);
        }
      }
    }
    assertEquals(Set.of("USD", "EUR", "GBP", "JPY", "TWD"), directionalCurrencies,
        "directional clips of every currency were checked");
  }

  @Test
  void theRunawayShouldBreachExposureAndPositionLimitsWithinAFewDozenStepsAndAloneDoSo() {
    long start = 60;
    TradingSimulation simulation = TradingSimulation.create(CorrelatedPriceSimulator.withDefaults(5), 5, start);
    RiskTracker risk = new RiskTracker(simulation);
    for (int i = 0; i < 200; i++) {
      risk.apply(simulation.step());
    }

    assertEquals(Set.of("cmd-algo-02"), risk.firstBreachStep.keySet(), "only the runaway breaches");
    Map<LimitKind, Long> breaches = risk.firstBreachStep.get("cmd-algo-02");
    for (LimitKind kind : List.of(LimitKind.POSITION_NOTIONAL, LimitKind.GROSS_EXPOSURE, LimitKind.NET_EXPOSURE,
        LimitKind.ORDER_NOTIONAL, LimitKind.ORDER_QUANTITY)) {
      assertTrue(breaches.containsKey(kind), kind + " breached: " + breaches);
      assertTrue(breaches.get(kind) >= start && breaches.get(kind) < start + 36,
          kind + " first breached at step " + breaches.get(kind));
    }
  }

  @Test
  void aHaltedPortfolioShouldNotTradeUntilResumed() {
    TradingSimulation simulation = TradingSimulation.defaultDemo(3);
    simulation.halt("eq-mm-03");
    for (int i = 0; i < 200; i++) {
      assertFalse(simulation.step().executions().stream().anyMatch(e -> e.portfolioId().equals("eq-mm-03")));
    }
    assertTrue(simulation.isHalted("eq-mm-03"));
    simulation.resume("eq-mm-03");
    boolean traded = false;
    for (int i = 0; i < 50; i++) {
      traded |= simulation.step().executions().stream().anyMatch(e -> e.portfolioId().equals("eq-mm-03"));
    }
    assertTrue(traded, "trades again after resume");
  }

  @Test
  void stepsShouldBeNumberedFromOneAndCarryTheGeneratorsQuotes() {
    CorrelatedPriceSimulator generator = CorrelatedPriceSimulator.withDefaults(8);
    TradingSimulation simulation = TradingSimulation.create(generator, 8);
    SimStep first = simulation.step();
    SimStep second = simulation.step();

    assertEquals(1, first.stepNumber());
    assertEquals(2, second.stepNumber());
    assertEquals(generator.instruments().size(), first.quotes().size());
    assertEquals(CorrelatedPriceSimulator.DEFAULT_START_MILLIS, first.quotes().get(0).timestampMillis());
    assertEquals(CorrelatedPriceSimulator.DEFAULT_START_MILLIS + 60_000, second.quotes().get(0).timestampMillis());
    assertEquals(2, generator.steps(), "the first step was drawn once, at construction");
  }
}

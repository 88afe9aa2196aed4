package io.riskpulse.ingestion.sim;

import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The demo's trading floor: three desks, seven portfolios, one strategy each, trading on whatever a
 * {@link QuoteGenerator} produces; one of them ({@code cmd-algo-02}) runs away at a chosen step.
 *
 * <table>
 *   <caption>Portfolios</caption>
 *   <tr><th>desk</th><th>asset classes</th><th>portfolio</th><th>trader</th><th>strategy</th></tr>
 *   <tr><td>equities</td><td>equity, equity index, real estate</td><td>eq-mom-01</td><td>alice</td><td>momentum</td></tr>
 *   <tr><td></td><td></td><td>eq-mr-02</td><td>bob</td><td>mean reversion</td></tr>
 *   <tr><td></td><td></td><td>eq-mm-03</td><td>carol</td><td>market maker</td></tr>
 *   <tr><td>macro</td><td>rates, credit, FX, crypto</td><td>mac-mom-01</td><td>dmitri</td><td>momentum</td></tr>
 *   <tr><td></td><td></td><td>mac-mr-02</td><td>erin</td><td>mean reversion</td></tr>
 *   <tr><td>commodities</td><td>commodity</td><td>cmd-mm-01</td><td>farid</td><td>market maker</td></tr>
 *   <tr><td></td><td></td><td>cmd-algo-02</td><td>grace</td><td>momentum, runaway buyer of the desk's first
 *       instrument from the runaway step</td></tr>
 * </table>
 *
 * A desk whose asset classes the generator does not quote trades every instrument instead.
 *
 * <p>Sizing and limits. The first step is drawn from the generator at construction; its prices, FX pairs
 * included, fix every clip ({@value #CLIP_NOTIONAL} USD for the directional strategies, half that for the market
 * makers, at least one lot) and position cap (5 clips, 4 for market makers) per instrument, so a portfolio's
 * gross exposure at those prices is at most a known {@code G} and any one position at most {@code P}, both in
 * USD. Limits are then: gross 2G, net 1.5G, position 2P, concentration 60% judged from a gross of G, intraday
 * loss and drawdown {@value #LOSS_FRACTION} × G (all USD), order quantity twice the largest clip in units, order
 * notional twice the largest clip in USD, halt on breach; all rounded up to two significant
 * figures. The factor 2 leaves the normal strategies room for prices to double; the runaway's geometric fills
 * exceed 2P within about 5 steps of its start and 2G within about a dozen. Crisis days of a
 * {@link HistoricalReplay} can legitimately breach the loss limits.
 *
 * <p>Currencies. The portfolio entity values every position in the reporting currency {@value #REPORTING_CURRENCY}
 * with the market's FX pairs ({@link io.riskpulse.model.risk.FxRates}), so clips and the continuous limits are
 * sized in USD: summing local notionals would make a yen or Taiwan-dollar book look 30 to 150 times bigger than
 * it is. The per-execution order-notional check converts too, so its limit is twice the largest clip in USD.
 * An instrument whose currency
 * has no FX pair in the first step is not traded.
 *
 * <p>Halts: {@link #halt} stops a portfolio's strategy from trading (as the gateway refuses a halted portfolio's
 * orders); its strategy is not called while halted.
 *
 * <p>Deterministic for a generator state and seed; single-threaded (not thread-safe).
 */
public final class TradingSimulation {

  /** Default step at which {@code cmd-algo-02} runs away. */
  public static final long DEFAULT_RUNAWAY_START_STEP = 60;
  /** Currency of the clip notionals, the cash and every amount limit except the order notional. */
  public static final String REPORTING_CURRENCY = StrategyBook.REPORTING_CURRENCY;
  /** Clip notional of the directional strategies, USD. */
  public static final double CLIP_NOTIONAL = 100_000;
  /** Starting cash of every portfolio, USD. */
  public static final double INITIAL_CASH = 10_000_000;
  /** Intraday loss and drawdown limits as a fraction of the portfolio's largest normal gross exposure. */
  public static final double LOSS_FRACTION = 0.25;
  /** Growth of each runaway fill over the previous one. */
  public static final double RUNAWAY_GROWTH = 1.25;

  private static final double HEADROOM = 2;
  private static final int MAX_CLIPS = 5;
  private static final int MARKET_MAKER_MAX_CLIPS = 4;
  private static final double MARKET_MAKER_FILL_PROBABILITY = 0.2;
  private static final int MOMENTUM_LOOKBACK = 20;
  private static final int MEAN_REVERSION_HALF_LIFE = 30;
  private static final String RUNAWAY_PORTFOLIO = "cmd-algo-02";

  private enum Kind { MOMENTUM, MEAN_REVERSION, MARKET_MAKER, RUNAWAY }

  private record Plan(String portfolioId, String desk, Set<AssetClass> classes, String trader, Kind kind) {}

  private static final List<Plan> PLANS = List.of(
      new Plan("eq-mom-01", "equities", EnumSet.of(AssetClass.EQUITY, AssetClass.EQUITY_INDEX,
          AssetClass.REAL_ESTATE), "alice", Kind.MOMENTUM),
      new Plan("eq-mr-02", "equities", EnumSet.of(AssetClass.EQUITY, AssetClass.EQUITY_INDEX,
          AssetClass.REAL_ESTATE), "bob", Kind.MEAN_REVERSION),
      new Plan("eq-mm-03", "equities", EnumSet.of(AssetClass.EQUITY, AssetClass.EQUITY_INDEX,
          AssetClass.REAL_ESTATE), "carol", Kind.MARKET_MAKER),
      new Plan("mac-mom-01", "macro", EnumSet.of(AssetClass.RATES, AssetClass.CREDIT, AssetClass.FX,
          AssetClass.CRYPTO), "dmitri", Kind.MOMENTUM),
      new Plan("mac-mr-02", "macro", EnumSet.of(AssetClass.RATES, AssetClass.CREDIT, AssetClass.FX,
          AssetClass.CRYPTO), "erin", Kind.MEAN_REVERSION),
      new Plan("cmd-mm-01", "commodities", EnumSet.of(AssetClass.COMMODITY), "farid", Kind.MARKET_MAKER),
      new Plan(RUNAWAY_PORTFOLIO, "commodities", EnumSet.of(AssetClass.COMMODITY), "grace", Kind.RUNAWAY));

  private final QuoteGenerator generator;
  private final List<PortfolioSetup> setups;
  private final List<TradingStrategy> strategies;
  private final RunawayStrategy runaway;
  private final Map<String, Quote> latest = new LinkedHashMap<>();
  private final Map<String, Quote> latestView = Collections.unmodifiableMap(latest);
  private final Set<String> halted = new HashSet<>();
  private List<Quote> pending;
  private long stepNumber;

  private TradingSimulation(QuoteGenerator generator, long seed, long runawayStartStep) {
    if (!generator.hasNext()) {
      throw new IllegalArgumentException("the quote generator has no step to trade on");
    }
    this.generator = generator;
    this.pending = List.copyOf(generator.next());
    Map<String, Quote> reference = new LinkedHashMap<>();
    for (Quote quote : pending) {
      reference.put(quote.symbol(), quote);
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    List<PortfolioSetup> setupList = new ArrayList<>();
    List<TradingStrategy> strategyList = new ArrayList<>();
    RunawayStrategy runawayStrategy = null;
    for (Plan plan : PLANS) {
      List<Instrument> candidates = candidates(generator.instruments(), plan.classes(), reference);
      long strategySeed = seeds.nextLong();
      BookStrategy booked = switch (plan.kind()) {
        case MOMENTUM, RUNAWAY -> new MomentumStrategy(plan.portfolioId(), candidates, reference, CLIP_NOTIONAL,
            MAX_CLIPS, MOMENTUM_LOOKBACK);
        case MEAN_REVERSION -> new MeanReversionStrategy(plan.portfolioId(), candidates, reference, CLIP_NOTIONAL,
            MAX_CLIPS, MEAN_REVERSION_HALF_LIFE);
        case MARKET_MAKER -> new MarketMakerStrategy(plan.portfolioId(), candidates, reference, CLIP_NOTIONAL / 2,
            MARKET_MAKER_MAX_CLIPS, MARKET_MAKER_FILL_PROBABILITY, strategySeed);
      };
      StrategyBook book = booked.book();
      TradingStrategy strategy = booked;
      if (plan.kind() == Kind.RUNAWAY) {
        // The runaway is a momentum desk until its start step, then piles into its first instrument.
        runawayStrategy = new RunawayStrategy(booked, book.instrument(0), Side.BUY, runawayStartStep,
            book.clipLots(0), RUNAWAY_GROWTH);
        strategy = runawayStrategy;
      }
      strategyList.add(strategy);
      setupList.add(new PortfolioSetup(plan.portfolioId(), plan.desk(), plan.trader(), INITIAL_CASH,
          limitsFor(book), strategy.name()));
    }
    this.setups = List.copyOf(setupList);
    this.strategies = List.copyOf(strategyList);
    this.runaway = runawayStrategy;
  }

  /** A simulation on this generator whose runaway starts at {@link #DEFAULT_RUNAWAY_START_STEP}. */
  public static TradingSimulation create(QuoteGenerator generator, long seed) {
    return create(generator, seed, DEFAULT_RUNAWAY_START_STEP);
  }

  /**
   * A simulation on this generator. Draws the generator's first step at once (it fixes the sizes and limits);
   * {@link #step()} returns it as step 1.
   *
   * @param generator source of quotes, used by this simulation only from now on
   * @param seed seed of the market makers' client flow
   * @param runawayStartStep first step at which {@code cmd-algo-02} runs away ({@link Long#MAX_VALUE}: never)
   * @throws IllegalArgumentException when the generator has no step, or its first step no positive price
   *     with an FX rate to USD
   */
  public static TradingSimulation create(QuoteGenerator generator, long seed, long runawayStartStep) {
    return new TradingSimulation(generator, seed, runawayStartStep);
  }

  /** The default universe simulated with one-minute steps, both seeded with {@code seed}, runaway at step 60. */
  public static TradingSimulation defaultDemo(long seed) {
    return create(CorrelatedPriceSimulator.withDefaults(seed), seed, DEFAULT_RUNAWAY_START_STEP);
  }

  private static List<Instrument> candidates(List<Instrument> all, Set<AssetClass> classes,
      Map<String, Quote> reference) {
    List<Instrument> priced = all.stream()
        .filter(i -> StrategyBook.sizeable(i, reference))
        .collect(Collectors.toList());
    List<Instrument> ofDesk = priced.stream()
        .filter(i -> classes.contains(i.assetClass()))
        .collect(Collectors.toList());
    if (!ofDesk.isEmpty()) {
      return ofDesk;
    }
    if (priced.isEmpty()) {
      throw new IllegalArgumentException("the generator's first step has no positive price (with an FX rate to "
          + REPORTING_CURRENCY + ") to size strategies");
    }
    return priced;
  }

  /**
   * Limits of a book (see the class comment). Gross, net, position, loss and drawdown are USD, like the entity's
   * valuation. The order notional is sized from the largest clip in its own currency, not in USD, because the
   * entity checks each execution's quantity × price unconverted: a USD-sized limit would be tripped by every
   * normal clip of a yen instrument. The order quantity stays in units.
   */
  private static Limits limitsFor(StrategyBook book) {
    double gross = book.maxGrossNotional();
    return new Limits(
        roundUp(HEADROOM * gross),
        roundUp(0.75 * HEADROOM * gross),
        roundUp(HEADROOM * book.maxPositionNotional()),
        60.0,
        roundUp(gross),
        roundUp(LOSS_FRACTION * gross),
        roundUp(LOSS_FRACTION * gross),
        roundUp(HEADROOM * book.maxClipQuantity()),
        roundUp(HEADROOM * book.maxClipNotional()),
        true);
  }

  /** Rounds up to two significant figures (1,234,567 → 1,300,000; 0.0123 → 0.013). */
  static double roundUp(double value) {
    double scale = Math.pow(10, Math.floor(Math.log10(value)) - 1);
    return Math.ceil(value / scale - 1e-9) * scale;
  }

  /** Every portfolio in a stable order (the order its executions appear in each step). */
  public List<PortfolioSetup> portfolios() {
    return setups;
  }

  /** Instruments of the generator (the node's instrument reference). */
  public List<Instrument> instruments() {
    return generator.instruments();
  }

  /** Whether {@link #step()} can advance. */
  public boolean hasNext() {
    return pending != null || generator.hasNext();
  }

  /**
   * Advances the generator one step, then lets every portfolio that is not halted trade on the updated quotes.
   *
   * @throws NoSuchElementException when the generator is exhausted
   */
  public SimStep step() {
    if (!hasNext()) {
      throw new NoSuchElementException("the quote generator is exhausted after step " + stepNumber);
    }
    List<Quote> quotes = pending != null ? pending : List.copyOf(generator.next());
    pending = null;
    stepNumber++;
    for (Quote quote : quotes) {
      latest.put(quote.symbol(), quote);
    }
    List<Execution> executions = new ArrayList<>();
    for (TradingStrategy strategy : strategies) {
      if (!halted.contains(strategy.portfolioId())) {
        executions.addAll(strategy.onQuotes(stepNumber, latestView));
      }
    }
    return new SimStep(stepNumber, quotes, executions);
  }

  /** Number of the last step returned, 0 before the first. */
  public long stepNumber() {
    return stepNumber;
  }

  /** Latest quote of every instrument quoted so far (a read-only live view). */
  public Map<String, Quote> latestQuotes() {
    return latestView;
  }

  /**
   * Stops a portfolio from trading until {@link #resume}: its strategy is not called meanwhile.
   *
   * @throws IllegalArgumentException for an unknown portfolio
   */
  public void halt(String portfolioId) {
    requireKnown(portfolioId);
    halted.add(portfolioId);
  }

  /** Lets a halted portfolio trade again. */
  public void resume(String portfolioId) {
    requireKnown(portfolioId);
    halted.remove(portfolioId);
  }

  public boolean isHalted(String portfolioId) {
    return halted.contains(portfolioId);
  }

  private void requireKnown(String portfolioId) {
    if (setups.stream().noneMatch(s -> s.portfolioId().equals(portfolioId))) {
      throw new IllegalArgumentException("unknown portfolio '" + portfolioId + "'");
    }
  }

  /**
   * A person fixed the runaway algorithm: it unwinds its runaway position, then trades normally (see
   * {@link RunawayStrategy#fix()}). Takes effect from the next step of a portfolio that is not halted.
   */
  public void fixRunaway() {
    runaway.fix();
  }

  /** Whether the runaway algorithm was fixed and has unwound all it piled up. */
  public boolean runawayUnwound() {
    return !runaway.isRunningAway(Long.MAX_VALUE) && runaway.runawayPositionLots() == 0;
  }

  /** The portfolio that runs away. */
  public String runawayPortfolioId() {
    return runaway.portfolioId();
  }

  /** First step at which it runs away. */
  public long runawayStartStep() {
    return runaway.startStep();
  }

  /** The instrument it piles into. */
  public String runawaySymbol() {
    return runaway.symbol();
  }
}

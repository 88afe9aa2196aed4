package io.riskpulse.ingestion.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategiesTest {

  private static final Instrument ABC = new Instrument("ABC", AssetClass.EQUITY, "USD", 10, "", "");
  private static final Instrument XYZ = new Instrument("XYZ", AssetClass.EQUITY, "USD", 1, "", "");

  private static Quote quote(Instrument instrument, double mid, long step) {
    return new Quote(instrument.symbol(), mid, mid * 0.999, mid * 1.001, step * 60_000);
  }

  private static Map<String, Quote> market(long step, double abc, double xyz) {
    Map<String, Quote> m = new HashMap<>();
    m.put("ABC", quote(ABC, abc, step));
    m.put("XYZ", quote(XYZ, xyz, step));
    return m;
  }

  private static double position(List<Execution> fills, String symbol) {
    return fills.stream().filter(e -> e.symbol().equals(symbol)).mapToDouble(Execution::signedQuantity).sum();
  }

  private static final Map<String, Quote> REFERENCE = market(0, 100, 50);

  @Test
  void momentumShouldBuildALongPositionUpToItsCapInARisingMarketPayingTheAsk() {
    // Rising by 0.2% a step with a wobble so the measured variance is not zero.
    MomentumStrategy momentum = new MomentumStrategy("p", List.of(ABC, XYZ), REFERENCE, 1_000, 3, 5);
    List<Execution> fills = new ArrayList<>();
    for (long step = 1; step <= 200; step++) {
      Map<String, Quote> m = market(step, 100 + (step % 2), 50 * Math.exp(0.002 * step + 0.001 * (step % 3)));
      for (Execution e : momentum.onQuotes(step, m)) {
        assertEquals(m.get(e.symbol()).ask(), e.price(), 0, "a buy pays the ask: " + e);
        fills.add(e);
      }
    }

    // clip = floor(1000 / (1 × 50)) = 20 lots of XYZ; cap 3 clips = 60.
    assertEquals(60, position(fills, "XYZ"), 1e-9);
    assertEquals(0, position(fills, "ABC"), 1e-9, "no trend in ABC");
    fills.forEach(e -> {
      assertEquals(Side.BUY, e.side());
      assertTrue(e.quantity() <= 20);
    });
    ExecutionAssertions.assertAllValid(fills, List.of(ABC, XYZ));
  }

  /** XYZ wobbles around 50 until step 40, then jumps to {@code after} and stays; position after each step. */
  private static double[] meanReversionPositions(double after) {
    MeanReversionStrategy meanReversion = new MeanReversionStrategy("p", List.of(XYZ), REFERENCE, 1_000, 2, 5);
    double[] positions = new double[61];
    List<Execution> fills = new ArrayList<>();
    for (int step = 1; step <= 60; step++) {
      double price = step < 40 ? 50 + 0.1 * (step % 2) : after;
      fills.addAll(meanReversion.onQuotes(step, Map.of("XYZ", quote(XYZ, price, step))));
      positions[step] = position(fills, "XYZ");
    }
    ExecutionAssertions.assertAllValid(fills, List.of(XYZ));
    return positions;
  }

  @Test
  void meanReversionShouldFadeASpikeOrADropThenFlattenAsTheMeanCatchesUp() {
    double[] spike = meanReversionPositions(55);
    assertEquals(0, spike[39], 0, "flat while prices wobble around their mean");
    assertEquals(-2 * 20, spike[41], 0, "short two clips (clip = 20 lots of XYZ at 50) after the spike");
    assertEquals(0, spike[60], 0, "flat again once the mean has caught up");

    double[] drop = meanReversionPositions(45);
    assertEquals(2 * 20, drop[41], 0, "long two clips after the drop");
    assertEquals(0, drop[60], 0);
  }

  @Test
  void marketMakerShouldBuyAtTheBidSellAtTheAskAndKeepItsInventoryBounded() {
    MarketMakerStrategy maker = new MarketMakerStrategy("mm", List.of(ABC, XYZ), REFERENCE, 1_000, 2, 0.9, 3);
    List<Execution> fills = new ArrayList<>();
    double maxAbsAbc = 0;
    for (long step = 1; step <= 2_000; step++) {
      Map<String, Quote> m = market(step, 100, 50);
      for (Execution e : maker.onQuotes(step, m)) {
        Quote q = m.get(e.symbol());
        assertEquals(e.side() == Side.BUY ? q.bid() : q.ask(), e.price(), 0, "maker price in " + e);
        fills.add(e);
      }
      maxAbsAbc = Math.max(maxAbsAbc, Math.abs(position(fills, "ABC")));
    }
    // ABC clip = max(1, floor(1000 / (10 × 100))) = 1 lot of 10; cap 2 lots = 20 units.
    assertTrue(maxAbsAbc <= 20, "inventory cap, was " + maxAbsAbc);
    assertTrue(fills.stream().anyMatch(e -> e.side() == Side.BUY) && fills.stream().anyMatch(e -> e.side() == Side.SELL));
    ExecutionAssertions.assertAllValid(fills, List.of(ABC, XYZ));
  }

  @Test
  void clipsPositionsAndGrossShouldBeSizedInUsdWithTheReferenceFxPairs() {
    Instrument toyota = new Instrument("7203.T", AssetClass.EQUITY, "JPY", 100, "", "");
    Instrument tsmc = new Instrument("2330.TW", AssetClass.EQUITY, "TWD", 1000, "", "");
    Instrument usdjpy = new Instrument("USDJPY", AssetClass.FX, "JPY", 1000, "", "");
    Map<String, Quote> reference = new HashMap<>(REFERENCE);
    reference.put("7203.T", quote(toyota, 2800, 0));
    reference.put("2330.TW", quote(tsmc, 900, 0));
    reference.put("USDJPY", quote(usdjpy, 150, 0));
    StrategyBook book = new MomentumStrategy("p", List.of(XYZ, toyota, usdjpy, tsmc), reference, 100_000, 5, 5)
        .book();

    assertEquals(3, book.size(), "2330.TW is not traded: no USDTWD or TWDUSD to size it in USD");
    assertEquals(2_000, book.clipLots(0), "XYZ: 100,000 USD / 50 USD");
    assertEquals(1.0 / 150, book.referenceFx(1), 1e-15);
    // One lot of 7203.T is 100 × 2800 JPY = 1,866.67 USD: floor(53.57) lots, not max(1, floor(100,000 / 280,000)).
    assertEquals(53, book.clipLots(1));
    // USDJPY (priced in JPY, base USD) is 1,000 USD a lot.
    assertEquals(100, book.clipLots(2));
    double usdPerClip1 = 53 * 100 * 2800 / 150.0;
    assertEquals(100_000, book.maxPositionNotional() / 5, 1e-6, "the largest position is XYZ's 5 clips, in USD");
    assertEquals(5 * (100_000 + usdPerClip1 + 100_000), book.maxGrossNotional(), 1e-3);
    assertEquals(100_000, book.maxClipNotional(), 1e-3,
        "the largest clip in USD (XYZ's and USDJPY's 100,000 USD): what the per-execution order-notional check "
            + "measures");
    assertEquals(100 * 1000, book.maxClipQuantity(), 0, "units, as before: 100 lots of 1,000 dollars");
  }

  @Test
  void strategiesShouldRefuseAStepThatDoesNotIncrease() {
    MomentumStrategy momentum = new MomentumStrategy("p", List.of(XYZ), REFERENCE, 1_000, 3, 5);
    momentum.onQuotes(5, market(5, 100, 50));
    assertThrows(IllegalArgumentException.class, () -> momentum.onQuotes(5, market(6, 100, 50)));
  }

  @Test
  void runawayShouldTradeExactlyLikeItsNormalStrategyBeforeItsStartStep() {
    MomentumStrategy twin = new MomentumStrategy("r", List.of(ABC, XYZ), REFERENCE, 1_000, 3, 5);
    RunawayStrategy runaway = new RunawayStrategy(new MomentumStrategy("r", List.of(ABC, XYZ), REFERENCE, 1_000, 3, 5),
        XYZ, Side.BUY, 100, 20, 1.25);
    for (long step = 1; step < 100; step++) {
      Map<String, Quote> m = market(step, 100 + (step % 2), 50 * Math.exp(0.002 * step + 0.001 * (step % 3)));
      assertEquals(twin.onQuotes(step, m), runaway.onQuotes(step, m), "step " + step);
      assertTrue(!runaway.isRunningAway(step));
    }
  }

  @Test
  void runawayShouldThenBuyEverGrowingSizeInOneDirection() {
    RunawayStrategy runaway = new RunawayStrategy(new MomentumStrategy("r", List.of(ABC, XYZ), REFERENCE, 1_000, 3, 5),
        XYZ, Side.BUY, 10, 20, 1.25);
    List<Execution> before = new ArrayList<>();
    List<Execution> after = new ArrayList<>();
    for (long step = 1; step < 50; step++) {
      List<Execution> fills = runaway.onQuotes(step, market(step, 100 + (step % 2), 50 + 0.1 * (step % 2)));
      (step < 10 ? before : after).addAll(fills);
    }

    assertEquals(40, after.size(), "one fill per step from step 10");
    double previous = 0;
    for (Execution e : after) {
      assertEquals("XYZ", e.symbol());
      assertEquals(Side.BUY, e.side());
      assertEquals("runaway", e.strategy());
      assertTrue(e.quantity() > previous, "growing: " + e.quantity() + " after " + previous);
      previous = e.quantity();
    }
    assertEquals(20, after.get(0).quantity(), 0);
    assertEquals(Math.ceil(20 * Math.pow(1.25, 39)), after.get(39).quantity(), 0);
    assertTrue(position(after, "XYZ") > 100 * 3 * 20, "a hundred times the normal cap within 40 steps");
    assertTrue(before.stream().allMatch(e -> e.strategy().equals(MomentumStrategy.NAME)));
    List<Execution> all = new ArrayList<>(before);
    all.addAll(after);
    ExecutionAssertions.assertAllValid(all, List.of(ABC, XYZ));
  }

  @Test
  void runawayShouldStopAddingOnceItsPositionWouldPassTheOverflowGuard() {
    RunawayStrategy runaway = new RunawayStrategy(new MomentumStrategy("r", List.of(XYZ), REFERENCE, 1_000, 3, 5),
        XYZ, Side.SELL, 1, 1_000_000, 2);
    double notional = 0;
    int quietSteps = 0;
    for (long step = 1; step <= 200; step++) {
      List<Execution> fills = runaway.onQuotes(step, market(step, 100, 50));
      if (fills.isEmpty()) {
        quietSteps++;
      }
      for (Execution e : fills) {
        assertEquals(Side.SELL, e.side());
        notional += e.notional();
      }
    }
    assertTrue(quietSteps > 0, "stopped at some point");
    assertTrue(notional <= RunawayStrategy.MAX_POSITION_NOTIONAL, "notional " + notional);
  }
}

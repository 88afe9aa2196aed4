package io.riskpulse.model.risk.liquidity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiquidityTest {

  @Test
  void shouldComputeDaysToLiquidateAtTheParticipationRate() {
    // 250,000 shares, ADV 1,000,000, 10% participation: 100,000 a day -> 2.5 days
    LiquidityEstimate days = DaysToLiquidate.of(-250_000, 1_000_000, 0.1);
    assertTrue(days.known());
    assertEquals(2.5, days.value(), 1e-12);
    assertEquals(0, DaysToLiquidate.of(0, 1_000_000, 0.1).value(), 0);
  }

  @Test
  void shouldReportUnknownDaysWhenAdvIsMissing() {
    LiquidityEstimate missing = DaysToLiquidate.of(100, Double.NaN, 0.1);
    assertFalse(missing.known());
    assertTrue(Double.isNaN(missing.value()));
    assertEquals("no average daily volume", missing.reason());
    assertFalse(DaysToLiquidate.of(100, 0, 0.1).known());
    assertFalse(DaysToLiquidate.of(100, -5, 0.1).known());
    assertThrows(IllegalArgumentException.class, () -> DaysToLiquidate.of(100, 1000, 0));

    Map<String, LiquidityEstimate> book = DaysToLiquidate.perPosition(
        Map.of("A", 1_000.0, "B", -30_000.0, "C", 5.0, "D", 0.0), Map.of("A", 10_000.0, "B", 100_000.0), 0.1);
    assertEquals(List.of("A", "B", "C"), List.copyOf(book.keySet()));
    assertEquals(1, book.get("A").value(), 1e-12);
    assertEquals(3, book.get("B").value(), 1e-12);
    assertEquals("no average daily volume for C", book.get("C").reason());
    LiquidityEstimate longest = DaysToLiquidate.longest(book);
    assertFalse(longest.known());
    assertEquals("C: no average daily volume for C", longest.reason());

    book = DaysToLiquidate.perPosition(Map.of("A", 1_000.0, "B", -30_000.0), Map.of("A", 10_000.0, "B", 100_000.0), 0.1);
    assertEquals(3, DaysToLiquidate.longest(book).value(), 1e-12);
  }

  @Test
  void shouldReproduceTheBangiaExample() {
    // constant 1% spread, V = 100, sigma = 2%, z = 1.65: VaR = 3.30, spread cost = 0.5 x 100 x 1% = 0.50
    double var = 1.65 * 0.02 * 100;
    assertEquals(3.30, var, 1e-12);
    LiquidityEstimate lvar = LiquidityAdjustedVar.of(var, 100, 0.01, 0, 1.65);
    assertTrue(lvar.known());
    assertEquals(3.80, lvar.value(), 1e-12);
    // the same from a history of constant spreads (sd 0)
    assertEquals(3.80, LiquidityAdjustedVar.fromSpreadHistory(var, 100, new double[] {0.01, 0.01, 0.01}, 3).value(),
        1e-12);
  }

  @Test
  void shouldAddTheSpreadVolatilityTerm() {
    // spreads 1%, 2%, 3%: mean 2%, sample sd 1%; a = 3: cost = 0.5 x 1000 x (0.02 + 0.03) = 25
    assertEquals(25, LiquidityAdjustedVar.spreadCost(-1000, 0.02, 0.01, 3).value(), 1e-12);
    assertEquals(125, LiquidityAdjustedVar.fromSpreadHistory(100, 1000, new double[] {0.01, Double.NaN, 0.02, 0.03}, 3)
        .value(), 1e-12);
    // portfolio: the costs add up
    LiquidityEstimate portfolio = LiquidityAdjustedVar.ofPortfolio(100, Map.of("A", 1000.0, "B", -2000.0),
        Map.of("A", 0.02, "B", 0.01), Map.of("A", 0.01, "B", 0.0), 3);
    assertEquals(100 + 25 + 10, portfolio.value(), 1e-12);
  }

  @Test
  void shouldReportUnknownLvarWhenTheSpreadIsMissing() {
    assertEquals("no bid-ask spread", LiquidityAdjustedVar.of(3.3, 100, Double.NaN, 0, 1.65).reason());
    assertEquals("no bid-ask spread observed",
        LiquidityAdjustedVar.fromSpreadHistory(3.3, 100, new double[] {Double.NaN}, 3).reason());
    assertFalse(LiquidityAdjustedVar.fromSpreadHistory(3.3, 100, new double[0], 3).known());
    assertEquals("VaR is NaN", LiquidityAdjustedVar.of(Double.NaN, 100, 0.01, 0, 3).reason());
    assertFalse(LiquidityAdjustedVar.of(3.3, 100, -0.01, 0, 3).known());
    LiquidityEstimate portfolio = LiquidityAdjustedVar.ofPortfolio(100, Map.of("A", 1000.0, "B", 5.0),
        Map.of("A", 0.02), Map.of("A", 0.01), 3);
    assertEquals("B: no bid-ask spread", portfolio.reason());
  }

  @Test
  void shouldCostTenBasisPointsForOnePercentOfAdvAtOnePercentVolatility() {
    LiquidityEstimate fraction = MarketImpact.costFraction(10_000, 1_000_000, 0.01, 1.0);
    assertEquals(0.001, fraction.value(), 1e-15);
    assertEquals(1_000, MarketImpact.cost(-1_000_000, -10_000, 1_000_000, 0.01, 1.0).value(), 1e-9);
    // four times the quantity costs twice as much per unit of notional
    assertEquals(0.002, MarketImpact.costFraction(40_000, 1_000_000, 0.01, 1.0).value(), 1e-15);
    assertEquals(0.0005, MarketImpact.costFraction(10_000, 1_000_000, 0.01, 0.5).value(), 1e-15);
  }

  @Test
  void shouldReportUnknownImpactWhenAdvOrVolatilityIsMissing() {
    assertEquals("no average daily volume", MarketImpact.cost(1e6, 1e4, Double.NaN, 0.01, 1).reason());
    assertFalse(MarketImpact.cost(1e6, 1e4, 0, 0.01, 1).known());
    assertFalse(MarketImpact.cost(1e6, 1e4, 1e6, Double.NaN, 1).known());
    assertFalse(MarketImpact.cost(Double.NaN, 1e4, 1e6, 0.01, 1).known());
  }

  @Test
  void shouldReadSettingsFromReferenceConfig() {
    assertEquals(LiquiditySettings.DEFAULTS, LiquiditySettings.fromConfig(ConfigFactory.defaultReference()));
    assertThrows(IllegalArgumentException.class, () -> new LiquiditySettings(0, 1, 3));
    assertThrows(IllegalArgumentException.class, () -> new LiquiditySettings(0.1, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> new LiquiditySettings(0.1, 1, -1));
  }
}

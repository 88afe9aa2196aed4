package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PositionTest {

  private static final double TOLERANCE = 1e-9;

  @Test
  void shouldAverageCostWhenAddingToALong() {
    Position position = Position.flat("SPY").apply(100, 10).apply(300, 14);
    assertEquals(400, position.quantity(), TOLERANCE);
    assertEquals(13, position.averageCost(), TOLERANCE); // (100*10 + 300*14) / 400
    assertEquals(0, position.realizedPnl(), TOLERANCE);
  }

  @Test
  void shouldRealizeOnPartialCloseAndKeepAverageCost() {
    Position position = Position.flat("SPY").apply(100, 10).apply(-40, 12.5);
    assertEquals(60, position.quantity(), TOLERANCE);
    assertEquals(10, position.averageCost(), TOLERANCE);
    assertEquals(100, position.realizedPnl(), TOLERANCE); // 40 * 2.5
  }

  @Test
  void shouldRealizeShortProfitWhenCoveringLower() {
    Position position = Position.flat("CL").apply(-50, 80).apply(50, 70);
    assertEquals(0, position.quantity(), TOLERANCE);
    assertEquals(0, position.averageCost(), TOLERANCE);
    assertEquals(500, position.realizedPnl(), TOLERANCE); // 50 * (80 - 70)
  }

  @Test
  void shouldOpenRemainderAtFillPriceWhenFlipping() {
    Position position = Position.flat("GLD").apply(10, 100).apply(-25, 90);
    assertEquals(-15, position.quantity(), TOLERANCE);
    assertEquals(90, position.averageCost(), TOLERANCE);
    assertEquals(-100, position.realizedPnl(), TOLERANCE); // 10 * (90 - 100)
  }

  @Test
  void shouldMarkUnrealizedForLongAndShort() {
    assertEquals(250, Position.flat("A").apply(100, 10).unrealizedPnl(12.5), TOLERANCE);
    assertEquals(-250, Position.flat("A").apply(-100, 10).unrealizedPnl(12.5), TOLERANCE);
  }

  @Test
  void shouldComeBackToFlatDespiteBinaryFractions() {
    Position position = Position.flat("BTCUSD").apply(0.1, 60_000).apply(0.2, 61_000).apply(-0.3, 62_000);
    assertEquals(0, position.quantity(), 0);
    assertEquals(0, position.averageCost(), 0);
    assertEquals(0.1 * 2_000 + 0.2 * 1_000, position.realizedPnl(), 1e-6);
  }
}

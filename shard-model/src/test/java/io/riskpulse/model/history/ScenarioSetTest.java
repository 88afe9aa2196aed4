package io.riskpulse.model.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioSetTest {

  private static final LocalDate START = LocalDate.of(2020, 4, 14);

  private static DailyPriceSeries daily(String symbol, double... closes) {
    List<LocalDate> dates = new ArrayList<>();
    for (int d = 0; d < closes.length; d++) {
      dates.add(START.plusDays(d));
    }
    return DailyPriceSeries.of(symbol, dates, closes);
  }

  private final PriceHistory history = PriceHistory.align(List.of(
      daily("SPX", 100, 102, 99, 101, 100, 105),
      daily("CL", 20, 19, 18, -37.63, 10, 12)), GapPolicy.DEFAULT);

  @Test
  void shouldTakeTheLastWindowEndingOnTheAsOfDateAsScenarios() {
    ScenarioSet set = ScenarioSet.of(history, START.plusDays(4), 3);

    assertEquals(3, set.scenarioCount());
    assertEquals(START.plusDays(2), set.scenarioDate(0));
    assertEquals(START.plusDays(4), set.asOf());
    assertEquals(ReturnType.RELATIVE, set.returnType(0));
    assertArrayEquals(new double[] {99.0 / 102 - 1, 101.0 / 99 - 1, 100.0 / 101 - 1}, set.shocks(0), 1e-15);
    assertEquals(ReturnType.ABSOLUTE, set.returnType(1));
    assertArrayEquals(new double[] {-1, -55.63, 47.63}, set.shocks(1), 1e-12);
  }

  @Test
  void shouldShockRelativeInstrumentsByAFractionAndAbsoluteOnesByAnAmount() {
    ScenarioSet set = ScenarioSet.of(history, START.plusDays(5), 3);

    // SPX scenario 0 is the move of day 3: 101 / 99 - 1, applied to today's price 105.
    assertEquals(105 * (101.0 / 99 - 1), set.pnlPerUnit(0, 0, 105), 1e-12);
    // CL scenario 1 is the move of day 4: +47.63 per barrel whatever today's price.
    assertEquals(47.63, set.pnlPerUnit(1, 1, 12), 1e-12);
    assertEquals(47.63, set.pnlPerUnit(1, 1, -5), 1e-12);
    assertEquals(2 * 105, set.exposure(0, 2, 105), 0);
    assertEquals(2, set.exposure(1, 2, 12), 0);
  }

  @Test
  void shouldRevalueAPortfolioAsTheSumOfItsPositionsPerScenario() {
    ScenarioSet set = ScenarioSet.of(history, START.plusDays(5), 5);
    double[] quantities = {10, -300};
    double[] prices = {105, 12};
    double[] pnl = new double[set.scenarioCount()];

    set.portfolioPnl(quantities, prices, pnl);

    for (int s = 0; s < set.scenarioCount(); s++) {
      double expected = 10 * set.pnlPerUnit(0, s, 105) - 300 * set.pnlPerUnit(1, s, 12);
      assertEquals(expected, pnl[s], 1e-9);
    }
  }

  @Test
  void shouldRefuseAWindowLongerThanTheHistory() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScenarioSet.of(history, START.plusDays(5), 6));
    assertTrue(e.getMessage().contains("need 7 aligned closes"), e.getMessage());
  }
}

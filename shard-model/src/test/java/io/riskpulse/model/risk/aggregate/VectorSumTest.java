package io.riskpulse.model.risk.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VectorSumTest {

  private static RiskVectorReport report(String member, String setId, double... pnl) {
    return new RiskVectorReport(member, "d", setId, pnl, List.of(), 1, 0, 1_000);
  }

  @Test
  void shouldFollowItsMembersOntoANewScenarioSetOnceNoneIsLeftOnTheOld() {
    VectorSum sum = new VectorSum();
    sum.update(report("P1", "old", 1, 2));
    sum.update(report("P2", "old", 10, 20));
    sum.update(report("P1", "new", 3, 4, 5)); // P1's node restarted on new history; P2 not yet
    assertEquals("old", sum.scenarioSetId());
    assertArrayEquals(new double[] {10, 20}, sum.sum());
    assertTrue(sum.problems(1_000, 30_000).stream().anyMatch(p -> p.contains("differs")), "a mixed desk is NaN");

    sum.update(report("P2", "new", 30, 40, 50)); // the last member moves: the desk follows
    assertEquals("new", sum.scenarioSetId());
    assertArrayEquals(new double[] {33, 44, 55}, sum.sum());
    assertEquals(List.of(), sum.problems(1_000, 30_000));
  }
}

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

  /** A report with exposures and intraday P&L, as of {@code asOfMillis}. */
  private static RiskVectorReport figures(String member, String setId, long asOfMillis, double gross, double net,
      double intradayPnl) {
    return new RiskVectorReport(member, "d", setId, new double[] {1, 2}, List.of(), 1, 0, asOfMillis, gross, net,
        intradayPnl);
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

  @Test
  void shouldSumExposuresAndIntradayPnlOfEveryMemberAndFailClosedOnAnUnknownOrStaleOne() {
    VectorSum sum = new VectorSum();
    sum.update(figures("P1", "set", 1_000, 100, -40, 5));
    sum.update(figures("P2", "set", 1_000, 50, 30, -20));
    AggregateRisk both = sum.risk("desk", "d", 1_000, 30_000);
    assertEquals(150, both.grossExposure(), 0);
    assertEquals(-10, both.netExposure(), 0);
    assertEquals(-15, both.intradayPnl(), 0);
    assertEquals(List.of(), both.exposureProblems());
    assertEquals(List.of(100.0, 50.0), both.members().stream().map(MemberRisk::grossExposure).toList());

    // A member over another scenario set cannot add its vector, but its exposures are real: they count.
    sum.update(new RiskVectorReport("P3", "d", "other", new double[] {1, 2, 3}, List.of(), 1, 0, 1_000, 10, 10, 1));
    AggregateRisk mixed = sum.risk("desk", "d", 1_000, 30_000);
    assertTrue(Double.isNaN(mixed.valueAtRisk99()));
    assertEquals(160, mixed.grossExposure(), 0);
    assertEquals(0, mixed.netExposure(), 0);
    assertEquals(-14, mixed.intradayPnl(), 0);

    // One unknown figure makes its own sum NaN, naming the member; the other sums stay numbers.
    sum.update(figures("P2", "set", 1_000, 50, 30, Double.NaN));
    AggregateRisk unknown = sum.risk("desk", "d", 1_000, 30_000);
    assertEquals(160, unknown.grossExposure(), 0);
    assertTrue(Double.isNaN(unknown.intradayPnl()));
    assertEquals(List.of("P2: intradayPnl unknown"), unknown.exposureProblems());

    // A stale member makes every sum NaN: its last figures may be anything by now.
    sum.update(figures("P2", "set", 1_000, 50, 30, -20));
    AggregateRisk stale = sum.risk("desk", "d", 31_001, 30_000);
    assertTrue(Double.isNaN(stale.grossExposure()) && Double.isNaN(stale.netExposure())
        && Double.isNaN(stale.intradayPnl()), stale.toString());
    assertEquals(List.of("P1: no report for 30001 ms", "P2: no report for 30001 ms", "P3: no report for 30001 ms"),
        stale.exposureProblems());
  }

  @Test
  void shouldReportNoExposureBeforeAnyMemberAndTreatAReportWithoutFiguresAsUnknown() {
    VectorSum sum = new VectorSum();
    AggregateRisk empty = sum.risk("desk", "d", 1_000, 30_000);
    assertTrue(Double.isNaN(empty.grossExposure()), "an empty aggregate is unknown, not 0");
    assertEquals(List.of("no member has reported"), empty.exposureProblems());

    sum.update(report("P1", "set", 1, 2)); // the constructor before the figures existed
    AggregateRisk old = sum.risk("desk", "d", 1_000, 30_000);
    assertTrue(Double.isNaN(old.grossExposure()) && Double.isNaN(old.netExposure())
        && Double.isNaN(old.intradayPnl()), old.toString());
    assertEquals(List.of("P1: grossExposure, netExposure, intradayPnl unknown"), old.exposureProblems());
  }
}

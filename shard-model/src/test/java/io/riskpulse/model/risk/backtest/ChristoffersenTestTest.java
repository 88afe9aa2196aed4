package io.riskpulse.model.risk.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChristoffersenTestTest {

  @Test
  void shouldCountTransitionsOfAHitSequence() {
    boolean[] hits = {false, false, true, true, false, false, false, true, false, false};
    // 0->0, 0->1, 1->1, 1->0, 0->0, 0->0, 0->1, 1->0, 0->0
    assertEquals(new TransitionCounts(4, 2, 2, 1), TransitionCounts.of(hits));
  }

  @Test
  void shouldBeZeroWhenTheConditionalRatesAreEqual() {
    // pi01 = 2/6, pi11 = 1/3, pi = 3/9: the Markov chain fits no better than independence
    assertEquals(0, ChristoffersenTest.independenceStatistic(new TransitionCounts(4, 2, 2, 1)), 1e-12);
  }

  @Test
  void shouldMatchAHandComputedStatistic() {
    // n00=5, n01=1, n10=1, n11=1: pi01 = 1/6, pi11 = 1/2, pi = 2/8
    double independent = 6 * Math.log(3.0 / 4) + 2 * Math.log(1.0 / 4);
    double markov = 5 * Math.log(5.0 / 6) + Math.log(1.0 / 6) + Math.log(1.0 / 2) + Math.log(1.0 / 2);
    double expected = -2 * (independent - markov);
    assertEquals(0.818039, expected, 1e-6);
    LikelihoodRatioTest test = ChristoffersenTest.independence(new TransitionCounts(5, 1, 1, 1), 0.05);
    assertEquals(expected, test.statistic(), 1e-12);
    assertEquals(0.365754, test.pValue(), 1e-6);
    assertFalse(test.rejected());
  }

  @Test
  void shouldHandleZeroCounts() {
    // no exception at all
    assertEquals(0, ChristoffersenTest.independenceStatistic(new TransitionCounts(249, 0, 0, 0)), 1e-12);
    // a single exception on the last day: no transition out of an exception
    assertEquals(0, ChristoffersenTest.independenceStatistic(new TransitionCounts(248, 1, 0, 0)), 1e-12);
    // no transitions
    assertEquals(0, ChristoffersenTest.independenceStatistic(new TransitionCounts(0, 0, 0, 0)), 1e-12);
    // every day an exception: n11 only, pi = pi11 = 1
    assertEquals(0, ChristoffersenTest.independenceStatistic(new TransitionCounts(0, 0, 0, 9)), 1e-12);
    // isolated exceptions (n11 = 0): pi11 = 0, with 0 ln 0 = 0
    double pi = 7.0 / 249;
    double pi01 = 7.0 / 242;
    double expected = -2 * (242 * Math.log(1 - pi) + 7 * Math.log(pi)
        - (235 * Math.log(1 - pi01) + 7 * Math.log(pi01)));
    assertEquals(expected, ChristoffersenTest.independenceStatistic(new TransitionCounts(235, 7, 7, 0)), 1e-9);
    assertEquals(0.405015, expected, 1e-6);
  }

  @Test
  void shouldRejectIndependenceForClusteredExceptions() {
    // 5 consecutive exceptions in 250 days: n00=243, n01=1, n10=1, n11=4
    boolean[] hits = new boolean[250];
    for (int i = 100; i < 105; i++) {
      hits[i] = true;
    }
    TransitionCounts counts = TransitionCounts.of(hits);
    assertEquals(new TransitionCounts(243, 1, 1, 4), counts);
    LikelihoodRatioTest independence = ChristoffersenTest.independence(counts, 0.05);
    assertEquals(30.9848, independence.statistic(), 1e-4);
    assertTrue(independence.rejected());

    LikelihoodRatioTest conditional = ChristoffersenTest.conditionalCoverage(250, 5, 0.01, counts, 0.05);
    assertEquals(KupiecTest.statistic(250, 5, 0.01) + independence.statistic(), conditional.statistic(), 1e-12);
    assertEquals(32.9416, conditional.statistic(), 1e-4);
    assertEquals(2, conditional.degreesOfFreedom());
    assertEquals(5.9915, conditional.criticalValue(), 1e-4);
    assertTrue(conditional.rejected());
    // chi2(2) survival is exp(-x/2)
    assertEquals(Math.exp(-conditional.statistic() / 2), conditional.pValue(), 1e-12);
  }

  @Test
  void shouldNotRejectConditionalCoverageJustBelowItsCriticalValue() {
    // 7 evenly spread exceptions: LR_uc 5.4970 rejects alone, but LR_cc = 5.4970 + 0.4050 = 5.9020 < 5.9915
    LikelihoodRatioTest conditional =
        ChristoffersenTest.conditionalCoverage(250, 7, 0.01, new TransitionCounts(235, 7, 7, 0), 0.05);
    assertEquals(5.902006, conditional.statistic(), 1e-6);
    assertFalse(conditional.rejected());
    assertEquals(0.052287, conditional.pValue(), 1e-6);
  }
}

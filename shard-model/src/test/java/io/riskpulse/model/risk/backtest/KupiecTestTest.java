package io.riskpulse.model.risk.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KupiecTestTest {

  private static final double ALPHA = 0.01;

  @ParameterizedTest(name = "N=250, x={0} -> LR {1}, reject {2}")
  @CsvSource({
      "0, 5.025, true",
      "4, 0.769, false",
      "6, 3.555, false",
      "7, 5.497, true",
      "10, 12.955, true"})
  void shouldMatchTheReferenceValuesFor250DaysAt99Percent(int exceptions, double expected, boolean reject) {
    LikelihoodRatioTest test = KupiecTest.test(250, exceptions, ALPHA, 0.05);
    assertEquals(expected, test.statistic(), 5e-4);
    assertEquals(reject, test.rejected());
    assertEquals(1, test.degreesOfFreedom());
  }

  @Test
  void shouldUseTheChiSquaredOneCriticalValueAndPValue() {
    LikelihoodRatioTest test = KupiecTest.test(250, 7, ALPHA, 0.05);
    assertEquals(3.8415, test.criticalValue(), 1e-4);
    // p = P(chi2(1) >= 5.49699) = erfc(sqrt(5.49699 / 2)) = 0.019049
    assertEquals(0.019049, test.pValue(), 1e-6);
  }

  @Test
  void shouldTakeTheLimitAtZeroExceptions() {
    // (x/N)^x -> 1 and (1 - x/N)^(N - x) -> 1: LR = -2 N ln(1 - alpha)
    assertEquals(-2 * 250 * Math.log(0.99), KupiecTest.statistic(250, 0, ALPHA), 1e-12);
  }

  @Test
  void shouldTakeTheLimitWhenEveryDayIsAnException() {
    // LR = -2 N ln(alpha), finite
    assertEquals(-2 * 250 * Math.log(ALPHA), KupiecTest.statistic(250, 250, ALPHA), 1e-9);
  }

  @Test
  void shouldBeZeroWhenTheObservedRateEqualsTheExpectedOne() {
    assertEquals(0, KupiecTest.statistic(500, 5, ALPHA), 1e-12);
    assertFalse(KupiecTest.test(500, 5, ALPHA, 0.05).rejected());
    assertEquals(1, KupiecTest.test(500, 5, ALPHA, 0.05).pValue(), 1e-12);
  }

  @Test
  void shouldRejectImpossibleCounts() {
    assertThrows(IllegalArgumentException.class, () -> KupiecTest.statistic(0, 0, ALPHA));
    assertThrows(IllegalArgumentException.class, () -> KupiecTest.statistic(10, 11, ALPHA));
    assertThrows(IllegalArgumentException.class, () -> KupiecTest.statistic(10, -1, ALPHA));
    assertThrows(IllegalArgumentException.class, () -> KupiecTest.statistic(10, 1, 0));
    assertTrue(KupiecTest.statistic(10, 1, 0.5) > 0);
  }
}

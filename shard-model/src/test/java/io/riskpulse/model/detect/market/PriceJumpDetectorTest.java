package io.riskpulse.model.detect.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import org.junit.jupiter.api.Test;

class PriceJumpDetectorTest {

  private final PriceJumpDetector detector =
      new PriceJumpDetector("SPY", MarketSurveillanceSettings.DEFAULTS.priceJump());

  @Test
  void staysQuietThroughADayOfBrownianMotion() {
    SyntheticDay day = new SyntheticDay(41);
    int jumps = 0;
    for (int i = 0; i < SyntheticDay.SECONDS; i++) {
      assertTrue(detector.update(day.mid[i], day.millis[i]));
      jumps += detector.finding(day.millis[i]) != null && detector.lastJump().atMillis() == day.millis[i] ? 1 : 0;
    }
    assertEquals(0, jumps);
    assertEquals(1e-4, detector.volatilityPerSqrtSecond(), 1e-5);
  }

  @Test
  void firesOnAnInjectedJumpAndHoldsItForItsHoldTime() {
    SyntheticDay day = new SyntheticDay(42);
    for (int i = 0; i < 1_000; i++) {
      detector.update(day.mid[i], day.millis[i]);
    }
    assertNull(detector.finding(day.millis[999]));
    long at = day.millis[999] + 1_000;
    detector.update(day.mid[999] * 0.99, at);
    DetectionSignal jump = detector.finding(at);
    assertNotNull(jump);
    assertEquals(Detector.PRICE_JUMP, jump.detector());
    assertEquals("PRICE_JUMP:SPY", jump.key());
    assertTrue(jump.score() > 50, "a 1% move is about 100 sigma of 1 bp: " + jump.score());
    assertTrue(jump.explanation().contains("-1.00%"), jump.explanation());
    assertNotNull(detector.finding(at + 30_000));
    assertNull(detector.finding(at + 30_001), "held 30 s");
  }

  @Test
  void aSecondJumpRightAfterTheFirstIsNotMissed() {
    SyntheticDay day = new SyntheticDay(43);
    for (int i = 0; i < 1_000; i++) {
      detector.update(day.mid[i], day.millis[i]);
    }
    double price = day.mid[999];
    long t = day.millis[999];
    detector.update(price *= 1.002, t += 1_000);
    long first = detector.lastJump().atMillis();
    assertEquals(t, first);
    for (int i = 0; i < 5; i++) {
      detector.update(price *= Math.exp(1e-4 * (i % 2 == 0 ? 1 : -1)), t += 1_000);
    }
    detector.update(price * 1.001, t += 1_000);
    assertEquals(t, detector.lastJump().atMillis(), "a 10-sigma move 6 s after a 20-sigma one");
  }

  @Test
  void aReopeningAfterSilenceIsJudgedAgainstTheLongerInterval() {
    for (int i = 0; i <= 1_000; i++) {
      detector.update(100 * Math.exp(1e-4 * (i % 2 == 0 ? 1 : -1)), i * 1_000L);
    }
    // 1 bp per √s: after an hour of silence a 0.3% move is 5 sigma, not 30
    detector.update(100 * Math.exp(1e-4) * 1.003, 1_000_000L + 3_600_000L);
    assertNull(detector.lastJump());
    // the same move one second later is a jump
    detector.update(100 * Math.exp(1e-4) * 1.003 * 1.003, 1_000_000L + 3_601_000L);
    assertNotNull(detector.lastJump());
  }

  @Test
  void ignoresGarbageAndOutOfOrderPrices() {
    assertTrue(detector.update(100, 10_000));
    assertFalse(detector.update(Double.NaN, 11_000));
    assertFalse(detector.update(Double.POSITIVE_INFINITY, 11_000));
    assertFalse(detector.update(0, 11_000));
    assertFalse(detector.update(-37.63, 11_000));
    assertFalse(detector.update(100, 9_000), "stamped before the previous price");
    assertTrue(detector.update(100, 11_000));
  }
}

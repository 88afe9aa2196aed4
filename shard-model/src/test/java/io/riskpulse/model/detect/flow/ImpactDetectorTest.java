package io.riskpulse.model.detect.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.portfolio.Side;
import org.junit.jupiter.api.Test;

/** Slippage against the arrival mid and the square-root model, and the share of the traded volume. */
class ImpactDetectorTest {

  private final ImpactDetector detector = new ImpactDetector(ImpactSettings.DEFAULTS);

  @Test
  void shouldMeasureSlippageInBasisPointsSignedSoThatPayingUpIsPositive() {
    DetectionSignal buy = detector.judgeFill("s", "SPY", Side.BUY, 100, 101, 99.99, 100.01, Double.NaN, Double.NaN,
        1);
    assertNotNull(buy);
    assertEquals(100, buy.score(), 1e-6, "101 against a mid of 100 is 100 bp");
    assertEquals(50, buy.threshold(), 1e-9, "3 x 1 bp half spread is below the 50 bp floor");
    assertNull(detector.judgeFill("s", "SPY", Side.SELL, 100, 101, 99.99, 100.01, Double.NaN, Double.NaN, 1),
        "selling above the mid is price improvement");
    DetectionSignal sell = detector.judgeFill("s", "SPY", Side.SELL, 100, 99, 99.99, 100.01, Double.NaN, Double.NaN,
        1);
    assertEquals(100, sell.score(), 1e-6);
    assertEquals(Detector.SLIPPAGE, sell.detector());
  }

  @Test
  void shouldExpectTheSquareRootImpactOfALargeOrder() {
    // σ 2%, Q = 25% of ADV: impact = 0.02 x sqrt(0.25) = 1% = 100 bp; with 1 bp half spread the bound is 3 x 101.
    double adv = 1_000_000;
    assertNull(detector.judgeFill("s", "SPY", Side.BUY, 250_000, 102.5, 99.99, 100.01, adv, 0.02, 1),
        "250 bp is within 3 x the 101 bp expected");
    DetectionSignal finding = detector.judgeFill("s", "SPY", Side.BUY, 250_000, 103.1, 99.99, 100.01, adv, 0.02, 1);
    assertNotNull(finding, "310 bp is beyond 303 bp");
    assertEquals(303, finding.threshold(), 1e-6);
    assertTrue(finding.explanation().contains("square-root impact 100.0 bp"), finding.explanation());
  }

  @Test
  void shouldIgnoreFillsWithoutAUsableMid() {
    assertNull(detector.judgeFill("s", "SPY", Side.BUY, 100, 150, Double.NaN, 100.01, Double.NaN, Double.NaN, 1));
    assertNull(detector.judgeFill("s", "SPY", Side.BUY, 100, 150, 101, 100, Double.NaN, Double.NaN, 1), "crossed");
  }

  @Test
  void shouldFindAShareOfTheVolumeBeyondTheBoundOnceTheWindowIsCovered() {
    // The market trades 1,000 units a second; the portfolio fills 100 a second (10%) for two minutes.
    double market = 0;
    for (int s = 0; s < 120; s++) {
      market += 1_000;
      assertNull(detector.recordFill("SPY", 100, market, s * 1000L), "10% is within 25%");
    }
    // Now 500 a second while the market trades 1,000: the share climbs to 50% over the next minute.
    DetectionSignal finding = null;
    for (int s = 120; s < 240 && finding == null; s++) {
      market += 1_000;
      finding = detector.recordFill("SPY", 500, market, s * 1000L);
    }
    assertNotNull(finding);
    assertEquals(Detector.VOLUME_SHARE, finding.detector());
    assertTrue(finding.score() > 0.25 && finding.score() <= 1, finding.toString());
    assertEquals("VOLUME_SHARE:SPY", finding.key());
  }

  @Test
  void shouldNotJudgeTheShareWithoutMarketVolume() {
    for (int s = 0; s < 200; s++) {
      assertNull(detector.recordFill("SPY", 10_000, Double.NaN, s * 1000L));
    }
  }
}

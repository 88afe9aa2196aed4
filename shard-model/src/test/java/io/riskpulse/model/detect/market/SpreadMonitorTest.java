package io.riskpulse.model.detect.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import org.junit.jupiter.api.Test;

class SpreadMonitorTest {

  private final SpreadMonitor monitor = new SpreadMonitor("SPY", MarketSurveillanceSettings.DEFAULTS.spread());

  @Test
  void staysQuietThroughADayOfTickNoisySpreads() {
    SyntheticDay day = new SyntheticDay(11);
    int findings = 0;
    for (int i = 0; i < SyntheticDay.SECONDS; i++) {
      assertTrue(monitor.update(day.bid[i], day.ask[i], day.millis[i]));
      findings += monitor.finding() == null ? 0 : 1;
    }
    assertEquals(0, findings);
  }

  @Test
  void firesWhileTheSpreadIsBlownOutAndExplainsInBasisPoints() {
    SyntheticDay day = new SyntheticDay(12);
    for (int i = 0; i < 1_000; i++) {
      monitor.update(day.bid[i], day.ask[i], day.millis[i]);
    }
    assertNull(monitor.finding());
    for (int i = 1_000; i < 1_030; i++) {
      monitor.update(day.mid[i] - 0.05, day.mid[i] + 0.05, day.millis[i]);
      DetectionSignal finding = monitor.finding();
      assertNotNull(finding, "blown-out quote " + i);
      assertEquals(Detector.SPREAD, finding.detector());
      assertEquals("SPREAD:SPY", finding.key());
      assertTrue(finding.score() > finding.threshold());
      assertTrue(finding.explanation().contains(" bp"), finding.explanation());
    }
    monitor.update(day.bid[1_030], day.ask[1_030], day.millis[1_030]);
    assertNull(monitor.finding(), "back to normal");
  }

  @Test
  void isQuietDuringItsWarmUp() {
    for (int i = 0; i < 50; i++) {
      monitor.update(99.995, 100.005, i);
    }
    monitor.update(99.5, 100.5, 50);
    assertNull(monitor.finding());
  }

  @Test
  void ignoresNonFiniteNonPositiveAndCrossedPrices() {
    assertFalse(monitor.update(Double.NaN, 100, 1));
    assertFalse(monitor.update(100, Double.POSITIVE_INFINITY, 1));
    assertFalse(monitor.update(0, 100, 1));
    assertFalse(monitor.update(-1, 100, 1));
    assertFalse(monitor.update(100.1, 100, 1));
    assertTrue(monitor.update(100, 100, 1), "a locked market is a zero spread");
    assertEquals(0, monitor.lastSpread());
  }
}

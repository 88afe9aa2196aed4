package io.riskpulse.model.detect.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings.CrossedBookSettings;
import org.junit.jupiter.api.Test;

class CrossedBookMonitorTest {

  private final CrossedBookMonitor monitor = new CrossedBookMonitor("SPY", new CrossedBookSettings(3, 1_000));

  @Test
  void firesAtTheCountWithinTheWindow() {
    monitor.record(10_000);
    monitor.record(10_400);
    assertNull(monitor.finding(10_500));
    monitor.record(10_900);
    DetectionSignal finding = monitor.finding(10_900);
    assertNotNull(finding);
    assertEquals(Detector.CROSSED_BOOK, finding.detector());
    assertEquals("CROSSED_BOOK:SPY", finding.key());
    assertEquals(3, finding.score());
    assertEquals(3, finding.threshold());
  }

  @Test
  void anEventExactlyOneWindowOldHasLeftIt() {
    monitor.record(10_000);
    monitor.record(10_500);
    monitor.record(10_999);
    assertNotNull(monitor.finding(10_999), "window (9999, 10999]");
    assertEquals(3, monitor.countWithin(10_999));
    assertNull(monitor.finding(11_000), "window (10000, 11000]: the first has left");
    assertEquals(2, monitor.countWithin(11_000));
  }

  @Test
  void spreadOutCrossedBooksNeverFire() {
    for (long t = 0; t < 100_000; t += 600) {
      monitor.record(t);
      assertNull(monitor.finding(t));
    }
    assertEquals(167, monitor.total());
  }

  @Test
  void outOfOrderArrivalsCountByTheirTimestamps() {
    monitor.record(10_900);
    monitor.record(10_100);
    monitor.record(10_500);
    assertNotNull(monitor.finding(11_000));
    assertEquals(2, monitor.countWithin(11_200));
  }

  @Test
  void memoryIsBoundedButTheRuleStillHolds() {
    for (int i = 0; i < 10_000; i++) {
      monitor.record(50_000 - i);
    }
    assertEquals(10_000, monitor.total());
    assertEquals(12, monitor.countWithin(50_000), "4 x count kept");
    assertNotNull(monitor.finding(50_000));
  }
}

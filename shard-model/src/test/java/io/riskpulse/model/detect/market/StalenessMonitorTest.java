package io.riskpulse.model.detect.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import org.junit.jupiter.api.Test;

class StalenessMonitorTest {

  private final StalenessMonitor monitor = new StalenessMonitor("SPY", MarketSurveillanceSettings.DEFAULTS.staleness());

  @Test
  void firesOnlyOnceSilenceExceedsTenNormalIntervals() {
    for (int i = 0; i <= 100; i++) {
      monitor.update(i * 1_000L);
    }
    assertEquals(1_000, monitor.normalIntervalMillis(), 1e-9);
    assertNull(monitor.finding(100_000L));
    assertNull(monitor.finding(110_000L), "exactly ten intervals is not yet stale");
    DetectionSignal stale = monitor.finding(110_001L);
    assertNotNull(stale);
    assertEquals(Detector.STALE_BOOK, stale.detector());
    assertEquals("STALE_BOOK:SPY", stale.key());
    assertEquals(10.001, stale.score(), 1e-9);
    assertEquals(10, stale.threshold(), 1e-9);
    monitor.update(110_500L);
    assertNull(monitor.finding(110_500L), "an update ends the silence");
  }

  @Test
  void aBusyInstrumentIsStaleOnlyBeyondTheFloor() {
    for (int i = 0; i <= 100; i++) {
      monitor.update(i * 10L);
    }
    assertNull(monitor.finding(1_000L + 2_000L));
    assertNotNull(monitor.finding(1_000L + 2_001L));
  }

  @Test
  void staysQuietThroughADayOfJitteredSecondUpdates() {
    SyntheticDay day = new SyntheticDay(51);
    java.util.Random jitter = new java.util.Random(51);
    int findings = 0;
    for (int i = 0; i < SyntheticDay.SECONDS; i++) {
      long t = day.millis[i] + jitter.nextInt(900);
      monitor.update(t);
      findings += monitor.finding(t + 999) == null ? 0 : 1;
    }
    assertEquals(0, findings);
  }

  @Test
  void aLongSilenceDoesNotBecomeTheNorm() {
    for (int i = 0; i <= 100; i++) {
      monitor.update(i * 1_000L);
    }
    monitor.update(100_000L + 3_600_000L);
    // clamped at ten intervals, the hour weighs like a 10 s interval: + 9,000 / Σweights (73.4 after 101 updates
    // with a half-life of 100); unclamped it would have moved the norm to about 50 s
    double weights = (1 - Math.pow(2, -101 / 100.0)) / (1 - Math.pow(2, -1 / 100.0));
    assertEquals(1_000 + 9_000 / weights, monitor.normalIntervalMillis(), 1e-6);
  }

  @Test
  void isQuietBeforeItsWarmUpAndIgnoresOutOfOrderUpdates() {
    for (int i = 0; i < 20; i++) {
      monitor.update(i * 1_000L);
    }
    assertNull(monitor.finding(1_000_000L), "19 intervals: pace unknown");
    assertFalse(monitor.update(5_000L));
    monitor.update(20_000L);
    assertNotNull(monitor.finding(1_000_000L));
  }
}

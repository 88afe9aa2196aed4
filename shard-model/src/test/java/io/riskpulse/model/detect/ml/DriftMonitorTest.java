package io.riskpulse.model.detect.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {

  private final Random random = new Random(11);

  private DriftMonitor monitor() {
    return new DriftMonitor(2_000, 1_000, 0.25, 0.01);
  }

  private void feed(DriftMonitor monitor, int points, double mean, double alertRate) {
    for (int i = 0; i < points; i++) {
      monitor.record(mean + 0.2 * random.nextGaussian(), random.nextDouble() < alertRate);
    }
  }

  @Test
  void shouldNotJudgeUntilBothWindowsAreFull() {
    DriftMonitor monitor = monitor();
    feed(monitor, 1_500, 0.7, 0);
    DriftStatus status = monitor.assess(1);
    assertFalse(status.drifted());
    assertTrue(Double.isNaN(status.statistic()));
    assertTrue(status.reason().contains("1500 of 2000"), status.reason());
    feed(monitor, 1_000, 5, 0);
    assertFalse(monitor.assess(2).drifted()); // the recent window holds only 500 scores
  }

  @Test
  void shouldStayQuietOnAStableScoreDistribution() {
    DriftMonitor monitor = monitor();
    feed(monitor, 2_500, 0.7, 0.001);
    for (int check = 0; check < 20; check++) {
      feed(monitor, 500, 0.7, 0.001);
      DriftStatus status = monitor.assess(check);
      assertFalse(status.drifted(), status.reason());
      assertTrue(status.statistic() < 0.1, status.reason());
    }
  }

  @Test
  void shouldReportDriftWhenScoresComeFromAShiftedDistribution() {
    DriftMonitor monitor = monitor();
    feed(monitor, 2_000, 0.7, 0);
    feed(monitor, 1_000, 0.9, 0); // one standard deviation higher
    DriftStatus status = monitor.assess(42);
    assertTrue(status.drifted(), status.reason());
    assertTrue(status.shifted());
    assertTrue(status.statistic() > 0.3, status.reason());
    assertTrue(status.reason().contains("score distribution shifted"), status.reason());

    DetectionSignal signal = status.toSignal("momentum");
    assertEquals(Detector.MODEL_DRIFT, signal.detector());
    assertEquals("MODEL_DRIFT:momentum", signal.key());
    assertEquals(status.statistic(), signal.score());
    assertEquals(0.25, signal.threshold());
    assertEquals(42, signal.atMillis());
  }

  @Test
  void shouldReportDriftWhenTheAlertRateExceedsItsBound() {
    DriftMonitor monitor = monitor();
    feed(monitor, 2_000, 0.7, 0.001);
    feed(monitor, 1_000, 0.7, 0.05);
    DriftStatus status = monitor.assess(1);
    assertTrue(status.drifted(), status.reason());
    assertFalse(status.shifted());
    assertTrue(status.recentAlertRate() > 0.01);
    assertEquals(status.recentAlertRate(), status.toSignal("momentum").score());
  }

  @Test
  void shouldGoQuietAfterRebasingOnTheNewRegime() {
    DriftMonitor monitor = monitor();
    feed(monitor, 2_000, 0.7, 0);
    feed(monitor, 1_000, 1.2, 0);
    assertTrue(monitor.assess(1).drifted());
    assertFalse(monitor.assess(2).drifted()); // rebased: reported once
    for (int check = 0; check < 10; check++) {
      feed(monitor, 500, 1.2, 0); // the new regime goes on
      assertFalse(monitor.assess(3 + check).drifted());
    }
  }
}

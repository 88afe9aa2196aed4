package io.riskpulse.model.detect.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.portfolio.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The runaway detector judges each strategy against its own norm, on the event that makes the burst. */
class RunawayDetectorTest {

  private static final long T0 = 1_795_680_000_000L;

  private final List<OrderFlowFeatures> completed = new ArrayList<>();
  private final RunawayDetector detector = new RunawayDetector(RunawaySettings.DEFAULTS,
      (strategy, second, features) -> completed.add(features));

  /** A market maker's day: Poisson-like quotes and cancels, fills both ways; returns the findings. */
  private List<DetectionSignal> normalFlow(String strategy, long fromSecond, int seconds, SplittableRandom random) {
    List<DetectionSignal> findings = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      long base = T0 + (fromSecond + s) * 1000;
      int orders = random.nextInt(0, 7);
      for (int i = 0; i < orders; i++) {
        long at = base + i * 100L;
        detector.onOrder(strategy, OrderAction.NEW, 100 + random.nextInt(50), 100, at);
        add(findings, detector.judge(strategy, at));
        detector.onOrder(strategy, OrderAction.CANCEL, 0, 0, at + 50);
        add(findings, detector.judge(strategy, at + 50));
      }
      if (random.nextInt(4) == 0) {
        detector.onFill(strategy, "SPY", random.nextBoolean() ? Side.BUY : Side.SELL, 100, 100, base + 900);
        add(findings, detector.judge(strategy, base + 900));
      }
    }
    return findings;
  }

  private static void add(List<DetectionSignal> findings, DetectionSignal finding) {
    if (finding != null) {
      findings.add(finding);
    }
  }

  @Test
  void shouldStayQuietOnAStrategysOwnNormalFlowForATradingDay() {
    List<DetectionSignal> findings = normalFlow("mm", 0, 23_400, new SplittableRandom(7));
    assertEquals(List.of(), findings, "a normal day raises nothing");
  }

  @Test
  void shouldFindAMessageBurstOnTheMessageThatMakesItAndAttributeIt() {
    normalFlow("mm", 0, 600, new SplittableRandom(11));
    long burst = T0 + 600_000;
    DetectionSignal finding = null;
    int sent = 0;
    while (finding == null && sent < 200) {
      detector.onOrder("mm", OrderAction.NEW, 100, 100, burst + sent);
      finding = detector.judge("mm", burst + sent);
      sent++;
    }
    assertNotNull(finding, "200 orders in one second against a norm of ~3 must be found");
    assertTrue(sent < 60, "found after " + sent + " orders");
    assertEquals(Detector.RUNAWAY, finding.detector());
    assertEquals("RUNAWAY:mm", finding.key());
    assertTrue(finding.score() >= RunawaySettings.DEFAULTS.zThreshold());
    assertTrue(finding.attribution().containsKey("newOrdersPerSecond"), finding.attribution().toString());
    assertEquals(1.0, finding.attribution().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
  }

  @Test
  void shouldFindARunOfOneWayFillsAndAFatFingerOrder() {
    normalFlow("mm", 0, 600, new SplittableRandom(13));
    long at = T0 + 600_000;
    DetectionSignal run = null;
    for (int i = 0; i < 30 && run == null; i++) {
      detector.onFill("mm", "SPY", Side.BUY, 100, 100, at + i * 10L);
      run = detector.judge("mm", at + i * 10L);
    }
    assertNotNull(run, "30 buys in a row against a two-way norm");
    assertTrue(run.attribution().containsKey("oneWayFills") || run.attribution().containsKey("netNotional"),
        run.toString());

    RunawayDetector fresh = new RunawayDetector(RunawaySettings.DEFAULTS, (s, t, f) -> { });
    for (int s = 0; s < 600; s++) {
      fresh.onOrder("algo", OrderAction.NEW, 100, 100, T0 + s * 1000L);
      assertNull(fresh.judge("algo", T0 + s * 1000L));
    }
    fresh.onOrder("algo", OrderAction.NEW, 100_000, 100, T0 + 600_000);
    DetectionSignal fatFinger = fresh.judge("algo", T0 + 600_000);
    assertNotNull(fatFinger, "an order 1,000 times the usual size");
    assertTrue(fatFinger.attribution().containsKey("largestOrderNotional"), fatFinger.toString());
  }

  @Test
  void shouldNotJudgeBeforeWarmUpNorLetOneStrategysBurstTouchAnother() {
    for (int i = 0; i < 500; i++) {
      detector.onOrder("new-algo", OrderAction.NEW, 100, 100, T0 + i);
      assertNull(detector.judge("new-algo", T0 + i), "no norm yet");
    }
    normalFlow("a", 0, 600, new SplittableRandom(3));
    normalFlow("b", 0, 600, new SplittableRandom(4));
    for (int i = 0; i < 200; i++) {
      detector.onOrder("a", OrderAction.NEW, 100, 100, T0 + 600_000 + i);
    }
    assertNotNull(detector.judge("a", T0 + 600_199));
    assertNull(detector.judge("b", T0 + 600_199));
  }

  @Test
  void shouldReportEveryCompletedActiveSecondInTimeOrder() {
    detector.onOrder("x", OrderAction.NEW, 1, 1, T0);
    detector.onOrder("x", OrderAction.NEW, 1, 1, T0 + 10);
    detector.onOrder("x", OrderAction.NEW, 1, 1, T0 + 1_500);
    assertEquals(1, completed.size());
    assertEquals(2, completed.get(0).newOrdersPerSecond());
    detector.onOrder("x", OrderAction.NEW, 1, 1, T0 + 5_000);
    assertEquals(2, completed.size(), "idle seconds feed the norm but are not reported as samples");
  }

  @Test
  void shouldGiveTheSameFindingsForTheSameInputs() {
    RunawayDetector other = new RunawayDetector(RunawaySettings.DEFAULTS, (s, t, f) -> { });
    SplittableRandom a = new SplittableRandom(5);
    SplittableRandom b = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      long at = T0 + i * 37L;
      double qty = a.nextInt(1, 1000);
      b.nextInt(1, 1000);
      detector.onOrder("s", OrderAction.NEW, qty, 100, at);
      other.onOrder("s", OrderAction.NEW, qty, 100, at);
      assertEquals(detector.judge("s", at), other.judge("s", at));
    }
  }
}

package io.riskpulse.model.detect.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.market.BookState;
import org.junit.jupiter.api.Test;

class DepthMonitorTest {

  private final DepthMonitor monitor = new DepthMonitor("SPY", MarketSurveillanceSettings.DEFAULTS.depth());

  /** A five-level book with {@code total} spread evenly over its ten levels, plus a sixth level that is not summed. */
  static BookState book(String symbol, double total, long millis) {
    double level = total / 10;
    double[] prices = {100, 99.99, 99.98, 99.97, 99.96, 99.95};
    double[] askPrices = {100.01, 100.02, 100.03, 100.04, 100.05, 100.06};
    double[] quantities = {level, level, level, level, level, 1e9};
    return new BookState(symbol, prices, quantities, askPrices, quantities.clone(), 0, millis);
  }

  @Test
  void staysQuietThroughADayOfNoisyDepth() {
    SyntheticDay day = new SyntheticDay(21);
    int findings = 0;
    for (int i = 0; i < SyntheticDay.SECONDS; i++) {
      assertTrue(monitor.update(book("SPY", day.depth[i], day.millis[i])));
      findings += monitor.finding() == null ? 0 : 1;
    }
    assertEquals(0, findings);
    assertEquals(5_000 * Math.exp(0.045), monitor.normalDepth(), 1_000, "only the top five levels count");
  }

  @Test
  void firesWhenDepthCollapsesBelowAFifthOfItsNorm() {
    SyntheticDay day = new SyntheticDay(22);
    for (int i = 0; i < 500; i++) {
      monitor.update(book("SPY", day.depth[i], day.millis[i]));
    }
    monitor.update(book("SPY", 0.25 * monitor.normalDepth(), day.millis[500]));
    assertNull(monitor.finding(), "a quarter of the norm is thin, not collapsed");
    monitor.update(book("SPY", 0.1 * monitor.normalDepth(), day.millis[501]));
    DetectionSignal finding = monitor.finding();
    assertNotNull(finding);
    assertEquals(Detector.DEPTH, finding.detector());
    assertEquals(0.9, finding.score(), 0.02);
    assertEquals(0.8, finding.threshold(), 1e-12);
  }

  @Test
  void anEmptyBookIsTheDeepestCollapse() {
    for (int i = 0; i < 200; i++) {
      monitor.update(book("SPY", 5_000, i));
    }
    assertTrue(monitor.update(new BookState("SPY", new double[0], new double[0], new double[0], new double[0], 0, 200)));
    assertEquals(1.0, monitor.finding().score(), 1e-12);
  }

  @Test
  void ignoresBooksWithNegativeOrNonFiniteQuantities() {
    BookState negative = new BookState("SPY", new double[] {100}, new double[] {-5}, new double[] {101},
        new double[] {5}, 0, 1);
    BookState nan = new BookState("SPY", new double[] {100}, new double[] {5}, new double[] {101},
        new double[] {Double.NaN}, 0, 1);
    assertFalse(monitor.update(negative));
    assertFalse(monitor.update(nan));
    assertFalse(monitor.update(null));
    assertEquals(0, monitor.normalDepth());
  }
}

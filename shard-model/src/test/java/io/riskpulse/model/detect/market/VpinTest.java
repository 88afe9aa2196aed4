package io.riskpulse.model.detect.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.detect.market.MarketSurveillanceSettings.VpinSettings;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class VpinTest {

  private static final NormalDistribution PHI = new NormalDistribution();

  /** n = 3 buckets of 100, one-second bars, equal weights for σ_ΔP, fires above the median after one value. */
  private static final VpinSettings TINY = new VpinSettings(3, 50, 0, 1_000, 1e15, 10, 1, 0.5, 0);

  @Test
  void matchesAHandComputationOnThreeBuckets() {
    Vpin vpin = new Vpin("X", TINY, 100);
    // bar 0: 50 @ 100 (no previous close: split evenly)
    vpin.onTrade(100, 50, 0);
    // bar 1: 50 @ 101; closing bar 0 puts 25 buy / 25 sell in bucket 1
    vpin.onTrade(101, 50, 1_000);
    // bar 2: closing bar 1 (ΔP = +1, no σ yet: split evenly) completes bucket 1: imbalance 0
    vpin.onTrade(100.5, 100, 2_000);
    // bar 3: closing bar 2 (ΔP = -0.5, one ΔP only: split evenly) completes bucket 2: imbalance 0
    vpin.onTrade(102, 100, 3_000);
    assertEquals(2, vpin.completedBuckets());
    assertTrue(Double.isNaN(vpin.vpin()), "no VPIN before n buckets");
    // bar 4: closing bar 3 (ΔP = +1.5; σ of {1, -0.5} = 0.75; z = 2) completes bucket 3
    vpin.onTrade(101, 60, 4_000);
    double buy3 = 100 * PHI.cumulativeProbability(2.0);
    double imbalance3 = Math.abs(buy3 - (100 - buy3));
    double first = (0 + 0 + imbalance3) / 300;
    assertEquals(0.318166, first, 1e-6);
    assertEquals(first, vpin.vpin(), 1e-12);
    assertTrue(Double.isNaN(vpin.percentile()), "no history yet");
    assertNull(vpin.finding());
    // bar 5: 40 @ 101, closing bar 4 (ΔP = -1; σ of {1, -0.5, 1.5}: mean 2/3, variance 13/18) fills 60 of bucket 4
    vpin.onTrade(101, 40, 5_000);
    // bar 6: closing bar 5 (ΔP = 0: Φ(0) = 1/2) completes bucket 4
    vpin.onTrade(101, 1, 6_000);
    double buy4 = 60 * PHI.cumulativeProbability(-1 / Math.sqrt(13.0 / 18)) + 40 * 0.5;
    double imbalance4 = Math.abs(buy4 - (100 - buy4));
    double second = (0 + imbalance3 + imbalance4) / 300;
    assertEquals(0.470303, second, 1e-6);
    assertEquals(second, vpin.vpin(), 1e-12);
    assertEquals(1.0, vpin.percentile(), 1e-12, "above the single earlier value");
    assertNotNull(vpin.finding());
    assertEquals(Detector.VPIN, vpin.finding().detector());
    assertEquals("VPIN:X", vpin.finding().key());
  }

  private static final VpinSettings TEN_SECOND_BARS = new VpinSettings(50, 50, 0, 10_000, 1_000, 2_000, 50, 0.9, 0.4);

  @Test
  void balancedRandomFlowGivesALowVpinAndNoFinding() {
    SyntheticDay day = new SyntheticDay(31);
    // 20 ten-second bars of ~113 each per bucket: 432 buckets in the day
    Vpin vpin = new Vpin("X", TEN_SECOND_BARS, 20 * 10 * 100 * Math.exp(0.125));
    int findings = 0;
    double highest = 0;
    long completed = 0;
    for (int i = 0; i < SyntheticDay.SECONDS; i++) {
      vpin.onTrade(day.tradePrice[i], day.tradeQuantity[i], day.millis[i]);
      if (vpin.completedBuckets() != completed) {
        completed = vpin.completedBuckets();
        findings += vpin.finding() == null ? 0 : 1;
        highest = Double.isNaN(vpin.vpin()) ? highest : Math.max(highest, vpin.vpin());
      }
    }
    assertTrue(completed > 400, "buckets " + completed);
    assertTrue(highest < 0.25, "highest VPIN " + highest);
    assertEquals(0, findings);
  }

  @Test
  void oneSidedFlowDrivesVpinTowardsOneAndFires() {
    Random random = new Random(32);
    Vpin vpin = new Vpin("X", TEN_SECOND_BARS, 10_000);
    double price = 100;
    long t = 0;
    for (; t < 40_000_000L; t += 1_000) {
      price *= Math.exp(1e-4 * random.nextGaussian());
      vpin.onTrade(price, 50 + random.nextInt(100), t);
    }
    assertTrue(vpin.vpin() < 0.3, "balanced first: " + vpin.vpin());
    assertNull(vpin.finding());
    boolean fired = false;
    for (long end = t + 6_000_000L; t < end; t += 1_000) {
      price *= Math.exp(2e-4 + 1e-5 * random.nextGaussian());
      vpin.onTrade(price, 50 + random.nextInt(100), t);
      fired |= vpin.finding() != null;
    }
    assertTrue(vpin.vpin() > 0.95, "one-sided: " + vpin.vpin());
    assertTrue(fired);
    assertTrue(vpin.finding().score() > 0.9);
  }

  @Test
  void needsItsMinimumHistoryBeforeFiring() {
    Vpin vpin = new Vpin("X", new VpinSettings(3, 50, 0, 1_000, 1e15, 10, 5, 0.5, 0), 100);
    double price = 100;
    for (int bar = 0; bar < 8; bar++) {
      price += 1 + bar;
      vpin.onTrade(price, 100, bar * 1_000L);
      assertNull(vpin.finding(), "bar " + bar);
    }
  }

  @Test
  void ignoresGarbageTrades() {
    Vpin vpin = new Vpin("X", TINY, 100);
    assertFalse(vpin.onTrade(Double.NaN, 10, 0));
    assertFalse(vpin.onTrade(100, Double.NaN, 0));
    assertFalse(vpin.onTrade(100, 0, 0));
    assertFalse(vpin.onTrade(100, -5, 0));
    assertFalse(vpin.onTrade(-100, 5, 0));
    assertFalse(vpin.onTrade(100, Double.POSITIVE_INFINITY, 0));
    assertTrue(vpin.onTrade(100, 1e12, 0));
    assertTrue(vpin.onTrade(100, 1, 1_000), "a huge bar is truncated to n + history buckets, not looped over");
    assertEquals(13, vpin.completedBuckets());
  }
}

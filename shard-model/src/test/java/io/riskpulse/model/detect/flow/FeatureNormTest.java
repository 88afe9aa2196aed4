package io.riskpulse.model.detect.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The norm's bias-corrected start, its half-life and its winsorisation. */
class FeatureNormTest {

  @Test
  void shouldGiveThePlainMeanAndVarianceOfTheFirstSamples() {
    FeatureNorm norm = new FeatureNorm(600, 10, 8, 1e-9);
    double[] values = {10, 0, 5, 5, 10, 0};
    for (double v : values) {
      norm.add(v);
    }
    assertEquals(5, norm.mean(), 1e-9, "not dragged toward the first sample");
    // Population variance of the six values: (25 + 25 + 0 + 0 + 25 + 25) / 6.
    assertEquals(Math.sqrt(100.0 / 6), norm.sigma(), 1e-9);
  }

  @Test
  void shouldForgetOldLevelsAtItsHalfLife() {
    FeatureNorm norm = new FeatureNorm(100, 10, 1e9, 1e-9);
    norm.addRepeated(0, 10_000);
    norm.addRepeated(10, 100);
    assertEquals(5, norm.mean(), 0.05, "after one half-life at the new level, half way there");
  }

  @Test
  void shouldWinsoriseAnOutlierOnceWarmedUp() {
    FeatureNorm norm = new FeatureNorm(100, 10, 4, 1);
    norm.addRepeated(100, 1_000);
    norm.add(1e9);
    assertTrue(norm.mean() < 100 + 4 * norm.sigma(), "the outlier entered clamped: " + norm.mean());
    assertTrue(norm.zScore(1e9) > 1e6, "and a second one is still far from the norm");
  }
}

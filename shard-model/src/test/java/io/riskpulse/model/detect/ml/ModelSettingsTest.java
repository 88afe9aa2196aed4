package io.riskpulse.model.detect.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {

  private static final ModelSettings DEFAULTS = ModelSettings.defaults(FlowData.FEATURES, 7);

  private static String failure(Runnable construction) {
    return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
  }

  @Test
  void shouldDefaultToFiftyTreesOf256PointsAndTwiceTheSampleAsWarmUp() {
    assertEquals(4, DEFAULTS.dimensions());
    assertEquals(50, DEFAULTS.numberOfTrees());
    assertEquals(256, DEFAULTS.sampleSize());
    assertEquals(512, DEFAULTS.warmUpPoints());
    assertEquals(0.001, DEFAULTS.targetFalsePositiveRate());
    assertEquals(7, DEFAULTS.randomSeed());
  }

  @Test
  void shouldNameTheFieldOfAnInvalidSetting() {
    ModelSettings d = DEFAULTS;
    assertTrue(failure(() -> ModelSettings.defaults(List.of(), 1)).startsWith("featureNames"));
    assertTrue(failure(() -> ModelSettings.defaults(List.of("a", "a"), 1)).contains("a is repeated"));
    assertTrue(failure(() -> ModelSettings.defaults(List.of("a", " "), 1)).startsWith("featureNames"));
    assertTrue(failure(() -> new ModelSettings(d.featureNames(), 0, 256, 1, 512, 0.001, 1, 10_000, 2_000, 1_000,
        0.25, 0.01)).startsWith("numberOfTrees"));
    assertTrue(failure(() -> new ModelSettings(d.featureNames(), 50, 8, 1, 512, 0.001, 1, 10_000, 2_000, 1_000,
        0.25, 0.01)).startsWith("sampleSize"));
    assertTrue(failure(() -> new ModelSettings(d.featureNames(), 50, 256, 1, 100, 0.001, 1, 10_000, 2_000, 1_000,
        0.25, 0.01)).startsWith("warmUpPoints"));
    assertTrue(failure(() -> new ModelSettings(d.featureNames(), 50, 256, 1, 512, 0, 1, 10_000, 2_000, 1_000,
        0.25, 0.01)).startsWith("targetFalsePositiveRate"));
    assertTrue(failure(() -> new ModelSettings(d.featureNames(), 50, 256, 1, 512, 0.001, Double.NaN, 10_000, 2_000,
        1_000, 0.25, 0.01)).startsWith("minimumThreshold"));
    assertTrue(failure(() -> new ModelSettings(d.featureNames(), 50, 256, 1, 512, 0.001, 1, 999, 2_000, 1_000,
        0.25, 0.01)).startsWith("thresholdWindow"));
    assertTrue(failure(() -> new ModelSettings(d.featureNames(), 50, 256, 1, 512, 0.001, 1, 10_000, 50, 1_000,
        0.25, 0.01)).startsWith("driftReferenceWindow"));
    assertTrue(failure(() -> new ModelSettings(d.featureNames(), 50, 256, 1, 512, 0.001, 1, 10_000, 2_000, 10,
        0.25, 0.01)).startsWith("driftRecentWindow"));
    assertTrue(failure(() -> new ModelSettings(d.featureNames(), 50, 256, 1, 512, 0.001, 1, 10_000, 2_000, 1_000,
        1.5, 0.01)).startsWith("driftShiftBound"));
    assertTrue(failure(() -> new ModelSettings(d.featureNames(), 50, 256, 1, 512, 0.001, 1, 10_000, 2_000, 1_000,
        0.25, 0.0005)).startsWith("driftAlertRateBound"));
  }
}

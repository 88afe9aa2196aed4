package io.riskpulse.model.detect.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyModelSnapshotTest {

  private static final ModelSettings SETTINGS = ModelSettings.defaults(FlowData.FEATURES, 42);

  private static AnomalyModel trained(FlowData data, int points) {
    AnomalyModel model = new AnomalyModel(SETTINGS);
    for (int i = 0; i < points; i++) {
      model.score(i % 1_500 == 1_499 ? data.nextWith((i / 1_500) % 4, 9) : data.next(), i);
    }
    return model;
  }

  private static String failure(byte[] bytes) {
    return assertThrows(IllegalArgumentException.class, () -> AnomalyModel.restore(bytes, SETTINGS)).getMessage();
  }

  @Test
  void shouldContinueExactlyLikeTheOriginalAfterSnapshotAndRestore() {
    FlowData data = new FlowData(21);
    AnomalyModel original = trained(data, 3_500); // past warm-up, drift reference full, recent window filling

    AnomalyModel restored = AnomalyModel.restore(original.snapshot(), SETTINGS);

    assertEquals(original.pointsSeen(), restored.pointsSeen());
    assertEquals(original.threshold(), restored.threshold());
    int anomalies = 0;
    for (int i = 0; i < 2_000; i++) {
      double[] point = i % 300 == 299 ? data.nextWith((i / 300) % 4, 10) : data.next();
      ModelScore expected = original.score(point, i);
      assertEquals(expected, restored.score(point, i), "point " + i);
      anomalies += expected.anomalous() ? 1 : 0;
      if (i % 500 == 0) {
        assertEquals(original.drift(i), restored.drift(i));
      }
    }
    assertTrue(anomalies >= 3, "the comparison covered anomalies too: " + anomalies);
    assertArrayEquals(original.snapshot(), restored.snapshot());
  }

  @Test
  void shouldRestoreAModelStillWarmingUp() {
    FlowData data = new FlowData(22);
    AnomalyModel original = trained(data, 100);
    AnomalyModel restored = AnomalyModel.restore(original.snapshot(), SETTINGS);
    for (int i = 0; i < 700; i++) {
      double[] point = data.next();
      assertEquals(original.score(point, i), restored.score(point, i));
    }
  }

  @Test
  void shouldRejectCorruptTruncatedOrForeignSnapshots() {
    byte[] snapshot = trained(new FlowData(23), 600).snapshot();

    byte[] flipped = snapshot.clone();
    flipped[snapshot.length / 2] ^= 0x10;
    assertTrue(failure(flipped).contains("corrupt"), failure(flipped));
    assertTrue(failure(Arrays.copyOf(snapshot, snapshot.length - 7)).contains("truncated"));
    assertTrue(failure(Arrays.copyOf(snapshot, 10)).contains("truncated"));
    assertTrue(failure(new byte[0]).contains("truncated"));
    assertTrue(failure("{\"not\":\"a model\"}".getBytes()).contains("not a model snapshot"));
    byte[] futureFormat = snapshot.clone();
    futureFormat[7] = 9;
    assertTrue(failure(futureFormat).contains("format 9"));
    assertThrows(IllegalArgumentException.class, () -> AnomalyModel.restore(null, SETTINGS));
  }

  @Test
  void shouldRejectASnapshotTakenWithOtherFeatures() {
    byte[] snapshot = trained(new FlowData(24), 600).snapshot();
    ModelSettings other = ModelSettings.defaults(List.of("messageRate", "cancelRatio", "orderToTrade", "fills"), 42);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AnomalyModel.restore(snapshot, other));

    assertTrue(e.getMessage().contains("another featureNames"), e.getMessage());
  }
}

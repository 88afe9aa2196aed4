package io.riskpulse.model.detect.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnomalyModelTest {

  private static final ModelSettings SETTINGS = ModelSettings.defaults(FlowData.FEATURES, 42);

  /** A model past warm-up, trained on {@code points} normal points of {@code data}. */
  private static AnomalyModel trained(FlowData data, int points) {
    AnomalyModel model = new AnomalyModel(SETTINGS);
    for (int i = 0; i < points; i++) {
      model.score(data.next(), i);
    }
    return model;
  }

  @Test
  void shouldScoreInjectedBurstAsAnomalousAndAttributeItToMessageRate() {
    FlowData data = new FlowData(1);
    AnomalyModel model = trained(data, 1_500);

    ModelScore burst = model.score(data.nextWith(0, 8), 3_000);

    assertFalse(burst.warmingUp());
    assertTrue(burst.anomalous(), burst.explanation());
    assertTrue(burst.score() > burst.threshold());
    assertEquals("messageRate", burst.topFeature());
    FeatureContribution top = burst.contributions().get(0);
    assertTrue(top.aboveNormal());
    assertTrue(top.share() > 0.5, burst.explanation());
    assertEquals(burst.score(), burst.attribution().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);

    DetectionSignal signal = burst.toSignal("momentum");
    assertEquals(Detector.MODEL, signal.detector());
    assertEquals("MODEL:momentum", signal.key());
    assertEquals(burst.score(), signal.score());
    assertEquals(burst.threshold(), signal.threshold());
    assertEquals(3_000, signal.atMillis());
    assertEquals(FlowData.FEATURES.size(), signal.attribution().size());
    assertTrue(signal.explanation().contains("mostly messageRate (high)"), signal.explanation());
  }

  @Test
  void shouldAttributeALowOutlierInASmallScaleFeatureToThatFeature() {
    FlowData data = new FlowData(2);
    AnomalyModel model = trained(data, 1_500);

    ModelScore collapse = model.score(data.nextWith(1, -8), 3_000); // cancel ratio 0.06 instead of 0.3

    assertTrue(collapse.anomalous(), collapse.explanation());
    assertEquals("cancelRatio", collapse.topFeature());
    assertFalse(collapse.contributions().get(0).aboveNormal());
  }

  @Test
  void shouldScoreARepeatedAnomalyLowerRightAfterTheFirstTheKnownMaskingWeakness() {
    FlowData data = new FlowData(8);
    AnomalyModel model = trained(data, 1_500);
    double[] burst = data.nextWith(0, 8);

    ModelScore first = model.score(burst, 1_500);
    ModelScore second = model.score(burst.clone(), 1_501);

    assertTrue(first.anomalous());
    assertTrue(second.score() < first.score(), first.score() + " then " + second.score());
  }

  @Test
  void shouldKeepTheFalsePositiveRateNearTheTargetOnLongCleanData() {
    FlowData data = new FlowData(3);
    AnomalyModel model = new AnomalyModel(SETTINGS);
    int scored = 0;
    int alerts = 0;
    for (int i = 0; i < SETTINGS.warmUpPoints() + 20_000; i++) {
      ModelScore score = model.score(data.next(), i);
      if (!score.warmingUp()) {
        scored++;
        alerts += score.anomalous() ? 1 : 0;
      }
    }
    double rate = (double) alerts / scored;
    assertEquals(20_000, scored);
    assertTrue(rate <= 3 * SETTINGS.targetFalsePositiveRate(), "false-positive rate " + rate);
    assertTrue(rate >= SETTINGS.targetFalsePositiveRate() / 5, "threshold too conservative: rate " + rate);
  }

  @Test
  void shouldNeverFlagDuringWarmUpEvenExtremePoints() {
    FlowData data = new FlowData(4);
    AnomalyModel model = new AnomalyModel(SETTINGS);
    for (int i = 0; i < SETTINGS.warmUpPoints(); i++) {
      assertTrue(model.warmingUp());
      ModelScore score = model.score(i % 50 == 49 ? data.nextWith(i % 4, 50) : data.next(), i);
      assertTrue(score.warmingUp());
      assertFalse(score.anomalous());
      assertThrows(IllegalStateException.class, () -> score.toSignal("momentum"));
    }
    assertFalse(model.warmingUp());
    assertFalse(model.score(data.next(), 1).warmingUp());
  }

  @Test
  void shouldRejectNaNInfiniteAndWrongLengthVectorsWithoutTouchingTheModel() {
    AnomalyModel clean = new AnomalyModel(SETTINGS);
    AnomalyModel exposed = new AnomalyModel(SETTINGS);
    FlowData data = new FlowData(5);
    for (int i = 0; i < 1_000; i++) {
      double[] point = i % 200 == 199 ? data.nextWith(0, 9) : data.next();
      if (i % 100 == 0) {
        ModelScore nan = exposed.score(new double[] {Double.NaN, 0.3, 8, 0}, i);
        assertTrue(nan.rejected());
        assertTrue(nan.rejection().contains("messageRate is NaN"), nan.rejection());
        assertTrue(exposed.score(new double[] {200, 0.3, Double.POSITIVE_INFINITY, 0}, i).rejected());
        ModelScore shortVector = exposed.score(new double[] {200, 0.3}, i);
        assertTrue(shortVector.rejection().contains("expected 4 features"), shortVector.rejection());
        assertTrue(exposed.score(null, i).rejected());
        assertFalse(shortVector.anomalous());
      }
      ModelScore expected = clean.score(point, i);
      ModelScore actual = exposed.score(point, i);
      assertEquals(expected, actual);
    }
    assertEquals(1_000, exposed.pointsSeen());
    assertEquals(clean.threshold(), exposed.threshold());
  }

  @Test
  void shouldGiveIdenticalScoresForTheSameSeedAndPoints() {
    AnomalyModel first = new AnomalyModel(SETTINGS);
    AnomalyModel second = new AnomalyModel(SETTINGS);
    AnomalyModel otherSeed = new AnomalyModel(ModelSettings.defaults(FlowData.FEATURES, 43));
    FlowData data = new FlowData(6);
    boolean seedMatters = false;
    for (int i = 0; i < 1_200; i++) {
      double[] point = i % 300 == 299 ? data.nextWith(2, 7) : data.next();
      ModelScore a = first.score(point, i);
      assertEquals(a, second.score(point, i));
      seedMatters |= a.score() != otherSeed.score(point, i).score();
    }
    assertTrue(seedMatters);
  }

  @Test
  void shouldReportModelDriftAfterARegimeChangeAndNotOnStableFlow() {
    FlowData data = new FlowData(7);
    AnomalyModel model = new AnomalyModel(SETTINGS);
    List<DriftStatus> stable = new ArrayList<>();
    for (int i = 0; i < SETTINGS.warmUpPoints() + 7_000; i++) {
      model.score(data.next(), i);
      if (i % 250 == 0) {
        stable.add(model.drift(i));
      }
    }
    assertTrue(stable.stream().noneMatch(DriftStatus::drifted),
        stable.stream().filter(DriftStatus::drifted).findFirst().map(DriftStatus::reason).orElse(""));
    assertTrue(stable.stream().anyMatch(s -> !Double.isNaN(s.statistic()))); // it was judged, not only filling

    Optional<DetectionSignal> drift = Optional.empty();
    for (int i = 0; i < 3_000 && drift.isEmpty(); i++) {
      double[] point = data.next();
      point[1] = 0.6 + 0.03 * (point[1] - 0.3) / 0.03; // the strategy now cancels twice as much
      point[0] *= 2; // at twice the message rate
      model.score(point, 100_000 + i);
      if (i % 100 == 99) {
        drift = model.driftSignal("momentum", 100_000 + i);
      }
    }
    assertTrue(drift.isPresent(), "no drift reported after the regime change");
    assertEquals("MODEL_DRIFT:momentum", drift.get().key());
    assertTrue(model.drift(200_000).reason().startsWith("collecting the reference"), "rebased");
  }
}

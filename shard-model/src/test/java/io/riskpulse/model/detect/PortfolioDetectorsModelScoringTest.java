package io.riskpulse.model.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Side;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The anomaly models' scoring of completed seconds, left for the entity by orders judged in place: nothing is
 * scored until asked, then every waiting second is, oldest first; an event handled with scoring scores what waits;
 * the wait is bounded.
 */
class PortfolioDetectorsModelScoringTest {

  private static final long T0 = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();

  private final PortfolioDetectors detectors = new PortfolioDetectors("P1", new DetectionEnvironment(
      DetectionSettings.DEFAULTS, MarketConditions.NONE, new OrderBookView(), symbol -> 0.01,
      CheckpointRestores.UNLIMITED));
  private int orders;

  private void order(long atMillis, boolean scoreModels) {
    detectors.onOrder(new OrderEvent(OrderAction.NEW, "P1", "algo", "O" + ++orders, "", "SPY", Side.BUY, 10, 100,
        atMillis), null, atMillis, key -> false, scoreModels);
  }

  private long pointsSeen() {
    List<ModelStatus> models = detectors.models();
    return models.isEmpty() ? 0 : models.get(0).pointsSeen();
  }

  @Test
  void shouldLeaveCompletedSecondsToScoreUntilAskedThenScoreThemAll() {
    order(T0, false);
    assertFalse(detectors.hasUnscoredSeconds(), "the first second is not complete");
    order(T0 + 1_000, false);
    order(T0 + 2_500, false);
    assertTrue(detectors.hasUnscoredSeconds());
    assertEquals(0, pointsSeen(), "no model scored on the caller's thread");
    assertFalse(detectors.modelsUnsaved(), "nothing learned yet, nothing to checkpoint");

    assertEquals(List.of(), detectors.scoreModels(T0 + 2_600), "two ordinary seconds: no finding");
    assertFalse(detectors.hasUnscoredSeconds());
    assertEquals(2, pointsSeen());
    assertTrue(detectors.modelsUnsaved());
  }

  @Test
  void shouldScoreWhatWaitsWithTheNextEventHandledWithScoring() {
    order(T0, false);
    order(T0 + 1_000, false);
    assertTrue(detectors.hasUnscoredSeconds());
    order(T0 + 1_200, true);
    assertFalse(detectors.hasUnscoredSeconds());
    assertEquals(1, pointsSeen());
    order(T0 + 2_000, true);
    assertEquals(2, pointsSeen(), "scored where it completes when the caller scores");
  }

  @Test
  void shouldScoreTheOldestAtOnceBeyondTheBound() {
    for (int second = 0; second <= PortfolioDetectors.MAX_UNSCORED + 1; second++) {
      order(T0 + second * 1_000L, false);
    }
    assertEquals(1, pointsSeen(), PortfolioDetectors.MAX_UNSCORED + 1 + " seconds completed: the oldest scored");
    detectors.scoreModels(T0 + (PortfolioDetectors.MAX_UNSCORED + 2) * 1_000L);
    assertEquals(PortfolioDetectors.MAX_UNSCORED + 1, pointsSeen(), "none lost");
  }

  @Test
  void shouldNotAskForScoringWhilePausedAndScoreWhatWaitsOnceRunningAgain() {
    DetectionEnvironment env = new DetectionEnvironment(DetectionSettings.DEFAULTS, MarketConditions.NONE,
        new OrderBookView(), symbol -> 0.01, CheckpointRestores.UNLIMITED);
    PortfolioDetectors paused = new PortfolioDetectors("P3", env);
    for (int second = 0; second < 3; second++) {
      paused.onOrder(new OrderEvent(OrderAction.NEW, "P3", "algo", "Y" + second, "", "SPY", Side.BUY, 10, 100,
          T0 + second * 1_000L), null, T0 + second * 1_000L, key -> false, false);
    }
    assertTrue(paused.hasUnscoredSeconds());
    env.paused(true);
    assertFalse(paused.hasUnscoredSeconds(), "a paused node's entities are not asked to score");
    assertEquals(List.of(), paused.scoreModels(T0 + 3_000));
    env.paused(false);
    assertTrue(paused.hasUnscoredSeconds(), "kept while paused");
    paused.scoreModels(T0 + 3_000);
    assertEquals(2, paused.models().get(0).pointsSeen());
  }

  @Test
  void shouldScoreNothingWhenModelsAreOff() {
    PortfolioDetectors off = new PortfolioDetectors("P2", new DetectionEnvironment(
        DetectionSettings.DEFAULTS.withModel(new ModelOptions(false, 30, 128, 0.001, 3, 60, 60_000)),
        MarketConditions.NONE, new OrderBookView(), symbol -> 0.01, CheckpointRestores.UNLIMITED));
    for (int second = 0; second < 3; second++) {
      off.onOrder(new OrderEvent(OrderAction.NEW, "P2", "algo", "X" + second, "", "SPY", Side.BUY, 10, 100,
          T0 + second * 1_000L), null, T0 + second * 1_000L, key -> false, false);
    }
    assertFalse(off.hasUnscoredSeconds());
    assertEquals(List.of(), off.models());
  }
}

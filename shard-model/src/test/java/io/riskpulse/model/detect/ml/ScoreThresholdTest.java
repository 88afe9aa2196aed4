package io.riskpulse.model.detect.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScoreThresholdTest {

  @Test
  void shouldBeInfiniteBeforeAnyScore() {
    assertEquals(Double.POSITIVE_INFINITY, new ScoreThreshold(100, 0.01, 1).threshold());
  }

  @Test
  void shouldSitAtTheQuantileThatLeavesTheTargetFractionAbove() {
    ScoreThreshold threshold = new ScoreThreshold(1_000, 0.01, 0);
    for (int i = 1_000; i >= 1; i--) {
      threshold.add(i);
    }
    assertEquals(990, threshold.threshold()); // ten of the thousand scores exceed it
  }

  @Test
  void shouldNeverGoBelowTheFloor() {
    ScoreThreshold threshold = new ScoreThreshold(100, 0.01, 1.0);
    for (int i = 0; i < 100; i++) {
      threshold.add(0.5);
    }
    assertEquals(1.0, threshold.threshold());
  }

  @Test
  void shouldForgetTheOldestScoreOnceTheWindowIsFull() {
    ScoreThreshold threshold = new ScoreThreshold(100, 0.01, 0);
    threshold.add(50); // the one high score, soon forgotten
    for (int i = 0; i < 100; i++) {
      threshold.add(1 + i / 1000.0);
    }
    assertEquals(1.098, threshold.threshold(), 1e-12);
    assertEquals(100, threshold.scores().length);
    assertEquals(1.0, threshold.scores()[0]);
  }

  @Test
  void shouldRebuildTheSameStateFromItsScoresInArrivalOrder() {
    ScoreThreshold original = new ScoreThreshold(100, 0.05, 0);
    for (int i = 0; i < 250; i++) {
      original.add((i * 37) % 101);
    }
    ScoreThreshold rebuilt = new ScoreThreshold(100, 0.05, 0);
    for (double score : original.scores()) {
      rebuilt.add(score);
    }
    for (int i = 0; i < 50; i++) {
      original.add(i);
      rebuilt.add(i);
      assertEquals(original.threshold(), rebuilt.threshold());
    }
    assertArrayEquals(original.scores(), rebuilt.scores());
  }
}

package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnapshotIntervalTest {

  private final SnapshotInterval interval = new SnapshotInterval(200, 1600);

  @Test
  void shouldKeepTheShortIntervalWhileTheWindowIsSmall() {
    assertEquals(200, interval.forWindow(0));
    assertEquals(200, interval.forWindow(3_999)); // 400 needs 10 ids per event: 4,000
  }

  @Test
  void shouldDoubleAtTenWindowIdsPerEventOfTheDoubledInterval() {
    assertEquals(400, interval.forWindow(4_000));
    assertEquals(400, interval.forWindow(7_999));
    assertEquals(800, interval.forWindow(8_000));
    assertEquals(800, interval.forWindow(15_999));
    assertEquals(1_600, interval.forWindow(16_000));
  }

  @Test
  void shouldNeverExceedTheLongestInterval() {
    assertEquals(1_600, interval.forWindow(100_000)); // the default full window
    assertEquals(1_600, interval.forWindow(Integer.MAX_VALUE));
  }

  @Test
  void shouldReachALongestIntervalThatIsNotAPowerOfTwoMultiple() {
    SnapshotInterval odd = new SnapshotInterval(200, 1_000);
    assertEquals(800, odd.forWindow(8_000));
    assertEquals(1_000, odd.forWindow(16_000)); // the doubling is capped at the longest interval
    assertEquals(1_000, odd.forWindow(1_000_000));
  }

  @Test
  void shouldBeFixedWhenTheLongestIntervalIsTheShortest() {
    SnapshotInterval fixed = new SnapshotInterval(200, 200);
    assertEquals(200, fixed.forWindow(100_000));
    assertTrue(fixed.due(400, 0, 100_000));
    assertFalse(fixed.due(401, 0, 0));
  }

  @Test
  void shouldTakeALongestIntervalBelowTheShortestAsAFixedInterval() {
    SnapshotInterval fixed = new SnapshotInterval(5_000, 1_600); // an override of snapshot-every from before
    assertEquals(5_000, fixed.max());
    assertEquals(5_000, fixed.forWindow(0));
    assertEquals(5_000, fixed.forWindow(1_000_000));
  }

  @Test
  void shouldBeDueAtMultiplesOfTheIntervalTheWindowCallsFor() {
    assertTrue(interval.due(200, 0, 100));
    assertFalse(interval.due(200, 0, 16_000)); // a large window waits for the multiple of 1,600
    assertTrue(interval.due(1_600, 0, 16_000));
    assertTrue(interval.due(3_200, 0, 100)); // the retention snapshots fall on every interval's multiples
    assertFalse(interval.due(1_601, 0, 100));
  }

  @Test
  void shouldLeaveTheSnapshotToRetentionWhenAMultipleOfTheLongestFollowsInTheSameWrite() {
    // Pekko stops at the first snapshot due in a write: 1,400 would hide the retention snapshot at 1,600.
    assertFalse(interval.due(1_400, 1_650, 100));
    assertTrue(interval.due(1_400, 1_599, 100)); // the write ends before 1,600
    assertTrue(interval.due(1_600, 1_650, 100)); // the retention snapshot itself
    assertTrue(interval.due(1_800, 1_650, 100)); // an earlier write's end is no longer relevant
    assertFalse(interval.due(3_000, 3_300, 100)); // 3,200 follows
  }

  @Test
  void shouldRefuseAnIntervalBelowOneNamingTheSetting() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new SnapshotInterval(0, 10));
    assertTrue(zero.getMessage().contains("snapshot-every must be at least 1, was 0"), zero.getMessage());
  }
}

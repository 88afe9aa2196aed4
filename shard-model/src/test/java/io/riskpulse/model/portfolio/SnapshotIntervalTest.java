package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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

  /** A portfolio id whose phase within {@code interval} is {@code phase}. */
  private static String idWithPhase(int interval, long phase) {
    for (int i = 0; ; i++) {
      if (PortfolioPhase.of("P" + i, interval) == phase) {
        return "P" + i;
      }
    }
  }

  /** The sequence numbers in [from, to] at which {@code snapshots} is due, one event per write. */
  private static List<Long> dueBetween(SnapshotInterval snapshots, long from, long to, int windowIds) {
    List<Long> due = new ArrayList<>();
    for (long n = from; n <= to; n++) {
      if (snapshots.due(n, n, windowIds)) {
        due.add(n);
      }
    }
    return due;
  }

  @Test
  void shouldShiftTheSnapshotsBetweenRetentionSnapshotsByThePortfoliosPhase() {
    SnapshotInterval staggered = interval.staggeredFor(idWithPhase(200, 30));
    // 170, 370, ..., 1,370 (1,570 falls within the last 200 before 1,600 and is left out), then the retention one.
    assertEquals(List.of(170L, 370L, 570L, 770L, 970L, 1_170L, 1_370L, 1_600L, 1_770L),
        dueBetween(staggered, 1, 1_800, 100));
    assertEquals(dueBetween(interval, 1, 16_000, 100).size(), dueBetween(staggered, 1, 16_000, 100).size(),
        "as many snapshots as unstaggered");
  }

  @Test
  void shouldKeepTheUnshiftedSnapshotsForAPortfolioWhosePhaseIsZero() {
    SnapshotInterval staggered = interval.staggeredFor(idWithPhase(200, 0));
    assertEquals(dueBetween(interval, 1, 3_200, 100), dueBetween(staggered, 1, 3_200, 100));
  }

  @Test
  void shouldShiftByThePhaseOfTheIntervalTheWindowCallsFor() {
    String id = idWithPhase(400, 250);
    SnapshotInterval staggered = interval.staggeredFor(id);
    assertEquals(List.of(150L, 550L, 950L, 1_600L, 1_750L), dueBetween(staggered, 1, 1_800, 4_000));
    // The longest interval: only the retention snapshots, whatever the phase.
    assertEquals(List.of(1_600L, 3_200L), dueBetween(staggered, 1, 3_200, 16_000));
  }

  @Test
  void shouldLeaveNoMoreThanAboutTwoIntervalsBetweenStaggeredSnapshots() {
    for (int i = 0; i < 50; i++) {
      List<Long> due = dueBetween(interval.staggeredFor("P-" + i), 1, 6_400, 100);
      for (int k = 1; k < due.size(); k++) {
        assertTrue(due.get(k) - due.get(k - 1) < 400, "P-" + i + ": " + due.get(k - 1) + " to " + due.get(k));
      }
    }
  }

  @Test
  void shouldNeverHideARetentionSnapshotBehindAnEarlierOneInTheSameWriteWhateverThePhase() {
    // Pekko asks about a write's events in order and takes the first snapshot due: one due before a multiple of max
    // in the same write would take the retention snapshot's place and skip its deletion.
    SnapshotInterval[] configurations = {interval, new SnapshotInterval(200, 1_000), new SnapshotInterval(300, 1_000),
        new SnapshotInterval(4, 16)};
    int[] windows = {0, 4_000, 8_000, 16_000};
    for (SnapshotInterval base : configurations) {
      long max = base.max();
      for (int i = 0; i < 60; i++) {
        SnapshotInterval staggered = base.staggeredFor("P-" + i);
        for (int window : windows) {
          for (int size = 1; size <= 50; size++) {
            for (long first = Math.max(1, 2 * max - size - 2); first <= 2 * max + 1; first++) {
              long last = first + size - 1;
              long multiple = last / max * max;
              if (multiple < first) {
                continue; // no retention snapshot in this write
              }
              for (long n = first; n < multiple; n++) {
                assertFalse(staggered.due(n, last, window),
                    "P-" + i + ", max " + max + ", window " + window + ": " + n + " in the write " + first + "-" + last);
              }
              assertTrue(staggered.due(multiple, last, window));
            }
          }
        }
      }
    }
  }

  @Test
  void shouldKeepTheCountAndBoundTheGapAtEveryStaggeredInterval() {
    for (int window : new int[] {100, 4_000, 8_000}) { // intervals 200, 400 and 800 below the cap of 1,600
      int every = interval.forWindow(window);
      int unstaggered = dueBetween(interval, 1, 16_000, window).size();
      for (int i = 0; i < 50; i++) {
        List<Long> due = dueBetween(interval.staggeredFor("P-" + i), 1, 16_000, window);
        assertEquals(unstaggered, due.size(), "P-" + i + " at interval " + every);
        for (int k = 1; k < due.size(); k++) {
          assertTrue(due.get(k) - due.get(k - 1) < 2 * every, "P-" + i + ": " + due.get(k - 1) + " to " + due.get(k));
        }
      }
    }
  }

  @Test
  void shouldLeaveTheRetentionSnapshotToPekkoWhenStaggeredToo() {
    SnapshotInterval staggered = interval.staggeredFor(idWithPhase(200, 30));
    assertFalse(staggered.due(1_370, 1_650, 100)); // 1,600 follows in the same write
    assertTrue(staggered.due(1_370, 1_599, 100));
    assertTrue(staggered.due(1_600, 1_650, 100));
    assertFalse(staggered.due(1_400, 1_400, 100), "an unshifted multiple of the interval is not due");
  }

  @Test
  void shouldRefuseAnIntervalBelowOneNamingTheSetting() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new SnapshotInterval(0, 10));
    assertTrue(zero.getMessage().contains("snapshot-every must be at least 1, was 0"), zero.getMessage());
  }
}

package io.riskpulse.ingestion.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.riskpulse.ingestion.pipeline.SequenceTracker.Verdict;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

  @Test
  void shouldTellInOrderGapsLateArrivalsAndDuplicatesApart() {
    SequenceTracker tracker = new SequenceTracker();
    assertEquals(Verdict.IN_ORDER, tracker.observe(1));
    assertEquals(Verdict.IN_ORDER, tracker.observe(2));
    assertEquals(Verdict.AFTER_GAP, tracker.observe(6));
    assertEquals(3, tracker.lastGapSize());
    assertEquals(3, tracker.outstanding());
    assertEquals(Verdict.LATE, tracker.observe(4));
    assertEquals(Verdict.DUPLICATE, tracker.observe(4));
    assertEquals(Verdict.DUPLICATE, tracker.observe(2));
    assertEquals(Verdict.DUPLICATE, tracker.observe(6));
    assertEquals(Verdict.IN_ORDER, tracker.observe(7));
    assertEquals(Verdict.INVALID, tracker.observe(0));
    assertEquals(Verdict.INVALID, tracker.observe(-5));
    assertEquals(1, tracker.gaps());
    assertEquals(3, tracker.missingTotal());
    assertEquals(2, tracker.outstanding()); // 3 and 5 never came
    assertEquals(7, tracker.highest());
  }

  @Test
  void shouldStayBoundedOnAHugeGap() {
    SequenceTracker tracker = new SequenceTracker();
    tracker.observe(1);
    assertEquals(Verdict.AFTER_GAP, tracker.observe(Long.MAX_VALUE / 2));
    assertEquals(SequenceTracker.MAX_TRACKED_MISSING, tracker.outstanding());
    assertEquals(Long.MAX_VALUE / 2 - 2, tracker.missingTotal());
    assertEquals(Verdict.DUPLICATE, tracker.observe(2)); // forgotten: treated as already received
  }

  @Test
  void shouldTakeTheFirstSequenceSeenAsTheBaseNotAsAGap() {
    SequenceTracker tracker = new SequenceTracker(); // e.g. a node that restarted while the source went on
    assertEquals(Verdict.IN_ORDER, tracker.observe(5_001));
    assertEquals(Verdict.IN_ORDER, tracker.observe(5_002));
    assertEquals(0, tracker.gaps());
  }

  @Test
  void shouldTakeNumbersBelowTheBaseAsLateWhenAPublisherSendsWhatThisNodeNeverReceived() {
    SequenceTracker tracker = new SequenceTracker(); // joined mid-stream at 5,001; the publisher then replays
    assertEquals(Verdict.IN_ORDER, tracker.observe(5_001));
    assertEquals(Verdict.IN_ORDER, tracker.observe(5_002));
    assertEquals(Verdict.LATE, tracker.observe(4_998));
    assertEquals(Verdict.LATE, tracker.observe(4_999));
    assertEquals(Verdict.LATE, tracker.observe(5_000));
    assertEquals(4_998, tracker.lowest());
    assertEquals(Verdict.DUPLICATE, tracker.observe(4_999));
    assertEquals(Verdict.DUPLICATE, tracker.observe(5_002));
    assertEquals(Verdict.IN_ORDER, tracker.observe(5_003));
    assertEquals(0, tracker.gaps());
    assertEquals(0, tracker.outstanding());
  }
}

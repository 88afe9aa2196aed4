package io.riskpulse.model.orderflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.riskpulse.model.orderflow.RateWindow.Kind;
import org.junit.jupiter.api.Test;

class RateWindowTest {

  private static final long T0 = 1_700_000_000_000L;

  @Test
  void shouldCountEachKindInItsOwnSecondBuckets() {
    RateWindow window = new RateWindow();
    window.record(Kind.NEW, T0);
    window.record(Kind.NEW, T0 + 999);
    window.record(Kind.CANCEL, T0 + 500);
    window.record(Kind.FILL, T0 + 1_000);
    window.record(Kind.REPLACE, T0 + 2_000);
    window.record(Kind.REJECT, T0 + 2_001);

    long now = T0 + 2_500;
    assertEquals(2, window.count(Kind.NEW, 60, now));
    assertEquals(1, window.count(Kind.CANCEL, 60, now));
    assertEquals(1, window.count(Kind.FILL, 60, now));
    assertEquals(1, window.count(Kind.REPLACE, 60, now));
    assertEquals(1, window.count(Kind.REJECT, 60, now));
    assertEquals(4, window.messages(60, now), "new, new, cancel, replace: rejects and fills are not sent");
    assertEquals(1, window.count(Kind.REPLACE, 1, now), "the current second");
    assertEquals(0, window.count(Kind.NEW, 2, now), "the new orders are two seconds old");
    assertEquals(1, window.count(Kind.FILL, 2, now));
  }

  @Test
  void shouldClearOnlyTheReusedSecondWhenTheMinuteWrapsAround() {
    RateWindow window = new RateWindow();
    for (int k = 0; k < 3; k++) {
      window.record(Kind.NEW, T0);
      window.record(Kind.FILL, T0 + 1_000);
    }
    // 60 s later the first second's bucket is reused: its counts start again, its neighbour's are untouched.
    window.record(Kind.CANCEL, T0 + 60_000);
    long now = T0 + 60_000;
    assertEquals(0, window.count(Kind.NEW, 60, now));
    assertEquals(1, window.count(Kind.CANCEL, 60, now));
    assertEquals(3, window.count(Kind.FILL, 60, now), "the bucket of T0 + 1 s is 59 s old, still counted");
    assertEquals(0, window.count(Kind.FILL, 60, T0 + 61_000), "and a second later it is a minute old");
  }
}

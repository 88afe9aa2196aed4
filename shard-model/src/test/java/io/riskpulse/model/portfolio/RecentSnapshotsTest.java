package io.riskpulse.model.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * When a kept snapshot may answer a read: only while its entity handled no command, the market took no quote, the
 * incarnation that kept it still runs, and it is younger than the reader's maximum age; and never when anything
 * changed between the reader's note and its ask's answer.
 */
class RecentSnapshotsTest {

  private static final long MAX_AGE = 100_000_000L; // 100 ms, in ns

  private final AtomicLong market = new AtomicLong();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final RecentSnapshots recent = new RecentSnapshots(market::get, nanos::get);

  private static PortfolioSnapshot snapshot(String id, long version) {
    return new PortfolioSnapshot(id, PortfolioStatus.ACTIVE, "desk", "trader", null, null, 0, "USD", null, Map.of(),
        "2026-11-27", 0, 0, 0, null, List.of(), 0, 0, null, Map.of(), 0, null, List.of(), Map.of(), false, List.of(),
        null, version);
  }

  /** Notes, "asks" (answers {@code snapshot}) and keeps, as {@link PortfolioClient#recentSnapshot} does. */
  private void read(String id, PortfolioSnapshot snapshot) {
    recent.keep(recent.begin(id), snapshot);
  }

  @Test
  void shouldAnswerWithTheKeptSnapshotWhileNothingChanged() {
    assertNull(recent.valid("P1", MAX_AGE), "nothing kept for a portfolio never read");
    assertNull(recent.begin("P1"), "no slot until the entity answered a snapshot");
    RecentSnapshots.Slot slot = recent.register("P1");
    PortfolioSnapshot first = snapshot("P1", 1);
    read("P1", first);
    assertSame(first, recent.valid("P1", MAX_AGE));
    nanos.addAndGet(MAX_AGE - 1);
    assertSame(first, recent.valid("P1", MAX_AGE), "still young enough");
    assertNull(recent.valid("P2", MAX_AGE), "another portfolio's read is not this one's");
    assertEquals(1, recent.slots());
    slot.changed();
    assertNull(recent.valid("P1", MAX_AGE), "the entity handled a command");
  }

  @Test
  void shouldNotAnswerOnceAQuoteArrivedOrTheSnapshotAged() {
    recent.register("P1");
    read("P1", snapshot("P1", 1));
    market.incrementAndGet();
    assertNull(recent.valid("P1", MAX_AGE), "a quote moved the market");
    read("P1", snapshot("P1", 1));
    nanos.addAndGet(MAX_AGE);
    assertNull(recent.valid("P1", MAX_AGE), "as old as the maximum age");
    assertNull(recent.valid("P1", 0), "a maximum age of zero never answers");
  }

  @Test
  void shouldNeverKeepAnAnswerForWhatChangedWhileTheAskWasOnItsWay() {
    RecentSnapshots.Slot slot = recent.register("P1");
    RecentSnapshots.Reading noted = recent.begin("P1");
    slot.changed(); // a fill reached the entity before the snapshot ask
    recent.keep(noted, snapshot("P1", 2));
    assertNull(recent.valid("P1", MAX_AGE));

    RecentSnapshots.Reading beforeQuote = recent.begin("P1");
    market.incrementAndGet(); // the entity may or may not have priced with this quote
    recent.keep(beforeQuote, snapshot("P1", 2));
    assertNull(recent.valid("P1", MAX_AGE));

    RecentSnapshots.Reading slow = recent.begin("P1");
    nanos.addAndGet(MAX_AGE); // the ask took the whole maximum age: the answer ages from the note
    recent.keep(slow, snapshot("P1", 2));
    assertNull(recent.valid("P1", MAX_AGE));
  }

  @Test
  void shouldForgetWhatAStoppedOrRecoveredIncarnationKept() {
    RecentSnapshots.Slot first = recent.register("P1");
    RecentSnapshots.Reading old = recent.begin("P1");
    read("P1", snapshot("P1", 1));
    recent.forget("P1", first);
    assertNull(recent.valid("P1", MAX_AGE), "the entity stopped");
    assertEquals(0, recent.slots());
    recent.keep(old, snapshot("P1", 1)); // an answer arriving after the stop
    assertNull(recent.valid("P1", MAX_AGE));

    recent.register("P1");
    read("P1", snapshot("P1", 3));
    recent.forget("P1", first); // a late stop of the old incarnation leaves the new one's slot alone
    assertEquals(snapshot("P1", 3), recent.valid("P1", MAX_AGE));

    recent.register("P1"); // a new incarnation replaces the slot
    assertNull(recent.valid("P1", MAX_AGE));
    read("P1", snapshot("P1", 4));
    recent.forget("P1"); // a recovery forgets whatever any incarnation kept
    assertNull(recent.valid("P1", MAX_AGE));
    assertEquals(0, recent.slots());
  }
}

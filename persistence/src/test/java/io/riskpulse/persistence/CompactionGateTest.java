package io.riskpulse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When the compactor may run, from H2's write counts at its looks (an interval apart). */
class CompactionGateTest {

  private static final int IDLE = 4 << 20;
  private static final int QUIET = 512 << 10;
  private static final int BUSY = 256 << 10;

  private final CompactionGate gate =
      new CompactionGate(new JournalCompactor.Settings(Duration.ofMillis(200), 50, IDLE, 10, QUIET, 0));

  @Test
  void shouldOnlyCountAtTheFirstLook() {
    assertEquals(0, gate.look(1_000), "the first look sets the starting count");
    assertEquals(QUIET, gate.look(1_000), "then a look without writes, after an interval of unknown load");
    assertEquals(IDLE, gate.look(1_000), "two looks without writes: idle");
  }

  @Test
  void shouldNotRunUnderLoadAndOnlyALittleAtTheFirstQuietLook() {
    gate.look(0);
    assertEquals(0, gate.look(500), "500 writes in an interval: under load");
    assertEquals(0, gate.look(511), "11 writes: above quiet-writes");
    assertEquals(QUIET, gate.look(521), "10 writes: quiet");
    assertEquals(0, gate.look(900), "under load again");
    assertEquals(QUIET, gate.look(900), "no writes after load: could be a stall of the node's own, so only quiet");
    assertEquals(IDLE, gate.look(900), "no writes twice: idle");
  }

  @Test
  void shouldRunWithinTheBusyBudgetUnderLoadWhenOneIsSet() {
    CompactionGate busy =
        new CompactionGate(new JournalCompactor.Settings(Duration.ofMillis(200), 50, IDLE, 10, QUIET, BUSY));
    busy.look(0);
    assertEquals(BUSY, busy.look(500), "500 writes in an interval: under load, the busy budget");
    assertEquals(QUIET, busy.look(505), "5 writes: quiet");
    assertEquals(BUSY, busy.look(900), "under load again");
    busy.ranWith(3, false);
    assertEquals(0, busy.look(903), "only the run wrote since, and it found nothing");
    assertEquals(BUSY, busy.look(1_400), "the journal wrote again, under load");
  }

  @Test
  void shouldNotCountTheRunsOwnWritesAsTheJournals() {
    gate.look(0);
    gate.look(0);
    assertEquals(IDLE, gate.look(0));
    gate.ranWith(40, true); // the run rewrote pages, writing 40 times
    assertEquals(IDLE, gate.look(40), "only the run wrote since the last look");
  }

  @Test
  void shouldWaitForTheJournalToWriteAfterARunThatFoundNothing() {
    gate.look(0);
    gate.look(0);
    assertEquals(IDLE, gate.look(0));
    gate.ranWith(0, false);
    assertEquals(0, gate.look(0), "nothing to rewrite, and nothing written since");
    assertEquals(0, gate.look(0), "still nothing written");
    assertEquals(QUIET, gate.look(3), "the journal wrote: quiet, worth another run");
  }

  @Test
  void shouldSeeWhetherTheJournalStayedQuietUntilTheRunStarts() {
    assertTrue(gate.stillQuiet(1_000, 1_010), "10 more writes while the run waited");
    assertFalse(gate.stillQuiet(1_000, 1_011), "11: load resumed, the run compacts nothing");
  }

  @Test
  void shouldKeepAQueuedRunToTheBusyBudgetWhenTheLoadResumedMeanwhile() {
    assertEquals(IDLE, gate.budgetAtRun(IDLE, 1_000, 1_010), "still quiet: the look's budget");
    assertEquals(0, gate.budgetAtRun(IDLE, 1_000, 1_011), "load resumed, no busy budget: no run");
    CompactionGate busy =
        new CompactionGate(new JournalCompactor.Settings(Duration.ofMillis(200), 50, IDLE, 10, QUIET, BUSY));
    assertEquals(BUSY, busy.budgetAtRun(IDLE, 1_000, 1_500), "load resumed: at most the busy budget");
    assertEquals(BUSY, busy.budgetAtRun(BUSY, 1_000, 1_500), "a busy run stays busy");
    assertEquals(QUIET, busy.budgetAtRun(QUIET, 1_000, 1_005), "still quiet");
  }

  @Test
  void shouldStartOverAfterAReset() {
    gate.look(0);
    gate.look(0);
    gate.reset();
    assertEquals(0, gate.look(7), "the reopened database's count is a new start");
    assertEquals(QUIET, gate.look(7));
  }
}

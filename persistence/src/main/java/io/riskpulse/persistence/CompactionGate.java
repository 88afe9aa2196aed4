package io.riskpulse.persistence;

/**
 * Decides from H2's count of file writes, read at each of the compactor's looks, whether the embedded journal is
 * quiet enough to compact and how much: see {@link JournalCompactor.Settings#budgetAfter}. The compactor's own
 * writes are not the journal's, and a run queued behind the journal's transactions checks again that the journal
 * stayed quiet before it starts (if not, it keeps to the busy budget).
 *
 * <p>Not thread-safe: the compactor has one look or one run at a time, and hands the gate from one to the next
 * through a volatile flag.
 */
final class CompactionGate {

  private final JournalCompactor.Settings settings;
  /** H2's write count at the previous look, plus the writes of runs since; -1 before the first look. */
  private long seen = -1;
  /** The journal's writes between the two looks before the current one. */
  private long before = Long.MAX_VALUE;
  /** The last run rewrote nothing, and the journal has not written since: another run would find nothing either. */
  private boolean exhausted;

  CompactionGate(JournalCompactor.Settings settings) {
    this.settings = settings;
  }

  /**
   * A look at H2's write count {@code writes}: the budget of a run now, in bytes, or 0 for none (always 0 at the
   * first look, which only sets the starting count).
   */
  int look(long writes) {
    if (seen < 0) {
      seen = writes;
      return 0;
    }
    long since = writes - seen;
    seen = writes;
    int budget = settings.budgetAfter(since, before);
    before = since;
    if (since > 0) {
      exhausted = false;
    }
    return exhausted ? 0 : budget;
  }

  /**
   * Whether the journal is still quiet when a run queued at a look with H2's count at {@code writesAtLook} is about
   * to start with it at {@code writesNow}: at most {@code quiet-writes} more.
   */
  boolean stillQuiet(long writesAtLook, long writesNow) {
    return writesNow - writesAtLook <= settings.quietWrites();
  }

  /**
   * The budget of a run queued at a look with H2's count at {@code writesAtLook} and the look's {@code budget}, now
   * that it is about to start with the count at {@code writesNow}: the look's budget if the journal stayed quiet
   * ({@link #stillQuiet}), else at most the busy budget (0: no run).
   */
  int budgetAtRun(int budget, long writesAtLook, long writesNow) {
    return stillQuiet(writesAtLook, writesNow) ? budget : Math.min(budget, settings.busyMaxWriteBytes());
  }

  /**
   * A run wrote {@code count} times to the file (not the journal's writes, so not counted against quiet) and
   * {@code compacted} or found nothing to rewrite; in that case no run is due until the journal writes again (each
   * run goes through every chunk of the file, milliseconds with a large one).
   */
  void ranWith(long count, boolean compacted) {
    seen += count;
    exhausted = !compacted;
  }

  /** The database closed (the store will be found again): the next look starts over. */
  void reset() {
    seen = -1;
    before = Long.MAX_VALUE;
    exhausted = false;
  }
}

package io.riskpulse.model.portfolio;

/**
 * How many events a portfolio lets pass between two snapshots: fewer while its snapshot is small, more while it is
 * large, so that what snapshots cost each event stays bounded and a recovery's replay stays in proportion to the
 * snapshot it starts from.
 *
 * <p>A portfolio's snapshot is dominated by its execution-id window: about 8.6 bytes per remembered id packed
 * ({@link PackedExecutionIds}), 0.86 MB for a full window of 100,000 ids, against a few kilobytes for everything
 * else. A fixed interval makes a busy portfolio write its whole window every few hundred fills (a full window at
 * every 200 events ran the fill path at 0.44 x a small window's rate, docs/PERFORMANCE.md section 29), while a
 * long fixed interval makes every portfolio replay more on a restart or failover, the small ones too (a fixed
 * 2,000 took a restart 4.4 x as long as 200, section 30.2). Here the interval starts at {@code every} and doubles
 * each time the window holds {@value #WINDOW_IDS_PER_EVENT} ids per event of the doubled interval, up to
 * {@code max}: the window then adds at most about {@value #WINDOW_IDS_PER_EVENT} ids (about 86 bytes) of snapshot
 * per event, as long as the interval is below {@code max}.
 *
 * <p>A snapshot is due at a sequence number that is a multiple of the interval (shifted by a phase when staggered,
 * below), so the rule needs no memory of
 * the last snapshot and holds across restarts. Pekko's retention snapshots at the multiples of {@code max} and only
 * those delete older snapshots (from {@code 2 x keep x max} to {@code keep x max} events back). Pekko asks about
 * the events of one write in order and stops at the first snapshot due, so an interval's snapshot due earlier in the
 * same write would take the place of a retention snapshot and skip its deletion, leaving snapshots behind for good:
 * a snapshot is not due when a multiple of {@code max} follows it in the same write ({@link #due(long, long, int)}).
 * With {@code max} a power-of-two multiple of {@code every} (the default 200 and 1,600), every multiple of
 * {@code max} is also a multiple of every interval.
 *
 * <p>Lowering {@code max} on a journal written with a larger one narrows the deletion ranges: snapshots older than
 * the first range are left behind (harmless to recovery, which reads the latest).
 *
 * <p>{@linkplain #staggeredFor Staggered} for a portfolio, the snapshots between two retention snapshots are
 * shifted by the portfolio's {@linkplain PortfolioPhase phase} within the interval: at the sequence numbers {@code
 * n} with {@code (n + phase) % interval == 0}, so that portfolios that trade in step (a block trade allocated to
 * many accounts; a benchmark's round robin) do not all snapshot at the same moment, each holding the one journal
 * connection for a snapshot's write. The shifted snapshot that would fall within the last interval before a
 * retention snapshot is left out, so a portfolio takes as many snapshots as unstaggered when {@code max} is a
 * power-of-two multiple of {@code every} (the defaults; fewer otherwise), and up to about two intervals' events pass
 * between two of them: a recovery replays up to {@code 2 x interval - 1} events instead of {@code interval - 1}. The
 * retention snapshots stay at the multiples of {@code max}, where Pekko's retention takes them: those of portfolios
 * in step still fall together (one in eight at the defaults for a small window), and a portfolio whose window calls
 * for the longest interval snapshots only there, unstaggered.
 *
 * <p>Immutable and thread-safe.
 */
final class SnapshotInterval {

  /** Window ids per event of the interval at which the interval doubles. */
  static final int WINDOW_IDS_PER_EVENT = 10;

  private final int every;
  private final int max;
  /** The portfolio whose phase shifts the snapshots between retention snapshots; {@code null}: not shifted. */
  private final String staggeredFor;

  /**
   * @param every events between snapshots while the window is small (config {@code snapshot-every}), at least 1
   * @param max the longest interval, in events (config {@code snapshot-every-max}); below {@code every} it is
   *     {@code every}: a fixed interval, as before the setting existed
   * @throws IllegalArgumentException when {@code every} is below 1, naming the setting
   */
  SnapshotInterval(int every, int max) {
    this(every, max, null);
  }

  private SnapshotInterval(int every, int max, String staggeredFor) {
    if (every < 1) {
      throw new IllegalArgumentException("riskpulse.portfolio.snapshot-every must be at least 1, was " + every);
    }
    this.every = every;
    this.max = Math.max(every, max);
    this.staggeredFor = staggeredFor;
  }

  /** The same intervals, with the snapshots between retention snapshots shifted by {@code portfolioId}'s phase. */
  SnapshotInterval staggeredFor(String portfolioId) {
    return new SnapshotInterval(every, max, portfolioId);
  }

  /** The longest interval, in events: Pekko's retention snapshots (and deletes older snapshots) at its multiples. */
  int max() {
    return max;
  }

  /**
   * Events between snapshots for a window holding {@code windowIds} ids: {@code every} doubled while the window
   * holds {@value #WINDOW_IDS_PER_EVENT} ids per event of the doubled interval, at most {@code max}.
   */
  int forWindow(int windowIds) {
    long interval = every;
    while (interval < max && 2 * interval * WINDOW_IDS_PER_EVENT <= windowIds) {
      interval = Math.min(max, 2 * interval);
    }
    return (int) interval;
  }

  /**
   * Whether a snapshot is due at the event numbered {@code sequenceNr}, written together with the events up to
   * {@code lastInWrite}, the window holding {@code windowIds} before it: at a multiple of the interval (shifted by
   * the portfolio's phase when {@linkplain #staggeredFor staggered}), unless a multiple of {@code max} (a retention
   * snapshot, which Pekko must see) follows in the same write.
   */
  boolean due(long sequenceNr, long lastInWrite, int windowIds) {
    if (Math.max(sequenceNr, lastInWrite) / max != sequenceNr / max) {
      return false;
    }
    if (sequenceNr % max == 0) {
      return true; // a retention snapshot: Pekko takes it anyway
    }
    int interval = forWindow(windowIds);
    long phase = staggeredFor == null || interval == max ? 0 : PortfolioPhase.of(staggeredFor, interval);
    if (phase == 0) {
      return sequenceNr % interval == 0;
    }
    return (sequenceNr + phase) % interval == 0 && sequenceNr % max <= max - interval;
  }
}

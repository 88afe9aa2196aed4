package io.riskpulse.ingestion.pipeline;

import java.util.TreeSet;

/**
 * Judges the sequence numbers of one source: in order, after a gap, a late message filling a gap, or a
 * duplicate. The first sequence number seen from a source is its base. Gaps are remembered (up to
 * {@link #MAX_TRACKED_MISSING} missing numbers) so a late arrival can be told from a duplicate.
 *
 * <p>A number <em>below</em> the base is late too, and lowers the base: it arrives when a node that joined a
 * stream mid-way (restarted while its publisher still counted the old process as connected) is sent what it
 * never received (see {@code FeedPublisher}). Nothing below the base was ever received by this node, so it
 * cannot be a duplicate here; a message an earlier node already applied is recognised by its execution id.
 *
 * <p>Not thread-safe: each source is read by one thread (its Aeron subscriber or FIX session).
 */
public final class SequenceTracker {

  /** Missing sequence numbers remembered per source; beyond this the oldest are forgotten. */
  public static final int MAX_TRACKED_MISSING = 100_000;

  /** What a sequence number means for its source. */
  public enum Verdict {
    /** The next expected number. */
    IN_ORDER,
    /** Beyond the next expected number: the numbers in between are missing (a gap). */
    AFTER_GAP,
    /** Below the highest seen, and one of the missing numbers: arrives late, fills part of a gap. */
    LATE,
    /** Below the highest seen and not missing (or no longer remembered): already received. */
    DUPLICATE,
    /** Zero or negative: not a sequence number. */
    INVALID
  }

  private long highest;
  private long lowest;
  private final TreeSet<Long> missing = new TreeSet<>();
  private long gaps;
  private long missingTotal;
  private long lastGapSize;

  /** Judges and records {@code sequence}. */
  public Verdict observe(long sequence) {
    if (sequence < 1) {
      return Verdict.INVALID;
    }
    if (highest == 0) {
      // The first message this node sees from the source sets its base: a node that starts (or restarts)
      // while a source is mid-stream missed nothing it could have had, and the publisher's replay starts
      // where the source was last acknowledged.
      highest = sequence;
      lowest = sequence;
      return Verdict.IN_ORDER;
    }
    if (sequence < lowest) {
      remember(sequence + 1, lowest);
      lowest = sequence;
      return Verdict.LATE;
    }
    if (sequence == highest + 1) {
      highest = sequence;
      return Verdict.IN_ORDER;
    }
    if (sequence > highest) {
      long gapSize = sequence - highest - 1;
      gaps++;
      missingTotal += gapSize;
      lastGapSize = gapSize;
      remember(highest + 1, sequence);
      highest = sequence;
      return Verdict.AFTER_GAP;
    }
    return missing.remove(sequence) ? Verdict.LATE : Verdict.DUPLICATE;
  }

  /** Remembers {@code [from, to)} as missing, keeping the newest {@link #MAX_TRACKED_MISSING} numbers. */
  private void remember(long from, long to) {
    for (long s = Math.max(from, to - MAX_TRACKED_MISSING); s < to; s++) {
      missing.add(s);
    }
    while (missing.size() > MAX_TRACKED_MISSING) {
      missing.pollFirst();
    }
  }

  /** Lowest sequence number received: the base, lowered by late numbers below it. */
  public long lowest() {
    return lowest;
  }

  /** Highest sequence number received. */
  public long highest() {
    return highest;
  }

  /** Gaps detected since start. */
  public long gaps() {
    return gaps;
  }

  /** Sequence numbers skipped over by gaps since start (some may have arrived late since). */
  public long missingTotal() {
    return missingTotal;
  }

  /** Size of the most recent gap. */
  public long lastGapSize() {
    return lastGapSize;
  }

  /** Sequence numbers still missing (remembered ones only). */
  public int outstanding() {
    return missing.size();
  }
}

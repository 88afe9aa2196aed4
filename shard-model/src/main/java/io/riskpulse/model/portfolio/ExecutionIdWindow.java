package io.riskpulse.model.portfolio;

import io.riskpulse.model.collect.BoundedIdRing;
import java.util.OptionalInt;

/**
 * The most recent execution ids of a portfolio with a fingerprint of each fill's content, for idempotency.
 * Bounded: when full, the oldest id is forgotten. Sized (config {@code riskpulse.portfolio.dedup-window}) to
 * cover far more than any redelivery horizon of a feed or drop copy; an id older than the window would be
 * applied again, which the ingestion layer's per-source sequence numbers prevent.
 *
 * <p>The fingerprint tells a redelivery (same id, same fill: a duplicate) from an id reused for a different
 * fill (a conflict, refused loudly rather than dropped silently).
 *
 * <p>Not thread-safe: owned by one portfolio entity. Saved in snapshots and rebuilt by replaying events, so
 * it survives recovery. Kept in a {@link BoundedIdRing}: the ids of the last 100,000 fills stay for minutes, and an
 * object per id (a {@code String}, a boxed fingerprint) would be copied at every young collection until tenured.
 */
final class ExecutionIdWindow {

  /** Fingerprint of ids restored from a snapshot that predates fingerprints: matches any content. */
  static final int UNKNOWN = 0;

  private final BoundedIdRing fingerprints;

  /** @param capacity most ids kept (≥ 1; the ring refuses others) */
  ExecutionIdWindow(int capacity) {
    this.fingerprints = new BoundedIdRing(capacity);
  }

  /** A fingerprint of a fill's content (portfolio, instrument, side, quantity, price); never {@link #UNKNOWN}. */
  static int fingerprint(Execution execution) {
    int hash = java.util.Objects.hash(execution.portfolioId(), execution.symbol(), execution.side(),
        execution.quantity(), execution.price());
    return hash == UNKNOWN ? 1 : hash;
  }

  /** The fingerprint remembered for an id, or {@code null} when the id is not in the window. */
  Integer fingerprint(String executionId) {
    OptionalInt print = fingerprints.get(executionId);
    return print.isPresent() ? Integer.valueOf(print.getAsInt()) : null;
  }

  /** Remembers {@code executionId} (copied: the window keeps no reference to it) unless it is already there. */
  void add(CharSequence executionId, int fingerprint) {
    fingerprints.add(executionId, fingerprint);
  }

  /** The window in its snapshot form, oldest first. */
  PackedExecutionIds pack() {
    return PackedExecutionIds.pack(fingerprints.size(), sink -> fingerprints.forEach(sink::accept));
  }

  /** Adds every entry of {@code packed}, oldest first (recovery from a snapshot). */
  void addAll(PackedExecutionIds packed) {
    packed.forEach(this::add);
  }

  int size() {
    return fingerprints.size();
  }
}

package io.riskpulse.model.portfolio;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The last snapshot each portfolio entity on this node answered, for reads that can take one a little old
 * ({@link PortfolioClient#recentSnapshot}): the API's GetPortfolio answers from here, on its own thread, instead of
 * asking the entity, when nothing the snapshot shows can have changed since it was taken.
 *
 * <p>A kept snapshot is valid while all of these hold, so that it equals what the entity would answer now except for
 * the figures that move with the clock alone (the order-flow rates over their windows and the snapshot's time),
 * which are at most the reader's maximum age old:
 * <ul>
 *   <li>the entity has handled no command since (every command but a snapshot read, timers included, counts: the
 *       entity calls {@link #changed} before handling it, and journaled events are applied before the next command);
 *   <li>the node's market view took no quote since ({@link io.riskpulse.model.market.MarketView#version}), so the
 *       valuation and the risk figures are the same;
 *   <li>it is younger than the reader's maximum age;
 *   <li>the entity incarnation that took it is still running on this node (it is forgotten when the entity stops or
 *       recovers).
 * </ul>
 * The reader notes the entity's generation and the market's version <em>before</em> it asks, so a change racing
 * with the ask only makes the kept snapshot invalid, never a stale one valid.
 *
 * <p>Only entities that have been read get a slot (about a hundred bytes, and the last snapshot until the entity's
 * next command), so a resident portfolio nobody reads costs nothing here. Thread-safe: one writer of a slot's generation (its entity)
 * and any number of readers.
 */
public final class RecentSnapshots {

  /** One entity incarnation's slot. */
  static final class Slot {
    /** Raised by the entity before each command, and when the slot is dropped. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Kept kept;

    /**
     * The entity is about to handle a command that may change what a snapshot shows. The kept snapshot is let go
     * too, so a portfolio read once does not hold one for as long as it stays resident.
     */
    void changed() {
      generation.incrementAndGet();
      kept = null;
    }
  }

  /** A snapshot and what it was valid for. */
  private record Kept(PortfolioSnapshot snapshot, long generation, long marketVersion, long takenAtNanos) {}

  /**
   * What a reader noted before asking its entity: {@link #keep} keeps the answer only for the generation and market
   * version noted here.
   */
  public static final class Reading {
    private final Slot slot;
    private final long generation;
    private final long marketVersion;
    private final long startedAtNanos;

    private Reading(Slot slot, long generation, long marketVersion, long startedAtNanos) {
      this.slot = slot;
      this.generation = generation;
      this.marketVersion = marketVersion;
      this.startedAtNanos = startedAtNanos;
    }
  }

  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
  private final LongSupplier marketVersion;
  private final LongSupplier nanoClock;

  /**
   * @param marketVersion the node's market view version ({@code MarketView::version})
   * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}; tests give their own)
   */
  public RecentSnapshots(LongSupplier marketVersion, LongSupplier nanoClock) {
    this.marketVersion = marketVersion;
    this.nanoClock = nanoClock;
  }

  /** The entity's slot for this incarnation, replacing (and invalidating) any earlier one. Entity only. */
  Slot register(String portfolioId) {
    Slot slot = new Slot();
    Slot earlier = slots.put(portfolioId, slot);
    if (earlier != null) {
      earlier.changed();
    }
    return slot;
  }

  /**
   * Invalidates and drops whatever is kept for the portfolio, by any incarnation: its entity recovered (a restart
   * may not have stopped the one before cleanly). Entity only.
   */
  void forget(String portfolioId) {
    Slot slot = slots.remove(portfolioId);
    if (slot != null) {
      drop(slot);
    }
  }

  /** Invalidates and drops this incarnation's slot (its entity stopped); a newer incarnation's stays. Entity only. */
  void forget(String portfolioId, Slot slot) {
    slots.remove(portfolioId, slot);
    drop(slot);
  }

  private static void drop(Slot slot) {
    slot.changed();
  }

  /**
   * The portfolio's kept snapshot if it is valid and younger than {@code maxAgeNanos}, else {@code null}.
   */
  public PortfolioSnapshot valid(String portfolioId, long maxAgeNanos) {
    Slot slot = slots.get(portfolioId);
    if (slot == null) {
      return null;
    }
    Kept kept = slot.kept;
    if (kept == null || kept.generation != slot.generation.get() || kept.marketVersion != marketVersion.getAsLong()
        || nanoClock.getAsLong() - kept.takenAtNanos >= maxAgeNanos) {
      return null;
    }
    return kept.snapshot;
  }

  /**
   * Notes the portfolio's generation and the market's version before an ask; {@code null} when the portfolio has
   * no slot here (never read, or not on this node), in which case its answer is not kept.
   */
  public Reading begin(String portfolioId) {
    Slot slot = slots.get(portfolioId);
    if (slot == null) {
      return null;
    }
    long started = nanoClock.getAsLong();
    long generation = slot.generation.get();
    return new Reading(slot, generation, marketVersion.getAsLong(), started);
  }

  /**
   * Keeps the answer to the ask {@code reading} was noted for. It is valid only while the generation and the market
   * version are still those noted, and it ages from the ask's start.
   */
  public void keep(Reading reading, PortfolioSnapshot snapshot) {
    if (reading != null && snapshot != null) {
      reading.slot.kept = new Kept(snapshot, reading.generation, reading.marketVersion, reading.startedAtNanos);
    }
  }

  /** Portfolios with a slot on this node (read at least once by this incarnation); for tests and metrics. */
  public int slots() {
    return slots.size();
  }
}

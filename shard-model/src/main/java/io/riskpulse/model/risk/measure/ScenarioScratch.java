package io.riskpulse.model.risk.measure;

/**
 * Working arrays for scenario computations (a what-if P&amp;L vector, the selection buffer of {@link HistoricalVar}),
 * one set per thread rather than one per portfolio.
 *
 * <p>Why: every live portfolio used to own four such arrays of {@code scenarios} doubles (4,016 bytes each at 500
 * scenarios), 16 KB per resident entity that hold nothing between two calls. An entity's computation runs on one
 * thread from start to end (an actor processes one message at a time, synchronously), so a buffer borrowed from
 * the current thread for the length of one method call is never seen by another computation; a node holds one set
 * per dispatcher thread instead of one per portfolio. Reads stay allocation-free.
 *
 * <p>Rules for a borrower: take the array, fill it, use it and be done within one method, without calling another
 * borrower of the same array in between (the two accessors are separate arrays, so a method may hold one of each).
 * The contents are undefined when borrowed.
 *
 * <p>Thread-safety: each thread has its own instance; an instance is never shared.
 */
public final class ScenarioScratch {

  private static final ThreadLocal<ScenarioScratch> PER_THREAD = ThreadLocal.withInitial(ScenarioScratch::new);

  private double[] vector = new double[0];
  private double[] selection = new double[0];

  private ScenarioScratch() {}

  /** The current thread's arrays. */
  public static ScenarioScratch current() {
    return PER_THREAD.get();
  }

  /** A P&amp;L vector of exactly {@code scenarios} elements, contents undefined (e.g. a what-if copy). */
  public double[] vector(int scenarios) {
    if (vector.length != scenarios) {
      vector = new double[scenarios];
    }
    return vector;
  }

  /** The selection buffer {@link HistoricalVar} overwrites, exactly {@code scenarios} elements. */
  public double[] selection(int scenarios) {
    if (selection.length != scenarios) {
      selection = new double[scenarios];
    }
    return selection;
  }
}

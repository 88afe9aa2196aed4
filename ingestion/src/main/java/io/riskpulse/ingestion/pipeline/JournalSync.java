package io.riskpulse.ingestion.pipeline;

/**
 * Makes every journal write committed so far durable (e.g. the embedded journal's flush). Called by the
 * {@link DurabilityGate} before messages are reported handled, from one thread at a time.
 */
@FunctionalInterface
public interface JournalSync {

  /**
   * For journals whose commits are as durable as configured when they return (the embedded journal written
   * through without forcing to the device, Cassandra, tests without a journal file): {@link #isNeeded} is
   * {@code false}, so handled reports are delivered at once, on the thread that reports them.
   */
  JournalSync NONE = new JournalSync() {
    @Override
    public void sync() {}

    @Override
    public boolean isNeeded() {
      return false;
    }

    @Override
    public String toString() {
      return "JournalSync.NONE";
    }
  };

  /** Returns once every write committed before the call is durable; throws if that cannot be ensured. */
  void sync() throws Exception;

  /**
   * Whether {@link #sync} does anything. {@code false} lets the {@link DurabilityGate} skip its thread: a report
   * then costs no hand-over between threads and no wake-up. Must not change over the sync's lifetime.
   */
  default boolean isNeeded() {
    return true;
  }
}

package io.riskpulse.ingestion.pipeline;

/**
 * Makes every journal write committed so far durable (e.g. the embedded journal's flush). Called by the
 * {@link DurabilityGate} before messages are reported handled, from one thread at a time.
 */
@FunctionalInterface
public interface JournalSync {

  /** For journals whose commits are durable when they return (and for tests without a journal file). */
  JournalSync NONE = () -> {};

  /** Returns once every write committed before the call is durable; throws if that cannot be ensured. */
  void sync() throws Exception;
}

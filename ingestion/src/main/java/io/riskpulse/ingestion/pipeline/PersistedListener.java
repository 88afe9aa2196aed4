package io.riskpulse.ingestion.pipeline;

/**
 * Told when a message of a source has been handled: an order-flow message or fill answered by its portfolio
 * (a fill: persisted), or any message refused into the quarantine. Calls for one source come mostly in
 * sequence order, but not always (a late message after a gap; a refusal at the edge while earlier messages are
 * still with the shards), and from more than one thread: listeners must be thread-safe, and a publisher may
 * only forget what is handled <em>contiguously</em> (see the Aeron ack publisher).
 */
@FunctionalInterface
public interface PersistedListener {

  void handled(String sourceId, long sequence);

  /**
   * Told when an order-flow message or fill enters the pipeline (before it is handled), and when any message
   * is refused (just before {@link #handled}); accepted market data is not reported. Lets an acknowledger know the lowest number
   * this node has received from a source, even while that message is still on its way to the journal.
   */
  default void received(String sourceId, long sequence) {}
}

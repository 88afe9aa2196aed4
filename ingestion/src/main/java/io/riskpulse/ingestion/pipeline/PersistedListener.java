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
}

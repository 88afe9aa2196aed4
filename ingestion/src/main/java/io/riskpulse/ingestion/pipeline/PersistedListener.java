package io.riskpulse.ingestion.pipeline;

/**
 * Told when an order-flow message or fill of a source has been handled by its portfolio (a fill: persisted, or
 * found already persisted). Calls for one source arrive in sequence order, so the last sequence told is the
 * highest contiguous handled one: what a feed publisher may stop retransmitting.
 */
@FunctionalInterface
public interface PersistedListener {

  void handled(String sourceId, long sequence);
}

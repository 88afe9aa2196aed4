package io.riskpulse.ingestion.event;

import java.util.concurrent.CompletionStage;

/**
 * Where a feed adapter (Aeron subscriber, FIX acceptor) hands decoded messages and rejections. Implementations
 * apply backpressure by blocking the calling feed thread while the pipeline's bounded buffer is full: a valid
 * message is never dropped.
 */
public interface IngestSink {

  /** Hands over a decoded message; blocks while the pipeline is full. Its sequence number is checked. */
  void accept(IngestEvent event) throws InterruptedException;

  /**
   * Hands over a message from a transport whose session layer already guarantees order and completeness (FIX:
   * QuickFIX/J resends gaps and drops duplicates, and MsgSeqNum also counts session messages and may be reset),
   * so the pipeline's own sequence check is skipped. Blocks while the pipeline is full. A sink that checks no
   * sequence numbers treats both the same.
   */
  default void acceptInSessionOrder(IngestEvent event) throws InterruptedException {
    accept(event);
  }

  /**
   * Hands over a message as {@link #acceptInSessionOrder} does, and returns a stage that completes once the
   * message is handled: answered by its portfolio (a fill: persisted in the journal) or refused into the
   * quarantine. For a transport that consumes its input for good when its callback returns (FIX: QuickFIX/J
   * advances the expected MsgSeqNum after {@code fromApp}), waiting on this stage before returning means a
   * crash can never lose a message the counterparty considers delivered.
   *
   * <p>The stage may never complete (a message no portfolio answered is kept for replay, not reported as
   * handled), so callers wait with a timeout and cancel the stage when they give up. Blocks while the pipeline
   * is full, as {@link #acceptInSessionOrder} does.
   */
  CompletionStage<Void> acceptInSessionOrderTracked(IngestEvent event) throws InterruptedException;

  /**
   * Reports a message refused at the edge (it never becomes an event).
   *
   * @param sourceId feed identity, as in {@link IngestEvent#sourceId()}
   * @param sequence the message's sequence number if it could be read, else -1
   */
  void reject(String sourceId, long sequence, IngestRejection reason, String detail);
}

package io.riskpulse.ingestion.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.ingestion.event.IngestSink;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real sink for tests: collects events and rejections into unbounded blocking queues. */
final class CollectingSink implements IngestSink {

  static final long TIMEOUT_SECONDS = 10;

  record Rejection(String sourceId, long sequence, IngestRejection reason, String detail) {}

  final BlockingQueue<IngestEvent> events = new LinkedBlockingQueue<>();
  final BlockingQueue<Rejection> rejections = new LinkedBlockingQueue<>();

  @Override
  public void accept(IngestEvent event) {
    events.add(event);
  }

  /** Collected counts as handled: there is no journal behind this sink. */
  @Override
  public CompletionStage<Void> acceptInSessionOrderTracked(IngestEvent event) {
    events.add(event);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void reject(String sourceId, long sequence, IngestRejection reason, String detail) {
    rejections.add(new Rejection(sourceId, sequence, reason, detail));
  }

  <T extends IngestEvent> T nextEvent(Class<T> type) throws InterruptedException {
    IngestEvent event = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(event, "no ingest event within " + TIMEOUT_SECONDS + " s");
    return assertInstanceOf(type, event);
  }

  Rejection nextRejection(IngestRejection expectedReason) throws InterruptedException {
    Rejection rejection = rejections.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(rejection, "no rejection within " + TIMEOUT_SECONDS + " s");
    assertEquals(expectedReason, rejection.reason(), rejection.toString());
    return rejection;
  }
}

package io.riskpulse.ingestion.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.ingestion.event.IngestSink;
import io.riskpulse.ingestion.fix.DropCopyCounters.MessageKind;
import io.riskpulse.ingestion.fix.DropCopyCounters.Outcome;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping while the pipeline is full: the session thread blocked in the sink is released, the message it held
 * is not consumed, and after a restart on the same file store the OMS resends it.
 */
@ExtendWith(LogCapturingExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DropCopyRestartTest {

  @TempDir
  Path dataDirectory;

  /** A pipeline with room for one event: the second hand-off blocks until stop interrupts it. */
  private static final class FullPipelineSink implements IngestSink {
    final BlockingQueue<IngestEvent> offered = new LinkedBlockingQueue<>();
    final BlockingQueue<IngestEvent> pipeline = new ArrayBlockingQueue<>(1);

    @Override
    public void accept(IngestEvent event) throws InterruptedException {
      offered.add(event);
      pipeline.put(event);
    }

    @Override
    public void reject(String sourceId, long sequence, IngestRejection reason, String detail) {}
  }

  @Test
  void shouldReleaseABlockedHandOffOnStopAndGetTheMessageResentAfterRestart() throws Exception {
    FullPipelineSink fullSink = new FullPipelineSink();
    DropCopyAcceptor first = fileStoreAcceptor(fullSink, 0);
    first.start();
    int port = first.localPort();
    try (OmsInitiator oms = new OmsInitiator(port)) {
      oms.startAndAwaitLogon();
      int firstSeq = oms.send(FixMessages.trade("EX-1", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 10, 187));
      int blockedSeq = oms.send(FixMessages.trade("EX-2", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 20, 188));
      assertEquals(firstSeq, fullSink.offered.poll(CollectingSink.TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence());
      assertEquals(blockedSeq, fullSink.offered.poll(CollectingSink.TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence());

      first.stop();
      assertEquals(1, first.counters().count(MessageKind.EXECUTION_REPORT, Outcome.EVENT));
      assertEquals(1, first.counters().count(MessageKind.EXECUTION_REPORT, Outcome.NOT_HANDED_OFF));
      assertEquals(1, fullSink.pipeline.size());

      CollectingSink sink = new CollectingSink();
      try (DropCopyAcceptor second = fileStoreAcceptor(sink, port)) {
        second.start();
        IngestEvent.Fill resent = sink.nextEvent(IngestEvent.Fill.class);
        assertEquals("EX-2", resent.execution().executionId());
        assertEquals(blockedSeq, resent.sequence());
        oms.roundTrip();
        assertTrue(sink.events.isEmpty(), "EX-1 was consumed before the stop and is not resent: " + sink.events);
        assertTrue(second.counters().resendRequestsSent() >= 1);
      }
    }
  }

  private DropCopyAcceptor fileStoreAcceptor(IngestSink sink, int port) throws Exception {
    return DropCopyAcceptor.builder(sink).acceptPort(port).dataDirectory(dataDirectory)
        .messageStore(DropCopyAcceptor.MessageStore.FILE).build();
  }
}

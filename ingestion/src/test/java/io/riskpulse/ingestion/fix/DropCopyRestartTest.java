package io.riskpulse.ingestion.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.ingestion.event.IngestSink;
import io.riskpulse.ingestion.fix.DropCopyCounters.MessageKind;
import io.riskpulse.ingestion.fix.DropCopyCounters.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
    public CompletionStage<Void> acceptInSessionOrderTracked(IngestEvent event) throws InterruptedException {
      accept(event);
      return CompletableFuture.completedFuture(null);
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

  /**
   * A pipeline that takes every event at once but reports the first {@code unanswered} of them as handled
   * never (a fill still on its way to the journal when the node dies, or one no portfolio answered).
   */
  private static final class SlowJournalSink implements IngestSink {
    final BlockingQueue<IngestEvent> offered = new LinkedBlockingQueue<>();
    private int unanswered;

    SlowJournalSink(int unanswered) {
      this.unanswered = unanswered;
    }

    @Override
    public void accept(IngestEvent event) {
      offered.add(event);
    }

    @Override
    public synchronized CompletionStage<Void> acceptInSessionOrderTracked(IngestEvent event) {
      offered.add(event);
      return unanswered-- > 0 ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
    }

    @Override
    public void reject(String sourceId, long sequence, IngestRejection reason, String detail) {}
  }

  @Test
  void shouldNotConsumeAFillThatIsEnqueuedButNotYetPersistedWhenTheNodeStops() throws Exception {
    SlowJournalSink slow = new SlowJournalSink(1);
    DropCopyAcceptor first = fileStoreAcceptor(slow, 0);
    first.start();
    int port = first.localPort();
    try (OmsInitiator oms = new OmsInitiator(port)) {
      oms.startAndAwaitLogon();
      int seq = oms.send(FixMessages.trade("EX-1", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 10, 187));
      assertEquals(seq, slow.offered.poll(CollectingSink.TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence());

      first.stop();
      assertEquals(1, first.counters().count(MessageKind.EXECUTION_REPORT, Outcome.NOT_HANDED_OFF));

      CollectingSink sink = new CollectingSink();
      try (DropCopyAcceptor second = fileStoreAcceptor(sink, port)) {
        second.start();
        IngestEvent.Fill resent = sink.nextEvent(IngestEvent.Fill.class);
        assertEquals("EX-1", resent.execution().executionId());
        assertEquals(seq, resent.sequence());
      }
    }
  }

  @Test
  void shouldLeaveAFillThatIsNotHandledInTimeForTheCounterpartyToResend() throws Exception {
    SlowJournalSink slow = new SlowJournalSink(1);
    try (DropCopyAcceptor acceptor = DropCopyAcceptor.builder(slow).acceptPort(0).dataDirectory(dataDirectory)
            .messageStore(DropCopyAcceptor.MessageStore.FILE).handledTimeout(Duration.ofMillis(200)).build();
        OmsInitiator oms = startedOms(acceptor)) {
      int first = oms.send(FixMessages.trade("EX-1", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 10, 187));
      assertEquals(first, slow.offered.poll(CollectingSink.TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence());
      // EX-1 times out unhandled and is not consumed; EX-2 then arrives above the expected number, so the
      // acceptor asks for a resend and takes EX-1 again before EX-2.
      int second = oms.send(FixMessages.trade("EX-2", "PF-1", "s", "AAPL", quickfix.field.Side.BUY, 20, 188));
      IngestEvent again = slow.offered.poll(CollectingSink.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertEquals(first, again.sequence(), "EX-1 resent first: " + again);
      assertEquals("EX-1", ((IngestEvent.Fill) again).execution().executionId());
      assertEquals(second, slow.offered.poll(CollectingSink.TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence());
      oms.roundTrip(); // EX-2 is counted after the sink took it: wait until the acceptor is done with it
      assertTrue(acceptor.counters().resendRequestsSent() >= 1);
      assertEquals(2, acceptor.counters().count(MessageKind.EXECUTION_REPORT, Outcome.EVENT));
      assertEquals(1, acceptor.counters().count(MessageKind.EXECUTION_REPORT, Outcome.NOT_HANDED_OFF));
    }
  }

  private static OmsInitiator startedOms(DropCopyAcceptor acceptor) throws Exception {
    acceptor.start();
    OmsInitiator oms = new OmsInitiator(acceptor.localPort());
    oms.startAndAwaitLogon();
    return oms;
  }

  private DropCopyAcceptor fileStoreAcceptor(IngestSink sink, int port) throws Exception {
    return DropCopyAcceptor.builder(sink).acceptPort(port).dataDirectory(dataDirectory)
        .messageStore(DropCopyAcceptor.MessageStore.FILE).build();
  }
}

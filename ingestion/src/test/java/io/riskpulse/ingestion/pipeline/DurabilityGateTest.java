package io.riskpulse.ingestion.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DurabilityGateTest {

  /** A journal whose flushes the test lets through one at a time. */
  private static final class ControlledSync implements JournalSync {
    final Semaphore started = new Semaphore(0);
    final Semaphore allowed = new Semaphore(0);
    final AtomicInteger failuresLeft = new AtomicInteger();

    @Override
    public void sync() throws Exception {
      started.release();
      allowed.acquire();
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new java.io.IOException("disk full");
      }
    }
  }

  /** A sync with nothing to do that still counts as needed: the gate runs its thread. */
  private static final JournalSync NEEDED_NO_OP = () -> { };

  private final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();

  private String next() throws InterruptedException {
    return delivered.poll(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldReportHandledOnlyAfterAFlushThatStartedAfterIt() throws Exception {
    ControlledSync sync = new ControlledSync();
    DurabilityGate gate = new DurabilityGate(sync, (source, seq, event) -> delivered.add(source + "#" + seq));
    gate.submit("aeron:1", 1, null);
    assertTrue(sync.started.tryAcquire(10, TimeUnit.SECONDS));
    gate.submit("aeron:1", 2, null); // arrives while the first flush runs: it needs the next one
    assertNull(delivered.poll(), "delivered before its flush returned");
    sync.allowed.release();
    assertEquals("aeron:1#1", next());
    assertTrue(sync.started.tryAcquire(10, TimeUnit.SECONDS));
    assertNull(delivered.poll(), "#2 was submitted after the first flush began");
    sync.allowed.release();
    assertEquals("aeron:1#2", next());
    sync.allowed.release(100);
    gate.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldHoldReportsWhileTheJournalCannotBeFlushedAndDeliverThemInOrderAfterwards() throws Exception {
    ControlledSync sync = new ControlledSync();
    sync.failuresLeft.set(2);
    DurabilityGate gate = new DurabilityGate(sync, (source, seq, event) -> delivered.add(source + "#" + seq));
    gate.submit("fix:OMS", 7, null);
    gate.submit("aeron:2", 3, null);
    sync.allowed.release(); // fails
    sync.allowed.release(); // fails
    assertTrue(sync.started.tryAcquire(3, 10, TimeUnit.SECONDS), "retried after failures");
    assertNull(delivered.poll(), "delivered although the journal could not be flushed");
    sync.allowed.release();
    assertEquals(List.of("fix:OMS#7", "aeron:2#3"), List.of(next(), next()));
    sync.allowed.release(100);
    gate.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldDeliverWhatIsQueuedBeforeStopping() throws Exception {
    DurabilityGate gate = new DurabilityGate(NEEDED_NO_OP, (source, seq, event) -> delivered.add(source + "#" + seq));
    for (int i = 1; i <= 1_000; i++) {
      gate.submit("aeron:3", i, null);
    }
    gate.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(1_000, delivered.size());
    assertEquals("aeron:3#1000", List.copyOf(delivered).get(999));
  }

  @Test
  void shouldStartSyncsNoCloserThanTheMinimumInterval() throws Exception {
    List<Long> starts = new java.util.concurrent.CopyOnWriteArrayList<>();
    long intervalNanos = TimeUnit.MILLISECONDS.toNanos(20);
    DurabilityGate gate = new DurabilityGate(() -> starts.add(System.nanoTime()), intervalNanos,
        (source, seq, event) -> delivered.add(source + "#" + seq));
    for (int i = 1; i <= 3; i++) {
      gate.submit("aeron:4", i, null);
      assertEquals("aeron:4#" + i, next());
    }
    gate.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(3, starts.size());
    for (int i = 1; i < starts.size(); i++) {
      assertTrue(starts.get(i) - starts.get(i - 1) >= intervalNanos, "syncs " + i + " closer than 20 ms");
    }
  }

  @Test
  void shouldStopWhileReportsKeepArriving() throws Exception {
    DurabilityGate gate = new DurabilityGate(NEEDED_NO_OP, (source, seq, event) -> { });
    java.util.concurrent.atomic.AtomicBoolean producing = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread producer = new Thread(() -> {
      for (long seq = 1; producing.get(); seq++) {
        gate.submit("aeron-md:1", seq, null); // e.g. a storm of refused quotes during shutdown
      }
    });
    producer.start();
    try {
      gate.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      producing.set(false);
      producer.join();
    }
  }

  @Test
  void shouldDeliverOnTheSubmittersThreadWhenNoSyncIsNeeded() throws Exception {
    List<Thread> deliveringThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    DurabilityGate gate = new DurabilityGate(JournalSync.NONE, (source, seq, event) -> {
      deliveringThreads.add(Thread.currentThread());
      delivered.add(source + "#" + seq);
    });
    gate.submit("aeron:5", 1, null);
    assertEquals(List.of("aeron:5#1"), List.copyOf(delivered), "not delivered before submit returned");
    Thread other = new Thread(() -> gate.submit("aeron:5", 2, null), "other-submitter");
    other.start();
    other.join();
    assertEquals(List.of(Thread.currentThread(), other), deliveringThreads);
    assertTrue(gate.stop().toCompletableFuture().isDone(), "a gate without a thread has nothing to stop");
    assertEquals(0, gate.syncs());
  }

  @Test
  void shouldKeepDeliveringWhenADeliveryFailsWithoutASync() {
    DurabilityGate gate = new DurabilityGate(JournalSync.NONE, (source, seq, event) -> {
      if (seq == 1) {
        throw new IllegalStateException("listener bug");
      }
      delivered.add(source + "#" + seq);
    });
    gate.submit("aeron:6", 1, null); // must not throw into the pipeline's stream
    gate.submit("aeron:6", 2, null);
    assertEquals(List.of("aeron:6#2"), List.copyOf(delivered));
  }
}

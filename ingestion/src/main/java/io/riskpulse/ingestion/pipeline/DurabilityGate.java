package io.riskpulse.ingestion.pipeline;

import io.riskpulse.ingestion.event.IngestEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.pekko.Done;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds "handled" reports until the journal writes behind them are durable: group commit. A report submitted
 * here is delivered only after a {@link JournalSync#sync} that started after it was submitted has succeeded,
 * so an acknowledgement (Aeron ack, FIX consumption) never covers a write a crash could still lose. One sync
 * covers every report waiting, so its cost is shared: at higher rates each sync covers more messages.
 *
 * <p>Syncs start at least {@code minSyncInterval} apart: the embedded journal rewrites every index page a sync
 * covers, whatever the number of writes on it, so spacing syncs trades a little acknowledgement latency for
 * much less write work under load (measured in docs/PERFORMANCE.md). Zero syncs as soon as anything waits.
 *
 * <p>Reports are delivered in submission order, from the gate's own thread. A failing sync delivers nothing;
 * it is retried (publishers keep their frames meanwhile and replay them if the node dies).
 *
 * <p>A sync that is not {@linkplain JournalSync#isNeeded needed} (every commit is as durable as configured when it
 * returns: the embedded journal's default, Cassandra) has nothing to wait for: the gate then starts no thread and
 * delivers each report at once, on the thread that submits it. That spares every fill a hand-over between threads
 * and a wake-up, and the node a thread (docs/PERFORMANCE.md section 27 measured no difference in fill rate or
 * latency beyond noise); the order between reports submitted on different threads is then the order in which their
 * deliveries run, which {@link PersistedListener}s are written for.
 *
 * <p>Thread-safety: {@link #submit} from any thread; delivery on one daemon thread, or on the submitter's.
 */
final class DurabilityGate {

  private static final Logger log = LoggerFactory.getLogger(DurabilityGate.class);
  /** Wait after a failed sync before trying again. */
  private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  /** Longest park while idle; submit() unparks at once. */
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** A message reported handled; {@code event} is the handed-over event when known, else null. */
  record Handled(String sourceId, long sequence, IngestEvent event) {}

  /** Where durable reports go. */
  @FunctionalInterface
  interface Delivery {
    void deliver(String sourceId, long sequence, IngestEvent event);
  }

  private final JournalSync sync;
  private final long minSyncIntervalNanos;
  private final Delivery delivery;
  private final ConcurrentLinkedQueue<Handled> pending = new ConcurrentLinkedQueue<>();
  private final CompletableFuture<Done> stopped = new CompletableFuture<>();
  /** Delivers the queued reports after each sync; {@code null} when the sync is not needed. */
  private final Thread thread;
  private volatile boolean stopping;
  private volatile long syncs;
  private long failures;

  DurabilityGate(JournalSync sync, Delivery delivery) {
    this(sync, 0, delivery);
  }

  /** @param minSyncIntervalNanos least time between the starts of two syncs, nanoseconds, &ge; 0 */
  DurabilityGate(JournalSync sync, long minSyncIntervalNanos, Delivery delivery) {
    if (minSyncIntervalNanos < 0) {
      throw new IllegalArgumentException("minSyncIntervalNanos must be >= 0: " + minSyncIntervalNanos);
    }
    this.sync = sync;
    this.minSyncIntervalNanos = minSyncIntervalNanos;
    this.delivery = delivery;
    if (sync.isNeeded()) {
      this.thread = new Thread(this::run, "riskpulse-journal-sync");
      thread.setDaemon(true);
      thread.start();
    } else {
      this.thread = null;
      stopped.complete(Done.getInstance());
    }
  }

  /**
   * Queues a report; it is delivered once the journal is durable up to now. Without a needed sync it is
   * delivered before this returns, on the calling thread.
   */
  void submit(String sourceId, long sequence, IngestEvent event) {
    if (thread == null) {
      deliver(sourceId, sequence, event);
      return;
    }
    pending.add(new Handled(sourceId, sequence, event));
    LockSupport.unpark(thread);
  }

  /**
   * Delivers what is queued now (after a last sync) and stops; completes when the gate's thread has ended.
   * Reports submitted after this call may not be delivered, so a steady stream of them cannot hold it up.
   */
  CompletionStage<Done> stop() {
    stopping = true;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
    return stopped;
  }

  /** Syncs done so far (read from other threads for metrics and tests: approximate). */
  long syncs() {
    return syncs;
  }

  private void run() {
    List<Handled> batch = new ArrayList<>();
    long lastSyncStart = System.nanoTime() - minSyncIntervalNanos;
    try {
      while (true) {
        boolean lastRound = stopping; // read once: this round delivers what is queued now, then the gate ends
        long wait = lastSyncStart + minSyncIntervalNanos - System.nanoTime();
        if (wait > 0 && !lastRound) {
          LockSupport.parkNanos(this, wait); // let more reports gather under one sync
          continue;
        }
        for (Handled handled = pending.poll(); handled != null; handled = pending.poll()) {
          batch.add(handled);
        }
        if (batch.isEmpty()) {
          if (lastRound) {
            break;
          }
          LockSupport.parkNanos(this, IDLE_PARK_NANOS);
          continue;
        }
        lastSyncStart = System.nanoTime();
        if (!syncOnce()) {
          if (lastRound) {
            break; // give up: what is undelivered was never acknowledged, so it is replayed after restart
          }
          LockSupport.parkNanos(this, RETRY_NANOS);
          continue;
        }
        for (Handled handled : batch) {
          deliver(handled.sourceId(), handled.sequence(), handled.event());
        }
        batch.clear();
        if (lastRound) {
          break;
        }
      }
    } finally {
      stopped.complete(Done.getInstance());
    }
  }

  private void deliver(String sourceId, long sequence, IngestEvent event) {
    try {
      delivery.deliver(sourceId, sequence, event);
    } catch (RuntimeException e) {
      log.error("Delivering handled {} #{} failed", sourceId, sequence, e);
    }
  }

  private boolean syncOnce() {
    try {
      sync.sync();
      syncs++;
      return true;
    } catch (Exception e) {
      if (failures++ % 100 == 0) {
        log.error("Cannot make the journal durable ({} failures so far); acknowledgements wait", failures, e);
      }
      return false;
    }
  }
}

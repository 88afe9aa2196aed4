package io.riskpulse.node;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.LongSupplier;

/**
 * The embedded journal's file on {@code /metrics}: {@code riskpulse_journal_file_bytes} (the H2 file's size now;
 * NaN until the compactor has found the store, within its first interval),
 * {@code riskpulse_journal_compaction_runs_total} (the compactor's runs, those that found nothing to rewrite
 * included) and
 * {@code riskpulse_journal_compactions_total} (runs that rewrote pages). An operator watches the file grow under load
 * and stop growing once the journal is quiet (docs/DESIGN.md, "The embedded journal compacts its file when it is
 * quiet"), and the node's own syncs of the file ({@link #registerSyncs}). Thread-safe: the meters read the suppliers
 * when scraped, and the compactor's and the syncer's figures are atomics.
 */
final class JournalMetrics {

  private JournalMetrics() {}

  /**
   * Registers the three meters.
   *
   * @param fileBytes the file's size in bytes, negative while unknown
   * @param runs the compactor's runs so far
   * @param compactions its runs that rewrote pages
   */
  static void register(MeterRegistry registry, LongSupplier fileBytes, LongSupplier runs, LongSupplier compactions) {
    Gauge.builder("riskpulse.journal.file", fileBytes, s -> {
      long bytes = s.getAsLong();
      return bytes < 0 ? Double.NaN : bytes;
    }).baseUnit("bytes").description("The embedded journal's database file").register(registry);
    FunctionCounter.builder("riskpulse.journal.compaction.runs", runs, LongSupplier::getAsLong)
        .description("Runs of the embedded journal's compactor, including those with nothing to rewrite")
        .register(registry);
    FunctionCounter.builder("riskpulse.journal.compactions", compactions, LongSupplier::getAsLong)
        .description("Runs of the embedded journal's compactor that rewrote pages").register(registry);
  }

  /**
   * Registers the syncer's meters: {@code riskpulse_journal_syncs_total} (the file forced to the device),
   * {@code riskpulse_journal_sync_late_total} (attempts that found the file possibly holding writes not on the device
   * for longer than H2's retention time), {@code riskpulse_journal_sync_failures_total} and
   * {@code riskpulse_journal_unsynced_seconds} (how long it may have held such writes now; above the retention time
   * H2's assumption does not hold, a sync that hangs included). An alert should fire on any late sync or failure.
   *
   * @param unsyncedNanos how long the file may hold writes not known to be on the device, in nanoseconds
   */
  static void registerSyncs(MeterRegistry registry, LongSupplier syncs, LongSupplier late, LongSupplier failures,
      LongSupplier unsyncedNanos) {
    FunctionCounter.builder("riskpulse.journal.syncs", syncs, LongSupplier::getAsLong)
        .description("Times the node forced the embedded journal's file to the device").register(registry);
    FunctionCounter.builder("riskpulse.journal.sync.late", late, LongSupplier::getAsLong)
        .description("Sync attempts that found the embedded journal's file unsynced for longer than H2's retention")
        .register(registry);
    FunctionCounter.builder("riskpulse.journal.sync.failures", failures, LongSupplier::getAsLong)
        .description("Syncs of the embedded journal's file that failed").register(registry);
    Gauge.builder("riskpulse.journal.unsynced", unsyncedNanos, s -> s.getAsLong() / 1e9).baseUnit("seconds")
        .description("How long the embedded journal's file may have held writes not known to be on the device")
        .register(registry);
  }
}

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
 * quiet"). Thread-safe: the meters read the suppliers when scraped, and the compactor's figures are atomics.
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
}

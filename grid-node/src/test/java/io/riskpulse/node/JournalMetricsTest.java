package io.riskpulse.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JournalMetricsTest {

  @Test
  void shouldShowTheFileSizeOnceKnownAndCountTheCompactorsRuns() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AtomicLong bytes = new AtomicLong(-1);
    AtomicLong runs = new AtomicLong(3);
    AtomicLong compactions = new AtomicLong(1);
    JournalMetrics.register(registry, bytes::get, runs::get, compactions::get);

    String before = registry.scrape();
    assertTrue(before.contains("riskpulse_journal_file_bytes NaN"), before);
    assertTrue(before.contains("riskpulse_journal_compaction_runs_total 3.0"), before);
    assertTrue(before.contains("riskpulse_journal_compactions_total 1.0"), before);

    bytes.set(4_028_112_896L);
    runs.set(4);
    String after = registry.scrape();
    assertTrue(after.contains("riskpulse_journal_file_bytes 4.028112896E9"), after);
    assertTrue(after.contains("riskpulse_journal_compaction_runs_total 4.0"), after);
  }

  @Test
  void shouldCountTheSyncsTheLateOnesAndTheFailures() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AtomicLong syncs = new AtomicLong(12);
    AtomicLong late = new AtomicLong(0);
    AtomicLong failures = new AtomicLong(1);
    AtomicLong unsyncedNanos = new AtomicLong(1_500_000_000L);
    JournalMetrics.registerSyncs(registry, syncs::get, late::get, failures::get, unsyncedNanos::get);
    late.set(2);

    String scrape = registry.scrape();
    assertTrue(scrape.contains("riskpulse_journal_unsynced_seconds 1.5"), scrape);
    assertTrue(scrape.contains("riskpulse_journal_syncs_total 12.0"), scrape);
    assertTrue(scrape.contains("riskpulse_journal_sync_late_total 2.0"), scrape);
    assertTrue(scrape.contains("riskpulse_journal_sync_failures_total 1.0"), scrape);
  }
}

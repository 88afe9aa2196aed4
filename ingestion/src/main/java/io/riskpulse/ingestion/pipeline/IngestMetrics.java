package io.riskpulse.ingestion.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.riskpulse.ingestion.event.IngestRejection;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ingestion counters and latency histograms, registered in the node's Micrometer registry (exported by the
 * node's HTTP endpoint in Prometheus format as {@code riskpulse_ingest_*}). Thread-safe.
 */
public final class IngestMetrics {

  /** Kinds of accepted message. */
  public enum Kind {
    MARKET_DATA,
    TRADE,
    BOOK,
    ORDER,
    FILL
  }

  private final MeterRegistry registry;
  private final Map<Kind, Counter> accepted = new EnumMap<>(Kind.class);
  private final Map<IngestRejection, Counter> rejected = new EnumMap<>(IngestRejection.class);
  private final Map<String, Counter> gaps = new ConcurrentHashMap<>();
  private final Map<String, Counter> missing = new ConcurrentHashMap<>();
  private final Timer fillLatency;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Kind kind : Kind.values()) {
      accepted.put(kind, Counter.builder("riskpulse.ingest.accepted")
          .description("Messages accepted by the ingestion pipeline")
          .tag("kind", kind.name().toLowerCase()).register(registry));
    }
    for (IngestRejection reason : IngestRejection.values()) {
      rejected.put(reason, Counter.builder("riskpulse.ingest.rejected")
          .description("Messages refused and quarantined, by reason")
          .tag("reason", reason.name().toLowerCase()).register(registry));
    }
    fillLatency = Timer.builder("riskpulse.ingest.fill.latency")
        .description("From the fill's venue time (executedAt, millisecond resolution) to persisted in its portfolio")
        .publishPercentiles(0.5, 0.99, 0.999)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(10_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  public void accepted(Kind kind) {
    accepted.get(kind).increment();
  }

  public void rejected(IngestRejection reason) {
    rejected.get(reason).increment();
  }

  /** A gap of {@code size} missing sequence numbers from {@code sourceId}. */
  public void gap(String sourceId, long size) {
    gaps.computeIfAbsent(sourceId, s -> Counter.builder("riskpulse.ingest.gaps")
        .description("Sequence gaps detected, by source").tag("source", s).register(registry)).increment();
    missing.computeIfAbsent(sourceId, s -> Counter.builder("riskpulse.ingest.missing")
        .description("Sequence numbers skipped by gaps, by source").tag("source", s).register(registry))
        .increment(size);
  }

  /** A fill persisted {@code nanos} after its venue time (negative values, from clock skew, are dropped). */
  public void fillLatencyNanos(long nanos) {
    if (nanos >= 0) {
      fillLatency.record(Duration.ofNanos(nanos));
    }
  }

  public double acceptedCount(Kind kind) {
    return accepted.get(kind).count();
  }

  public double rejectedCount(IngestRejection reason) {
    return rejected.get(reason).count();
  }
}

package io.riskpulse.ingestion.route;

import io.riskpulse.model.portfolio.RejectReason;
import io.riskpulse.model.portfolio.Reply;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what became of routed executions: applied, duplicate, rejected per reason, and failed (no answer
 * after every retry). Thread-safe (LongAdders); read by the demo table and, later, the metrics endpoint.
 */
public final class IngestionCounters {

  private final LongAdder applied = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final Map<RejectReason, LongAdder> rejected = new EnumMap<>(RejectReason.class);

  public IngestionCounters() {
    for (RejectReason reason : RejectReason.values()) {
      rejected.put(reason, new LongAdder());
    }
  }

  void record(Reply reply) {
    switch (reply.outcome()) {
      case ACCEPTED:
        applied.increment();
        break;
      case DUPLICATE:
        duplicates.increment();
        break;
      default:
        rejected.get(reply.reason()).increment();
    }
  }

  void recordFailure() {
    failed.increment();
  }

  public long applied() {
    return applied.sum();
  }

  public long duplicates() {
    return duplicates.sum();
  }

  public long failed() {
    return failed.sum();
  }

  public long rejected(RejectReason reason) {
    return rejected.get(reason).sum();
  }

  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(LongAdder::sum).sum();
  }
}

package io.riskpulse.node;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.riskpulse.model.detect.CheckpointRestores;
import io.riskpulse.model.portfolio.RecoveryListener;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Portfolio recoveries on this node as a timer on {@code /metrics}: {@code riskpulse_portfolio_recovery_seconds}
 * ({@code _count}, {@code _sum}, {@code _max}) with the tag {@code opened="true"} for portfolios that serve again
 * (node start, a shard that moved here, a failover) and {@code opened="false"} for entities a lookup of an unknown id
 * started. During a failover the survivors' {@code opened="true"} count grows by the dead node's portfolios; the
 * timer is from an entity's start to the end of its journal replay. With {@link #watch(CheckpointRestores)}, also the
 * detectors' checkpoint restores after them: {@code riskpulse_detector_checkpoint_restores{state="running"|"waiting"}}
 * (they drain to 0 once every portfolio's models are back). Thread-safe (Micrometer meters are).
 */
final class RecoveryMetrics implements RecoveryListener {

  private final MeterRegistry registry;
  private final Timer opened;
  private final Timer unopened;

  RecoveryMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.opened = timer(registry, "true");
    this.unopened = timer(registry, "false");
  }

  /** Shows the node's checkpoint restores running and waiting for their turn; returns this. */
  RecoveryMetrics watch(CheckpointRestores restores) {
    restoresGauge("running", restores, CheckpointRestores::running);
    restoresGauge("waiting", restores, CheckpointRestores::waiting);
    return this;
  }

  private void restoresGauge(String state, CheckpointRestores restores, ToDoubleFunction<CheckpointRestores> count) {
    Gauge.builder("riskpulse.detector.checkpoint.restores", restores, count)
        .description("Portfolios restoring their detectors' checkpoints now, or waiting for a turn")
        .tag("state", state).register(registry);
  }

  private static Timer timer(MeterRegistry registry, String opened) {
    return Timer.builder("riskpulse.portfolio.recovery")
        .description("Portfolio entities recovered from the journal on this node, from entity start to serving")
        .tag("opened", opened)
        .register(registry);
  }

  @Override
  public void recovered(String portfolioId, boolean wasOpened, long nanos) {
    (wasOpened ? opened : unopened).record(nanos, TimeUnit.NANOSECONDS);
  }
}

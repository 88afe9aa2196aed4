package io.riskpulse.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.riskpulse.model.detect.CheckpointRestores;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Recoveries reach {@code /metrics} as one timer split by whether the portfolio had been opened. */
class RecoveryMetricsTest {

  @Test
  void shouldCountAndTimeOpenedAndUnopenedRecoveriesApart() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RecoveryMetrics metrics = new RecoveryMetrics(registry);

    metrics.recovered("P1", true, TimeUnit.MILLISECONDS.toNanos(30));
    metrics.recovered("P2", true, TimeUnit.MILLISECONDS.toNanos(50));
    metrics.recovered("NOPE", false, TimeUnit.MILLISECONDS.toNanos(5));

    assertEquals(2, registry.get("riskpulse.portfolio.recovery").tag("opened", "true").timer().count());
    assertEquals(0.08, registry.get("riskpulse.portfolio.recovery").tag("opened", "true").timer()
        .totalTime(TimeUnit.SECONDS), 1e-9);
    assertEquals(1, registry.get("riskpulse.portfolio.recovery").tag("opened", "false").timer().count());
    String scrape = registry.scrape();
    assertTrue(Pattern.compile("riskpulse_portfolio_recovery_seconds_count\\{opened=\"true\",?} 2(\\.0)?\\b")
        .matcher(scrape).find(), scrape);
  }

  @Test
  void shouldShowTheCheckpointRestoresRunningAndWaiting() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CheckpointRestores restores = new CheckpointRestores(1);
    new RecoveryMetrics(registry).watch(restores);
    CheckpointRestores.Ticket first = restores.request(() -> { });
    restores.request(() -> { });
    restores.request(() -> { });

    assertEquals(1, registry.get("riskpulse.detector.checkpoint.restores").tag("state", "running").gauge().value());
    assertEquals(2, registry.get("riskpulse.detector.checkpoint.restores").tag("state", "waiting").gauge().value());
    first.close();
    assertEquals(1, registry.get("riskpulse.detector.checkpoint.restores").tag("state", "waiting").gauge().value());
    assertTrue(registry.scrape().contains("riskpulse_detector_checkpoint_restores{state=\"running\"} 1"),
        registry.scrape());
  }
}

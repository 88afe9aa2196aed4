package io.riskpulse.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.riskpulse.model.portfolio.PreTradeGates;
import org.junit.jupiter.api.Test;

class PreTradeGateMetricsTest {

  @Test
  void shouldShowNoChecksBeforeAnyGateJudges() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PreTradeGateMetrics.register(registry, new PreTradeGates());

    String scrape = registry.scrape();
    assertTrue(scrape.contains("riskpulse_pretrade_inplace_judged_total 0.0"), scrape);
    assertTrue(scrape.contains("riskpulse_pretrade_inplace_busy_total 0.0"), scrape);
  }
}

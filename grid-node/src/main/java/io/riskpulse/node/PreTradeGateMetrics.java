package io.riskpulse.node;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskpulse.model.portfolio.PreTradeGates;

/**
 * Where this node's pre-trade checks were judged, on {@code /metrics}, with {@code riskpulse.pretrade.in-place = on}:
 * {@code riskpulse_pretrade_inplace_judged_total} (checks judged on the caller's thread, holding the entity's lock)
 * and {@code riskpulse_pretrade_inplace_busy_total} (checks that found the entity handling a message and were asked
 * of it instead, through its mailbox). A rising share of busy checks means the in-place path is taken less and less,
 * for instance while its portfolios take many fills. Both stay at 0 with in-place checks off. Thread-safe: the
 * counters are read from the gates' adders when scraped.
 */
final class PreTradeGateMetrics {

  private PreTradeGateMetrics() {}

  /** Registers the two counters, read from {@code gates}. */
  static void register(MeterRegistry registry, PreTradeGates gates) {
    FunctionCounter.builder("riskpulse.pretrade.inplace.judged", gates, PreTradeGates::judgedInPlace)
        .description("Pre-trade checks judged in place, on the caller's thread").register(registry);
    FunctionCounter.builder("riskpulse.pretrade.inplace.busy", gates, PreTradeGates::foundBusy)
        .description("Pre-trade checks that found their portfolio busy and asked it instead").register(registry);
  }
}

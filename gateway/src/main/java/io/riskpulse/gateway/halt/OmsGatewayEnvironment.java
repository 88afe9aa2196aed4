package io.riskpulse.gateway.halt;

import io.riskpulse.gateway.oms.OmsEndpoint;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What the OMS gateway needs from its node.
 *
 * @param endpoints the OMS endpoints every halt goes to, started by the node (names unique)
 * @param resolver turns a halt's scope into accounts and working orders
 * @param flush makes what the journal holds durable (the node's journal flusher); a halt is acknowledged to its
 *     sender only after it, so a crash right after the answer cannot lose it
 * @param clock stamps the events
 * @param settings timeouts and retry backoff
 */
public record OmsGatewayEnvironment(List<OmsEndpoint> endpoints, ScopeResolver resolver,
    Supplier<CompletionStage<Void>> flush, Clock clock, OmsGatewaySettings settings) {

  public OmsGatewayEnvironment {
    endpoints = List.copyOf(endpoints);
    long names = endpoints.stream().map(OmsEndpoint::name).distinct().count();
    if (names != endpoints.size()) {
      throw new IllegalArgumentException("OMS endpoint names must be unique");
    }
  }
}

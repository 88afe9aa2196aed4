package io.riskpulse.gateway.halt;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltInstruction;
import java.util.Map;
import java.util.TreeMap;

/**
 * One halt as the OMS gateway tracks it: what was asked, what it resolved to, and where each endpoint stands.
 * Immutable.
 *
 * @param halt the halt as handed over
 * @param instruction what the endpoints are sent; {@code null} until the scope is resolved
 * @param endpoints delivery per endpoint name; an endpoint not listed has not been tried yet
 * @param requestedAtMillis when the gateway took the halt, epoch milliseconds
 */
public record HaltDelivery(ActiveHalt halt, HaltInstruction instruction, Map<String, EndpointDelivery> endpoints,
    long requestedAtMillis) implements CborSerializable {

  public HaltDelivery {
    endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
  }

  /** The delivery to {@code endpoint} (pending when it was never tried). */
  public EndpointDelivery at(String endpoint) {
    EndpointDelivery delivery = endpoints.get(endpoint);
    return delivery == null ? EndpointDelivery.pending(endpoint) : delivery;
  }

  HaltDelivery with(EndpointDelivery delivery) {
    Map<String, EndpointDelivery> changed = new TreeMap<>(endpoints);
    changed.put(delivery.endpoint(), delivery);
    return new HaltDelivery(halt, instruction, changed, requestedAtMillis);
  }

  HaltDelivery resolved(HaltInstruction resolved) {
    return new HaltDelivery(halt, resolved, endpoints, requestedAtMillis);
  }
}

package io.riskpulse.gateway.halt;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import java.util.Map;
import java.util.TreeMap;

/**
 * One instruction the OMS gateway delivers to every endpoint, and where each endpoint stands: a halt (cancel the
 * scope's working orders) or an approved rebalance (enter its orders). Immutable.
 *
 * @param halt the halt as handed over; {@code null} for a rebalance
 * @param instruction what the endpoints are sent for a halt; {@code null} until its scope is resolved, and for a
 *     rebalance
 * @param orders the rebalance whose orders the endpoints enter; {@code null} for a halt
 * @param endpoints delivery per endpoint name; an endpoint not listed has not been tried yet
 * @param requestedAtMillis when the gateway took it, epoch milliseconds
 */
public record OmsDelivery(ActiveHalt halt, HaltInstruction instruction, RebalanceInstruction orders,
    Map<String, EndpointDelivery> endpoints, long requestedAtMillis) implements CborSerializable {

  public OmsDelivery {
    endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
  }

  /** The halt id or the rebalance id. */
  public String id() {
    return halt != null ? halt.haltId() : orders.rebalanceId();
  }

  /** Whether the endpoints can be sent it: a rebalance always, a halt once its scope is resolved. */
  public boolean ready() {
    return orders != null || instruction != null;
  }

  /** The delivery to {@code endpoint} (pending when it was never tried). */
  public EndpointDelivery at(String endpoint) {
    EndpointDelivery delivery = endpoints.get(endpoint);
    return delivery == null ? EndpointDelivery.pending(endpoint) : delivery;
  }

  OmsDelivery with(EndpointDelivery delivery) {
    Map<String, EndpointDelivery> changed = new TreeMap<>(endpoints);
    changed.put(delivery.endpoint(), delivery);
    return new OmsDelivery(halt, instruction, orders, changed, requestedAtMillis);
  }

  OmsDelivery resolved(HaltInstruction resolved) {
    return new OmsDelivery(halt, resolved, orders, endpoints, requestedAtMillis);
  }
}

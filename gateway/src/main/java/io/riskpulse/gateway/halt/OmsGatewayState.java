package io.riskpulse.gateway.halt;

import io.riskpulse.gateway.halt.EndpointDelivery.Status;
import io.riskpulse.gateway.halt.OmsGatewayEvent.HaltAcknowledged;
import io.riskpulse.gateway.halt.OmsGatewayEvent.HaltDeliveryFailed;
import io.riskpulse.gateway.halt.OmsGatewayEvent.HaltRequested;
import io.riskpulse.gateway.halt.OmsGatewayEvent.HaltResolved;
import io.riskpulse.gateway.halt.OmsGatewayEvent.HaltSent;
import io.riskpulse.model.CborSerializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every halt the gateway has taken, by halt id, in the order it took them. Immutable: each event returns a new
 * state (halts are rare, so copying is cheap and the snapshot store can serialize the state safely).
 */
public record OmsGatewayState(Map<String, HaltDelivery> halts) implements CborSerializable {

  public static final OmsGatewayState EMPTY = new OmsGatewayState(Map.of());

  public OmsGatewayState {
    halts = halts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(halts));
  }

  /** The halt with this id, or {@code null}. */
  public HaltDelivery halt(String haltId) {
    return halts.get(haltId);
  }

  OmsGatewayState apply(OmsGatewayEvent event) {
    Map<String, HaltDelivery> changed = new LinkedHashMap<>(halts);
    if (event instanceof HaltRequested) {
      HaltRequested requested = (HaltRequested) event;
      changed.putIfAbsent(requested.haltId(),
          new HaltDelivery(requested.halt(), null, Map.of(), requested.atMillis()));
      return new OmsGatewayState(changed);
    }
    HaltDelivery delivery = halts.get(event.haltId());
    if (delivery == null) {
      throw new IllegalStateException("event for unknown halt " + event.haltId() + ": " + event);
    }
    if (event instanceof HaltResolved) {
      delivery = delivery.resolved(((HaltResolved) event).instruction());
    } else if (event instanceof HaltSent) {
      HaltSent sent = (HaltSent) event;
      EndpointDelivery before = delivery.at(sent.endpoint());
      delivery = delivery.with(new EndpointDelivery(sent.endpoint(), Status.SENT, sent.attempt(), before.detail(),
          sent.atMillis()));
    } else if (event instanceof HaltAcknowledged) {
      HaltAcknowledged acked = (HaltAcknowledged) event;
      EndpointDelivery before = delivery.at(acked.endpoint());
      delivery = delivery.with(new EndpointDelivery(acked.endpoint(), Status.ACKNOWLEDGED, before.attempts(),
          acked.detail(), acked.atMillis()));
    } else if (event instanceof HaltDeliveryFailed) {
      HaltDeliveryFailed failed = (HaltDeliveryFailed) event;
      EndpointDelivery before = delivery.at(failed.endpoint());
      delivery = delivery.with(new EndpointDelivery(failed.endpoint(),
          failed.retryable() ? Status.PENDING : Status.FAILED, before.attempts(), failed.reason(), failed.atMillis()));
    } else {
      throw new IllegalStateException("unhandled event " + event.getClass().getName());
    }
    changed.put(event.haltId(), delivery);
    return new OmsGatewayState(changed);
  }
}

package io.riskpulse.gateway.halt;

import io.riskpulse.gateway.halt.EndpointDelivery.Status;
import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliveryAcknowledged;
import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliveryFailed;
import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliverySent;
import io.riskpulse.gateway.halt.OmsGatewayEvent.HaltRequested;
import io.riskpulse.gateway.halt.OmsGatewayEvent.HaltResolved;
import io.riskpulse.gateway.halt.OmsGatewayEvent.OrdersRequested;
import io.riskpulse.model.CborSerializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every halt and rebalance the gateway has taken, by id, in the order it took them. Immutable: each event returns a
 * new state (halts and rebalances are rare, so copying is cheap and the snapshot store can serialize it safely).
 */
public record OmsGatewayState(Map<String, OmsDelivery> deliveries) implements CborSerializable {

  public static final OmsGatewayState EMPTY = new OmsGatewayState(Map.of());

  public OmsGatewayState {
    deliveries = deliveries == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deliveries));
  }

  /** The halt or rebalance with this id, or {@code null}. */
  public OmsDelivery delivery(String id) {
    return deliveries.get(id);
  }

  OmsGatewayState apply(OmsGatewayEvent event) {
    Map<String, OmsDelivery> changed = new LinkedHashMap<>(deliveries);
    if (event instanceof HaltRequested) {
      HaltRequested requested = (HaltRequested) event;
      changed.putIfAbsent(requested.deliveryId(),
          new OmsDelivery(requested.halt(), null, null, Map.of(), requested.atMillis()));
      return new OmsGatewayState(changed);
    }
    if (event instanceof OrdersRequested) {
      OrdersRequested requested = (OrdersRequested) event;
      changed.putIfAbsent(requested.deliveryId(),
          new OmsDelivery(null, null, requested.orders(), Map.of(), requested.atMillis()));
      return new OmsGatewayState(changed);
    }
    OmsDelivery delivery = deliveries.get(event.deliveryId());
    if (delivery == null) {
      throw new IllegalStateException("event for unknown delivery " + event.deliveryId() + ": " + event);
    }
    if (event instanceof HaltResolved) {
      delivery = delivery.resolved(((HaltResolved) event).instruction());
    } else if (event instanceof DeliverySent) {
      DeliverySent sent = (DeliverySent) event;
      EndpointDelivery before = delivery.at(sent.endpoint());
      delivery = delivery.with(new EndpointDelivery(sent.endpoint(), Status.SENT, sent.attempt(), before.detail(),
          sent.atMillis()));
    } else if (event instanceof DeliveryAcknowledged) {
      DeliveryAcknowledged acked = (DeliveryAcknowledged) event;
      EndpointDelivery before = delivery.at(acked.endpoint());
      delivery = delivery.with(new EndpointDelivery(acked.endpoint(), Status.ACKNOWLEDGED, before.attempts(),
          acked.detail(), acked.atMillis()));
    } else if (event instanceof DeliveryFailed) {
      DeliveryFailed failed = (DeliveryFailed) event;
      EndpointDelivery before = delivery.at(failed.endpoint());
      delivery = delivery.with(new EndpointDelivery(failed.endpoint(),
          failed.retryable() ? Status.PENDING : Status.FAILED, before.attempts(), failed.reason(), failed.atMillis()));
    } else {
      throw new IllegalStateException("unhandled event " + event.getClass().getName());
    }
    changed.put(event.deliveryId(), delivery);
    return new OmsGatewayState(changed);
  }
}

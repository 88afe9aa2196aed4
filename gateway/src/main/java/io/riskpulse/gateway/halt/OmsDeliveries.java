package io.riskpulse.gateway.halt;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * The answer to {@link OmsGatewayCommand.GetDeliveries}: every halt and rebalance the gateway has taken, oldest
 * first.
 */
public record OmsDeliveries(List<OmsDelivery> deliveries) implements CborSerializable {

  public OmsDeliveries {
    deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
  }

  /** The delivery of the halt or rebalance {@code id}, or {@code null}. */
  public OmsDelivery delivery(String id) {
    return deliveries.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
  }

  /** The halts only. */
  public List<OmsDelivery> halts() {
    return deliveries.stream().filter(d -> d.halt() != null).toList();
  }
}

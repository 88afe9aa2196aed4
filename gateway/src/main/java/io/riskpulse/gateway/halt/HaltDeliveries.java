package io.riskpulse.gateway.halt;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/** The answer to {@link OmsGatewayCommand.GetDeliveries}: every halt the gateway has taken, oldest first. */
public record HaltDeliveries(List<HaltDelivery> halts) implements CborSerializable {

  public HaltDeliveries {
    halts = halts == null ? List.of() : List.copyOf(halts);
  }

  /** The delivery of {@code haltId}, or {@code null}. */
  public HaltDelivery halt(String haltId) {
    return halts.stream().filter(h -> h.halt().haltId().equals(haltId)).findFirst().orElse(null);
  }
}

package io.riskpulse.gateway.halt;

import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliveryAcknowledged;
import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliveryFailed;
import io.riskpulse.model.alert.AlertSignal;
import io.riskpulse.model.alert.AlertSignal.Type;
import io.riskpulse.model.alert.AlertSource;
import io.riskpulse.model.alert.SourceRef;
import io.riskpulse.model.alert.Trigger;
import java.util.List;

/**
 * Signals of the OMS gateway's {@link OmsGateway#ALERT_TAG} events, for the alert book (which cannot depend on this
 * module): a delivery failure is {@link Type#OMS_REFUSED} when it is final and {@link Type#OMS_RETRYING} (value: the
 * attempt number) when the gateway retries; an acknowledgement is {@link Type#OMS_ACKNOWLEDGED}. Scope
 * {@code OMS:<endpoint>}, subject the halt id. Stateless and thread-safe.
 */
public final class OmsAlertSource implements AlertSource {

  /** The trigger kind of OMS delivery signals. */
  public static final String KIND = "OMS_DELIVERY";

  @Override
  public String tag() {
    return OmsGateway.ALERT_TAG;
  }

  @Override
  public List<AlertSignal> signals(String persistenceId, long sequenceNr, Object event) {
    SourceRef source = new SourceRef(persistenceId, sequenceNr);
    if (event instanceof DeliveryFailed failed) {
      return List.of(new AlertSignal(failed.retryable() ? Type.OMS_RETRYING : Type.OMS_REFUSED,
          "OMS:" + failed.endpoint(), failed.deliveryId(),
          new Trigger(KIND, "", failed.attempt(), Double.NaN, failed.reason(), failed.atMillis()), "", source));
    } else if (event instanceof DeliveryAcknowledged acknowledged) {
      return List.of(new AlertSignal(Type.OMS_ACKNOWLEDGED, "OMS:" + acknowledged.endpoint(), acknowledged.deliveryId(),
          new Trigger(KIND, "", Double.NaN, Double.NaN, acknowledged.detail(), acknowledged.atMillis()), "",
          source));
    }
    return List.of();
  }
}

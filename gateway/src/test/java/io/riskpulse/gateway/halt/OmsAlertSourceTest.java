package io.riskpulse.gateway.halt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliveryAcknowledged;
import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliveryFailed;
import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliverySent;
import io.riskpulse.model.alert.AlertSignal;
import io.riskpulse.model.alert.AlertSignal.Type;
import io.riskpulse.model.alert.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OMS gateway's delivery outcomes as alert signals. */
class OmsAlertSourceTest {

  private final OmsAlertSource source = new OmsAlertSource();

  @Test
  void shouldMapRefusalsRetriesAndAcknowledgementsPerEndpointAndHalt() {
    assertEquals(OmsGateway.ALERT_TAG, source.tag());
    AlertSignal refused = source.signals("OmsGateway", 9,
        new DeliveryFailed("halt-P1-4", "oms1", 1, "HTTP 403", false, 1_000)).get(0);
    assertEquals(Type.OMS_REFUSED, refused.type());
    assertEquals("OMS:oms1", refused.scope());
    assertEquals("halt-P1-4", refused.subject());
    assertEquals("HTTP 403", refused.trigger().detail());
    assertEquals(new SourceRef("OmsGateway", 9), refused.source());

    AlertSignal retrying = source.signals("OmsGateway", 10,
        new DeliveryFailed("halt-P1-4", "fix1", 3, "not connected", true, 2_000)).get(0);
    assertEquals(Type.OMS_RETRYING, retrying.type());
    assertEquals(3, retrying.trigger().value());

    assertEquals(Type.OMS_ACKNOWLEDGED, source.signals("OmsGateway", 11,
        new DeliveryAcknowledged("halt-P1-4", "fix1", "35=r", 2, 3_000)).get(0).type());
    assertEquals(List.of(), source.signals("OmsGateway", 12, new DeliverySent("halt-P1-4", "fix1", 4, 4_000)));
  }
}

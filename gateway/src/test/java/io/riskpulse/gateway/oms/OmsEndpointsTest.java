package io.riskpulse.gateway.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code riskpulse.gateway.oms} → endpoints: defaults from reference.conf, one endpoint per entry, clear errors. */
class OmsEndpointsTest {

  @Test
  void shouldConfigureNoEndpointByDefault() {
    assertEquals(List.of(), OmsEndpoints.fromConfig(ConfigFactory.load()));
  }

  @Test
  void shouldBuildOneEndpointPerEntryWithDefaultsFilledIn() {
    List<OmsEndpoint> endpoints = OmsEndpoints.fromConfig(config("""
        riskpulse.gateway.oms.endpoints = [
          { name = oms1, type = fix, host = "10.0.0.5", port = 9880, target-comp-id = OMS1 }
          { name = oms2, type = FIX, host = oms2, port = 9881, target-comp-id = OMS2, sender-comp-id = RP2,
            mass-cancel = off, store = "var/oms/oms2", reset-on-logon = off, heartbeat-interval = 10s,
            reconnect-interval = 2s, ack-timeout = 3s }
          { name = blotter, type = webhook, url = "https://blotter.example/halts",
            headers { Authorization = "Bearer t" } }
        ]
        """));

    assertEquals(List.of("oms1", "oms2", "blotter"), endpoints.stream().map(OmsEndpoint::name).toList());
    FixOmsSettings oms1 = assertInstanceOf(FixOmsEndpoint.class, endpoints.get(0)).settings();
    assertEquals(new FixOmsSettings("oms1", "10.0.0.5", 9880, "RISKPULSE", "OMS1", Duration.ofSeconds(30),
        Duration.ofSeconds(5), true, null, true, Duration.ofSeconds(10)), oms1);
    FixOmsSettings oms2 = assertInstanceOf(FixOmsEndpoint.class, endpoints.get(1)).settings();
    assertEquals(new FixOmsSettings("oms2", "oms2", 9881, "RP2", "OMS2", Duration.ofSeconds(10),
        Duration.ofSeconds(2), false, Path.of("var/oms/oms2"), false, Duration.ofSeconds(3)), oms2);
    WebhookOmsSettings blotter = assertInstanceOf(WebhookOmsEndpoint.class, endpoints.get(2)).settings();
    assertEquals(new WebhookOmsSettings("blotter", URI.create("https://blotter.example/halts"),
        Duration.ofSeconds(5), Duration.ofSeconds(2), Map.of("Authorization", "Bearer t")), blotter);
    assertFalse(endpoints.get(0).connected(), "built, not started");
    endpoints.forEach(OmsEndpoint::close);
  }

  @Test
  void shouldApplyTheNodesOwnDefaults() {
    List<OmsEndpoint> endpoints = OmsEndpoints.fromConfig(config("""
        riskpulse.gateway.oms.fix-defaults.sender-comp-id = NODE7
        riskpulse.gateway.oms.endpoints = [{ name = a, type = fix, host = h, port = 1, target-comp-id = T }]
        """));

    FixOmsSettings settings = ((FixOmsEndpoint) endpoints.get(0)).settings();
    assertEquals("NODE7", settings.senderCompId());
    assertNull(settings.storeDirectory());
    endpoints.forEach(OmsEndpoint::close);
  }

  @Test
  void shouldRefuseUnknownTypeDuplicateNameAndMissingOrBadValues() {
    assertMessage("type must be fix or webhook, was 'smtp'", "[{ name = a, type = smtp }]");
    assertMessage("duplicate name a", "[{ name = a, type = webhook, url = \"http://h/x\" },"
        + " { name = a, type = webhook, url = \"http://h/y\" }]");
    assertMessage("port", "[{ name = a, type = fix, host = h, target-comp-id = T }]");
    assertMessage("port must be 1-65535, was 0", "[{ name = a, type = fix, host = h, port = 0, target-comp-id = T }]");
    assertMessage("heartbeat-interval must be a whole number of seconds", "[{ name = a, type = fix, host = h,"
        + " port = 1, target-comp-id = T, heartbeat-interval = 1500ms }]");
    assertMessage("url must be an absolute http(s) URL", "[{ name = a, type = webhook, url = \"ftp://h/x\" }]");
    assertMessage("header Idempotency-Key is set by the endpoint", "[{ name = a, type = webhook,"
        + " url = \"http://h/x\", headers { Idempotency-Key = k } }]");
    assertMessage("name", "[{ type = fix }]");
  }

  private static void assertMessage(String expected, String endpoints) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> OmsEndpoints.fromConfig(config("riskpulse.gateway.oms.endpoints = " + endpoints)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static Config config(String hocon) {
    return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()).resolve();
  }
}

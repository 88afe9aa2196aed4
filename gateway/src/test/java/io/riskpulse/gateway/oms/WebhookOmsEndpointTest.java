package io.riskpulse.gateway.oms;

import static io.riskpulse.gateway.oms.OmsTestSupport.await;
import static io.riskpulse.gateway.oms.OmsTestSupport.awaitFailure;
import static io.riskpulse.gateway.oms.OmsTestSupport.halt;
import static io.riskpulse.gateway.oms.OmsTestSupport.order;
import static io.riskpulse.gateway.oms.OmsTestSupport.rebalance;
import static io.riskpulse.gateway.oms.OmsTestSupport.rebalanceOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link WebhookOmsEndpoint} against a real JDK {@link HttpServer} on an ephemeral port: the payload and
 * headers it receives, and which statuses acknowledge, fail retryable or fail for good.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(20)
class WebhookOmsEndpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Request(String method, String path, String contentType, String idempotencyKey,
      String authorization, String body) {}

  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private final CountDownLatch releaseSlow = new CountDownLatch(1);
  private ExecutorService executor;
  private HttpServer server;

  @BeforeAll
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ok", exchange -> respond(exchange, 200, "{\"ordersAffected\": 3}"));
    server.createContext("/accepted", exchange -> respond(exchange, 202, ""));
    server.createContext("/error", exchange -> respond(exchange, 500, "database down"));
    server.createContext("/bad", exchange -> respond(exchange, 400, "{\"error\": \"unknown scope\"}"));
    server.createContext("/busy", exchange -> respond(exchange, 429, ""));
    server.createContext("/slow", exchange -> {
      try {
        releaseSlow.await(OmsTestSupport.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      respond(exchange, 200, "");
    });
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.start();
  }

  @AfterAll
  void stopServer() {
    releaseSlow.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void shouldPostTheInstructionAsJsonWithIdempotencyKeyAndAckOn2xx() throws Exception {
    HaltInstruction instruction = halt("H-web", HaltScope.desk("rates"), List.of("P1", "P2"),
        List.of(order("O1", "P1", "momo", "UST10Y")));
    try (WebhookOmsEndpoint endpoint = started("/ok", Map.of("Authorization", "Bearer secret"))) {
      OmsAck ack = await(endpoint.cancel(instruction));

      assertEquals(new OmsAck("blotter", "H-web", "HTTP 200 ordersAffected=3", 3), ack);
      Request request = requests.poll(OmsTestSupport.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(request);
      assertEquals("POST", request.method());
      assertEquals("application/json", request.contentType());
      assertEquals("H-web", request.idempotencyKey());
      assertEquals("Bearer secret", request.authorization());
      JsonNode body = JSON.readTree(request.body());
      assertEquals(1, body.get("version").asInt());
      assertEquals("H-web", body.get("haltId").asText());
      assertEquals("DESK", body.get("scope").get("kind").asText());
      assertEquals("rates", body.get("scope").get("value").asText());
      assertEquals("DESK:rates", body.get("scope").get("text").asText());
      assertEquals("[\"P1\",\"P2\"]", body.get("accounts").toString());
      JsonNode openOrder = body.get("openOrders").get(0);
      assertEquals("O1", openOrder.get("clOrdId").asText());
      assertEquals("BUY", openOrder.get("side").asText());
      assertEquals(100.0, openOrder.get("quantity").asDouble());
      assertEquals("risk-officer", body.get("by").asText());
      assertEquals("drawdown limit breached", body.get("reason").asText());
      assertEquals(OmsTestSupport.AT_MILLIS, body.get("atMillis").asLong());
      assertEquals("2026-01-01T00:00:00Z", body.get("at").asText());

      OmsAck again = await(endpoint.cancel(instruction));
      assertEquals(ack, again);
      assertEquals("H-web", requests.poll(OmsTestSupport.TIMEOUT_SECONDS, TimeUnit.SECONDS).idempotencyKey(),
          "a re-send carries the same key");
    }
  }

  @Test
  void shouldPostRebalanceOrdersAsJsonOfTypeOrdersWithTheRebalanceIdAsIdempotencyKey() throws Exception {
    RebalanceInstruction instruction = rebalance("R-web", "P1",
        List.of(rebalanceOrder("MSFT", Side.BUY, 40), rebalanceOrder("AAPL", Side.SELL, 100)));
    try (WebhookOmsEndpoint endpoint = started("/ok", Map.of("Authorization", "Bearer secret"))) {
      OmsAck ack = await(endpoint.submit(instruction));

      assertEquals(new OmsAck("blotter", "R-web", "HTTP 200 ordersAffected=3", 3), ack);
      Request request = requests.poll(OmsTestSupport.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(request);
      assertEquals("POST", request.method());
      assertEquals("application/json", request.contentType());
      assertEquals("R-web", request.idempotencyKey());
      assertEquals("Bearer secret", request.authorization());
      JsonNode body = JSON.readTree(request.body());
      assertEquals(1, body.get("version").asInt());
      assertEquals("orders", body.get("type").asText());
      assertEquals("R-web", body.get("rebalanceId").asText());
      assertEquals("P1", body.get("portfolioId").asText());
      assertEquals(2, body.get("orders").size());
      JsonNode first = body.get("orders").get(0);
      assertEquals("R-web.1", first.get("clOrdId").asText(), "the ClOrdIDs a FIX endpoint would use");
      assertEquals("AAPL", first.get("symbol").asText());
      assertEquals("SELL", first.get("side").asText());
      assertEquals(100.0, first.get("quantity").asDouble());
      assertEquals(1000.0, first.get("notional").asDouble());
      assertEquals("MARKET", first.get("orderType").asText());
      assertEquals("DAY", first.get("timeInForce").asText());
      assertEquals("R-web.2", body.get("orders").get(1).get("clOrdId").asText());
      assertEquals("risk-officer", body.get("by").asText());
      assertEquals("concentration limit breached", body.get("reason").asText());
      assertEquals(OmsTestSupport.AT_MILLIS, body.get("atMillis").asLong());
      assertEquals("2026-01-01T00:00:00Z", body.get("at").asText());
      assertEquals("halt", JSON.readTree(WebhookOmsEndpoint.payload(halt("H-type", HaltScope.FIRM, List.of(),
          List.of()))).get("type").asText(), "the type tells a halt from orders");
    }
    try (WebhookOmsEndpoint endpoint = started("/bad", Map.of())) {
      OmsDeliveryException failure = awaitFailure(endpoint.submit(instruction));

      assertFalse(failure.retryable());
      assertEquals(OmsDeliveryException.Instruction.REBALANCE, failure.instruction());
      assertTrue(failure.getMessage().startsWith("OMS blotter, rebalance R-web: HTTP 400"), failure.getMessage());
      requests.clear();
    }
  }

  @Test
  void shouldAckWithUnknownCountWhenBodyIsEmpty() throws Exception {
    try (WebhookOmsEndpoint endpoint = started("/accepted", Map.of())) {
      OmsAck ack = await(endpoint.cancel(halt("H-202", HaltScope.FIRM, List.of(), List.of())));

      assertEquals("HTTP 202", ack.detail());
      assertEquals(OmsAck.UNKNOWN, ack.ordersAffected());
      assertTrue(ack.ordersAffectedIfKnown().isEmpty());
      requests.clear();
    }
  }

  @Test
  void shouldFailRetryableOnServerErrorAndTooManyRequests() throws Exception {
    try (WebhookOmsEndpoint endpoint = started("/error", Map.of())) {
      OmsDeliveryException failure = awaitFailure(endpoint.cancel(halt("H-500", HaltScope.FIRM, List.of(), List.of())));
      assertTrue(failure.retryable());
      assertTrue(failure.getMessage().contains("HTTP 500 from http://"), failure.getMessage());
      assertTrue(failure.getMessage().endsWith("/error: database down (retryable)"), failure.getMessage());
    }
    try (WebhookOmsEndpoint endpoint = started("/busy", Map.of())) {
      assertTrue(awaitFailure(endpoint.cancel(halt("H-429", HaltScope.FIRM, List.of(), List.of()))).retryable());
    }
    requests.clear();
  }

  @Test
  void shouldFailNotRetryableOnClientError() throws Exception {
    try (WebhookOmsEndpoint endpoint = started("/bad", Map.of())) {
      OmsDeliveryException failure = awaitFailure(endpoint.cancel(halt("H-400", HaltScope.FIRM, List.of(), List.of())));

      assertFalse(failure.retryable());
      assertEquals("blotter", failure.endpoint());
      assertEquals("H-400", failure.haltId());
      assertTrue(failure.getMessage().contains("HTTP 400"), failure.getMessage());
      assertTrue(failure.getMessage().contains("unknown scope"), failure.getMessage());
      requests.clear();
    }
  }

  @Test
  void shouldFailRetryableOnTimeoutAndConnectionRefused() throws Exception {
    WebhookOmsSettings slow = new WebhookOmsSettings("blotter", url("/slow"), Duration.ofMillis(300),
        Duration.ofSeconds(2), Map.of());
    try (WebhookOmsEndpoint endpoint = new WebhookOmsEndpoint(slow)) {
      endpoint.start();
      OmsDeliveryException failure = awaitFailure(endpoint.cancel(halt("H-slow", HaltScope.FIRM, List.of(),
          List.of())));
      assertTrue(failure.retryable());
      assertTrue(failure.getMessage().contains("no response from"), failure.getMessage());
    }

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    WebhookOmsSettings refused = new WebhookOmsSettings("blotter",
        URI.create("http://127.0.0.1:" + closedPort + "/halts"), Duration.ofSeconds(2), Duration.ofSeconds(2),
        Map.of());
    try (WebhookOmsEndpoint endpoint = new WebhookOmsEndpoint(refused)) {
      endpoint.start();
      OmsDeliveryException failure = awaitFailure(endpoint.cancel(halt("H-down", HaltScope.FIRM, List.of(),
          List.of())));
      assertTrue(failure.retryable());
      assertTrue(failure.getMessage().contains("cannot connect to"), failure.getMessage());
    }
    requests.clear();
  }

  private WebhookOmsEndpoint started(String path, Map<String, String> headers) {
    WebhookOmsEndpoint endpoint = new WebhookOmsEndpoint(new WebhookOmsSettings("blotter", url(path),
        Duration.ofSeconds(5), Duration.ofSeconds(2), headers));
    endpoint.start();
    assertTrue(endpoint.connected());
    return endpoint;
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private void respond(HttpExchange exchange, int status, String body) throws IOException {
    requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestHeaders().getFirst("Content-Type"),
        exchange.getRequestHeaders().getFirst(WebhookOmsEndpoint.IDEMPOTENCY_KEY),
        exchange.getRequestHeaders().getFirst("Authorization"),
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }
}

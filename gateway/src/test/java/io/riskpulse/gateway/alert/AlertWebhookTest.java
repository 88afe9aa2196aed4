package io.riskpulse.gateway.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.riskpulse.model.alert.AlertNotification;
import io.riskpulse.model.alert.AlertNotification.Change;
import io.riskpulse.model.alert.Incident;
import io.riskpulse.model.alert.Severity;
import io.riskpulse.model.alert.SourceRef;
import io.riskpulse.model.alert.Trigger;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The webhook against a real HTTP receiver: the JSON it POSTs and its headers, retries with the same idempotency
 * key until a 2xx, no retry of a 4xx, only the configured changes, order kept, counters.
 */
@Timeout(30)
class AlertWebhookTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer receiver;
  private final Queue<Request> requests = new ConcurrentLinkedQueue<>();

  private record Request(String idempotencyKey, String authorization, JsonNode body) {}

  /** Starts a receiver answering the n-th request (1-based) with {@code status.applyAsInt(n)}. */
  private URI receiver(IntUnaryOperator status, CountDownLatch answered) throws IOException {
    AtomicInteger count = new AtomicInteger();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        requests.add(new Request(exchange.getRequestHeaders().getFirst(AlertWebhook.IDEMPOTENCY_KEY),
            exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(in)));
      }
      exchange.sendResponseHeaders(status.applyAsInt(count.incrementAndGet()), -1);
      exchange.close();
      answered.countDown();
    });
    receiver.start();
    return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
  }

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  private static AlertWebhookSettings settings(URI url, int retries) {
    return new AlertWebhookSettings(url, Duration.ofSeconds(2), Duration.ofSeconds(1),
        Map.of("Authorization", "Bearer t0ken"), retries, Duration.ofMillis(20), 100,
        Set.of(Change.OPENED, Change.RESOLVED));
  }

  private static AlertNotification notification(long sequenceNr, Change change) {
    Trigger breach = new Trigger("DRAWDOWN", "", 1_250_000, 1_000_000, "", 1_000);
    Incident incident = Incident.open("inc-1", "PORTFOLIO:P1/DRAWDOWN", Severity.HIGH,
        "PORTFOLIO:P1 breached DRAWDOWN 1,250,000.00 > 1,000,000.00", "PORTFOLIO:P1", breach,
        new SourceRef("Portfolio|P1", 7), List.of());
    return new AlertNotification(sequenceNr, change, incident, "", 1_000);
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertTrue(latch.await(10, TimeUnit.SECONDS), "the receiver was not called often enough");
  }

  @Test
  void shouldPostTheNotificationAsJsonAndRetryWithTheSameKeyUntilTaken() throws Exception {
    CountDownLatch answered = new CountDownLatch(3);
    AlertWebhook webhook = new AlertWebhook(settings(receiver(n -> n < 3 ? 503 : 204, answered), 3));
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    webhook.bindTo(metrics);
    webhook.onAlert(notification(17, Change.OPENED));
    await(answered);
    assertEquals(3, requests.size());
    for (Request request : requests) {
      assertEquals("alert-17", request.idempotencyKey());
      assertEquals("Bearer t0ken", request.authorization());
    }
    JsonNode body = requests.peek().body();
    assertEquals(1, body.path("version").asInt());
    assertEquals("alert-17", body.path("notificationId").asText());
    assertEquals("OPENED", body.path("change").asText());
    assertEquals("inc-1", body.path("incident").path("incidentId").asText());
    assertEquals("HIGH", body.path("incident").path("severity").asText());
    assertEquals(1_250_000, body.path("incident").path("latest").path("value").asDouble());
    assertEquals(1_000_000, body.path("incident").path("latest").path("limit").asDouble());
    assertEquals(1, body.path("incident").path("occurrences").asInt());
    awaitCounted(webhook, 1, 0);
    assertEquals(1.0, metrics.get("riskpulse.alerts.webhook.notifications").tag("outcome", "delivered")
        .functionCounter().count());
  }

  @Test
  void shouldGiveUpAtOnceOnAClientErrorAndSendOnlyTheConfiguredChangesInOrder() throws Exception {
    CountDownLatch answered = new CountDownLatch(3);
    AlertWebhook webhook = new AlertWebhook(settings(receiver(n -> n == 1 ? 401 : 200, answered), 3));
    webhook.onAlert(notification(1, Change.OPENED));
    webhook.onAlert(notification(2, Change.UPDATED)); // not configured: never sent
    webhook.onAlert(notification(3, Change.OPENED));
    webhook.onAlert(notification(4, Change.RESOLVED));
    await(answered);
    assertEquals(List.of("alert-1", "alert-3", "alert-4"), requests.stream().map(Request::idempotencyKey).toList(),
        "a 401 is not retried; the rest in the order they came");
    awaitCounted(webhook, 2, 1);
  }

  @Test
  void shouldReadItsSettingsFromConfigurationAndBeAbsentWithoutAUrl() {
    assertTrue(AlertWebhookSettings.fromConfig(ConfigFactory.load()).isEmpty(), "no url, no webhook");
    AlertWebhookSettings settings = AlertWebhookSettings.fromConfig(ConfigFactory.parseString(
            "riskpulse.alerts.webhook { url = \"https://hooks.example/rp\", headers { X-Team = risk }, "
                + "changes = [opened, escalated] }")
        .withFallback(ConfigFactory.load())).orElseThrow();
    assertEquals(URI.create("https://hooks.example/rp"), settings.url());
    assertEquals(Map.of("X-Team", "risk"), settings.headers());
    assertEquals(Set.of(Change.OPENED, Change.ESCALATED), settings.changes());
    assertEquals(3, settings.retries());
    assertEquals(Duration.ofMillis(2000), settings.backoff(3));
  }

  /** Waits until the webhook is done with what it was given, then checks its counters. */
  private static void awaitCounted(AlertWebhook webhook, long delivered, long failed) throws Exception {
    webhook.drained().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(0, webhook.pending());
    assertEquals(delivered, webhook.delivered());
    assertEquals(failed, webhook.failed());
    assertEquals(0, webhook.dropped());
  }
}

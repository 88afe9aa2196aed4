package io.riskpulse.node;

import static io.riskpulse.node.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.model.alert.AlertBook;
import io.riskpulse.model.alert.AlertClient;
import io.riskpulse.model.alert.AlertNotification;
import io.riskpulse.model.alert.AlertNotification.Change;
import io.riskpulse.model.alert.AlertReply;
import io.riskpulse.model.alert.AlertSubscribers;
import io.riskpulse.model.alert.AlertSubscription;
import io.riskpulse.model.alert.Incident;
import io.riskpulse.model.alert.IncidentFilter;
import io.riskpulse.model.alert.IncidentStatus;
import io.riskpulse.model.alert.Incidents;
import io.riskpulse.model.alert.ObservedOffsets;
import io.riskpulse.model.alert.Severity;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts on one real node with the embedded journal: a portfolio breaches a halting limit, and the alert book
 * (fed by the projection from the tagged journal) holds one HIGH incident with the breach's value and limit and
 * one CRITICAL halt incident related to it; a real HTTP receiver gets the webhook JSON, an in-process subscriber
 * the notifications, {@code GET /alerts} lists them. After a restart on the same data folder the incidents are
 * still there, not duplicated, and the projection resumed after its stored offset (nothing was delivered twice).
 */
@Timeout(90)
class AlertEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Halts on a position above 1,000,000. */
  private static final Limits LIMITS =
      new Limits(null, null, 1_000_000.0, null, null, null, null, null, null, true);

  @TempDir Path dataDir;

  private HttpServer receiver;
  /** The webhook requests received: Idempotency-Key header and parsed body. */
  private final Queue<Received> received = new ConcurrentLinkedQueue<>();

  private record Received(String idempotencyKey, JsonNode body) {}

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hooks/riskpulse", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"), JSON.readTree(in)));
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private Config config() {
    return ConfigFactory.parseString(
            "riskpulse.alerts.webhook.url = \"http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hooks/riskpulse\"\n"
                + "riskpulse.alerts.webhook.retry-backoff = 100ms\n")
        .withFallback(TestNodes.config(dataDir));
  }

  @Test
  void shouldRaiseOneIncidentPerBreachAndHaltDeliverThemAndKeepThemAcrossARestart() throws Exception {
    List<Incident> before;
    ActorSystem<Void> system = TestNodes.start(config());
    try {
      NodeServices node = Main.init(system, new NodeDeps(TestNodes.INSTRUMENTS, Clock.systemUTC()));
      AlertClient alerts = node.alerts().book();
      TestProbe<AlertNotification> subscriber = TestProbe.create(system);
      AlertSubscription subscription = AlertSubscribers.subscribe(system, "test-subscriber", subscriber.ref());
      // The topic is at most once and its instances find each other through the receptionist: wait until the log
      // and webhook singletons' and this test's subscriptions are known on the node, as they would be long before
      // the first alert of a node in production.
      awaitTopicInstances(system, 3);

      long now = System.currentTimeMillis();
      node.market().update(Quote.lastTrade("SPY", 500, now));
      assertEquals(Reply.accepted(), await(node.portfolios().open("RUN", "algo", "alice", 10_000_000, LIMITS, "t")));
      assertEquals(Reply.accepted(),
          await(node.portfolios().apply(new Execution("F1", "RUN", "runaway", "SPY", Side.BUY, 3000, 500, now))));

      TestProbe<Void> probe = TestProbe.create(system);
      Incidents open = probe.awaitAssert(WAIT, Duration.ofMillis(100), () -> {
        Incidents incidents = await(alerts.incidents(IncidentFilter.OPEN, 50));
        assertEquals(2, incidents.incidents().size(), incidents.toString());
        return incidents;
      });
      Incident halt = open.incidents().get(0);
      Incident breach = open.incidents().get(1);
      assertEquals("PORTFOLIO:RUN/POSITION_NOTIONAL:SPY", breach.correlationKey());
      assertEquals(Severity.HIGH, breach.severity());
      assertEquals(1_500_000, breach.latest().value(), 1e-6);
      assertEquals(1_000_000, breach.latest().limit(), 1e-6);
      assertEquals(1, breach.occurrences());
      assertEquals("PORTFOLIO:RUN/HALT", halt.correlationKey());
      assertEquals(Severity.CRITICAL, halt.severity());
      assertEquals(List.of(breach.incidentId()), halt.related(), "the halt names the breach that caused it");
      assertTrue(halt.title().startsWith("PORTFOLIO:RUN halted by " + Portfolio.LIMIT_MONITOR), halt.title());

      AlertReply acknowledged = await(alerts.acknowledge(halt.incidentId(), "ops-1"));
      assertTrue(acknowledged.accepted(), acknowledged.toString());

      // The webhook: the breach's OPENED with its figures, the halt's acknowledgement, each under its own key.
      probe.awaitAssert(WAIT, Duration.ofMillis(100), () -> {
        JsonNode opened = webhook(Change.OPENED, breach.incidentId());
        assertEquals(1_500_000, opened.path("incident").path("latest").path("value").asDouble(), 1e-6);
        assertEquals(1_000_000, opened.path("incident").path("latest").path("limit").asDouble(), 1e-6);
        assertEquals("HIGH", opened.path("incident").path("severity").asText());
        assertEquals("CRITICAL", webhook(Change.OPENED, halt.incidentId()).path("incident").path("severity").asText());
        assertEquals("ops-1", webhook(Change.ACKNOWLEDGED, halt.incidentId()).path("by").asText());
        return null;
      });
      for (Received request : received) {
        assertEquals(request.body().path("notificationId").asText(), request.idempotencyKey());
      }
      // The in-process subscriber.
      List<AlertNotification> seen = subscriber.fishForMessage(WAIT, notification ->
          notification.change() == Change.ACKNOWLEDGED
              && notification.incident().incidentId().equals(halt.incidentId())
              ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore());
      assertEquals("ops-1", seen.get(seen.size() - 1).by());
      subscription.close();

      // GET /alerts.
      int port = await(node.http().orElseThrow()).localAddress().getPort();
      JsonNode listed = JSON.readTree(get(port, "/alerts?status=all").body());
      assertEquals(2, listed.path("matching").asInt());
      assertEquals(halt.incidentId(), listed.path("incidents").path(0).path("incidentId").asText());
      assertEquals("ACKNOWLEDGED", listed.path("incidents").path(0).path("status").asText());
      assertEquals(400, get(port, "/alerts?status=closed").statusCode());

      before = await(alerts.incidents(IncidentFilter.ALL, 50)).incidents();
    } finally {
      TestNodes.stop(system);
    }

    ActorSystem<Void> restarted = TestNodes.start(config());
    try {
      NodeServices node = Main.init(restarted, new NodeDeps(TestNodes.INSTRUMENTS, Clock.systemUTC()));
      AlertClient alerts = node.alerts().book();
      TestProbe<Void> probe = TestProbe.create(restarted);
      assertEquals(before, probe.awaitAssert(WAIT, Duration.ofMillis(100),
          () -> await(alerts.incidents(IncidentFilter.ALL, 50)).incidents()));

      // A new breach on the same tag: once its incident is there, anything replayed before it would be too.
      long now = System.currentTimeMillis();
      node.market().update(Quote.lastTrade("SPY", 500, now));
      assertEquals(Reply.accepted(), await(node.portfolios().open("NEXT", "algo", "bob", 10_000_000, LIMITS, "t")));
      assertEquals(Reply.accepted(),
          await(node.portfolios().apply(new Execution("N1", "NEXT", "calm", "SPY", Side.SELL, 2500, 500, now))));
      List<Incident> after = probe.awaitAssert(WAIT, Duration.ofMillis(100), () -> {
        List<Incident> incidents = await(alerts.incidents(IncidentFilter.ALL, 50)).incidents();
        assertEquals(4, incidents.size(), incidents.toString());
        return incidents;
      });
      assertEquals(before, after.subList(2, 4), "the first node's incidents, unchanged and not duplicated");
      assertTrue(after.get(0).correlationKey().startsWith("PORTFOLIO:NEXT/"), after.get(0).toString());
      assertEquals(IncidentStatus.ACKNOWLEDGED, after.get(2).status());
      ObservedOffsets offsets = await(alerts.offsets());
      assertEquals(0, offsets.duplicatesIgnored(), "the projection resumed after the stored offset: " + offsets);
      assertFalse(offsets.offsets().isEmpty());
    } finally {
      TestNodes.stop(restarted);
    }
  }

  /** The webhook body of {@code change} for {@code incidentId}; fails when it has not arrived. */
  private JsonNode webhook(Change change, String incidentId) {
    return received.stream().map(Received::body)
        .filter(body -> body.path("change").asText().equals(change.name())
            && body.path("incident").path("incidentId").asText().equals(incidentId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + change + " of " + incidentId + " in " + received));
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Waits until an instance of the alert topic on the node knows {@code subscribed} instances: those with
   * subscribers (only they register with the receptionist, so this one and the book's publisher do not count).
   */
  private static void awaitTopicInstances(ActorSystem<Void> system, int subscribed) {
    ActorRef<Topic.Command<AlertNotification>> topic = system.systemActorOf(
        Topic.create(AlertNotification.class, AlertBook.TOPIC_NAME), "test-topic-stats", Props.empty());
    TestProbe<Topic.TopicStats> stats = TestProbe.create(system);
    stats.awaitAssert(WAIT, Duration.ofMillis(100), () -> {
      topic.tell(Topic.getTopicStats(stats.ref()));
      int known = stats.receiveMessage().topicInstanceCount();
      assertTrue(known >= subscribed, "topic instances known: " + known);
      return null;
    });
  }
}

package io.riskpulse.gateway.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskpulse.model.alert.AlertListener;
import io.riskpulse.model.alert.AlertNotification;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP webhook subscriber: POSTs each alert notification whose change is configured
 * ({@code riskpulse.alerts.webhook.changes}) as JSON to {@code riskpulse.alerts.webhook.url}, with the JDK
 * {@link HttpClient}.
 *
 * <ul>
 *   <li>{@code POST <url>}, {@code Content-Type: application/json}, {@code Idempotency-Key: alert-<n>} (the
 *       notification's id, the same on every retry), plus the configured headers. Body:
 *       {@code {"version":1, "notificationId":"alert-17", "sequenceNr":17, "change":"OPENED", "by":"",
 *       "atMillis":..., "incident":{...}}} with the incident's fields as in {@code GET /alerts} (figures that do not
 *       exist, such as a halt's value, are the string {@code "NaN"}).
 *   <li>2xx delivers. 408, 429, 5xx, other non-2xx statuses, timeouts and network errors are retried up to
 *       {@code retries} times, after {@code retry-backoff} doubling; other 4xx (bad URL, authentication, payload)
 *       fail at once. A notification that still fails is logged at warn and counted, and not sent again.
 * </ul>
 *
 * <p>Guarantee: at most once per notification beyond the retries (a receiver may see a retry of one it already
 * took: deduplicate by Idempotency-Key). The topic it listens on is at most once as well; the alert book, queried
 * with {@code GET /alerts}, is the record to reconcile with.
 *
 * <p>Never blocks the caller: {@link #onAlert} only queues the notification; sends run one at a time on the HTTP
 * client's threads, in the order notifications arrived (so an incident's OPENED is never overtaken by its
 * RESOLVED). Beyond {@code max-pending} queued notifications, new ones are dropped, counted and logged, so a dead
 * receiver cannot exhaust memory.
 *
 * <p>Thread-safe.
 */
public final class AlertWebhook implements AlertListener {

  /** Request header carrying the notification id. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  /** Version of the JSON payload, field {@code "version"}. */
  public static final int PAYLOAD_VERSION = 1;

  private static final Logger LOG = LoggerFactory.getLogger(AlertWebhook.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AlertWebhookSettings settings;
  private final HttpClient client;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicInteger pending = new AtomicInteger();
  /** Completes when the last queued notification is done; each send chains on it. Guarded by {@code this}. */
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  public AlertWebhook(AlertWebhookSettings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public AlertWebhookSettings settings() {
    return settings;
  }

  @Override
  public void onAlert(AlertNotification notification) {
    if (!settings.changes().contains(notification.change())) {
      return;
    }
    byte[] body = payload(notification);
    if (pending.incrementAndGet() > settings.maxPending()) {
      pending.decrementAndGet();
      if (dropped.incrementAndGet() % 100 == 1) {
        LOG.warn("Alert webhook {} is {} notifications behind: dropped {} ({} dropped so far)", settings.url(),
            settings.maxPending(), notification.notificationId(), dropped.get());
      }
      return;
    }
    synchronized (this) {
      tail = tail.thenCompose(previous -> send(notification, body, 0))
          .handle((done, failure) -> {
            pending.decrementAndGet();
            return null;
          });
    }
  }

  /** Notifications the receiver took (2xx). */
  public long delivered() {
    return delivered.get();
  }

  /** Notifications given up after the retries. */
  public long failed() {
    return failed.get();
  }

  /** Notifications dropped because {@code max-pending} were queued. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Completes when every notification queued so far has been delivered or given up (never exceptionally): for a
   * graceful stop, or a test.
   */
  public synchronized CompletionStage<Void> drained() {
    return tail.thenApply(done -> null);
  }

  /** Notifications queued or being sent. */
  public int pending() {
    return pending.get();
  }

  /**
   * Registers the counters ({@code riskpulse.alerts.webhook.notifications} by outcome delivered, failed, dropped)
   * and the queue gauge ({@code riskpulse.alerts.webhook.pending}).
   */
  public void bindTo(MeterRegistry registry) {
    Map.of("delivered", delivered, "failed", failed, "dropped", dropped).forEach((outcome, count) ->
        FunctionCounter.builder("riskpulse.alerts.webhook.notifications", count, AtomicLong::get)
            .tag("outcome", outcome)
            .description("Alert notifications POSTed to the webhook, by outcome")
            .register(registry));
    Gauge.builder("riskpulse.alerts.webhook.pending", pending, AtomicInteger::get)
        .description("Alert notifications waiting to be POSTed")
        .register(registry);
  }

  /** One attempt (0-based); retries itself after the backoff. Never completes exceptionally. */
  private CompletableFuture<Void> send(AlertNotification notification, byte[] body, int attempt) {
    CompletableFuture<HttpResponse<Void>> response;
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
          .timeout(settings.requestTimeout())
          .header("Content-Type", "application/json")
          .header(IDEMPOTENCY_KEY, notification.notificationId())
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      settings.headers().forEach(request::header); // a restricted header name (Host, ...) fails here
      response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    return response.handle(AlertWebhook::outcome)
        .thenCompose(outcome -> {
          if (outcome.delivered()) {
            delivered.incrementAndGet();
            return CompletableFuture.<Void>completedFuture(null);
          }
          if (outcome.retryable() && attempt < settings.retries()) {
            Duration delay = settings.backoff(attempt + 1);
            LOG.debug("Alert webhook attempt {} for {} failed ({}), retrying in {} ms", attempt + 1,
                notification.notificationId(), outcome.why(), delay.toMillis());
            return CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(waited -> send(notification, body, attempt + 1));
          }
          failed.incrementAndGet();
          LOG.warn("Alert webhook {} did not take {} ({} {}) after {} attempt(s): {}", settings.url(),
              notification.notificationId(), notification.change(), notification.incident().incidentId(),
              attempt + 1, outcome.why());
          return CompletableFuture.<Void>completedFuture(null);
        });
  }

  /**
   * What one attempt came to.
   *
   * @param delivered the receiver answered 2xx
   * @param retryable another attempt may succeed: a timeout, a network error, 408, 429, 5xx or another non-4xx
   * @param why for the log, e.g. {@code HTTP 503} or {@code HttpTimeoutException: request timed out}
   */
  private record Outcome(boolean delivered, boolean retryable, String why) {}

  private static Outcome outcome(HttpResponse<Void> answer, Throwable failure) {
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      return new Outcome(false, true,
          cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
    int status = answer.statusCode();
    if (status >= 200 && status < 300) {
      return new Outcome(true, false, "");
    }
    boolean clientError = status >= 400 && status < 500 && status != 408 && status != 429;
    return new Outcome(false, !clientError, "HTTP " + status);
  }

  /** The JSON body of a notification (see the class comment). */
  static byte[] payload(AlertNotification notification) {
    ObjectNode body = JSON.createObjectNode();
    body.put("version", PAYLOAD_VERSION);
    body.put("notificationId", notification.notificationId());
    body.put("sequenceNr", notification.sequenceNr());
    body.put("change", notification.change().name());
    body.put("by", notification.by());
    body.put("atMillis", notification.atMillis());
    body.set("incident", JSON.valueToTree(notification.incident()));
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write alert " + notification.notificationId() + " as JSON", e);
    }
  }
}

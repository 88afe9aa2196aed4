package io.riskpulse.gateway.oms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskpulse.gateway.oms.OmsDeliveryException.Instruction;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.OpenOrder;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceOrder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OMS (or any system that must stop trading) told about halts and rebalance orders by an HTTP POST of the
 * instruction as JSON, with the JDK {@link HttpClient}. The payloads and the status rules are in
 * {@code docs/OMS.md}; in short:
 *
 * <ul>
 *   <li>{@code POST <url>}, {@code Content-Type: application/json}, {@code Idempotency-Key: <haltId>} or
 *       {@code <rebalanceId>} (the same on every re-send, so the receiver can drop duplicates), plus the
 *       configured headers. The body's {@code "type"} tells a halt ({@code "halt"}) from orders to enter
 *       ({@code "orders"}); a receiver must refuse (4xx) a type it does not handle rather than answer 2xx.</li>
 *   <li>2xx acknowledges the whole instruction; the receiver must answer 2xx only once it has cancelled (or
 *       durably accepted to cancel) the orders of a halt, or entered (or durably accepted to enter) every order
 *       of a rebalance. An optional JSON body {@code {"ordersAffected": n}} is reported in the {@link OmsAck}.</li>
 *   <li>408 and 429, 5xx, any other status, a timeout or a network error fail retryable; other 4xx fail not
 *       retryable (the request itself is wrong: bad URL, authentication, payload).</li>
 * </ul>
 *
 * <p>HTTP has no session: {@link #connected()} is true between {@link #start()} and {@link #close()}, and
 * connection listeners are never called; a failed POST is retried by the gateway actor's backoff.
 *
 * <p>Thread-safe. Stages complete on the HTTP client's executor.
 */
public final class WebhookOmsEndpoint implements OmsEndpoint {

  /** Request header carrying the halt id or the rebalance id. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  /** Version of the halt JSON payload ({@code "type": "halt"}), field {@code "version"}. */
  public static final int PAYLOAD_VERSION = 1;
  /** Version of the orders JSON payload ({@code "type": "orders"}), field {@code "version"}. */
  public static final int ORDERS_PAYLOAD_VERSION = 1;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookOmsEndpoint.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_IN_MESSAGE = 200;

  private enum State { NEW, STARTED, CLOSED }

  /** What a POST in flight is about, to fail it on {@link #close()}. */
  private record Pending(Instruction instruction, String id) {}

  private final WebhookOmsSettings settings;
  private final Map<CompletableFuture<OmsAck>, Pending> inFlight = new ConcurrentHashMap<>();
  private volatile State state = State.NEW;
  private volatile HttpClient client;

  public WebhookOmsEndpoint(WebhookOmsSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return settings.name();
  }

  public WebhookOmsSettings settings() {
    return settings;
  }

  @Override
  public synchronized void start() {
    if (state != State.NEW) {
      throw new IllegalStateException("OMS endpoint " + name() + " already " + state.name().toLowerCase(Locale.ROOT));
    }
    client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    state = State.STARTED;
    LOG.info("OMS {}: webhook {}", name(), settings.url());
  }

  @Override
  public CompletionStage<OmsAck> cancel(HaltInstruction instruction) {
    Objects.requireNonNull(instruction, "instruction");
    return post(Instruction.HALT, instruction.haltId(), () -> payload(instruction));
  }

  /** POSTs the orders with {@code "type": "orders"} and Idempotency-Key = the rebalance id. */
  @Override
  public CompletionStage<OmsAck> submit(RebalanceInstruction instruction) {
    Objects.requireNonNull(instruction, "instruction");
    return post(Instruction.REBALANCE, instruction.rebalanceId(), () -> payload(instruction));
  }

  @Override
  public boolean connected() {
    return state == State.STARTED;
  }

  /** No effect: HTTP has no connection to report. */
  @Override
  public void addConnectionListener(OmsConnectionListener listener) {
    Objects.requireNonNull(listener, "listener");
  }

  @Override
  public void removeConnectionListener(OmsConnectionListener listener) {}

  /** Fails requests still waiting (retryable); their responses are ignored. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (state == State.CLOSED) {
        return;
      }
      state = State.CLOSED;
    }
    for (Map.Entry<CompletableFuture<OmsAck>, Pending> pending : Map.copyOf(inFlight).entrySet()) {
      pending.getKey().completeExceptionally(closed(pending.getValue()));
    }
  }

  /**
   * The JSON body POSTed for an instruction ({@code docs/OMS.md}, "Webhook payload"). Written field by field,
   * not by reflection on {@link HaltInstruction}, so that the wire format changes only on purpose.
   */
  static byte[] payload(HaltInstruction instruction) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", PAYLOAD_VERSION);
    root.put("type", "halt");
    root.put("haltId", instruction.haltId());
    ObjectNode scope = root.putObject("scope");
    scope.put("kind", instruction.scope().kind().name());
    scope.put("value", instruction.scope().value());
    scope.put("text", instruction.scope().toString());
    ArrayNode accounts = root.putArray("accounts");
    instruction.accounts().forEach(accounts::add);
    ArrayNode orders = root.putArray("openOrders");
    for (OpenOrder order : instruction.openOrders()) {
      ObjectNode node = orders.addObject();
      node.put("clOrdId", order.clOrdId());
      node.put("account", order.account());
      node.put("strategy", order.strategy());
      node.put("symbol", order.symbol());
      node.put("side", order.side().name());
      node.put("quantity", order.quantity());
    }
    root.put("by", instruction.by());
    root.put("reason", instruction.reason());
    root.put("atMillis", instruction.atMillis());
    root.put("at", Instant.ofEpochMilli(instruction.atMillis()).toString());
    return bytes(root, "halt");
  }

  /**
   * The JSON body POSTed for a rebalance ({@code docs/OMS.md}, "Webhook"): {@code "type": "orders"}, the
   * portfolio (the account) and one object per order, in the order and with the ClOrdIDs a FIX endpoint would use
   * ({@link FixRebalanceMapping}), so a receiver that passes them on to a FIX venue gets per-order idempotency too.
   * Written field by field, like {@link #payload(HaltInstruction)}, so that the wire format changes only on
   * purpose ({@link #ORDERS_PAYLOAD_VERSION} is bumped when it does).
   */
  static byte[] payload(RebalanceInstruction instruction) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", ORDERS_PAYLOAD_VERSION);
    root.put("type", "orders");
    root.put("rebalanceId", instruction.rebalanceId());
    root.put("portfolioId", instruction.portfolioId());
    ArrayNode orders = root.putArray("orders");
    List<RebalanceOrder> sorted = FixRebalanceMapping.sorted(instruction);
    for (int i = 0; i < sorted.size(); i++) {
      RebalanceOrder order = sorted.get(i);
      ObjectNode node = orders.addObject();
      node.put("clOrdId", FixRebalanceMapping.clOrdId(instruction.rebalanceId(), i + 1));
      node.put("symbol", order.symbol());
      node.put("side", order.side() == null ? null : order.side().name());
      node.put("quantity", order.quantity());
      node.put("notional", order.notional());
      node.put("orderType", "MARKET");
      node.put("timeInForce", "DAY");
    }
    root.put("by", instruction.by());
    root.put("reason", instruction.reason());
    root.put("atMillis", instruction.atMillis());
    root.put("at", Instant.ofEpochMilli(instruction.atMillis()).toString());
    return bytes(root, "orders");
  }

  private static byte[] bytes(ObjectNode root, String type) {
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + type + " JSON", e);
    }
  }

  /**
   * One POST of a payload; {@code id} is the Idempotency-Key. The payload is written only once the endpoint is
   * known to be started.
   */
  private CompletionStage<OmsAck> post(Instruction instruction, String id, Supplier<byte[]> payload) {
    if (state != State.STARTED) {
      return CompletableFuture.failedFuture(new OmsDeliveryException(name(), instruction, id, true,
          "endpoint " + state.name().toLowerCase(Locale.ROOT), null));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json")
        .header(IDEMPOTENCY_KEY, id)
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload.get()));
    for (Map.Entry<String, String> header : settings.headers().entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    Pending pending = new Pending(instruction, id);
    CompletableFuture<OmsAck> result = new CompletableFuture<>();
    inFlight.put(result, pending);
    result.whenComplete((ack, failure) -> inFlight.remove(result));
    client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .whenComplete((response, failure) -> {
          try {
            if (failure != null) {
              result.completeExceptionally(networkFailure(pending, failure));
            } else {
              complete(result, pending, response);
            }
          } catch (RuntimeException e) {
            result.completeExceptionally(OmsDeliveryException.of(e, name(), instruction, id));
          }
        });
    if (state == State.CLOSED) {
      result.completeExceptionally(closed(pending));
    }
    return result.copy();
  }

  private void complete(CompletableFuture<OmsAck> result, Pending pending, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      int affected = ordersAffected(response.body());
      OmsAck ack = new OmsAck(name(), pending.id(), "HTTP " + status
          + (affected == OmsAck.UNKNOWN ? "" : " ordersAffected=" + affected), affected);
      LOG.info("OMS {} acknowledged {} {}: {}", name(), pending.instruction().label(), pending.id(), ack.detail());
      result.complete(ack);
      return;
    }
    boolean retryable = status < 400 || status >= 500 || status == 408 || status == 429;
    String retryAfter = response.headers().firstValue("Retry-After").map(value -> " Retry-After=" + value)
        .orElse("");
    OmsDeliveryException failure = new OmsDeliveryException(name(), pending.instruction(), pending.id(), retryable,
        "HTTP " + status + " from " + settings.url() + retryAfter + body(response.body()), null);
    LOG.warn("{}", failure.getMessage());
    result.completeExceptionally(failure);
  }

  private OmsDeliveryException networkFailure(Pending pending, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    String what;
    if (cause instanceof HttpTimeoutException) {
      what = "no response from " + settings.url() + " within " + settings.requestTimeout().toMillis() + " ms";
    } else if (cause instanceof ConnectException) {
      what = "cannot connect to " + settings.url() + " (" + cause + ")";
    } else if (cause instanceof IOException) {
      what = "network error talking to " + settings.url() + " (" + cause + ")";
    } else {
      what = "request to " + settings.url() + " failed (" + cause + ")";
    }
    OmsDeliveryException exception = new OmsDeliveryException(name(), pending.instruction(), pending.id(), true, what,
        cause);
    LOG.warn("{}", exception.getMessage());
    return exception;
  }

  private OmsDeliveryException closed(Pending pending) {
    return new OmsDeliveryException(name(), pending.instruction(), pending.id(), true,
        "endpoint closed before the OMS answered", null);
  }

  private static int ordersAffected(String body) {
    if (body == null || body.isBlank()) {
      return OmsAck.UNKNOWN;
    }
    try {
      JsonNode node = JSON.readTree(body).get("ordersAffected");
      return node != null && node.canConvertToInt() && node.asInt() >= 0 ? node.asInt() : OmsAck.UNKNOWN;
    } catch (IOException e) {
      return OmsAck.UNKNOWN;
    }
  }

  private static String body(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return ": " + (oneLine.length() <= MAX_BODY_IN_MESSAGE ? oneLine
        : oneLine.substring(0, MAX_BODY_IN_MESSAGE - 3) + "...");
  }
}

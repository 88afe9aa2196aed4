package io.riskpulse.gateway.halt;

import io.riskpulse.gateway.halt.OmsGatewayCommand.EndpointAnswered;
import io.riskpulse.gateway.halt.OmsGatewayCommand.EndpointConnected;
import io.riskpulse.gateway.halt.OmsGatewayCommand.GetDeliveries;
import io.riskpulse.gateway.halt.OmsGatewayCommand.Request;
import io.riskpulse.gateway.halt.OmsGatewayCommand.Retry;
import io.riskpulse.gateway.halt.OmsGatewayCommand.ScopeResolved;
import io.riskpulse.gateway.halt.OmsGatewayCommand.SubmitOrders;
import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliveryAcknowledged;
import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliveryFailed;
import io.riskpulse.gateway.halt.OmsGatewayEvent.DeliverySent;
import io.riskpulse.gateway.halt.OmsGatewayEvent.HaltRequested;
import io.riskpulse.gateway.halt.OmsGatewayEvent.HaltResolved;
import io.riskpulse.gateway.halt.OmsGatewayEvent.OrdersRequested;
import io.riskpulse.gateway.oms.OmsConnectionListener;
import io.riskpulse.gateway.oms.OmsDeliveryException;
import io.riskpulse.gateway.oms.OmsEndpoint;
import io.riskpulse.model.concurrent.Completions;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltDispatcher;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceDispatcher;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.slf4j.Logger;

/**
 * The OMS gateway: delivers every halt to every configured OMS endpoint, at least once, and journals each step
 * ({@link HaltRequested}, {@link HaltResolved}, {@link DeliverySent}, {@link DeliveryAcknowledged},
 * {@link DeliveryFailed}) so that an auditor sees what each OMS was asked and answered, and a gateway restarted
 * mid-halt resumes it.
 *
 * <p>Flow of one halt: a sender (a portfolio or the kill switch, through {@link #dispatcher}) asks
 * {@link Request}; the gateway journals the request, flushes the journal and only then answers, so the sender can
 * stop retrying. It resolves the scope to accounts and working orders ({@link ScopeResolver}, retried with backoff
 * until complete: cancelling for a partial set of accounts would be wrong; the resolution starts while the request
 * is being written), sends the instruction to each endpoint and journals it with the attempts, the write not
 * delaying the send. An acknowledgement ends that endpoint's delivery; a retryable failure (not connected,
 * disconnected while waiting, no answer within {@code attempt-timeout}) is retried with exponential backoff and at
 * once when the endpoint reconnects; a final failure (the OMS refused) ends it as failed, for a person to act on.
 *
 * <p>At least once, idempotent in effect: after a restart, every delivery not acknowledged (including one sent
 * and not yet answered) is sent again. Endpoints send a re-send under the same ids (FIX ClOrdID derived from the
 * halt id, HTTP Idempotency-Key), and a halt already taken is answered at once, so a duplicate has no second
 * effect.
 *
 * <p>One per cluster ({@link #startSingleton}): a cluster singleton with one journal. Thread-safety: an actor;
 * endpoint answers arrive through {@code pipeToSelf}, connection changes as messages.
 */
public final class OmsGateway
    extends EventSourcedBehaviorWithEnforcedReplies<OmsGatewayCommand, OmsGatewayEvent, OmsGatewayState> {

  /** Persistence id of the gateway's journal (one per cluster). */
  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("OmsGateway");
  /** Name of the cluster singleton. */
  public static final String SINGLETON_NAME = "riskpulse-oms-gateway";
  /** The endpoint name of a {@link Retry} that resolves the scope, or sends a resolved halt to every endpoint. */
  private static final String RESOLVE = "";

  private final OmsGatewayEnvironment env;
  private final ActorContext<OmsGatewayCommand> context;
  private final TimerScheduler<OmsGatewayCommand> timers;
  private final Map<String, OmsEndpoint> endpoints = new LinkedHashMap<>();
  private final OmsConnectionListener connectionListener;
  /** Deliveries (halt id + endpoint) and resolutions waiting for an answer; transient, cleared on recovery. */
  private final Set<String> inFlight = new HashSet<>();
  /** Failures in a row per delivery or resolution, for the backoff; transient. */
  private final Map<String, Integer> failures = new HashMap<>();

  private OmsGateway(OmsGatewayEnvironment env, ActorContext<OmsGatewayCommand> context,
      TimerScheduler<OmsGatewayCommand> timers) {
    super(PERSISTENCE_ID, SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.env = env;
    this.context = context;
    this.timers = timers;
    for (OmsEndpoint endpoint : env.endpoints()) {
      endpoints.put(endpoint.name(), endpoint);
    }
    // The listener runs on the endpoint's threads (QuickFIX/J's), where the actor context must not be used: it
    // captures the self reference and the logger (thread-safe) here.
    ActorRef<OmsGatewayCommand> self = context.getSelf();
    Logger log = context.getLog();
    this.connectionListener = new OmsConnectionListener() {
      @Override
      public void onConnected(String endpoint) {
        self.tell(new EndpointConnected(endpoint));
      }

      @Override
      public void onDisconnected(String endpoint, String reason) {
        log.warn("OMS endpoint {} disconnected: {}", endpoint, reason);
      }
    };
    endpoints.values().forEach(endpoint -> endpoint.addConnectionListener(connectionListener));
  }

  /** The gateway's behaviour (outside a singleton: tests). */
  public static Behavior<OmsGatewayCommand> create(OmsGatewayEnvironment env) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> new OmsGateway(env, context, timers)));
  }

  /** Starts the gateway as the cluster's singleton (or joins it) and returns a proxy to it. */
  public static ActorRef<OmsGatewayCommand> startSingleton(ActorSystem<?> system, OmsGatewayEnvironment env) {
    return ClusterSingleton.get(system).init(SingletonActor.of(
        Behaviors.supervise(create(env)).onFailure(SupervisorStrategy.restart()), SINGLETON_NAME));
  }

  /**
   * The {@link HaltDispatcher} portfolios and the kill switch hand their halts to: asks the gateway to take the
   * halt and completes once it has journaled (and flushed) it.
   */
  public static HaltDispatcher dispatcher(ActorSystem<?> system, ActorRef<OmsGatewayCommand> gateway,
      Duration timeout) {
    return halt -> AskPattern.<OmsGatewayCommand, StatusReply<Done>>ask(gateway,
            replyTo -> new Request(halt, replyTo), timeout, system.scheduler())
        .thenApply(reply -> {
          if (reply.isError()) {
            throw new CompletionException(reply.getError());
          }
          return (Void) null;
        });
  }

  /**
   * The {@link RebalanceDispatcher} portfolios hand approved rebalances to: asks the gateway to take the orders and
   * completes once it has journaled (and flushed) them.
   */
  public static RebalanceDispatcher rebalanceDispatcher(ActorSystem<?> system, ActorRef<OmsGatewayCommand> gateway,
      Duration timeout) {
    return orders -> AskPattern.<OmsGatewayCommand, StatusReply<Done>>ask(gateway,
            replyTo -> new SubmitOrders(orders, replyTo), timeout, system.scheduler())
        .thenApply(reply -> {
          if (reply.isError()) {
            throw new CompletionException(reply.getError());
          }
          return (Void) null;
        });
  }

  @Override
  public OmsGatewayState emptyState() {
    return OmsGatewayState.EMPTY;
  }

  @Override
  public CommandHandlerWithReply<OmsGatewayCommand, OmsGatewayEvent, OmsGatewayState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Request.class, this::onRequest)
        .onCommand(SubmitOrders.class, this::onSubmit)
        .onCommand(GetDeliveries.class, (state, cmd) ->
            Effect().reply(cmd.replyTo(), new OmsDeliveries(List.copyOf(state.deliveries().values()))))
        .onCommand(ScopeResolved.class, this::onResolved)
        .onCommand(EndpointAnswered.class, this::onAnswered)
        .onCommand(Retry.class, this::onRetry)
        .onCommand(EndpointConnected.class, this::onConnected)
        .build();
  }

  private ReplyEffect<OmsGatewayEvent, OmsGatewayState> onRequest(OmsGatewayState state, Request cmd) {
    if (cmd.halt() == null || cmd.halt().haltId() == null || cmd.halt().haltId().isBlank()
        || cmd.halt().scope() == null) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("a halt needs an id and a scope, was " + cmd.halt()));
    }
    if (state.delivery(cmd.halt().haltId()) != null) {
      // A re-send of a halt already taken: answered once the journal is flushed, as the first was (this one may
      // have waited behind the first one's write, and been answered before its flush: a crash then lost both).
      return Effect().none().thenRun(newState -> flushThenAnswer(cmd.replyTo())).thenNoReply();
    }
    context.getLog().info("OMS gateway took halt {}", cmd.halt().describe());
    // The scope is resolved while the request is written: the answer waits in the stash until the write is done.
    resolve(cmd.halt());
    return Effect()
        .persist(new HaltRequested(cmd.halt(), now()))
        .thenRun(newState -> flushThenAnswer(cmd.replyTo()))
        .thenNoReply();
  }

  private ReplyEffect<OmsGatewayEvent, OmsGatewayState> onSubmit(OmsGatewayState state, SubmitOrders cmd) {
    RebalanceInstruction orders = cmd.orders();
    if (orders == null || orders.rebalanceId() == null || orders.rebalanceId().isBlank()
        || orders.portfolioId() == null || orders.portfolioId().isBlank()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("a rebalance needs an id and a portfolio, was " + orders));
    }
    if (state.delivery(orders.rebalanceId()) != null) {
      // A re-send of a rebalance already taken: answered once the journal is flushed, as the first was.
      return Effect().none().thenRun(newState -> flushThenAnswer(cmd.replyTo())).thenNoReply();
    }
    context.getLog().info("OMS gateway took rebalance {} of {} ({} orders)", orders.rebalanceId(),
        orders.portfolioId(), orders.orders().size());
    return Effect()
        .persist(new OrdersRequested(orders, now()))
        .thenRun(newState -> {
          flushThenAnswer(cmd.replyTo());
          context.getSelf().tell(new Retry(orders.rebalanceId(), RESOLVE));
        })
        .thenNoReply();
  }

  private void flushThenAnswer(ActorRef<StatusReply<Done>> replyTo) {
    CompletionStage<Void> flushed;
    try {
      flushed = env.flush().get();
    } catch (RuntimeException e) {
      flushed = CompletableFuture.failedFuture(e);
    }
    flushed.whenComplete((ok, failure) -> replyTo.tell(failure == null ? StatusReply.ack()
        : StatusReply.error("journaled, but the journal could not be flushed: " + failure)));
  }

  /** Resolves the halt's scope unless it is resolved or being resolved. */
  private void resolve(OmsGatewayState state, String haltId) {
    OmsDelivery delivery = state.delivery(haltId);
    if (delivery != null && !delivery.ready()) {
      resolve(delivery.halt());
    }
  }

  /** Resolves {@code halt}'s scope unless it is being resolved; the answer comes back as {@link ScopeResolved}. */
  private void resolve(ActiveHalt halt) {
    String haltId = halt.haltId();
    if (!inFlight.add(key(haltId, RESOLVE))) {
      return;
    }
    CompletionStage<HaltInstruction> resolved =
        Completions.bounded(() -> env.resolver().resolve(halt), env.settings().attemptTimeout());
    context.pipeToSelf(resolved, (instruction, failure) ->
        new ScopeResolved(haltId, instruction, failure == null ? "" : describe(failure)));
  }

  private ReplyEffect<OmsGatewayEvent, OmsGatewayState> onResolved(OmsGatewayState state, ScopeResolved cmd) {
    inFlight.remove(key(cmd.deliveryId(), RESOLVE));
    OmsDelivery delivery = state.delivery(cmd.deliveryId());
    if (delivery == null || delivery.ready()) {
      return Effect().noReply();
    }
    if (!cmd.failure().isEmpty() || cmd.instruction() == null) {
      Duration delay = backoff(key(cmd.deliveryId(), RESOLVE));
      context.getLog().warn("OMS gateway could not resolve the scope of halt {} (retrying in {} ms): {}",
          cmd.deliveryId(), delay.toMillis(), cmd.failure());
      timers.startSingleTimer(key(cmd.deliveryId(), RESOLVE), new Retry(cmd.deliveryId(), RESOLVE), delay);
      return Effect().noReply();
    }
    failures.remove(key(cmd.deliveryId(), RESOLVE));
    // The resolution and the first attempt to every endpoint go in one journal write: one write less between the
    // breach and the mass cancel on the wire.
    return send(delivery.resolved(cmd.instruction()), List.copyOf(endpoints.keySet()),
        List.of(new HaltResolved(cmd.deliveryId(), cmd.instruction(), now())));
  }

  /**
   * Sends the resolved halt to the endpoints that still owe an acknowledgement and are not already working on
   * it: journals one {@link DeliverySent} per endpoint, then calls each.
   */
  private ReplyEffect<OmsGatewayEvent, OmsGatewayState> send(OmsGatewayState state, String id,
      List<String> endpointNames) {
    OmsDelivery delivery = state.delivery(id);
    if (delivery == null || !delivery.ready()) {
      return Effect().noReply();
    }
    return send(delivery, endpointNames, List.of());
  }

  /**
   * Calls each endpoint that still owes an acknowledgement and is not already working on it, and journals
   * {@code before} and one {@link DeliverySent} per call in one write, without waiting for the write: the halt
   * reaches the OMS one journal write sooner. Safe because {@link HaltRequested} is already on file: if the
   * gateway stops before this write completes, its next incarnation sees the delivery not sent and sends it again,
   * and endpoints make a re-send harmless (same ids). Answers wait in the stash until the write is done, so each is
   * judged against a state that holds its attempt.
   */
  private ReplyEffect<OmsGatewayEvent, OmsGatewayState> send(OmsDelivery delivery, List<String> endpointNames,
      List<OmsGatewayEvent> before) {
    String id = delivery.id();
    List<OmsGatewayEvent> events = new ArrayList<>(before);
    List<DeliverySent> sent = new ArrayList<>();
    long now = now();
    for (String name : endpointNames) {
      EndpointDelivery at = delivery.at(name);
      if (endpoints.containsKey(name) && at.open() && !inFlight.contains(key(id, name))) {
        sent.add(new DeliverySent(id, name, at.attempts() + 1, now));
      }
    }
    events.addAll(sent);
    if (events.isEmpty()) {
      return Effect().noReply();
    }
    for (DeliverySent attempt : sent) {
      inFlight.add(key(id, attempt.endpoint()));
      call(delivery, attempt.endpoint(), attempt.attempt());
    }
    return Effect().persist(events).thenNoReply();
  }


  private void call(OmsDelivery delivery, String endpointName, int attempt) {
    OmsEndpoint endpoint = endpoints.get(endpointName);
    String id = delivery.id();
    CompletionStage<io.riskpulse.gateway.oms.OmsAck> answer = Completions.bounded(
        () -> delivery.orders() != null ? endpoint.submit(delivery.orders()) : endpoint.cancel(delivery.instruction()),
        env.settings().attemptTimeout());
    context.pipeToSelf(answer, (ack, failure) -> {
      if (failure == null) {
        return new EndpointAnswered(id, endpointName, attempt, ack, "", false);
      }
      Throwable cause = unwrap(failure);
      boolean retryable = !(cause instanceof OmsDeliveryException) || ((OmsDeliveryException) cause).retryable();
      return new EndpointAnswered(id, endpointName, attempt, null, describe(cause), retryable);
    });
  }

  private ReplyEffect<OmsGatewayEvent, OmsGatewayState> onAnswered(OmsGatewayState state, EndpointAnswered cmd) {
    String key = key(cmd.deliveryId(), cmd.endpoint());
    inFlight.remove(key);
    OmsDelivery delivery = state.delivery(cmd.deliveryId());
    if (delivery == null || !delivery.at(cmd.endpoint()).open()) {
      return Effect().noReply(); // a late answer to an attempt whose delivery already ended
    }
    if (delivery.at(cmd.endpoint()).attempts() < cmd.attempt()) {
      // An attempt whose write failed (the call does not wait for it): this incarnation sends it again.
      context.getLog().warn("OMS endpoint {} answered attempt {} of {}, which the journal does not hold; it is sent "
          + "again", cmd.endpoint(), cmd.attempt(), cmd.deliveryId());
      return Effect().noReply();
    }
    long now = now();
    if (cmd.ack() != null) {
      failures.remove(key);
      context.getLog().info("OMS endpoint {} acknowledged {}: {}", cmd.endpoint(), cmd.deliveryId(),
          cmd.ack().detail());
      return Effect().persist(new DeliveryAcknowledged(cmd.deliveryId(), cmd.endpoint(), cmd.ack().detail(),
          cmd.ack().ordersAffected(), now)).thenNoReply();
    }
    DeliveryFailed failed =
        new DeliveryFailed(cmd.deliveryId(), cmd.endpoint(), cmd.attempt(), cmd.failure(), cmd.retryable(), now);
    if (!cmd.retryable()) {
      context.getLog().error("OMS endpoint {} refused {} for good (attempt {}): {}. A person must cancel the "
          + "orders at this OMS.", cmd.endpoint(), cmd.deliveryId(), cmd.attempt(), cmd.failure());
      return Effect().persist(failed).thenNoReply();
    }
    Duration delay = backoff(key);
    context.getLog().warn("OMS endpoint {} did not acknowledge {} (attempt {}), retrying in {} ms: {}",
        cmd.endpoint(), cmd.deliveryId(), cmd.attempt(), delay.toMillis(), cmd.failure());
    return Effect().persist(failed)
        .thenRun(newState -> timers.startSingleTimer(key, new Retry(cmd.deliveryId(), cmd.endpoint()), delay))
        .thenNoReply();
  }

  private ReplyEffect<OmsGatewayEvent, OmsGatewayState> onRetry(OmsGatewayState state, Retry cmd) {
    if (RESOLVE.equals(cmd.endpoint())) {
      OmsDelivery delivery = state.delivery(cmd.deliveryId());
      if (delivery != null && !delivery.ready()) {
        resolve(state, cmd.deliveryId());
        return Effect().noReply();
      }
      return send(state, cmd.deliveryId(), List.copyOf(endpoints.keySet()));
    }
    return send(state, cmd.deliveryId(), List.of(cmd.endpoint()));
  }

  /** An endpoint (re)connected: every halt it owes is sent now, not at the end of its backoff. */
  private ReplyEffect<OmsGatewayEvent, OmsGatewayState> onConnected(OmsGatewayState state, EndpointConnected cmd) {
    if (!endpoints.containsKey(cmd.endpoint())) {
      return Effect().noReply();
    }
    context.getLog().info("OMS endpoint {} connected; re-sending the halts it has not acknowledged", cmd.endpoint());
    List<String> owed = new ArrayList<>();
    for (OmsDelivery delivery : state.deliveries().values()) {
      if (delivery.instruction() != null && delivery.at(cmd.endpoint()).open()
          && !inFlight.contains(key(delivery.id(), cmd.endpoint()))) {
        owed.add(delivery.id());
        timers.cancel(key(delivery.id(), cmd.endpoint()));
      }
    }
    // One halt per command keeps each persist small; they queue behind this one in order.
    owed.forEach(haltId -> context.getSelf().tell(new Retry(haltId, cmd.endpoint())));
    return Effect().noReply();
  }

  private Duration backoff(String key) {
    int failed = failures.merge(key, 1, Integer::sum);
    return env.settings().backoff(failed);
  }

  private static String key(String haltId, String endpoint) {
    return haltId + '|' + endpoint;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String describe(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof TimeoutException) {
      return "no answer in time";
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private long now() {
    return env.clock().millis();
  }

  /** Journal tag of the delivery outcomes alerts are raised from (acknowledgements and failures). */
  public static final String ALERT_TAG = "oms-alerts";

  @Override
  public Set<String> tagsFor(OmsGatewayEvent event) {
    return event instanceof DeliveryAcknowledged || event instanceof DeliveryFailed ? Set.of(ALERT_TAG) : Set.of();
  }

  @Override
  public EventHandler<OmsGatewayState, OmsGatewayEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(OmsGatewayState::apply);
  }

  @Override
  public SignalHandler<OmsGatewayState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          // A restart after a failed write keeps this object: what the last incarnation had in flight is not this
          // one's (an attempt whose write failed must be sent again). Its late answers are told apart by attempt.
          inFlight.clear();
          // Resume every delivery a previous incarnation left open, including attempts sent and never answered.
          for (OmsDelivery delivery : state.deliveries().values()) {
            String haltId = delivery.id();
            if (!delivery.ready()) {
              resolve(state, haltId);
            } else if (endpoints.keySet().stream().anyMatch(name -> delivery.at(name).open())) {
              context.getLog().info("OMS gateway resumes the delivery of {}", haltId);
              context.getSelf().tell(new Retry(haltId, RESOLVE));
            }
          }
        })
        .onSignal(PostStop.instance(), state ->
            endpoints.values().forEach(endpoint -> endpoint.removeConnectionListener(connectionListener)))
        .build();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }
}

package io.riskpulse.model.halt;

import io.riskpulse.model.concurrent.Completions;
import io.riskpulse.model.halt.KillSwitchCommand.DispatchFailed;
import io.riskpulse.model.halt.KillSwitchCommand.DispatchSucceeded;
import io.riskpulse.model.halt.KillSwitchCommand.Engage;
import io.riskpulse.model.halt.KillSwitchCommand.GetHalts;
import io.riskpulse.model.halt.KillSwitchCommand.Release;
import io.riskpulse.model.halt.KillSwitchCommand.RetryDispatch;
import io.riskpulse.model.halt.KillSwitchEvent.FirmResumeRequested;
import io.riskpulse.model.halt.KillSwitchEvent.HaltDispatched;
import io.riskpulse.model.halt.KillSwitchEvent.ScopeHalted;
import io.riskpulse.model.halt.KillSwitchEvent.ScopeResumed;
import io.riskpulse.model.halt.KillSwitchReply.Reason;
import io.riskpulse.model.journal.ChainingEventAdapter;
import io.riskpulse.model.journal.HashChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.EventAdapter;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.apache.pekko.serialization.SerializationExtension;

/**
 * The firm's kill switch: halts of a strategy, trader, desk, instrument or the whole firm, as one sharded,
 * event-sourced entity ({@link #FIRM_ENTITY_ID}) so that every halt has exactly one writer and one journal an
 * auditor can replay. Portfolio halts are not kept here: the portfolio entity holds its own, so each portfolio
 * has one source of truth.
 *
 * <p>Every command validates its input and either replies with a {@link KillSwitchReply.Reason} and persists
 * nothing, or persists and replies from the new state. Ending a FIRM halt takes two different people (the first
 * release is journaled as {@link FirmResumeRequested}, a release by someone else resumes).
 *
 * <p>Side effects, after the event is persisted:
 * <ul>
 *   <li>Hand-off, at least once: each new halt goes to {@link HaltDispatcher#dispatch}; when the stage
 *       completes the entity journals {@link HaltDispatched}; when it fails or does not complete within
 *       {@code dispatch-timeout} it is retried with exponential backoff ({@code dispatch-retry.min} doubling to
 *       {@code .max}) until it succeeds. After recovery every halt in force not yet dispatched is handed over
 *       again, so a crash between persisting and handing over loses nothing; receivers are idempotent by
 *       {@link ActiveHalt#haltId()}. A halt released before it was handed over is not handed over any more.
 *   <li>Publication, at most once: after each event that changes the halts in force, a {@link HaltsSnapshot}
 *       goes to the distributed pub-sub topic {@link #TOPIC_NAME}, which each node's {@link HaltRegistry}
 *       subscribes to. A lost message is made up by the registries' periodic {@link GetHalts}.
 * </ul>
 *
 * <p>Why a halt id derived from the journal ({@code ks-<sequence number of its ScopeHalted>}) rather than a
 * random UUID: it is decided before persisting and stored in the event, so replays, restarts and the OMS gateway
 * agree on it, and it names the halt in the journal order.
 *
 * <p>Passivation: retry timers die with the entity, but a passivated entity restarts on the next message (each
 * registry asks every {@code refresh-interval}) and its recovery hands over what is still undispatched.
 *
 * <p>Thread-safety: an actor; the state and the timers are touched only from its mailbox.
 */
public final class KillSwitch
    extends EventSourcedBehaviorWithEnforcedReplies<KillSwitchCommand, KillSwitchEvent, KillSwitchState> {

  public static final EntityTypeKey<KillSwitchCommand> ENTITY_KEY =
      EntityTypeKey.create(KillSwitchCommand.class, "KillSwitch");
  /** Id of the one kill-switch entity of the firm; {@link KillSwitchClient} only ever addresses it. */
  public static final String FIRM_ENTITY_ID = "firm";
  /** Name of the distributed pub-sub topic that carries {@link HaltsSnapshot}s to every node. */
  public static final String TOPIC_NAME = "riskpulse-kill-switch";
  /** Prefix of kill-switch halt ids, followed by the sequence number of the {@link ScopeHalted} event. */
  public static final String HALT_ID_PREFIX = "ks-";

  private final KillSwitchEnvironment env;
  private final ActorContext<KillSwitchCommand> context;
  private final TimerScheduler<KillSwitchCommand> timers;
  private final ActorRef<Topic.Command<HaltsSnapshot>> topic;
  /** The journal's hash chain: seals each event written, follows recovery (see HashChain). */
  private final HashChain chain;

  private KillSwitch(String entityId, KillSwitchEnvironment env, ActorContext<KillSwitchCommand> context,
      TimerScheduler<KillSwitchCommand> timers, ActorRef<Topic.Command<HaltsSnapshot>> topic) {
    super(
        PersistenceId.of(ENTITY_KEY.name(), entityId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.env = env;
    this.context = context;
    this.timers = timers;
    this.topic = topic;
    this.chain = new HashChain(PersistenceId.of(ENTITY_KEY.name(), entityId).id(),
        SerializationExtension.get(context.getSystem().classicSystem()));
  }

  /**
   * Registers the entity type with cluster sharding on this node and starts the node's publisher on the
   * {@link #TOPIC_NAME} topic. Call once per node.
   */
  public static void init(ActorSystem<?> system, KillSwitchEnvironment env) {
    ActorRef<Topic.Command<HaltsSnapshot>> topic = system.systemActorOf(
        Topic.create(HaltsSnapshot.class, TOPIC_NAME), "riskpulse-kill-switch-publisher", Props.empty());
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_KEY, entityContext -> create(entityContext.getEntityId(), env, topic)));
  }

  /**
   * The behaviour of the kill switch.
   *
   * @param entityId {@link #FIRM_ENTITY_ID} (part of the persistence id)
   * @param topic where snapshots are published after each change: the node's {@link Topic} actor (a probe in tests)
   */
  public static Behavior<KillSwitchCommand> create(
      String entityId, KillSwitchEnvironment env, ActorRef<Topic.Command<HaltsSnapshot>> topic) {
    return Behaviors.setup(
        context -> Behaviors.withTimers(timers -> new KillSwitch(entityId, env, context, timers, topic)));
  }

  @Override
  public KillSwitchState emptyState() {
    return KillSwitchState.EMPTY;
  }

  @Override
  public CommandHandlerWithReply<KillSwitchCommand, KillSwitchEvent, KillSwitchState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Engage.class, this::onEngage)
        .onCommand(Release.class, this::onRelease)
        .onCommand(GetHalts.class, (state, cmd) -> Effect().reply(cmd.replyTo(), snapshot(state)))
        .onCommand(DispatchSucceeded.class, this::onDispatchSucceeded)
        .onCommand(DispatchFailed.class, this::onDispatchFailed)
        .onCommand(RetryDispatch.class, this::onRetryDispatch)
        .build();
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchState> onEngage(KillSwitchState state, Engage cmd) {
    KillSwitchReply invalid = operatorProblem(cmd.scope(), cmd.by(), cmd.reason());
    if (invalid != null) {
      return reject(cmd.replyTo(), invalid);
    }
    Optional<ActiveHalt> existing = state.haltOf(cmd.scope());
    if (existing.isPresent()) {
      return reject(cmd.replyTo(), KillSwitchReply.rejected(Reason.ALREADY_HALTED, existing.get().haltId(),
          "already halted: " + existing.get().describe()));
    }
    // The halt id names the ScopeHalted event: one event per persist, so its sequence number is the next one.
    String haltId = HALT_ID_PREFIX + (lastSequenceNumber(context) + 1);
    ActiveHalt halt = new ActiveHalt(haltId, cmd.scope(), cmd.by(), cmd.reason(), now());
    return Effect()
        .persist(new ScopeHalted(halt))
        .thenRun(newState -> {
          context.getLog().warn("Kill switch engaged: {}", halt.describe());
          publish(newState);
          dispatch(halt, 1);
        })
        .thenReply(cmd.replyTo(), newState -> KillSwitchReply.accepted(haltId, halt.describe()));
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchState> onRelease(KillSwitchState state, Release cmd) {
    KillSwitchReply invalid = operatorProblem(cmd.scope(), cmd.by(), cmd.reason());
    if (invalid != null) {
      return reject(cmd.replyTo(), invalid);
    }
    Optional<ActiveHalt> found = state.haltOf(cmd.scope());
    if (found.isEmpty()) {
      return reject(cmd.replyTo(),
          KillSwitchReply.rejected(Reason.NOT_HALTED, "", cmd.scope() + " is not halted"));
    }
    ActiveHalt halt = found.get();
    if (cmd.scope().kind() != ScopeKind.FIRM) {
      return resume(cmd.replyTo(),
          new ScopeResumed(halt.scope(), halt.haltId(), cmd.by(), cmd.reason(), "", "", now()),
          halt.scope() + " resumed by " + cmd.by() + " (" + halt.haltId() + ")");
    }
    FirmResumeRequested request = state.firmResumeRequest();
    if (request == null || !request.haltId().equals(halt.haltId())) {
      String detail = "resume of the FIRM halt (" + halt.haltId() + ") requested by " + cmd.by()
          + "; awaiting a second, different approver";
      return Effect()
          .persist(new FirmResumeRequested(halt.haltId(), cmd.by(), cmd.reason(), now()))
          .thenRun(newState -> context.getLog().warn("Kill switch: {}", detail))
          .thenReply(cmd.replyTo(), newState -> KillSwitchReply.pendingApproval(halt.haltId(), detail));
    }
    if (sameIdentity(request.by(), cmd.by())) {
      return reject(cmd.replyTo(), KillSwitchReply.rejected(Reason.SAME_APPROVER, halt.haltId(),
          "the resume of the FIRM halt (" + halt.haltId() + ") was requested by " + request.by()
              + "; a second, different approver must confirm it"));
    }
    return resume(cmd.replyTo(),
        new ScopeResumed(halt.scope(), halt.haltId(), request.by(), request.reason(), cmd.by(), cmd.reason(),
            now()),
        "FIRM resumed by " + request.by() + " and " + cmd.by() + " (" + halt.haltId() + ")");
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchState> resume(
      ActorRef<KillSwitchReply> replyTo, ScopeResumed resumed, String detail) {
    return Effect()
        .persist(resumed)
        .thenRun(newState -> {
          timers.cancel(resumed.haltId());
          context.getLog().warn("Kill switch released: {}: {}", detail, resumed.reason());
          publish(newState);
        })
        .thenReply(replyTo, newState -> KillSwitchReply.accepted(resumed.haltId(), detail));
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchState> onDispatchSucceeded(
      KillSwitchState state, DispatchSucceeded cmd) {
    if (state.awaitingDispatch(cmd.haltId()).isEmpty()) {
      // Confirmed already (a hand-off from before a restart), or released before it was handed over.
      return Effect().noReply();
    }
    return Effect()
        .persist(new HaltDispatched(cmd.haltId(), now()))
        .thenRun(newState -> context.getLog().info(
            "Kill switch handed halt {} to the OMS gateway (attempt {})", cmd.haltId(), cmd.attempt()))
        .thenNoReply();
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchState> onDispatchFailed(KillSwitchState state, DispatchFailed cmd) {
    if (state.awaitingDispatch(cmd.haltId()).isEmpty()) {
      return Effect().noReply();
    }
    Duration delay = env.settings().dispatchBackoff(cmd.attempt());
    context.getLog().warn("Kill switch could not hand halt {} to the OMS gateway (attempt {}): {}; retrying in {} ms",
        cmd.haltId(), cmd.attempt(), cmd.reason(), delay.toMillis());
    timers.startSingleTimer(cmd.haltId(), new RetryDispatch(cmd.haltId(), cmd.attempt() + 1), delay);
    return Effect().noReply();
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchState> onRetryDispatch(KillSwitchState state, RetryDispatch cmd) {
    state.awaitingDispatch(cmd.haltId()).ifPresent(halt -> dispatch(halt, cmd.attempt()));
    return Effect().noReply();
  }

  /**
   * Hands {@code halt} to the dispatcher; its outcome (bounded by {@code dispatch-timeout}) comes back as a
   * {@link DispatchSucceeded} or {@link DispatchFailed}. A dispatcher that throws or returns no stage has failed.
   * The timeout applies to a copy, so the dispatcher's own stage is never completed from here.
   */
  private void dispatch(ActiveHalt halt, int attempt) {
    Duration timeout = env.settings().dispatchTimeout();
    CompletableFuture<Void> outcome = Completions.bounded(() -> env.dispatcher().dispatch(halt), timeout);
    context.pipeToSelf(outcome, (done, failure) -> failure == null
        ? new DispatchSucceeded(halt.haltId(), attempt)
        : new DispatchFailed(halt.haltId(), attempt, describe(failure, timeout)));
  }

  /** Publishes the halts in force; at most once (see {@link HaltRegistry} for how nodes make up for losses). */
  private void publish(KillSwitchState state) {
    topic.tell(Topic.publish(snapshot(state)));
  }

  private HaltsSnapshot snapshot(KillSwitchState state) {
    return new HaltsSnapshot(lastSequenceNumber(context), state.halts());
  }

  private ReplyEffect<KillSwitchEvent, KillSwitchState> reject(
      ActorRef<KillSwitchReply> replyTo, KillSwitchReply reply) {
    context.getLog().warn("Kill switch rejected a command: {} {}", reply.reason(), reply.detail());
    return Effect().reply(replyTo, reply);
  }

  /** A missing field, or a PORTFOLIO scope; {@code null} when the command may go on. */
  private static KillSwitchReply operatorProblem(HaltScope scope, String by, String reason) {
    List<String> problems = new ArrayList<>();
    if (scope == null) {
      problems.add("scope is required, e.g. DESK:rates or FIRM");
    }
    requireText(problems, "by", by);
    requireText(problems, "reason", reason);
    if (!problems.isEmpty()) {
      return KillSwitchReply.rejected(Reason.INVALID_FIELD, "", String.join("; ", problems));
    }
    if (scope.kind() == ScopeKind.PORTFOLIO) {
      return KillSwitchReply.rejected(Reason.PORTFOLIO_SCOPE, "", "portfolio halts go to the portfolio: halt or "
          + "resume portfolio '" + scope.value() + "' through the portfolio, not the kill switch");
    }
    return null;
  }

  private static void requireText(List<String> problems, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(field + " is required");
    }
  }

  /** Identities compare trimmed and case-insensitively: "Alice" cannot approve her own "alice" request. */
  private static boolean sameIdentity(String first, String second) {
    return first.trim().equalsIgnoreCase(second.trim());
  }

  /** Why a hand-off (or an ask) failed, in words for a log line. */
  static String describe(Throwable failure, Duration timeout) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof TimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private long now() {
    return env.clock().millis();
  }

  /** Journal tag of the kill switch's halts and resumes, which alerts are raised from. */
  public static final String ALERT_TAG = "kill-switch-alerts";

  /** Halts and resumes are tagged for the alert projection (see {@link #ALERT_TAG}). */
  @Override
  public Set<String> tagsFor(KillSwitchEvent event) {
    return event instanceof KillSwitchEvent.ScopeHalted || event instanceof KillSwitchEvent.ScopeResumed
        ? Set.of(ALERT_TAG) : Set.of();
  }

  /** Events are stored sealed into the kill switch's hash chain, for the auditor's verifier (no snapshots here). */
  @Override
  public EventAdapter<KillSwitchEvent, ?> eventAdapter() {
    return new ChainingEventAdapter<>(chain, KillSwitchEvent.class);
  }

  @Override
  public EventHandler<KillSwitchState, KillSwitchEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(KillSwitchState::apply);
  }

  @Override
  public SignalHandler<KillSwitchState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          chain.recoveryCompleted(lastSequenceNumber(context));
          List<ActiveHalt> undispatched = state.undispatchedHalts();
          if (!undispatched.isEmpty()) {
            context.getLog().warn("Kill switch recovered with {} halt(s) not yet handed to the OMS gateway: {}",
                undispatched.size(), undispatched.stream().map(ActiveHalt::haltId).toList());
          }
          for (ActiveHalt halt : undispatched) {
            dispatch(halt, 1);
          }
        })
        .build();
  }
}

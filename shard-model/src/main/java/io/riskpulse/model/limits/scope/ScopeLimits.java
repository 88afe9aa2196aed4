package io.riskpulse.model.limits.scope;

import io.riskpulse.model.concurrent.Completions;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.halt.KillSwitchReply;
import io.riskpulse.model.halt.ScopeKind;
import io.riskpulse.model.limits.LimitAction;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitJudge;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.limits.scope.ScopeLimitsCommand.Check;
import io.riskpulse.model.limits.scope.ScopeLimitsCommand.EngageOutcome;
import io.riskpulse.model.limits.scope.ScopeLimitsCommand.FiguresReceived;
import io.riskpulse.model.limits.scope.ScopeLimitsCommand.GetScopeLimits;
import io.riskpulse.model.limits.scope.ScopeLimitsCommand.RetryEngage;
import io.riskpulse.model.limits.scope.ScopeLimitsCommand.SetScopeLimits;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeHaltEngaged;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeHaltRequested;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitBreached;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitCleared;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitWarned;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitsSet;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeWarningCleared;
import io.riskpulse.model.limits.scope.ScopeLimitsReply.Reason;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.risk.aggregate.AggregateRisk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The limits of a desk or of the firm: one sharded, event-sourced entity per desk ({@code desk:<desk>}) and one
 * for the firm ({@link #FIRM_ENTITY_ID}), judging the sums its risk aggregate
 * ({@link io.riskpulse.model.risk.aggregate.RiskAggregator}) keeps of its members' figures. The third level of
 * portfolio &rarr; desk &rarr; firm limits; a portfolio judges its own limits itself.
 *
 * <p>Why an entity of its own rather than limits inside the aggregate: the aggregates are derived and not journaled
 * (they refill from their members after a restart), while limits, who set them and every breach must be journaled;
 * keeping them apart keeps the aggregates cheap and the audit trail in one place per scope.
 *
 * <p>Limits are set at runtime with {@link SetScopeLimits} ({@link ScopeLimitsSet}: who and why), never by a
 * restart. Only gross exposure, net exposure, intraday loss, VaR and expected shortfall apply (see
 * {@link ScopeLimitChecker}); any other field set is rejected by name and nothing is journaled.
 *
 * <p>Every {@code check-interval} the entity asks its aggregate for the figures (at most one ask in flight, bounded
 * by {@code ask-timeout}), reads each limit that is set and judges the readings with {@link LimitJudge}: warning
 * level, hysteresis and one journaled episode per excursion, exactly as a portfolio's limits
 * ({@link ScopeLimitBreached}, {@link ScopeLimitCleared}, {@link ScopeLimitWarned}, {@link ScopeWarningCleared}).
 * Fail closed: an aggregate that does not answer, or answers NaN (a member unknown or stale, nobody reported),
 * breaches every limit set on the unknown figure, the breach's detail saying why. Except during {@code grace}
 * after the entity starts: then unknown figures are not judged (their episodes stay as they are), so a node start
 * does not breach and halt a desk whose portfolios have not reported again yet; known figures are judged at once.
 *
 * <p>What a breach does, per {@link Limits#actionFor}:
 * <ul>
 *   <li>{@link LimitAction#HALT}: the kill switch halts the scope ({@code DESK:<desk>} or {@code FIRM}) with
 *       {@code by = }{@value Portfolio#LIMIT_MONITOR} and the breaches as the reason. At least once, once per
 *       episode: {@link ScopeHaltRequested} is journaled with the breach, then the kill switch is asked; its
 *       answer ACCEPTED or ALREADY_HALTED is journaled as {@link ScopeHaltEngaged}. Anything else (no answer, a
 *       refusal) is retried with backoff ({@code engage-retry.min} doubling to {@code .max}) and again after
 *       recovery. A halt released by a person is not re-engaged while the same episode lasts; the next episode
 *       halts again. The kill switch's halt reaches the OMS gateway like any other.
 *   <li>{@link LimitAction#REDUCE_ONLY}: <b>not enforced at desk or firm level yet</b>: portfolio pre-trade checks
 *       do not consult desk or firm breaches, so it acts as {@link LimitAction#ALERT_ONLY}. The reply to
 *       {@link SetScopeLimits} says so.
 *   <li>{@link LimitAction#ALERT_ONLY}: the events only; breach and halt events carry {@link #ALERT_TAG}.
 * </ul>
 *
 * <p>Lifecycle: cluster sharding's remember-entities restarts an entity after a node restart or a rebalance, so
 * checks go on without anyone asking. An entity without any scope limit, open episode or pending halt has nothing
 * to watch and passivates at its next tick (a lookup of a desk without limits leaves nothing running).
 *
 * <p>Thread-safety: an actor; the state, the timers and the transient check and engagement fields are touched only
 * from its mailbox.
 */
public final class ScopeLimits
    extends EventSourcedBehaviorWithEnforcedReplies<ScopeLimitsCommand, ScopeLimitsEvent, ScopeLimitsState> {

  public static final EntityTypeKey<ScopeLimitsCommand> ENTITY_KEY =
      EntityTypeKey.create(ScopeLimitsCommand.class, "ScopeLimits");
  /** Entity id of the firm's limits. */
  public static final String FIRM_ENTITY_ID = "firm";
  /** Prefix of a desk's entity id, followed by the desk's name. */
  public static final String DESK_ENTITY_PREFIX = "desk:";
  /** Journal tag of the breach, warning and halt events, which alerts can be raised from. */
  public static final String ALERT_TAG = "scope-limit-alerts";
  /** Prefix of halt request ids, followed by the sequence number of the {@link ScopeHaltRequested} event. */
  public static final String HALT_REQUEST_ID_PREFIX = "shr-";

  private static final Set<String> ALERT_TAGS = Set.of(ALERT_TAG);
  private static final String RETRY_TIMER = "retry-engage";

  private final HaltScope scope;
  private final ScopeLimitsEnvironment env;
  private final ActorContext<ScopeLimitsCommand> context;
  private final TimerScheduler<ScopeLimitsCommand> timers;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  /** When this incarnation started: the grace period runs from here. */
  private final long startedAtMillis;
  private boolean checkInFlight;
  private boolean engageInFlight;
  /** Failed engagements in a row of the pending request, for the backoff. */
  private int engageFailures;
  /** The latest answer of the aggregate ({@code null} before one or when it did not answer) and when. */
  private AggregateRisk lastRisk;
  private String lastFailure = "";
  private long figuresAtMillis;
  private long checks;

  private ScopeLimits(HaltScope scope, ScopeLimitsEnvironment env, ActorContext<ScopeLimitsCommand> context,
      TimerScheduler<ScopeLimitsCommand> timers, ActorRef<ClusterSharding.ShardCommand> shard) {
    super(
        PersistenceId.of(ENTITY_KEY.name(), entityId(scope)),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.scope = scope;
    this.env = env;
    this.context = context;
    this.timers = timers;
    this.shard = shard;
    this.startedAtMillis = env.clock().millis();
  }

  /** Registers the entity type with cluster sharding on this node. Call once per node. */
  public static void init(ActorSystem<?> system, ScopeLimitsEnvironment env) {
    ClusterSharding.get(system).init(Entity.of(ENTITY_KEY,
        entityContext -> create(entityContext.getEntityId(), env, entityContext.getShard())));
  }

  /** The behaviour of one scope's limits outside sharding (tests); checks every {@code check-interval}. */
  public static Behavior<ScopeLimitsCommand> create(String entityId, ScopeLimitsEnvironment env) {
    return create(entityId, env, null);
  }

  /**
   * The behaviour of one scope's limits; checks every {@code check-interval}.
   *
   * @param entityId {@code desk:<desk>} or {@link #FIRM_ENTITY_ID}
   * @param shard the entity's shard, asked to passivate an entity with nothing to watch; {@code null} outside
   *     sharding
   */
  public static Behavior<ScopeLimitsCommand> create(
      String entityId, ScopeLimitsEnvironment env, ActorRef<ClusterSharding.ShardCommand> shard) {
    HaltScope scope = scopeOf(entityId);
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Check.INSTANCE, env.settings().checkInterval());
      return new ScopeLimits(scope, env, context, timers, shard);
    }));
  }

  /** The entity id of a scope's limits: {@code desk:<desk>} or {@code firm}; other scope kinds have none. */
  public static String entityId(HaltScope scope) {
    if (scope.kind() == ScopeKind.FIRM) {
      return FIRM_ENTITY_ID;
    }
    if (scope.kind() == ScopeKind.DESK) {
      return DESK_ENTITY_PREFIX + scope.value();
    }
    throw new IllegalArgumentException("only desks and the firm have scope limits, not " + scope);
  }

  /** The scope an entity id names (see {@link #entityId}). */
  public static HaltScope scopeOf(String entityId) {
    if (FIRM_ENTITY_ID.equals(entityId)) {
      return HaltScope.FIRM;
    }
    if (entityId != null && entityId.startsWith(DESK_ENTITY_PREFIX)) {
      return HaltScope.desk(entityId.substring(DESK_ENTITY_PREFIX.length()));
    }
    throw new IllegalArgumentException(
        "a scope-limits entity id is '" + FIRM_ENTITY_ID + "' or '" + DESK_ENTITY_PREFIX + "<desk>', was " + entityId);
  }

  @Override
  public ScopeLimitsState emptyState() {
    return ScopeLimitsState.EMPTY;
  }

  @Override
  public CommandHandlerWithReply<ScopeLimitsCommand, ScopeLimitsEvent, ScopeLimitsState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(SetScopeLimits.class, this::onSetLimits)
        .onCommand(GetScopeLimits.class, (state, cmd) -> Effect().reply(cmd.replyTo(), view(state)))
        .onCommand(Check.class, (state, cmd) -> onCheck(state))
        .onCommand(FiguresReceived.class, this::onFigures)
        .onCommand(EngageOutcome.class, this::onEngageOutcome)
        .onCommand(RetryEngage.class, (state, cmd) -> {
          engagePending(state);
          return Effect().noReply();
        })
        .build();
  }

  private ReplyEffect<ScopeLimitsEvent, ScopeLimitsState> onSetLimits(ScopeLimitsState state, SetScopeLimits cmd) {
    List<String> invalid = new ArrayList<>();
    if (cmd.limits() == null) {
      invalid.add("limits is required");
    }
    requireText(invalid, "by", cmd.by());
    requireText(invalid, "reason", cmd.reason());
    if (cmd.limits() != null) {
      invalid.addAll(cmd.limits().problems());
    }
    if (!invalid.isEmpty()) {
      return reject(cmd.replyTo(), ScopeLimitsReply.rejected(Reason.INVALID_FIELD, String.join("; ", invalid)));
    }
    List<String> notApplicable = ScopeLimitChecker.notApplicable(cmd.limits());
    if (!notApplicable.isEmpty()) {
      return reject(cmd.replyTo(), ScopeLimitsReply.rejected(Reason.NOT_APPLICABLE, "not applicable to "
          + (scope.kind() == ScopeKind.FIRM ? "the firm" : "a desk") + " (only maxGrossExposure, maxNetExposure, "
          + "maxIntradayLoss, maxVar and maxExpectedShortfall are): " + String.join(", ", notApplicable)));
    }
    String detail = "limits of " + scope + " set by " + cmd.by();
    if (cmd.limits().policy().actions().containsValue(LimitAction.REDUCE_ONLY)) {
      detail += "; note: REDUCE_ONLY is not enforced for a desk or the firm yet (portfolio pre-trade checks do not "
          + "consult their breaches): it acts as ALERT_ONLY";
    }
    String accepted = detail;
    return Effect()
        .persist(new ScopeLimitsSet(cmd.limits(), cmd.by(), cmd.reason(), now()))
        .thenRun(newState -> context.getLog().info("Scope limits: {}: {}", accepted, cmd.reason()))
        .thenReply(cmd.replyTo(), newState -> ScopeLimitsReply.accepted(accepted));
  }

  /**
   * Asks the aggregate for the figures, unless nothing is set (then open episodes end, or the entity passivates)
   * or an ask is still in flight.
   */
  private ReplyEffect<ScopeLimitsEvent, ScopeLimitsState> onCheck(ScopeLimitsState state) {
    if (!ScopeLimitChecker.anySet(state.limitsInForce())) {
      List<ScopeLimitsEvent> events = judge(state, Map.of(), now());
      if (!events.isEmpty()) {
        return persist(events).thenNoReply();
      }
      if (state.pendingHalt() == null && shard != null) {
        shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
      }
      return Effect().noReply();
    }
    if (checkInFlight) {
      return Effect().noReply();
    }
    checkInFlight = true;
    CompletableFuture<AggregateRisk> answer = bounded(() -> env.aggregates().risk(scope));
    context.pipeToSelf(answer, (risk, failure) -> failure == null && risk != null
        ? new FiguresReceived(risk, "")
        : new FiguresReceived(null, failure == null ? "no figures" : describe(failure, env.settings().askTimeout())));
    return Effect().noReply();
  }

  private ReplyEffect<ScopeLimitsEvent, ScopeLimitsState> onFigures(ScopeLimitsState state, FiguresReceived msg) {
    checkInFlight = false;
    long now = now();
    checks++;
    lastRisk = msg.risk();
    lastFailure = msg.failure();
    figuresAtMillis = now;
    Limits limits = state.limitsInForce();
    Map<String, LimitBreach> readings = msg.risk() != null
        ? ScopeLimitChecker.readings(limits, msg.risk(), now)
        : ScopeLimitChecker.unavailable(limits, scope + " risk aggregate did not answer: " + msg.failure(), now);
    List<ScopeLimitsEvent> events = judge(state, readings, now);
    if (events.isEmpty()) {
      return Effect().noReply();
    }
    return persist(events).thenNoReply();
  }

  /**
   * The events that bring the journal in line with the readings: ended and new episodes, and a halt request for
   * breaches whose action is HALT and that have not halted in their episode yet (new ones, or open ones whose
   * limits were changed to halt). During the grace period unknown readings are left out, and so are their open
   * episodes, which neither start nor end.
   */
  private List<ScopeLimitsEvent> judge(ScopeLimitsState state, Map<String, LimitBreach> readings, long now) {
    Map<String, LimitBreach> judged = readings;
    Map<String, LimitBreach> breaches = state.activeBreaches();
    Map<String, LimitBreach> warnings = state.activeWarnings();
    if (inGrace(now)) {
      List<String> unknown = readings.values().stream().filter(r -> Double.isNaN(r.value()))
          .map(LimitBreach::key).toList();
      if (!unknown.isEmpty()) {
        context.getLog().debug("Scope limits of {}: {} unknown within the grace period, not judged", scope, unknown);
        judged = without(readings, unknown);
        breaches = without(breaches, unknown);
        warnings = without(warnings, unknown);
      }
    }
    Limits limits = state.limitsInForce();
    LimitJudge.Judgement judgement = LimitJudge.judge(judged, breaches, warnings, limits.policy());
    List<ScopeLimitsEvent> events = new ArrayList<>();
    for (String key : judgement.clearedBreaches()) {
      events.add(new ScopeLimitCleared(key, now));
      context.getLog().info("Scope limits: {} is back within {}", scope, key);
    }
    for (String key : judgement.clearedWarnings()) {
      events.add(new ScopeWarningCleared(key, now));
    }
    for (LimitBreach warning : judgement.newWarnings()) {
      events.add(new ScopeLimitWarned(warning));
      context.getLog().info("Scope limits: {} passed the warning level of {}", scope, warning.describe());
    }
    for (LimitBreach breach : judgement.newBreaches()) {
      events.add(new ScopeLimitBreached(breach));
      context.getLog().warn("Scope limits: {} breached {}", scope, breach.describe());
    }
    List<LimitBreach> halting = judgement.breachedNow().values().stream()
        .filter(breach -> limits.actionFor(breach.kind()) == LimitAction.HALT)
        .filter(breach -> !state.haltRequestedKeys().contains(breach.key()))
        .toList();
    if (!halting.isEmpty()) {
      // The request id names its event: one persist call, so its sequence number follows the events before it.
      String requestId = HALT_REQUEST_ID_PREFIX + (lastSequenceNumber(context) + events.size() + 1);
      String reason = "limit breached: " + halting.stream().map(LimitBreach::describe)
          .collect(Collectors.joining("; "));
      events.add(new ScopeHaltRequested(requestId, scope, halting, reason, now));
      context.getLog().warn("Scope limits: halting {} ({}): {}", scope, requestId, reason);
    }
    return events;
  }

  private static Map<String, LimitBreach> without(Map<String, LimitBreach> episodes, List<String> keys) {
    Map<String, LimitBreach> kept = new LinkedHashMap<>(episodes);
    keys.forEach(kept::remove);
    return kept;
  }

  /** Persists events, then engages a halt they requested. */
  private EffectBuilder<ScopeLimitsEvent, ScopeLimitsState> persist(List<ScopeLimitsEvent> events) {
    return Effect().persist(events).thenRun(this::engagePending);
  }

  /**
   * Asks the kill switch to halt the scope for the pending request, unless there is none or an ask is in flight;
   * the answer comes back as an {@link EngageOutcome}.
   */
  private void engagePending(ScopeLimitsState state) {
    ScopeHaltRequested pending = state.pendingHalt();
    if (pending == null || engageInFlight) {
      return;
    }
    engageInFlight = true;
    CompletableFuture<KillSwitchReply> answer =
        bounded(() -> env.killSwitch().engage(scope, Portfolio.LIMIT_MONITOR, pending.reason()));
    context.pipeToSelf(answer, (reply, failure) -> failure == null && reply != null
        ? new EngageOutcome(pending.requestId(), reply, "")
        : new EngageOutcome(pending.requestId(), null,
            failure == null ? "no reply" : describe(failure, env.settings().askTimeout())));
  }

  private ReplyEffect<ScopeLimitsEvent, ScopeLimitsState> onEngageOutcome(ScopeLimitsState state,
      EngageOutcome outcome) {
    engageInFlight = false;
    ScopeHaltRequested pending = state.pendingHalt();
    if (pending == null) {
      return Effect().noReply();
    }
    if (!pending.requestId().equals(outcome.requestId())) {
      // A newer request replaced the one answered: engage it now (the kill switch answers ALREADY_HALTED if the
      // earlier one took effect).
      engagePending(state);
      return Effect().noReply();
    }
    KillSwitchReply reply = outcome.reply();
    boolean accepted = reply != null && reply.outcome() == KillSwitchReply.Outcome.ACCEPTED;
    boolean alreadyHalted = reply != null && reply.outcome() == KillSwitchReply.Outcome.REJECTED
        && reply.reason() == KillSwitchReply.Reason.ALREADY_HALTED;
    if (accepted || alreadyHalted) {
      engageFailures = 0;
      timers.cancel(RETRY_TIMER);
      return Effect()
          .persist(new ScopeHaltEngaged(pending.requestId(), reply.haltId(), alreadyHalted, reply.detail(), now()))
          .thenRun(newState -> context.getLog().warn("Scope limits: {} halted by the kill switch ({}, {}): {}", scope,
              reply.haltId(), alreadyHalted ? "already halted" : "engaged", reply.detail()))
          .thenNoReply();
    }
    engageFailures++;
    Duration delay = env.settings().engageBackoff(engageFailures);
    String why = reply == null ? outcome.failure() : reply.outcome() + " " + reply.reason() + ": " + reply.detail();
    context.getLog().warn("Scope limits: the kill switch did not halt {} for {} (attempt {}): {}; retrying in {} ms",
        scope, pending.requestId(), engageFailures, why, delay.toMillis());
    timers.startSingleTimer(RETRY_TIMER, new RetryEngage(pending.requestId()), delay);
    return Effect().noReply();
  }

  /**
   * A copy of the stage {@code ask} returns, failed after {@code ask-timeout}; an ask that throws or returns no
   * stage has failed. The copy keeps the caller's stage from ever being completed from here.
   */
  private <T> CompletableFuture<T> bounded(Supplier<CompletionStage<T>> ask) {
    return Completions.bounded(ask, env.settings().askTimeout());
  }

  /** Why an ask failed, in words for a breach's detail or a log line. */
  private static String describe(Throwable failure, Duration timeout) {
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

  private ScopeLimitsView view(ScopeLimitsState state) {
    long now = now();
    List<String> problems = new ArrayList<>();
    double gross = Double.NaN;
    double net = Double.NaN;
    double intradayPnl = Double.NaN;
    double var = Double.NaN;
    double es = Double.NaN;
    if (lastRisk != null) {
      gross = lastRisk.grossExposure();
      net = lastRisk.netExposure();
      intradayPnl = lastRisk.intradayPnl();
      var = lastRisk.valueAtRisk99();
      es = lastRisk.expectedShortfall975();
      problems.addAll(lastRisk.exposureProblems());
      lastRisk.problems().stream().filter(problem -> !problems.contains(problem)).forEach(problems::add);
    } else if (!lastFailure.isEmpty()) {
      problems.add("risk aggregate did not answer: " + lastFailure);
    }
    return new ScopeLimitsView(scope.toString(), state.limits() != null, state.limitsInForce(), state.setBy(),
        state.setReason(), state.setAtMillis(), List.copyOf(state.activeBreaches().values()),
        List.copyOf(state.activeWarnings().values()), state.breachCount(), state.pendingHalt() != null,
        state.haltId(), gross, net, intradayPnl, var, es, problems, figuresAtMillis, checks, inGrace(now), now);
  }

  private ReplyEffect<ScopeLimitsEvent, ScopeLimitsState> reject(
      ActorRef<ScopeLimitsReply> replyTo, ScopeLimitsReply reply) {
    context.getLog().warn("Scope limits of {} rejected a command: {} {}", scope, reply.reason(), reply.detail());
    return Effect().reply(replyTo, reply);
  }

  private static void requireText(List<String> problems, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(field + " is required");
    }
  }

  private boolean inGrace(long now) {
    return now - startedAtMillis < env.settings().grace().toMillis();
  }

  private long now() {
    return env.clock().millis();
  }

  /** Breach, warning and halt events are tagged for alerts (see {@link #ALERT_TAG}); limit changes are not. */
  @Override
  public Set<String> tagsFor(ScopeLimitsEvent event) {
    return event instanceof ScopeLimitsSet ? Set.of() : ALERT_TAGS;
  }

  @Override
  public EventHandler<ScopeLimitsState, ScopeLimitsEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(ScopeLimitsState::apply);
  }

  @Override
  public SignalHandler<ScopeLimitsState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          if (state.pendingHalt() != null) {
            context.getLog().warn("Scope limits of {} recovered with halt request {} not confirmed by the kill "
                + "switch; engaging it again", scope, state.pendingHalt().requestId());
            engagePending(state);
          }
        })
        .build();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(env.settings().snapshotEvery(), env.settings().keepSnapshots());
  }
}

package io.riskpulse.model.alert;

import io.riskpulse.model.alert.AlertBookCommand.Acknowledge;
import io.riskpulse.model.alert.AlertBookCommand.Assign;
import io.riskpulse.model.alert.AlertBookCommand.GetIncidents;
import io.riskpulse.model.alert.AlertBookCommand.GetOffsets;
import io.riskpulse.model.alert.AlertBookCommand.Observe;
import io.riskpulse.model.alert.AlertBookCommand.Resolve;
import io.riskpulse.model.alert.AlertBookEvent.IncidentAcknowledged;
import io.riskpulse.model.alert.AlertBookEvent.IncidentAssigned;
import io.riskpulse.model.alert.AlertBookEvent.IncidentResolved;
import io.riskpulse.model.alert.AlertBookEvent.SignalsObserved;
import io.riskpulse.model.alert.AlertNotification.Change;
import io.riskpulse.model.alert.AlertReply.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * The firm's alert book: incidents raised from the alert signals of every portfolio, the kill switch and the OMS
 * gateway, deduplicated and correlated, with acknowledge, assign and resolve. One sharded, event-sourced entity
 * ({@link #FIRM_ENTITY_ID}), like the kill switch: one writer and one journal an auditor can replay, reachable
 * from every node through sharding, restarted elsewhere if its node leaves. (A singleton persistent actor would do
 * as well; sharding keeps the same client and lifecycle as the kill switch, and the projection feeding it is the
 * cluster singleton.) Alert volume is low (episodes, not ticks), so one entity is not a bottleneck.
 *
 * <h2>Correlation: one incident per episode, not one per tick</h2>
 * Every signal has a correlation key; at most one unresolved incident exists per key. A raising signal opens an
 * incident when the key has none, and otherwise counts as another occurrence of it (latest figures, count + 1),
 * escalating it when the signal's severity is higher. Keys and severities:
 * <ul>
 *   <li>{@code LimitBreached} of a continuous limit: key {@code PORTFOLIO:<id>/<breach key>} (e.g.
 *       {@code PORTFOLIO:P1/POSITION_NOTIONAL:SPY}), HIGH. The portfolio journals one breach per episode
 *       (hysteresis), so this is one incident per episode; {@code LimitCleared} marks it cleared.
 *   <li>Per-order/per-fill limits (ORDER_QUANTITY, ORDER_NOTIONAL, PRICE_COLLAR, RESTRICTED_INSTRUMENT,
 *       REPEATED_EXECUTIONS), whose breach keys name the execution: key {@code PORTFOLIO:<id>/<kind>[:<symbol>]},
 *       HIGH: a runaway's 50 oversized fills are one incident with 50 occurrences. Nothing clears them.
 *   <li>{@code LimitWarned}: the breach's key, WARNING. A breach of the same key escalates that incident to HIGH
 *       rather than opening a second one; {@code WarningCleared} clears it only while it is still a WARNING. A
 *       warning after a breach ended is counted on the breach's incident but does not make it active again.
 *   <li>{@code Halted} of a portfolio and kill-switch {@code ScopeHalted}: key {@code <scope>/HALT} (e.g.
 *       {@code PORTFOLIO:P1/HALT}, {@code DESK:rates/HALT}), CRITICAL. A portfolio halt lists, in
 *       {@link Incident#related()}, the portfolio's incidents active when it halted (the breaches that caused it:
 *       the portfolio journals them before the halt). {@code Resumed}/{@code ScopeResumed} clear it.
 *   <li>{@code StrategyDisabled}: key {@code PORTFOLIO:<id>/STRATEGY:<strategy>}, CRITICAL;
 *       {@code StrategyEnabled} clears it.
 *   <li>OMS {@code DeliveryFailed}: key {@code OMS:<endpoint>/<halt id>}. Not retryable: CRITICAL, "OMS ...
 *       refused halt ...: cancel by hand". Retryable: nothing until attempt {@code oms-retry-alert-after} (3)
 *       fails, then HIGH, updated by each further failure. {@code DeliveryAcknowledged} clears it.
 * </ul>
 * A clearing signal ends the incident's condition ({@link Incident#active()} false, {@code clearedAtMillis}) but
 * does not close it: a person resolves it. If the condition returns before then (a new breach episode of the same
 * key), the same incident is reactivated and counted. A resolved incident is never reopened: the key's next
 * signal opens a new incident. Severity only rises.
 *
 * <h2>Exactly-once effect from at-least-once delivery</h2>
 * The projection delivers each source event at least once ({@link Observe} with the tag and the event's offset).
 * The book journals the signal's effect and the new offset in one atomic write ({@link SignalsObserved} last), so
 * after any crash the stored offset says exactly which signals took effect. An {@link Observe} whose offset is not
 * beyond the tag's stored offset, or whose source event is among the last {@code dedup-window} observed, changes
 * nothing. The projection resumes after the stored offset. On journals with time-based UUID offsets (Cassandra), which
 * are neither unique per event nor always delivered in order, only the source events deduplicate and the offset only
 * says where to resume ({@link TimeUuidOffsets}).
 *
 * <h2>Delivery</h2>
 * After each persisted change an {@link AlertNotification} goes to the distributed pub-sub topic
 * {@link #TOPIC_NAME} (at most once; {@link AlertSubscribers} listens on any node).
 *
 * <p>Bounded state: see {@link AlertBookState}. Thread-safety: an actor; the state is touched only from its mailbox.
 */
public final class AlertBook
    extends EventSourcedBehaviorWithEnforcedReplies<AlertBookCommand, AlertBookEvent, AlertBookState> {

  public static final EntityTypeKey<AlertBookCommand> ENTITY_KEY =
      EntityTypeKey.create(AlertBookCommand.class, "AlertBook");
  /** Id of the one alert book of the firm; {@link AlertClient} only ever addresses it. */
  public static final String FIRM_ENTITY_ID = "firm";
  /** Name of the distributed pub-sub topic that carries {@link AlertNotification}s to every node. */
  public static final String TOPIC_NAME = "riskpulse-alerts";
  /** Prefix of incident ids, followed by the sequence number of the {@link AlertBookEvent.IncidentOpened} event. */
  public static final String INCIDENT_ID_PREFIX = "inc-";
  /**
   * Most incidents one {@link GetIncidents} returns: keeps an answer well inside a remote message (Artery's
   * default frame is 256 KiB; an incident is under 1 KiB).
   */
  public static final int MAX_LIST = 200;

  private final AlertBookEnvironment env;
  private final ActorContext<AlertBookCommand> context;
  private final ActorRef<Topic.Command<AlertNotification>> topic;
  /** Observations ignored as already seen since this incarnation started; transient, reported by GetOffsets. */
  private long duplicatesIgnored;

  private AlertBook(String entityId, AlertBookEnvironment env, ActorContext<AlertBookCommand> context,
      ActorRef<Topic.Command<AlertNotification>> topic) {
    super(
        PersistenceId.of(ENTITY_KEY.name(), entityId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.env = env;
    this.context = context;
    this.topic = topic;
  }

  /**
   * Registers the entity type with cluster sharding on this node and starts the node's publisher on the
   * {@link #TOPIC_NAME} topic. Call once per node.
   */
  public static void init(ActorSystem<?> system, AlertBookEnvironment env) {
    ActorRef<Topic.Command<AlertNotification>> topic = system.systemActorOf(
        Topic.create(AlertNotification.class, TOPIC_NAME), "riskpulse-alerts-publisher", Props.empty());
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_KEY, entityContext -> create(entityContext.getEntityId(), env, topic)));
  }

  /**
   * The behaviour of the alert book.
   *
   * @param entityId {@link #FIRM_ENTITY_ID} (part of the persistence id)
   * @param topic where notifications are published after each change: the node's {@link Topic} actor (a probe in
   *     tests)
   */
  public static Behavior<AlertBookCommand> create(
      String entityId, AlertBookEnvironment env, ActorRef<Topic.Command<AlertNotification>> topic) {
    return Behaviors.setup(context -> new AlertBook(entityId, env, context, topic));
  }

  @Override
  public AlertBookState emptyState() {
    return AlertBookState.pristine(env.settings());
  }

  @Override
  public CommandHandlerWithReply<AlertBookCommand, AlertBookEvent, AlertBookState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Observe.class, this::onObserve)
        .onCommand(Acknowledge.class, this::onAcknowledge)
        .onCommand(Assign.class, this::onAssign)
        .onCommand(Resolve.class, this::onResolve)
        .onCommand(GetIncidents.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state.select(
            cmd.filter() == null ? IncidentFilter.OPEN : cmd.filter(), Math.max(1, Math.min(MAX_LIST, cmd.limit())))))
        .onCommand(GetOffsets.class, (state, cmd) ->
            Effect().reply(cmd.replyTo(),
                new ObservedOffsets(state.offsets(), duplicatesIgnored, state.uuidOffsets())))
        .build();
  }

  private ReplyEffect<AlertBookEvent, AlertBookState> onObserve(AlertBookState state, Observe cmd) {
    String problem = observeProblem(cmd);
    if (!problem.isEmpty()) {
      context.getLog().warn("Alert book refused signals of tag {} at offset {}: {}", cmd.tag(), cmd.offset(), problem);
      return Effect().reply(cmd.replyTo(), Observed.refused(problem));
    }
    long stored = state.offset(cmd.tag());
    if (cmd.offset() > 0 && cmd.offset() <= stored) {
      duplicatesIgnored++;
      return Effect().reply(cmd.replyTo(), Observed.ignored());
    }
    List<AlertSignal> fresh = new ArrayList<>(cmd.signals().size());
    Set<SourceRef> sources = new LinkedHashSet<>();
    for (AlertSignal signal : cmd.signals()) {
      if (!state.seen(signal.source())) {
        fresh.add(signal);
        sources.add(signal.source());
      }
    }
    long now = env.clock().millis();
    if (fresh.isEmpty()) {
      duplicatesIgnored++;
      if (cmd.uuidOffset() == null ? cmd.offset() <= stored : !movesUuidOffset(state, cmd)) {
        return Effect().reply(cmd.replyTo(), Observed.ignored());
      }
      // Seen under another offset: only the offset moves, so the projection does not deliver it again.
      return Effect().persist(new SignalsObserved(cmd.tag(), cmd.offset(), List.of(), now, cmd.uuidOffset()))
          .thenReply(cmd.replyTo(), newState -> Observed.ignored());
    }
    long firstSequenceNr = lastSequenceNumber(context) + 1;
    Correlation correlation = new Correlation(state, env.settings(), firstSequenceNr);
    fresh.forEach(correlation::observe);
    List<Correlation.Planned> planned = List.copyOf(correlation.planned());
    List<AlertBookEvent> events = new ArrayList<>(planned.size() + 1);
    planned.forEach(change -> events.add(change.event()));
    events.add(new SignalsObserved(cmd.tag(), cmd.offset(), List.copyOf(sources), now, cmd.uuidOffset()));
    List<String> changed = planned.stream().map(change -> change.after().incidentId()).distinct().toList();
    return Effect()
        .persist(events)
        .thenRun(newState -> {
          for (int i = 0; i < planned.size(); i++) {
            Correlation.Planned change = planned.get(i);
            publish(new AlertNotification(firstSequenceNr + i, change.change(), change.after(), "",
                change.event().atMillis()));
          }
        })
        .thenReply(cmd.replyTo(), newState -> new Observed(false, changed, ""));
  }

  /** Whether a time-based offset is beyond the tag's stored one (or the tag has none). */
  private static boolean movesUuidOffset(AlertBookState state, Observe cmd) {
    String stored = state.uuidOffset(cmd.tag());
    return stored == null || TimeUuidOffsets.compare(cmd.uuidOffset(), stored) > 0;
  }

  private static String observeProblem(Observe cmd) {
    List<String> problems = new ArrayList<>();
    if (cmd.uuidOffset() != null) {
      String wrong = TimeUuidOffsets.problem(cmd.uuidOffset());
      if (!wrong.isEmpty()) {
        problems.add(wrong);
      }
      if (cmd.offset() != 0) {
        problems.add("offset must be 0 with a uuidOffset, was " + cmd.offset());
      }
    }
    if (cmd.tag() == null || cmd.tag().isBlank()) {
      problems.add("tag is required");
    }
    if (cmd.offset() < 0) {
      problems.add("offset must not be negative, was " + cmd.offset());
    }
    if (cmd.signals() == null || cmd.signals().isEmpty()) {
      problems.add("at least one signal is required");
    } else {
      for (int i = 0; i < cmd.signals().size(); i++) {
        AlertSignal signal = cmd.signals().get(i);
        List<String> wrong = signal == null ? List.of("missing") : signal.problems();
        if (!wrong.isEmpty()) {
          problems.add("signal " + i + ": " + String.join(", ", wrong));
        }
      }
    }
    return String.join("; ", problems);
  }

  private ReplyEffect<AlertBookEvent, AlertBookState> onAcknowledge(AlertBookState state, Acknowledge cmd) {
    List<String> problems = new ArrayList<>();
    requireText(problems, "incidentId", cmd.incidentId());
    requireText(problems, "by", cmd.by());
    AlertReply invalid = changeProblem(state, cmd.incidentId(), problems);
    if (invalid != null) {
      return reject(cmd.replyTo(), invalid);
    }
    Incident incident = state.incident(cmd.incidentId());
    if (incident.status() == IncidentStatus.ACKNOWLEDGED) {
      return reject(cmd.replyTo(), AlertReply.rejected(Reason.ALREADY_ACKNOWLEDGED, incident,
          incident.incidentId() + " was already acknowledged by " + incident.acknowledgedBy()));
    }
    return operatorChange(cmd.replyTo(), new IncidentAcknowledged(incident.incidentId(), cmd.by(), now()),
        Change.ACKNOWLEDGED, cmd.by(), incident.incidentId() + " acknowledged by " + cmd.by());
  }

  private ReplyEffect<AlertBookEvent, AlertBookState> onAssign(AlertBookState state, Assign cmd) {
    List<String> problems = new ArrayList<>();
    requireText(problems, "incidentId", cmd.incidentId());
    requireText(problems, "assignee", cmd.assignee());
    requireText(problems, "by", cmd.by());
    AlertReply invalid = changeProblem(state, cmd.incidentId(), problems);
    if (invalid != null) {
      return reject(cmd.replyTo(), invalid);
    }
    return operatorChange(cmd.replyTo(), new IncidentAssigned(cmd.incidentId(), cmd.assignee(), cmd.by(), now()),
        Change.ASSIGNED, cmd.by(), cmd.incidentId() + " assigned to " + cmd.assignee() + " by " + cmd.by());
  }

  private ReplyEffect<AlertBookEvent, AlertBookState> onResolve(AlertBookState state, Resolve cmd) {
    List<String> problems = new ArrayList<>();
    requireText(problems, "incidentId", cmd.incidentId());
    requireText(problems, "by", cmd.by());
    requireText(problems, "note", cmd.note());
    AlertReply invalid = changeProblem(state, cmd.incidentId(), problems);
    if (invalid != null) {
      return reject(cmd.replyTo(), invalid);
    }
    return operatorChange(cmd.replyTo(), new IncidentResolved(cmd.incidentId(), cmd.by(), cmd.note(), now()),
        Change.RESOLVED, cmd.by(), cmd.incidentId() + " resolved by " + cmd.by());
  }

  /** A missing field, an unknown incident or a resolved one; {@code null} when the change may go on. */
  private static AlertReply changeProblem(AlertBookState state, String incidentId, List<String> problems) {
    if (!problems.isEmpty()) {
      return AlertReply.rejected(Reason.INVALID_FIELD, null, String.join("; ", problems));
    }
    Incident incident = state.incident(incidentId);
    if (incident == null) {
      return AlertReply.rejected(Reason.UNKNOWN_INCIDENT, null, "no incident '" + incidentId + "'");
    }
    if (incident.resolved()) {
      return AlertReply.rejected(Reason.ALREADY_RESOLVED, incident,
          incidentId + " was resolved by " + incident.resolvedBy() + ": " + incident.resolutionNote());
    }
    return null;
  }

  private ReplyEffect<AlertBookEvent, AlertBookState> operatorChange(ActorRef<AlertReply> replyTo,
      AlertBookEvent event, Change change, String by, String detail) {
    long sequenceNr = lastSequenceNumber(context) + 1;
    String incidentId = AlertBookState.incidentIdOf(event);
    return Effect()
        .persist(event)
        .thenRun(newState -> {
          Incident after = newState.incident(incidentId);
          if (after != null) {
            publish(new AlertNotification(sequenceNr, change, after, by, event.atMillis()));
          }
        })
        .thenReply(replyTo, newState -> AlertReply.accepted(newState.incident(incidentId), detail));
  }

  private ReplyEffect<AlertBookEvent, AlertBookState> reject(ActorRef<AlertReply> replyTo, AlertReply reply) {
    context.getLog().info("Alert book rejected a command: {} {}", reply.reason(), reply.detail());
    return Effect().reply(replyTo, reply);
  }

  private static void requireText(List<String> problems, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(field + " is required");
    }
  }

  /** Publishes one change; at most once (the book is the record, see {@link AlertNotification}). */
  private void publish(AlertNotification notification) {
    topic.tell(Topic.publish(notification));
  }

  private long now() {
    return env.clock().millis();
  }

  @Override
  public EventHandler<AlertBookState, AlertBookEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(AlertBookState::apply);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(env.settings().snapshotEvery(), env.settings().keepSnapshots());
  }

  @Override
  public SnapshotAdapter<AlertBookState> snapshotAdapter() {
    AlertSettings settings = env.settings();
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(AlertBookState state) {
        return state.toStored();
      }

      @Override
      public AlertBookState fromJournal(Object from) {
        return AlertBookState.fromStored((StoredAlertBook) from, settings);
      }
    };
  }
}

package io.riskpulse.model.portfolio;

import io.riskpulse.model.concurrent.Completions;
import io.riskpulse.model.detect.CheckpointRestores;
import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.DetectorCheckpoints;
import io.riskpulse.model.detect.DetectorsState;
import io.riskpulse.model.detect.PortfolioDetectors;
import io.riskpulse.model.detect.rules.RuleParser;
import io.riskpulse.model.detect.rules.RuleSyntaxException;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltDispatcher;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.journal.ChainedEvent;
import io.riskpulse.model.journal.ChainingEventAdapter;
import io.riskpulse.model.journal.HashChain;
import io.riskpulse.model.limits.LimitAction;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitChecker;
import io.riskpulse.model.limits.LimitJudge;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.limits.OrderLimits;
import io.riskpulse.model.orderflow.ExecutionStreaks;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.orderflow.OrderFlowTracker;
import io.riskpulse.model.orderflow.OrderFlowView;
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecution;
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecutions;
import io.riskpulse.model.portfolio.PortfolioCommand.ApproveRebalance;
import io.riskpulse.model.portfolio.PortfolioCommand.CheckOrder;
import io.riskpulse.model.portfolio.PortfolioCommand.CheckpointDetectors;
import io.riskpulse.model.portfolio.PortfolioCommand.CheckpointStoreStopped;
import io.riskpulse.model.portfolio.PortfolioCommand.CheckpointTurn;
import io.riskpulse.model.portfolio.PortfolioCommand.DetectorsRestored;
import io.riskpulse.model.portfolio.PortfolioCommand.EnableStrategy;
import io.riskpulse.model.portfolio.PortfolioCommand.GetAuditHead;
import io.riskpulse.model.portfolio.PortfolioCommand.GetDetection;
import io.riskpulse.model.portfolio.PortfolioCommand.GetSnapshot;
import io.riskpulse.model.portfolio.PortfolioCommand.Halt;
import io.riskpulse.model.portfolio.PortfolioCommand.HaltDispatchOutcome;
import io.riskpulse.model.portfolio.PortfolioCommand.MarkToMarket;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import io.riskpulse.model.portfolio.PortfolioCommand.RebalanceDispatchOutcome;
import io.riskpulse.model.portfolio.PortfolioCommand.RecordFindings;
import io.riskpulse.model.portfolio.PortfolioCommand.RecordOrder;
import io.riskpulse.model.portfolio.PortfolioCommand.RefreshRisk;
import io.riskpulse.model.portfolio.PortfolioCommand.RejectRebalance;
import io.riskpulse.model.portfolio.PortfolioCommand.Resume;
import io.riskpulse.model.portfolio.PortfolioCommand.RetryCheckpoints;
import io.riskpulse.model.portfolio.PortfolioCommand.RetryHaltDispatch;
import io.riskpulse.model.portfolio.PortfolioCommand.RetryRebalanceDispatch;
import io.riskpulse.model.portfolio.PortfolioCommand.SetLimits;
import io.riskpulse.model.portfolio.PortfolioCommand.SetRules;
import io.riskpulse.model.portfolio.PortfolioCommand.WhatIf;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyCleared;
import io.riskpulse.model.portfolio.PortfolioEvent.AnomalyDetected;
import io.riskpulse.model.portfolio.PortfolioEvent.DayRolled;
import io.riskpulse.model.portfolio.PortfolioEvent.ExecutionApplied;
import io.riskpulse.model.portfolio.PortfolioEvent.HaltDispatched;
import io.riskpulse.model.portfolio.PortfolioEvent.Halted;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitBreached;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitCleared;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitWarned;
import io.riskpulse.model.portfolio.PortfolioEvent.LimitsSet;
import io.riskpulse.model.portfolio.PortfolioEvent.PeakPnlRaised;
import io.riskpulse.model.portfolio.PortfolioEvent.PortfolioOpened;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceApproved;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceDispatched;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceProposed;
import io.riskpulse.model.portfolio.PortfolioEvent.RebalanceRejected;
import io.riskpulse.model.portfolio.PortfolioEvent.Resumed;
import io.riskpulse.model.portfolio.PortfolioEvent.RulesSet;
import io.riskpulse.model.portfolio.PortfolioEvent.StrategyDisabled;
import io.riskpulse.model.portfolio.PortfolioEvent.StrategyEnabled;
import io.riskpulse.model.portfolio.PortfolioEvent.WarningCleared;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeDecision;
import io.riskpulse.model.risk.PortfolioValuer;
import io.riskpulse.model.risk.PositionValuation;
import io.riskpulse.model.risk.PriceSource;
import io.riskpulse.model.risk.ReportingPrices;
import io.riskpulse.model.risk.Valuation;
import io.riskpulse.model.risk.aggregate.RiskVectorReport;
import io.riskpulse.model.risk.live.LiveRisk;
import io.riskpulse.model.risk.live.RiskMeasures;
import io.riskpulse.model.risk.rebalance.RebalanceDispatcher;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceMode;
import io.riskpulse.model.risk.rebalance.RebalancePlan;
import io.riskpulse.model.risk.rebalance.RebalancePosition;
import io.riskpulse.model.risk.rebalance.RebalanceTargets;
import io.riskpulse.model.risk.rebalance.Rebalancer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.EventAdapter;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One portfolio as a sharded, event-sourced entity: positions, cash, limits and status, journaled so an
 * auditor can replay what the system knew and did.
 *
 * <p>Every command validates its input and either replies with a specific {@link RejectReason} and persists
 * nothing, or persists and replies from the new state. Executions are idempotent by execution id. After each
 * execution, and every {@code mark-interval} as prices move, positions are marked to the node's
 * {@link io.riskpulse.model.market.MarketView} and every limit is judged; a limit going beyond its level
 * persists {@link LimitBreached} once per episode and {@link LimitCleared} when it comes back. With
 * {@link Limits#haltOnBreach()} a breach also halts the portfolio.
 *
 * <p>Live risk: the entity keeps a transient {@link LiveRisk} (its scenario P&amp;L vector over the node's
 * scenario set), rebuilt from the positions after recovery and never journaled. Executions are judged on the
 * VaR, expected shortfall, stress loss and days to liquidate they would leave (a what-if before persisting)
 * and applied to the vector after they are persisted, in O(scenarios) each. Every {@code risk-staleness} the
 * vector is re-marked if prices moved, the risk limits are judged (through the same breach episodes as every
 * other limit) and the vector goes to the desk's aggregate when it changed, with the portfolio's gross and net
 * exposure and intraday P&amp;L (what desk and firm limits are judged on). A what-if of position changes
 * ({@link PortfolioCommand.WhatIf}) is answered from the same figures and limits, persisting nothing.
 *
 * <p>Thread-safety: an actor; the state, the transient peak and the live risk are touched only while it handles a
 * message, or by a caller on this node judging an order in place, holding the entity's lock ({@link PreTradeGate}):
 * the entity holds that lock whenever it handles anything ({@link ExclusiveEntity}).
 */
public final class Portfolio
    extends EventSourcedBehaviorWithEnforcedReplies<PortfolioCommand, PortfolioEvent, PortfolioState> {

  public static final EntityTypeKey<PortfolioCommand> ENTITY_KEY =
      EntityTypeKey.create(PortfolioCommand.class, "Portfolio");

  /** The identity recorded on halts decided by the limit monitor rather than a person. */
  public static final String LIMIT_MONITOR = "riskpulse:limit-monitor";

  /** Journal tag of the events alerts are raised from (breaches, warnings, halts, the strategy throttle). */
  public static final String ALERT_TAG = "portfolio-alerts";
  private static final Set<String> ALERT_TAGS = Set.of(ALERT_TAG);

  /** The identity recorded on halts decided by a detector's finding (policy {@code halt}). */
  public static final String DETECTOR = "riskpulse:detector";

  /** The identity recorded on rebalances sent without a person's approval ({@code rebalance = send}). */
  public static final String AUTO_REBALANCE = "riskpulse:auto-rebalance";

  /** Placeholder id of a halt decided in a command handler; {@link #persistAll} replaces it. */
  private static final String PENDING_HALT_ID = "";
  /** Placeholder id of a rebalance decided in a command handler; {@link #persistAll} replaces it. */
  private static final String PENDING_ID = "";
  /** The limit kinds whose breach prompts a rebalance. */
  private static final Set<LimitKind> REBALANCED_KINDS = java.util.EnumSet.of(LimitKind.GROSS_EXPOSURE,
      LimitKind.NET_EXPOSURE, LimitKind.POSITION_NOTIONAL, LimitKind.CONCENTRATION);
  private static final Duration HAND_OFF_MIN_BACKOFF = Duration.ofMillis(200);
  /** A receiver that has not taken a hand-off within this counts as failed (and is asked again). */
  private static final Duration HAND_OFF_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration HAND_OFF_MAX_BACKOFF = Duration.ofSeconds(10);

  /** For lines written by an order judged in place, on the caller's thread (the actor context is the actor's). */
  private static final Logger LOG = LoggerFactory.getLogger(Portfolio.class);

  private final String portfolioId;
  private final PortfolioEnvironment env;
  /** When this portfolio snapshots: more rarely as its execution-id window grows. */
  private final SnapshotInterval snapshotInterval;
  /**
   * The sequence number of the last event of the latest write of several events, for {@link #shouldSnapshot},
   * which Pekko calls for each event of a write in order when the write is handed over.
   */
  private long lastInWrite;
  /** Callers on this node judge orders in place through it while this incarnation runs. */
  private final PreTradeGate gate;
  private final ActorRef<PortfolioCommand> self;
  /**
   * The state as of the last event applied (Pekko applies an event when it is persisted, before the write is
   * confirmed); what an order judged in place sees. Guarded by the gate's lock.
   */
  private PortfolioState current;
  private final ActorContext<PortfolioCommand> context;
  private final ReportingPrices prices;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  /** When this incarnation started: the market-data grace period runs from here. */
  private final long startedAtMillis;
  /** When this incarnation started, {@link System#nanoTime}: its recovery is timed from here. */
  private final long startedAtNanos;
  /** Live order-flow statistics; transient (see OrderFlowTracker). */
  private final OrderFlowTracker orderFlow = new OrderFlowTracker();
  /** Highest P&L seen since this incarnation started; ≥ the persisted peak once recovered. */
  private double observedPeakPnl = Double.NEGATIVE_INFINITY;
  /** Scenario P&L vector and risk figures; transient, derived from the positions and the prices. */
  private final LiveRisk risk;
  /** {@link LiveRisk#version()} of the vector last reported to the desk, and when. */
  private long reportedRiskVersion = -1;
  private long lastRiskReportMillis = Long.MIN_VALUE;
  /**
   * The inputs of the last mark whose limit judgement found nothing to journal, with a valuation that priced every
   * position; {@code null} when the next mark must judge. Transient: cleared on recovery.
   */
  private MarkInputs lastQuietMark;
  /** When {@link #lastQuietMark} was judged, epoch ms. */
  private long lastQuietMarkAtMillis;
  /** Exposures and intraday P&L at the latest valuation (mark, recovery or report), and as last reported. */
  private DeskFigures valuedFigures = DeskFigures.UNKNOWN;
  private DeskFigures reportedFigures = DeskFigures.UNKNOWN;
  private final TimerScheduler<PortfolioCommand> timers;
  /** Judges orders before they are sent; shares the prices and the live risk. */
  private final PreTradeChecker preTrade;
  /** Answers what-ifs of position changes; shares the prices and the live risk. */
  private final WhatIfAnalyzer whatIf;
  /** The journal's hash chain: seals each event written, follows recovery (see HashChain). */
  private final HashChain chain;
  /** The system's serialization, for the state hash. */
  private final Serialization serialization;
  /** The order-flow, impact and market detectors; transient (their episodes are journaled). */
  private final PortfolioDetectors detectors;
  /**
   * Where the detectors' models are saved between incarnations; {@code null} until this portfolio's turn to start it
   * has come ({@link #checkpointTurn}), without models, and after it stopped until it is started again.
   */
  private ActorRef<DetectorCheckpoints.Command> checkpoints;
  /** This portfolio's place at the node's {@link CheckpointRestores} while it waits for or restores its checkpoint. */
  private CheckpointRestores.Ticket checkpointTurn;
  /**
   * Whether a checkpoint store has told what it holds: a store started again after that (it stopped) restores
   * nothing, since the models in memory are newer than any it holds.
   */
  private boolean modelsRestored;
  /** Times in a row the checkpoint store stopped before it restored anything, for the retry backoff. */
  private int checkpointStoreFailures;
  /** When the models were last handed to the checkpoint store, node clock; {@link Long#MIN_VALUE}: not yet. */
  private long modelsSavedAtMillis = Long.MIN_VALUE;
  /** Runs of same-direction executions for the repeated-execution throttle; transient. */
  private final ExecutionStreaks streaks = new ExecutionStreaks();
  /** The halt being handed to the OMS gateway right now, or {@code null}; at most one hand-off in flight. */
  private String dispatchInFlight;
  /** Failed hand-offs of the current undispatched halt, for the retry backoff. */
  private int dispatchFailures;
  /** The rebalance being handed to the OMS gateway right now, or {@code null}. */
  private String rebalanceInFlight;
  /** Failed hand-offs of the current undispatched rebalance, for the retry backoff. */
  private int rebalanceFailures;
  /**
   * This incarnation's place in the node's {@link RecentSnapshots}, from the first snapshot it answers; raised
   * before every other command, so a kept snapshot is valid only until something may have changed.
   */
  private RecentSnapshots.Slot readSlot;
  /**
   * Whether an order judged in place has told this entity to score its detectors' waiting seconds and it has not
   * yet ({@link RecordFindings}). Read and written holding the gate's lock, by the entity or a caller in place.
   * Cleared by that message, by every mark (which scores what waits) and at recovery (a restart after a failed
   * write keeps this object but not the messages stashed meanwhile), so a lost message delays the scoring by a
   * mark interval at most.
   */
  private boolean modelScoringAsked;

  private Portfolio(String portfolioId, PortfolioEnvironment env, ActorContext<PortfolioCommand> context,
      TimerScheduler<PortfolioCommand> timers, ActorRef<ClusterSharding.ShardCommand> shard, PreTradeGate gate) {
    super(
        PersistenceId.of(ENTITY_KEY.name(), portfolioId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.portfolioId = portfolioId;
    this.env = env;
    this.snapshotInterval = env.settings().snapshotInterval(portfolioId);
    this.gate = gate;
    this.self = context.getSelf();
    this.context = context;
    this.shard = shard;
    this.startedAtMillis = env.clock().millis();
    this.startedAtNanos = System.nanoTime();
    this.prices = new ReportingPrices(env.market(), env.instruments(), env.settings().reportingCurrency());
    this.risk = new LiveRisk(portfolioId, env.risk(), prices, env.market()::version, env.instruments(),
        env.settings().reportingCurrency(), env.liquidity());
    this.timers = timers;
    this.preTrade = new PreTradeChecker(portfolioId, env.instruments(), env.market(), prices, risk, env.halts(),
        env.pretrade());
    this.whatIf = new WhatIfAnalyzer(portfolioId, env.instruments(), prices, risk);
    this.serialization = SerializationExtension.get(context.getSystem().classicSystem());
    this.chain = new HashChain(PersistenceId.of(ENTITY_KEY.name(), portfolioId).id(), serialization);
    this.detectors = new PortfolioDetectors(portfolioId, env.detection());
  }

  /** Registers the entity type with cluster sharding on this node. */
  public static void init(ActorSystem<?> system, PortfolioEnvironment env) {
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_KEY,
            entityContext -> create(entityContext.getEntityId(), env, entityContext.getShard())));
  }

  /** The behaviour of portfolio {@code portfolioId} outside sharding (tests); marks every mark-interval. */
  public static Behavior<PortfolioCommand> create(String portfolioId, PortfolioEnvironment env) {
    return create(portfolioId, env, null);
  }

  /**
   * The behaviour of portfolio {@code portfolioId}; marks to market every {@code mark-interval}. With
   * {@code riskpulse.pretrade.in-place = on} it handles everything holding its {@link PreTradeGate}'s lock, through
   * which callers on this node judge orders in place; off (the default), it has no gate and is always asked.
   *
   * @param shard the entity's shard, asked to passivate an entity that was never opened (so a lookup of an
   *     unknown id does not leave a remembered entity behind); {@code null} outside sharding
   */
  public static Behavior<PortfolioCommand> create(
      String portfolioId, PortfolioEnvironment env, ActorRef<ClusterSharding.ShardCommand> shard) {
    return Behaviors.setup(
        context -> {
          PreTradeGate gate = env.preTradeGates().newGate();
          Behavior<PortfolioCommand> entity = Behaviors.withTimers(
              timers -> {
                timers.startTimerWithFixedDelay(MarkToMarket.INSTANCE, env.settings().markInterval());
                timers.startTimerWithFixedDelay(RefreshRisk.INSTANCE, env.settings().riskStaleness());
                return new Portfolio(portfolioId, env, context, timers, shard, gate);
              });
          // Without in-place checks the gate is never opened or registered, and no lock is taken per message.
          return env.pretrade().inPlace() ? ExclusiveEntity.around(gate, entity) : entity;
        });
  }

  @Override
  public PortfolioState emptyState() {
    return PortfolioState.pristine(portfolioId, env.settings().dedupWindow());
  }

  /**
   * One case for every command, routed by {@link #route}. Pekko's declarative form (a case per state and command
   * class, 37 here, each with two lambdas in Scala lists) is built by every entity when it starts and kept for as
   * long as it is resident: about 3.7 KB per portfolio, identical in all of them. The routing is the same.
   */
  @Override
  public CommandHandlerWithReply<PortfolioCommand, PortfolioEvent, PortfolioState> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState().onAnyCommand(this::route);
  }

  /**
   * Which handler takes a command, in this order: a portfolio not yet open takes only {@link OpenPortfolio} and
   * refuses every other command a person or a feed sends (unknown portfolio); an open one refuses a second open;
   * halt and resume depend on whether it is halted; every other command is handled in any state.
   */
  private ReplyEffect<PortfolioEvent, PortfolioState> route(PortfolioState state, PortfolioCommand command) {
    if (command instanceof GetSnapshot) {
      if (readSlot == null) {
        readSlot = env.recentSnapshots().register(portfolioId);
      }
    } else if (readSlot != null) {
      readSlot.changed();
    }
    if (!state.isOpen()) {
      ReplyEffect<PortfolioEvent, PortfolioState> unopened = routeUnopened(state, command);
      if (unopened != null) {
        return unopened;
      }
    } else if (command instanceof OpenPortfolio) {
      return reject(((OpenPortfolio) command).replyTo(), Reply.rejected(
          RejectReason.ALREADY_OPEN, "portfolio is already open for desk " + state.desk()));
    } else if (command instanceof Halt) {
      Halt halt = (Halt) command;
      return state.isHalted()
          ? reject(halt.replyTo(), Reply.rejected(RejectReason.ALREADY_HALTED,
              "already halted by " + state.haltedBy() + ": " + state.haltReason()))
          : onHalt(state, halt);
    } else if (command instanceof Resume) {
      Resume resume = (Resume) command;
      return state.isHalted() ? onResume(state, resume)
          : reject(resume.replyTo(), Reply.rejected(RejectReason.NOT_HALTED, "portfolio is not halted"));
    }
    if (command instanceof ApplyExecution) {
      return onExecution(state, (ApplyExecution) command);
    } else if (command instanceof ApplyExecutions) {
      return onExecutions(state, (ApplyExecutions) command);
    } else if (command instanceof RecordOrder) {
      return onOrder(state, (RecordOrder) command);
    } else if (command instanceof SetLimits) {
      return onSetLimits(state, (SetLimits) command);
    } else if (command instanceof SetRules) {
      return onSetRules(state, (SetRules) command);
    } else if (command instanceof GetDetection) {
      return Effect().reply(((GetDetection) command).replyTo(), new DetectionView(portfolioId,
          detectors.rules().text(), !state.rules().isBlank(), List.copyOf(state.activeAnomalies().values()),
          detectors.models(), modelsSavedAtMillis, !detectors.modelsUnsaved()));
    } else if (command instanceof CheckOrder) {
      return onCheckOrder(state, (CheckOrder) command);
    } else if (command instanceof RecordFindings) {
      RecordFindings found = (RecordFindings) command;
      List<PortfolioEvent> events = new ArrayList<>();
      addAnomalyEvents(state, found.findings(), found.atMillis(), events);
      modelScoringAsked = false;
      if (detectors.hasUnscoredSeconds()) {
        long now = now();
        addAnomalyEvents(state, detectors.scoreModels(now), now, events);
      }
      return events.isEmpty() ? Effect().noReply() : persistAll(events).thenNoReply();
    } else if (command instanceof WhatIf) {
      return onWhatIf(state, (WhatIf) command);
    } else if (command instanceof EnableStrategy) {
      return onEnableStrategy(state, (EnableStrategy) command);
    } else if (command instanceof HaltDispatchOutcome) {
      return onDispatchOutcome(state, (HaltDispatchOutcome) command);
    } else if (command instanceof RetryHaltDispatch) {
      return onRetryDispatch(state, (RetryHaltDispatch) command);
    } else if (command instanceof ApproveRebalance) {
      return onApproveRebalance(state, (ApproveRebalance) command);
    } else if (command instanceof RejectRebalance) {
      return onRejectRebalance(state, (RejectRebalance) command);
    } else if (command instanceof RebalanceDispatchOutcome) {
      return onRebalanceOutcome(state, (RebalanceDispatchOutcome) command);
    } else if (command instanceof RetryRebalanceDispatch) {
      dispatchRebalance(state);
      return Effect().noReply();
    } else if (command instanceof GetSnapshot) {
      return Effect().reply(((GetSnapshot) command).replyTo(), snapshot(state));
    } else if (command instanceof GetAuditHead) {
      return Effect().reply(((GetAuditHead) command).replyTo(), new AuditHead(portfolioId,
          lastSequenceNumber(context), PortfolioStateHash.of(state, serialization), chain.headHex()));
    } else if (command instanceof DetectorsRestored) {
      closeCheckpointTurn();
      checkpointStoreFailures = 0;
      if (!modelsRestored) {
        modelsRestored = true;
        List<String> lost = detectors.restore(((DetectorsRestored) command).state());
        if (!lost.isEmpty()) {
          context.getLog().warn("Portfolio {}: models not restored, learned again: {}", portfolioId, lost);
        }
      }
      return Effect().noReply();
    } else if (command instanceof CheckpointTurn) {
      startCheckpointStore();
      return Effect().noReply();
    } else if (command instanceof CheckpointStoreStopped) {
      onCheckpointStoreStopped();
      return Effect().noReply();
    } else if (command instanceof RetryCheckpoints) {
      requestCheckpointTurn();
      return Effect().noReply();
    } else if (command instanceof CheckpointDetectors) {
      // Not before the store has told what it holds: a save it received while recovering would be written after its
      // recovery and replace the checkpoint being restored with the models learned since this start. (The first
      // tick comes after this portfolio's phase, which can fall between the store's start and its answer.)
      DetectorsState learned = checkpoints == null || !modelsRestored ? null : detectors.checkpoint(now());
      if (learned != null) {
        modelsSavedAtMillis = learned.savedAtMillis();
        checkpoints.tell(new DetectorCheckpoints.Save(learned, modelsSavedAtMillis));
      }
      return Effect().noReply();
    } else if (command instanceof MarkToMarket) {
      return onMarkToMarket(state);
    } else if (command instanceof RefreshRisk) {
      return onRefreshRisk(state);
    }
    throw new IllegalArgumentException("Portfolio " + portfolioId + " has no handler for "
        + command.getClass().getName() + " in status " + state.status());
  }

  /**
   * A portfolio not yet open: opens, or refuses what only an open portfolio can do; {@code null} for the commands
   * handled in any state (reads, timers, hand-off outcomes).
   */
  private ReplyEffect<PortfolioEvent, PortfolioState> routeUnopened(PortfolioState state, PortfolioCommand command) {
    if (command instanceof OpenPortfolio) {
      return onOpen(state, (OpenPortfolio) command);
    } else if (command instanceof ApplyExecutions) {
      ApplyExecutions batch = (ApplyExecutions) command;
      Reply unknown = unknownPortfolio();
      logRejection(unknown);
      int size = batch.executions() == null ? 0 : batch.executions().size();
      return Effect().reply(batch.replyTo(), new BatchReply(java.util.Collections.nCopies(size, unknown)));
    }
    ActorRef<Reply> replyTo = openPortfolioOnly(command);
    return replyTo == null ? null : reject(replyTo, unknownPortfolio());
  }

  /** Where to answer a command that only an open portfolio takes; {@code null} for any other command. */
  private static ActorRef<Reply> openPortfolioOnly(PortfolioCommand command) {
    if (command instanceof ApplyExecution) {
      return ((ApplyExecution) command).replyTo();
    } else if (command instanceof RecordOrder) {
      return ((RecordOrder) command).replyTo();
    } else if (command instanceof SetRules) {
      return ((SetRules) command).replyTo();
    } else if (command instanceof SetLimits) {
      return ((SetLimits) command).replyTo();
    } else if (command instanceof Halt) {
      return ((Halt) command).replyTo();
    } else if (command instanceof Resume) {
      return ((Resume) command).replyTo();
    } else if (command instanceof EnableStrategy) {
      return ((EnableStrategy) command).replyTo();
    } else if (command instanceof ApproveRebalance) {
      return ((ApproveRebalance) command).replyTo();
    } else if (command instanceof RejectRebalance) {
      return ((RejectRebalance) command).replyTo();
    }
    return null;
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onOpen(PortfolioState state, OpenPortfolio cmd) {
    List<String> problems = new ArrayList<>();
    requireText(problems, "desk", cmd.desk());
    requireText(problems, "trader", cmd.trader());
    requireText(problems, "by", cmd.by());
    if (!Double.isFinite(cmd.initialCash()) || Math.abs(cmd.initialCash()) >= ExecutionValidation.MAX_NOTIONAL) {
      problems.add("initialCash must be finite and below " + ExecutionValidation.MAX_NOTIONAL
          + ", was " + cmd.initialCash());
    }
    if (!problems.isEmpty()) {
      return reject(cmd.replyTo(), Reply.rejected(RejectReason.INVALID_FIELD, String.join("; ", problems)));
    }
    Reply badLimits = limitsProblem(cmd.limits());
    if (badLimits != null) {
      return reject(cmd.replyTo(), badLimits);
    }
    return Effect()
        .persist(new PortfolioOpened(portfolioId, cmd.desk(), cmd.trader(), cmd.initialCash(),
            prices.reportingCurrency(), cmd.limits(), cmd.by(), now()))
        .thenRun(this::startCheckpoints)
        .thenReply(cmd.replyTo(), newState -> Reply.accepted());
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onExecution(PortfolioState state, ApplyExecution cmd) {
    return applyExecutions(state, List.of(cmd.execution()),
        replies -> Effect().reply(cmd.replyTo(), replies.get(0)),
        (events, replies) -> persistAll(events).thenRun(this::syncRisk)
            .thenReply(cmd.replyTo(), newState -> replies.get(0)));
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onExecutions(PortfolioState state, ApplyExecutions cmd) {
    List<Execution> executions = cmd.executions() == null ? List.of() : cmd.executions();
    return applyExecutions(state, executions,
        replies -> Effect().reply(cmd.replyTo(), new BatchReply(replies)),
        (events, replies) -> persistAll(events).thenRun(this::syncRisk)
            .thenReply(cmd.replyTo(), newState -> new BatchReply(replies)));
  }

  /**
   * Applies executions in order: each is checked for duplication (against the journal and the batch itself)
   * and validated against the position it will change; the valid ones are persisted together with the limit
   * events of the resulting state, in one write. Replies are in input order. Risk limits are judged on the
   * figures the executions would leave ({@link LiveRisk#whatIf}); the live vector follows once they are persisted.
   */
  private ReplyEffect<PortfolioEvent, PortfolioState> applyExecutions(PortfolioState state,
      List<Execution> executions, Function<List<Reply>, ReplyEffect<PortfolioEvent, PortfolioState>> replyOnly,
      BiFunction<List<PortfolioEvent>, List<Reply>, ReplyEffect<PortfolioEvent, PortfolioState>> persistAndReply) {
    long now = now();
    List<Reply> replies = new ArrayList<>(executions.size());
    List<PortfolioEvent> events = new ArrayList<>();
    List<LimitBreach> executionBreaches = new ArrayList<>();
    Map<String, Position> after = new TreeMap<>();
    for (Position position : state.positions()) {
      after.put(position.symbol(), position);
    }
    Map<String, Double> cashAfter = new TreeMap<>(state.cashByCurrency());
    Map<String, Double> fillPrices = new HashMap<>();
    Map<String, Integer> batchIds = new HashMap<>();
    Set<String> disabledInBatch = new HashSet<>();
    List<DetectionSignal> findings = new ArrayList<>();
    for (Execution execution : executions) {
      String id = execution == null ? null : execution.executionId();
      Integer seen = id == null ? null : state.seenFingerprint(id);
      seen = seen != null ? seen : (id == null ? null : batchIds.get(id));
      if (seen != null) {
        int print = ExecutionIdWindow.fingerprint(execution);
        if (seen == ExecutionIdWindow.UNKNOWN || seen == print) {
          replies.add(Reply.duplicate(id));
        } else {
          Reply conflict = Reply.rejected(RejectReason.CONFLICTING_EXECUTION,
              "execution id " + id + " was already applied to a different fill; refused: " + execution);
          logRejection(conflict);
          replies.add(conflict);
        }
        continue;
      }
      Reply invalid = ExecutionValidation.validate(execution, portfolioId, env.instruments(),
          symbol -> after.getOrDefault(symbol, Position.flat(symbol)).quantity());
      if (invalid != null) {
        logRejection(invalid);
        replies.add(invalid);
        continue;
      }
      batchIds.put(id, ExecutionIdWindow.fingerprint(execution));
      String currency = env.instruments().find(execution.symbol()).orElseThrow().currency();
      events.add(new ExecutionApplied(execution, currency, now));
      after.put(execution.symbol(), after.getOrDefault(execution.symbol(), Position.flat(execution.symbol()))
          .apply(execution.signedQuantity(), execution.price()));
      cashAfter.merge(currency, -execution.signedQuantity() * execution.price(), Double::sum);
      double reference = fillPrices.containsKey(execution.symbol()) ? fillPrices.get(execution.symbol())
          : prices.markPrice(execution.symbol());
      fillPrices.put(execution.symbol(), execution.price());
      executionBreaches.addAll(LimitChecker.executionBreaches(
          state.limits(), execution, prices.fxToReporting(execution.symbol()), reference, now));
      throttle(state, execution, now, executionBreaches, events, disabledInBatch);
      if (detectors.enabled()) {
        findings.addAll(detectors.onFill(execution, env.market().quote(execution.symbol()),
            env.instruments().find(execution.symbol()).orElseThrow().averageDailyVolume(), now,
            state.activeAnomalies()::containsKey));
      }
      replies.add(Reply.accepted());
    }
    if (events.isEmpty()) {
      return replyOnly.apply(replies);
    }
    Valuation valuation = PortfolioValuer.value(after.values(), cashAfter, new FillsAsPrices(fillPrices));
    Map<String, Double> quantitiesAfter = new TreeMap<>();
    for (String symbol : fillPrices.keySet()) {
      quantitiesAfter.put(symbol, after.get(symbol).quantity());
    }
    risk.recordFillPrices(fillPrices);
    // The what-if costs O(changed x scenarios) plus a stress revaluation: only paid when a risk limit is set.
    RiskMeasures riskAfter = state.limits().hasRiskLimits()
        ? risk.whatIf(quantitiesAfter, now, state.limits().maxStressLoss() != null)
        : RiskMeasures.unavailable("not computed: no risk limit to judge", now);
    events.addAll(limitEvents(state, state.limits(), valuation, executionBreaches, now, riskAfter));
    addAnomalyEvents(state, findings, now, events);
    for (PortfolioEvent event : events) {
      if (event instanceof ExecutionApplied) {
        Execution fill = ((ExecutionApplied) event).execution();
        orderFlow.recordFill(fill.strategy(), fill.orderId(), fill.quantity(), now);
      }
    }
    return persistAndReply.apply(events, replies);
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onOrder(PortfolioState state, RecordOrder cmd) {
    Reply invalid = OrderValidation.validate(cmd.order(), portfolioId, env.instruments());
    if (invalid != null) {
      return reject(cmd.replyTo(), invalid);
    }
    long now = now();
    if (orderFlow.confirmChecked(cmd.order())) {
      return Effect().reply(cmd.replyTo(), Reply.accepted()); // the order a pre-trade check counted already
    }
    if (!orderFlow.record(cmd.order(), now)) {
      return Effect().reply(cmd.replyTo(), Reply.duplicateOrder(cmd.order().action().name(),
          cmd.order().orderId()));
    }
    List<PortfolioEvent> anomalies = new ArrayList<>();
    if (state.isOpen()) {
      addAnomalyEvents(state, detectors.onOrder(cmd.order(), env.market().quote(cmd.order().symbol()), now,
          state.activeAnomalies()::containsKey), now,
          anomalies);
    }
    if (state.isOpen() && state.limits().orderLimits().hasRateLimits()) {
      // Cheap judgement of the rate limits alone; the full one only when an episode starts or ends.
      LimitJudge.Judgement rates = LimitJudge.judge(
          LimitChecker.orderFlowReadings(state.limits(), orderFlow.view(now), now),
          only(state.activeBreaches(), Portfolio::isOrderFlowKind), only(state.activeWarnings(),
              Portfolio::isOrderFlowKind), state.limits().policy());
      if (!rates.changesNothing()) {
        List<PortfolioEvent> events = new ArrayList<>(
            limitEvents(state, state.limits(), valuation(state), List.of(), now, risk.measures(now)));
        if (!events.isEmpty()) {
          events.addAll(withoutSecondHalt(events, anomalies));
          return persistAll(events).thenReply(cmd.replyTo(), newState -> Reply.accepted());
        }
      }
    }
    if (!anomalies.isEmpty()) {
      return persistAll(anomalies).thenReply(cmd.replyTo(), newState -> Reply.accepted());
    }
    return Effect().reply(cmd.replyTo(), Reply.accepted());
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onCheckOrder(PortfolioState state, CheckOrder cmd) {
    long now = now();
    Judged judged = judge(state, cmd.order(), now, true);
    if (!judged.findings().isEmpty()) {
      List<PortfolioEvent> events = new ArrayList<>();
      addAnomalyEvents(state, judged.findings(), now, events);
      if (!events.isEmpty()) {
        return persistAll(events).thenReply(cmd.replyTo(), newState -> judged.decision());
      }
    }
    return Effect().reply(cmd.replyTo(), judged.decision());
  }

  /**
   * An order judged on a caller's thread, holding the gate's lock ({@link PreTradeGate}): what {@link #onCheckOrder}
   * decides and records, with the detectors' findings sent to the entity to journal, and the anomaly models'
   * scoring of the seconds the order completed left to the entity too (it is not the caller's to pay for:
   * {@link PortfolioDetectors}; the entity is told once until it has scored them). {@code null} (ask the entity)
   * for a portfolio that is not open, whose refusal the entity words and follows with its passivation.
   */
  private PreTradeDecision judgeInPlace(OrderRequest order) {
    PortfolioState state = current;
    if (state == null || !state.isOpen()) {
      return null;
    }
    if (readSlot != null) {
      readSlot.changed(); // the order flow a snapshot shows may change
    }
    long now = now();
    Judged judged = judge(state, order, now, false);
    boolean askScoring = !modelScoringAsked && detectors.hasUnscoredSeconds();
    if (!judged.findings().isEmpty() || askScoring) {
      modelScoringAsked |= askScoring;
      self.tell(new RecordFindings(judged.findings(), now));
    }
    return judged.decision();
  }

  /** A pre-trade decision and what the detectors found in the order. */
  private record Judged(PreTradeDecision decision, List<DetectionSignal> findings) {}

  /**
   * Judges {@code order}, records an accepted one in the order flow and shows it (or its rejection) to the
   * detectors. Runs on the entity's thread or a caller's holding the gate's lock; journals nothing itself.
   *
   * @param scoreModels whether the anomaly models score the seconds the order completes now (on the entity's
   *     thread) or leave them to the entity (in place)
   */
  private Judged judge(PortfolioState state, OrderRequest order, long now, boolean scoreModels) {
    PreTradeDecision decision = preTrade.check(state, orderFlow, order, Math.max(observedPeakPnl,
        state.peakPnl()), now);
    List<DetectionSignal> findings = List.of();
    if (decision.accepted()) {
      OrderEvent sent = new OrderEvent(OrderAction.NEW, portfolioId, order.strategy(), order.clOrdId(), "",
          order.symbol(), order.side(), order.quantity(), order.price(), now);
      if (orderFlow.recordChecked(sent, now) && state.isOpen()) {
        findings = detectors.onOrder(sent, env.market().quote(order.symbol()), now,
            state.activeAnomalies()::containsKey, scoreModels);
      }
    } else {
      LOG.info("Portfolio {} pre-trade reject of {}: {}", portfolioId, order == null ? null : order.clOrdId(),
          decision.describe());
      if (state.isOpen() && order != null && order.symbol() != null) {
        findings = detectors.onRejectedOrder(order, decision.failures().stream().map(f -> f.check()).toList(),
            env.market().quote(order.symbol()), now, scoreModels);
      }
    }
    return new Judged(decision, findings);
  }

  /** Answers a what-if of position changes; persists nothing and changes nothing (see {@link WhatIfAnalyzer}). */
  private ReplyEffect<PortfolioEvent, PortfolioState> onWhatIf(PortfolioState state, WhatIf cmd) {
    WhatIfResult result = whatIf.analyze(state, orderFlow, cmd.quantityChanges(),
        Math.max(observedPeakPnl, state.peakPnl()), now());
    if (!result.computed()) {
      context.getLog().debug("Portfolio {} rejected a what-if: {}", portfolioId, result.rejection());
    }
    return Effect().reply(cmd.replyTo(), result);
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onEnableStrategy(PortfolioState state, EnableStrategy cmd) {
    Reply invalid = operatorProblem(cmd.by(), cmd.reason());
    if (invalid != null) {
      return reject(cmd.replyTo(), invalid);
    }
    if (cmd.strategy() == null || !state.disabledStrategies().containsKey(cmd.strategy())) {
      return reject(cmd.replyTo(), Reply.rejected(RejectReason.STRATEGY_NOT_DISABLED,
          "strategy '" + cmd.strategy() + "' is not disabled"));
    }
    return Effect()
        .persist(new StrategyEnabled(cmd.strategy(), cmd.by(), cmd.reason(), now()))
        .thenRun(newState -> streaks.reset(cmd.strategy()))
        .thenReply(cmd.replyTo(), newState -> Reply.accepted());
  }

  /**
   * The RTS 6 Art 15(3) throttle: an execution that makes its strategy's run in one direction of one instrument
   * exceed the limit within the window is a breach, and disables the strategy (once) until a person re-enables it.
   */
  private void throttle(PortfolioState state, Execution execution, long now, List<LimitBreach> executionBreaches,
      List<PortfolioEvent> events, Set<String> disabledInBatch) {
    OrderLimits orders = state.limits().orderLimits();
    Integer max = orders.maxRepeatedExecutions();
    if (max == null) {
      return;
    }
    int run = streaks.record(execution.strategy(), execution.symbol(), execution.side(), now,
        orders.repeatedWindowMillis(), max + 1);
    if (run <= max) {
      return;
    }
    String strategy = execution.strategy();
    String detail = run + " " + execution.side() + " executions of strategy '" + strategy + "' in "
        + execution.symbol() + " within " + orders.repeatedWindowMillis() + " ms";
    executionBreaches.add(new LimitBreach(LimitKind.REPEATED_EXECUTIONS + ":" + execution.executionId(),
        LimitKind.REPEATED_EXECUTIONS, execution.symbol(), run, max, now, detail));
    if (!state.disabledStrategies().containsKey(strategy) && disabledInBatch.add(strategy)) {
      events.add(new StrategyDisabled(strategy, "repeated-execution throttle: " + detail, now));
    }
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onSetLimits(PortfolioState state, SetLimits cmd) {
    List<String> problems = new ArrayList<>();
    requireText(problems, "by", cmd.by());
    requireText(problems, "reason", cmd.reason());
    if (!problems.isEmpty()) {
      return reject(cmd.replyTo(), Reply.rejected(RejectReason.INVALID_FIELD, String.join("; ", problems)));
    }
    Reply badLimits = limitsProblem(cmd.limits());
    if (badLimits != null) {
      return reject(cmd.replyTo(), badLimits);
    }
    long now = now();
    List<PortfolioEvent> events = new ArrayList<>();
    events.add(new LimitsSet(cmd.limits(), cmd.by(), cmd.reason(), now));
    events.addAll(limitEvents(state, cmd.limits(), valuation(state), List.of(), now, risk.measures(now)));
    return persistAll(events).thenReply(cmd.replyTo(), newState -> Reply.accepted());
  }

  /**
   * Starts the detectors' checkpoints (an open portfolio with detection on) and the timer that saves them: asks the
   * node's {@link CheckpointRestores} for a turn to start the checkpoint store, which restores the models and the
   * rules' state once it has recovered. The portfolio serves meanwhile.
   */
  private void startCheckpoints(PortfolioState state) {
    long every = env.detection().settings().model().checkpointMillis();
    if (!detectors.enabled() || every <= 0 || !state.isOpen() || timers.isTimerActive(CheckpointDetectors.INSTANCE)) {
      return;
    }
    // The first after this portfolio's phase, not after a full period: portfolios started together (a node start, a
    // failover) would otherwise save together every period, holding the journal for all of them (PortfolioPhase).
    timers.startTimerWithFixedDelay(CheckpointDetectors.INSTANCE, CheckpointDetectors.INSTANCE,
        Duration.ofMillis(1 + PortfolioPhase.of(portfolioId, every)), Duration.ofMillis(every));
    requestCheckpointTurn();
  }

  private void requestCheckpointTurn() {
    if (checkpoints == null && checkpointTurn == null) {
      ActorRef<PortfolioCommand> self = context.getSelf();
      checkpointTurn = env.detection().checkpointRestores().request(() -> self.tell(CheckpointTurn.INSTANCE));
    }
  }

  private void startCheckpointStore() {
    if (checkpoints != null || checkpointTurn == null) {
      return; // a turn given to a ticket closed meanwhile
    }
    checkpoints = context.spawn(DetectorCheckpoints.create(portfolioId,
        context.messageAdapter(DetectorCheckpoints.Restored.class, restored -> new DetectorsRestored(
            restored.state()))), "detector-checkpoints");
    context.watchWith(checkpoints, CheckpointStoreStopped.INSTANCE);
  }

  /**
   * The checkpoint store stopped: its recovery timed out or failed (a busy or unreachable journal), or a save
   * failed. Started again after a backoff (1 s doubling to the checkpoint interval), through the node's turns.
   */
  private void onCheckpointStoreStopped() {
    checkpoints = null;
    closeCheckpointTurn();
    long every = env.detection().settings().model().checkpointMillis();
    long backoffMillis = Math.min(Math.max(every, 1_000), 1_000L << Math.min(checkpointStoreFailures, 16));
    checkpointStoreFailures++;
    context.getLog().warn("Portfolio {}: detector checkpoint store stopped ({}), starting it again in {} ms",
        portfolioId, modelsRestored ? "models restored earlier" : "models not restored yet", backoffMillis);
    timers.startSingleTimer(RetryCheckpoints.INSTANCE, Duration.ofMillis(backoffMillis));
  }

  private void closeCheckpointTurn() {
    if (checkpointTurn != null) {
      checkpointTurn.close();
      checkpointTurn = null;
    }
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onSetRules(PortfolioState state, SetRules cmd) {
    Reply invalid = operatorProblem(cmd.by(), cmd.reason());
    if (invalid != null) {
      return reject(cmd.replyTo(), invalid);
    }
    String text = cmd.rules() == null ? "" : cmd.rules();
    try {
      RuleParser.parse(text);
    } catch (RuleSyntaxException e) {
      return reject(cmd.replyTo(), Reply.rejected(RejectReason.INVALID_FIELD, "rules: " + e.getMessage()));
    }
    return Effect()
        .persist(new RulesSet(text, cmd.by(), cmd.reason(), now()))
        .thenRun(newState -> detectors.useRules(newState.rules()))
        .thenReply(cmd.replyTo(), newState -> Reply.accepted());
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onHalt(PortfolioState state, Halt cmd) {
    Reply invalid = operatorProblem(cmd.by(), cmd.reason());
    if (invalid != null) {
      return reject(cmd.replyTo(), invalid);
    }
    return persistAll(List.of(new Halted(cmd.by(), cmd.reason(), now(), PENDING_HALT_ID)))
        .thenReply(cmd.replyTo(), newState -> Reply.accepted());
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onResume(PortfolioState state, Resume cmd) {
    Reply invalid = operatorProblem(cmd.by(), cmd.reason());
    if (invalid != null) {
      return reject(cmd.replyTo(), invalid);
    }
    List<LimitBreach> halting = state.activeBreaches().values().stream()
        .filter(breach -> state.limits().actionFor(breach.kind()) == LimitAction.HALT).toList();
    List<String> haltingAnomalies = state.activeAnomalies().values().stream()
        .filter(anomaly -> anomaly.action() == LimitAction.HALT).map(anomaly -> anomaly.signal().describe()).toList();
    if (!haltingAnomalies.isEmpty()) {
      return reject(cmd.replyTo(), Reply.rejected(RejectReason.STILL_BREACHED,
          "anomalies that halt are still open (they end after " + env.detection().settings().quietMillis()
              + " ms without a new finding): " + String.join("; ", haltingAnomalies)));
    }
    if (!halting.isEmpty()) {
      return reject(cmd.replyTo(), Reply.rejected(RejectReason.STILL_BREACHED,
          "limits that halt are still breached, raise them or reduce the position first: " + halting.stream()
              .map(LimitBreach::describe).collect(Collectors.joining("; "))));
    }
    return Effect()
        .persist(new Resumed(cmd.by(), cmd.reason(), now()))
        .thenReply(cmd.replyTo(), newState -> Reply.accepted());
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onMarkToMarket(PortfolioState state) {
    if (!state.isOpen()) {
      if (shard != null) {
        shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
      }
      return Effect().noReply();
    }
    long now = now();
    long today = env.settings().tradingDay(now);
    long marketVersion = env.market().version(); // read before the prices are: a quote in between re-judges
    risk.refresh(); // so that the risk version is this market's (a held instrument's move bumps it)
    MarkInputs inputs = new MarkInputs(lastSequenceNumber(context), marketVersion, risk.version(), today);
    List<PortfolioEvent> events = new ArrayList<>();
    // A clock set back could put new order flow before the window the last quiet mark saw empty: judge again.
    if (!inputs.equals(lastQuietMark) || now < lastQuietMarkAtMillis || !orderFlowQuiet(state)) {
      Valuation valuation = valuation(state);
      valuedFigures = DeskFigures.of(state, valuation, today);
      events.addAll(limitEvents(state, state.limits(), valuation, List.of(), now, risk.measures(now)));
      // A judgement of the same state, prices, risk vector and day with a silent order flow finds the same (most
      // marks of a still market); a blind valuation is judged again (its grace period runs out with time).
      lastQuietMark = events.isEmpty() && !isBlind(valuation) ? inputs : null;
      lastQuietMarkAtMillis = now;
    }
    if (detectors.enabled()) {
      addAnomalyEvents(state, detectors.onTick(state.heldSymbols(), now), now, events);
      modelScoringAsked = false; // the tick scored whatever waited; an order in place may ask again
      for (String key : detectors.quietEpisodes(state.activeAnomalies().keySet(), now)) {
        events.add(new AnomalyCleared(key, "not found again for " + env.detection().settings().quietMillis()
            + " ms", now));
      }
    }
    if (events.isEmpty()) {
      return Effect().noReply();
    }
    return persistAll(events).thenNoReply();
  }

  /**
   * Appends to {@code events} an {@link AnomalyDetected} for each finding whose episode is neither open nor already
   * in {@code events}, with the detection policy's action, and a halt when one of them halts an active portfolio
   * that {@code events} does not already halt.
   */
  private void addAnomalyEvents(PortfolioState state, List<DetectionSignal> findings, long now,
      List<PortfolioEvent> events) {
    if (findings.isEmpty()) {
      return;
    }
    Set<String> inBatch = new HashSet<>();
    boolean halting = false;
    for (PortfolioEvent event : events) {
      if (event instanceof AnomalyDetected) {
        inBatch.add(((AnomalyDetected) event).signal().key());
      }
      halting |= event instanceof Halted;
    }
    List<String> halts = new ArrayList<>();
    for (DetectionSignal finding : findings) {
      if (state.activeAnomalies().containsKey(finding.key()) || !inBatch.add(finding.key())) {
        continue;
      }
      LimitAction action = env.detection().settings().policy().actionFor(finding.detector());
      events.add(new AnomalyDetected(finding, action, now));
      context.getLog().info("Portfolio {} anomaly ({}): {}", portfolioId, action, finding.describe());
      if (action == LimitAction.HALT) {
        halts.add(finding.describe());
      }
    }
    if (!halts.isEmpty() && !halting && state.status() == PortfolioStatus.ACTIVE) {
      events.add(new Halted(DETECTOR, "anomaly: " + String.join("; ", halts), now, PENDING_HALT_ID));
    }
  }

  /** {@code extra} without a halt when {@code events} already halts (one halt per write). */
  private static List<PortfolioEvent> withoutSecondHalt(List<PortfolioEvent> events, List<PortfolioEvent> extra) {
    boolean halting = events.stream().anyMatch(e -> e instanceof Halted);
    return halting ? extra.stream().filter(e -> !(e instanceof Halted)).toList() : extra;
  }

  /**
   * Refreshes the live risk (nothing to do when no price moved), reports the vector to the desk when it changed
   * or a refresh is due, and runs the full limit judgement only when the set of breached risk limits differs
   * from the journal's: a risk breach is then persisted within {@code risk-staleness} of the move causing it.
   */
  private ReplyEffect<PortfolioEvent, PortfolioState> onRefreshRisk(PortfolioState state) {
    if (!state.isOpen()) {
      return Effect().noReply();
    }
    long now = now();
    RiskMeasures measures = risk.measures(now);
    reportRisk(state, measures, now);
    Map<String, LimitBreach> riskBreaches = only(state.activeBreaches(), Portfolio::isRiskKind);
    Map<String, LimitBreach> riskWarnings = only(state.activeWarnings(), Portfolio::isRiskKind);
    LimitJudge.Judgement riskJudgement = LimitJudge.judge(
        LimitChecker.riskJudged(state.limits(), measures, now, riskBreaches, riskWarnings), riskBreaches,
        riskWarnings, state.limits().policy());
    if (riskJudgement.changesNothing()) {
      return Effect().noReply();
    }
    List<PortfolioEvent> events = limitEvents(state, state.limits(), valuation(state), List.of(), now, measures);
    if (events.isEmpty()) {
      return Effect().noReply();
    }
    return persistAll(events).thenNoReply();
  }

  private static boolean isRiskKind(LimitKind kind) {
    return kind == LimitKind.VAR || kind == LimitKind.EXPECTED_SHORTFALL || kind == LimitKind.STRESS_LOSS
        || kind == LimitKind.LIQUIDITY;
  }

  private static boolean isOrderFlowKind(LimitKind kind) {
    return kind == LimitKind.ORDER_RATE_BURST || kind == LimitKind.ORDER_RATE || kind == LimitKind.MESSAGE_RATE_BURST
        || kind == LimitKind.MESSAGE_RATE || kind == LimitKind.ORDER_TO_TRADE;
  }

  private static Map<String, LimitBreach> only(Map<String, LimitBreach> episodes, Predicate<LimitKind> kinds) {
    if (episodes.isEmpty()) {
      return Map.of();
    }
    Map<String, LimitBreach> selected = new TreeMap<>();
    episodes.forEach((key, episode) -> {
      if (kinds.test(episode.kind())) {
        selected.put(key, episode);
      }
    });
    return selected;
  }

  /**
   * Persists events, giving each automatic or manual halt among them its id (from the sequence number it will
   * be stored under, so replays agree), then hands a new halt to the OMS gateway.
   */
  private EffectBuilder<PortfolioEvent, PortfolioState> persistAll(List<PortfolioEvent> events) {
    List<PortfolioEvent> withIds = new ArrayList<>(events.size());
    long next = lastSequenceNumber(context) + 1;
    String rebalanceId = null;
    for (PortfolioEvent event : events) {
      if (event instanceof Halted && PENDING_HALT_ID.equals(((Halted) event).haltId())) {
        Halted halted = (Halted) event;
        event = new Halted(halted.by(), halted.reason(), halted.atMillis(), "halt-" + portfolioId + "-" + next);
      } else if (event instanceof RebalanceProposed && PENDING_ID.equals(((RebalanceProposed) event).rebalanceId())) {
        RebalanceProposed proposed = (RebalanceProposed) event;
        rebalanceId = "rebalance-" + portfolioId + "-" + next;
        event = new RebalanceProposed(rebalanceId, proposed.plan(), proposed.reason(), proposed.atMillis());
      } else if (event instanceof RebalanceApproved && PENDING_ID.equals(((RebalanceApproved) event).rebalanceId())
          && rebalanceId != null) {
        RebalanceApproved approved = (RebalanceApproved) event;
        event = new RebalanceApproved(rebalanceId, approved.by(), approved.reason(), approved.atMillis());
      }
      withIds.add(event);
      next++;
    }
    lastInWrite = next - 1;
    return Effect().persist(withIds).thenRun(newState -> {
      dispatchHalt(newState);
      dispatchRebalance(newState);
    });
  }

  /** Hands the undispatched halt, if any, to the OMS gateway, unless a hand-off is already in flight. */
  private void dispatchHalt(PortfolioState state) {
    ActiveHalt halt = state.undispatchedHalt();
    if (halt == null || halt.haltId().equals(dispatchInFlight) || env.haltDispatcher() == HaltDispatcher.NONE) {
      return; // without a gateway the halt stays undispatched: a node started with one hands it over
    }
    dispatchInFlight = halt.haltId();
    handOver(() -> env.haltDispatcher().dispatch(halt), halt.haltId(), HaltDispatchOutcome::new);
  }

  /**
   * Calls a receiver (the OMS gateway) and tells this entity how it ended, within {@link #HAND_OFF_TIMEOUT}: the
   * outcome command gets the id and "" on success, else the failure. A receiver that throws counts as failed.
   */
  private void handOver(Supplier<CompletionStage<Void>> call, String id,
      BiFunction<String, String, PortfolioCommand> outcome) {
    context.pipeToSelf(Completions.bounded(call, HAND_OFF_TIMEOUT), (ok, failure) -> outcome.apply(id, failure == null ? "" : String.valueOf(failure)));
  }

  /** Delay before retrying a hand-off after {@code failures} failures in a row: 200 ms doubling to 10 s. */
  private static Duration handOffBackoff(int failures) {
    return Duration.ofMillis(Math.min(HAND_OFF_MAX_BACKOFF.toMillis(),
        HAND_OFF_MIN_BACKOFF.toMillis() << Math.min(failures - 1, 16)));
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onDispatchOutcome(PortfolioState state,
      HaltDispatchOutcome outcome) {
    if (outcome.haltId().equals(dispatchInFlight)) {
      dispatchInFlight = null;
    }
    ActiveHalt halt = state.undispatchedHalt();
    if (halt == null || !halt.haltId().equals(outcome.haltId())) {
      return Effect().noReply();
    }
    if (outcome.failure().isEmpty()) {
      dispatchFailures = 0;
      context.getLog().info("Portfolio {} handed halt {} to the OMS gateway", portfolioId, halt.haltId());
      return Effect().persist(new HaltDispatched(halt.haltId(), now())).thenNoReply();
    }
    dispatchFailures++;
    Duration delay = handOffBackoff(dispatchFailures);
    context.getLog().warn("Portfolio {} could not hand halt {} to the OMS gateway (attempt {}), retrying in {} ms: {}",
        portfolioId, halt.haltId(), dispatchFailures, delay.toMillis(), outcome.failure());
    timers.startSingleTimer(RetryHaltDispatch.class, new RetryHaltDispatch(halt.haltId()), delay);
    return Effect().noReply();
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onApproveRebalance(PortfolioState state,
      ApproveRebalance cmd) {
    Reply invalid = operatorProblem(cmd.by(), cmd.reason());
    if (invalid != null) {
      return reject(cmd.replyTo(), invalid);
    }
    Reply unknown = unknownRebalance(state, cmd.rebalanceId());
    if (unknown != null) {
      return reject(cmd.replyTo(), unknown);
    }
    return persistAll(List.of(new RebalanceApproved(cmd.rebalanceId(), cmd.by(), cmd.reason(), now())))
        .thenReply(cmd.replyTo(), newState -> Reply.accepted());
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onRejectRebalance(PortfolioState state, RejectRebalance cmd) {
    Reply invalid = operatorProblem(cmd.by(), cmd.reason());
    if (invalid != null) {
      return reject(cmd.replyTo(), invalid);
    }
    Reply unknown = unknownRebalance(state, cmd.rebalanceId());
    if (unknown != null) {
      return reject(cmd.replyTo(), unknown);
    }
    return Effect().persist(new RebalanceRejected(cmd.rebalanceId(), cmd.by(), cmd.reason(), now()))
        .thenReply(cmd.replyTo(), newState -> Reply.accepted());
  }

  private static Reply unknownRebalance(PortfolioState state, String rebalanceId) {
    RebalanceProposed pending = state.pendingRebalance();
    if (pending == null || !pending.rebalanceId().equals(rebalanceId)) {
      return Reply.rejected(RejectReason.UNKNOWN_REBALANCE, "no pending rebalance '" + rebalanceId + "'"
          + (pending == null ? "" : "; the pending one is " + pending.rebalanceId()));
    }
    return null;
  }

  /** Hands the approved, undispatched rebalance to the OMS gateway, unless a hand-off is in flight. */
  private void dispatchRebalance(PortfolioState state) {
    RebalanceInstruction instruction = state.undispatchedRebalance();
    if (instruction == null || instruction.rebalanceId().equals(rebalanceInFlight)
        || env.rebalanceDispatcher() == RebalanceDispatcher.NONE) {
      return;
    }
    rebalanceInFlight = instruction.rebalanceId();
    handOver(() -> env.rebalanceDispatcher().dispatch(instruction), instruction.rebalanceId(),
        RebalanceDispatchOutcome::new);
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onRebalanceOutcome(PortfolioState state,
      RebalanceDispatchOutcome outcome) {
    if (outcome.rebalanceId().equals(rebalanceInFlight)) {
      rebalanceInFlight = null;
    }
    RebalanceInstruction instruction = state.undispatchedRebalance();
    if (instruction == null || !instruction.rebalanceId().equals(outcome.rebalanceId())) {
      return Effect().noReply();
    }
    if (outcome.failure().isEmpty()) {
      rebalanceFailures = 0;
      context.getLog().info("Portfolio {} handed rebalance {} ({} orders) to the OMS gateway", portfolioId,
          instruction.rebalanceId(), instruction.orders().size());
      return Effect().persist(new RebalanceDispatched(instruction.rebalanceId(), now())).thenNoReply();
    }
    rebalanceFailures++;
    Duration delay = handOffBackoff(rebalanceFailures);
    context.getLog().warn("Portfolio {} could not hand rebalance {} to the OMS gateway (attempt {}), retrying in {} ms:"
        + " {}", portfolioId, instruction.rebalanceId(), rebalanceFailures, delay.toMillis(), outcome.failure());
    timers.startSingleTimer(RetryRebalanceDispatch.class, new RetryRebalanceDispatch(instruction.rebalanceId()),
        delay);
    return Effect().noReply();
  }

  /**
   * The orders that bring the portfolio back within its exposure and concentration limits (less the hysteresis,
   * so the episode ends), as a proposal (and its approval when the node sends at once), when one of those limits
   * starts a breach episode and no rebalance is pending. Nothing when a position cannot be valued: a plan on a
   * NaN price would be a guess.
   */
  private List<PortfolioEvent> rebalanceEvents(PortfolioState state, Limits limits, Valuation valuation,
      List<LimitBreach> fresh, long now) {
    RebalanceMode mode = env.settings().rebalance();
    List<LimitBreach> exposure = fresh.stream().filter(b -> REBALANCED_KINDS.contains(b.kind())).toList();
    if (mode == RebalanceMode.OFF || exposure.isEmpty() || state.pendingRebalance() != null
        || state.undispatchedRebalance() != null) {
      return List.of();
    }
    List<RebalancePosition> positions = new ArrayList<>();
    for (PositionValuation position : valuation.positions()) {
      if (position.quantity() == 0) {
        continue;
      }
      double unitValue = position.markPrice() * position.fxRate();
      if (!(unitValue > 0 && unitValue < Double.POSITIVE_INFINITY)) {
        context.getLog().warn("Portfolio {}: no rebalance proposed, {} cannot be valued", portfolioId,
            position.symbol());
        return List.of();
      }
      Instrument instrument = env.instruments().find(position.symbol()).orElseThrow();
      positions.add(new RebalancePosition(position.symbol(), position.quantity(), unitValue, instrument.lotSize(),
          env.liquidity().participationRate() * instrument.averageDailyVolume()));
    }
    double keep = 1 - limits.policy().hysteresisShare();
    RebalanceTargets targets = new RebalanceTargets(scaled(limits.maxGrossExposure(), keep),
        scaled(limits.maxNetExposure(), keep), scaled(limits.maxPositionNotional(), keep),
        scaled(limits.maxConcentrationPct(), keep), limits.concentrationMinGross());
    RebalancePlan plan;
    try {
      plan = Rebalancer.plan(positions, targets);
    } catch (IllegalArgumentException e) {
      context.getLog().warn("Portfolio {}: no rebalance proposed: {}", portfolioId, e.getMessage());
      return List.of();
    }
    if (plan.orders().isEmpty()) {
      if (!plan.complete()) {
        context.getLog().warn("Portfolio {}: no rebalance can be proposed: {}", portfolioId, plan.residual());
      }
      return List.of();
    }
    String reason = exposure.stream().map(LimitBreach::describe).collect(Collectors.joining("; "));
    List<PortfolioEvent> events = new ArrayList<>();
    events.add(new RebalanceProposed(PENDING_ID, plan, reason, now));
    if (mode == RebalanceMode.SEND) {
      events.add(new RebalanceApproved(PENDING_ID, AUTO_REBALANCE, "sent without approval (rebalance = send)", now));
    }
    context.getLog().warn("Portfolio {} {} rebalance of {} order(s), {} traded{}: {}", portfolioId,
        mode == RebalanceMode.SEND ? "sends a" : "proposes a", plan.orders().size(),
        String.format("%,.0f", plan.tradedNotional()), plan.complete() ? "" : " (incomplete: " + plan.residual()
            + ")", reason);
    return events;
  }

  private static Double scaled(Double limit, double factor) {
    return limit == null ? null : limit * factor;
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> onRetryDispatch(PortfolioState state, RetryHaltDispatch cmd) {
    dispatchHalt(state);
    return Effect().noReply();
  }

  /**
   * Sends the scenario P&L vector, the exposures and the intraday P&L to the desk's aggregate if any of them
   * changed since the last report or a refresh is due. A changed vector (a fill, a move of a held instrument) is
   * reported with a fresh valuation; otherwise the figures are those of the latest mark (at most
   * {@code mark-interval} old), which also catches moves the vector does not see (FX, instruments without
   * scenarios, a new trading day), so no valuation is added to the risk tick.
   */
  private void reportRisk(PortfolioState state, RiskMeasures measures, long now) {
    boolean due = lastRiskReportMillis == Long.MIN_VALUE
        || now - lastRiskReportMillis >= env.settings().riskReportRefresh().toMillis();
    boolean vectorChanged = risk.version() != reportedRiskVersion;
    if (!vectorChanged && !due && valuedFigures.equals(reportedFigures)) {
      return;
    }
    if (vectorChanged || due) {
      valuedFigures = DeskFigures.of(state, valuation(state), env.settings().tradingDay(now));
    }
    env.riskReporter().report(new RiskVectorReport(portfolioId, state.desk(), measures.scenarioSetId(),
        risk.pnlVector(), measures.varProblems(), 1, measures.valueAtRisk99(), now, valuedFigures.grossExposure(),
        valuedFigures.netExposure(), valuedFigures.intradayPnl()));
    reportedRiskVersion = risk.version();
    reportedFigures = valuedFigures;
    lastRiskReportMillis = now;
  }

  /**
   * What a portfolio reports to its desk besides its vector, reporting currency, NaN when unknown (a position
   * without a price or FX rate). Compared with {@code equals}, under which NaN equals NaN (record semantics).
   *
   * @param intradayPnl total P&amp;L − the start-of-day P&amp;L; 0 on a trading day the journal has not rolled to
   *     yet (the next mark rolls it to the current total, as {@link #limitEvents} measures it)
   */
  private record DeskFigures(double grossExposure, double netExposure, double intradayPnl) {

    static final DeskFigures UNKNOWN = new DeskFigures(Double.NaN, Double.NaN, Double.NaN);

    static DeskFigures of(PortfolioState state, Valuation valuation, long tradingDay) {
      double total = valuation.totalPnl();
      double startOfDay = state.tradingDay() == tradingDay ? state.startOfDayPnl() : total;
      return new DeskFigures(valuation.grossExposure(), valuation.netExposure(), total - startOfDay);
    }
  }

  /** After a persisted execution: the live vector takes the new positions, O(scenarios) per changed one. */
  private void syncRisk(PortfolioState newState) {
    risk.sync(newState.positions());
  }

  /**
   * The events that bring the journal in line with what the valuation shows: a raised peak, new breaches,
   * cleared breaches and, when the limits say so, an automatic halt.
   *
   * @param executionBreaches per-execution breaches already found (each is always new)
   * @param riskMeasures the live risk figures to judge the VaR, ES, stress and liquidity limits on
   */
  private List<PortfolioEvent> limitEvents(
      PortfolioState state, Limits limits, Valuation valuation, List<LimitBreach> executionBreaches,
      long now, RiskMeasures riskMeasures) {
    List<PortfolioEvent> events = new ArrayList<>();
    int unpriced = unpricedPositions(valuation);
    if (isBlind(valuation) && now - startedAtMillis < env.settings().marketDataGrace().toMillis()) {
      // Just started (e.g. after a restart) and the feed has not priced every position yet: judging now
      // would halt on missing data. Wait for the grace period; after it, missing data is itself a breach.
      return events;
    }
    double total = valuation.totalPnl();
    double startOfDay = state.startOfDayPnl();
    double persistedPeak = state.peakPnl();
    long today = env.settings().tradingDay(now);
    if (state.tradingDay() != today && Double.isFinite(total)) {
      // A new trading day: intraday loss and drawdown start again from here.
      events.add(new DayRolled(today, total, now));
      startOfDay = total;
      persistedPeak = 0;
      observedPeakPnl = 0;
    }
    double pnl = total - startOfDay;
    observedPeakPnl = Math.max(observedPeakPnl, persistedPeak);
    if (Double.isFinite(pnl)) { // a NaN P&L (no price or FX rate) must not poison the peak for good
      observedPeakPnl = Math.max(observedPeakPnl, pnl);
    }
    if (pnl - persistedPeak >= env.settings().peakPersistStep()) {
      events.add(new PeakPnlRaised(pnl, now));
    }
    // The order-flow view costs O(60 s x kinds): only read it when a rate limit needs it (not on every fill).
    OrderFlowView flow = limits.orderLimits().hasRateLimits() ? orderFlow.view(now) : OrderFlowView.EMPTY;
    Map<String, LimitBreach> readings = LimitChecker.judged(limits, valuation, pnl, observedPeakPnl, riskMeasures,
        flow, now, state.activeBreaches(), state.activeWarnings());
    if (unpriced > 0) {
      readings.put(LimitKind.MARKET_DATA.name(),
          new LimitBreach(LimitKind.MARKET_DATA.name(), LimitKind.MARKET_DATA, "", unpriced, 0, now));
    }
    LimitJudge.Judgement judgement =
        LimitJudge.judge(readings, state.activeBreaches(), state.activeWarnings(), limits.policy());
    List<LimitBreach> fresh = new ArrayList<>(executionBreaches);
    fresh.addAll(judgement.newBreaches());
    for (String key : judgement.clearedBreaches()) {
      events.add(new LimitCleared(key, now));
    }
    for (String key : judgement.clearedWarnings()) {
      events.add(new WarningCleared(key, now));
    }
    for (LimitBreach warning : judgement.newWarnings()) {
      events.add(new LimitWarned(warning));
      context.getLog().info("Portfolio {} passed the warning level of {}", portfolioId, warning.describe());
    }
    for (LimitBreach breach : fresh) {
      events.add(new LimitBreached(breach));
      context.getLog().warn("Portfolio {} breached {}", portfolioId, breach.describe());
    }
    events.addAll(rebalanceEvents(state, limits, valuation, fresh, now));
    // Any breach whose action halts halts an active portfolio: a new one, or one still open after the limits
    // were changed to halt (a resume is refused while such breaches are open).
    List<LimitBreach> halting = fresh.stream().filter(b -> limits.actionFor(b.kind()) == LimitAction.HALT).toList();
    if (halting.isEmpty()) {
      halting = judgement.breachedNow().values().stream()
          .filter(b -> limits.actionFor(b.kind()) == LimitAction.HALT).toList();
    }
    if (!halting.isEmpty() && state.status() == PortfolioStatus.ACTIVE) {
      String reason = "limit breached: "
          + halting.stream().map(LimitBreach::describe).collect(Collectors.joining("; "));
      events.add(new Halted(LIMIT_MONITOR, reason, now, PENDING_HALT_ID));
    }
    return events;
  }

  /**
   * What a mark's limit judgement depends on besides the clock: the journaled state (its sequence number), the
   * market's prices ({@link io.riskpulse.model.market.MarketView#version()}), the live risk vector
   * ({@link LiveRisk#version()}) and the trading day.
   */
  private record MarkInputs(long sequenceNr, long marketVersion, long riskVersion, long tradingDay) {}

  /**
   * Whether the order-flow readings are the same now as at the last quiet mark: no rate limit is set, or no order
   * message or fill was recorded within the longest rate window before that mark (so every rate read zero then,
   * and nothing recorded since).
   */
  private boolean orderFlowQuiet(PortfolioState state) {
    return !state.limits().orderLimits().hasRateLimits()
        || orderFlow.silentFrom(lastQuietMarkAtMillis);
  }

  /** Valued without a price or an FX rate for some position, or with a NaN total (see {@link #limitEvents}). */
  private static boolean isBlind(Valuation valuation) {
    return unpricedPositions(valuation) > 0 || !Double.isFinite(valuation.totalPnl())
        || !Double.isFinite(valuation.grossExposure());
  }

  /** Open positions without a market price or without an FX rate into the reporting currency. */
  private static int unpricedPositions(Valuation valuation) {
    int count = 0;
    for (PositionValuation position : valuation.positions()) {
      if (position.quantity() != 0 && (!position.marked() || Double.isNaN(position.fxRate()))) {
        count++;
      }
    }
    return count;
  }

  private Valuation valuation(PortfolioState state) {
    return PortfolioValuer.value(state.positions(), state.cashByCurrency(), prices);
  }

  /**
   * The state marked to the latest prices. Called from command handlers only, where {@code lastSequenceNumber} is
   * that of the last event applied to {@code state} (the snapshot's version).
   */
  private PortfolioSnapshot snapshot(PortfolioState state) {
    Valuation valuation = valuation(state);
    double pnl = valuation.totalPnl() - state.startOfDayPnl();
    double peak = Math.max(observedPeakPnl, state.peakPnl());
    peak = Double.isFinite(pnl) ? Math.max(peak, pnl) : peak;
    return new PortfolioSnapshot(portfolioId, state.status(), state.desk(), state.trader(),
        state.haltedBy(), state.haltReason(), state.haltedAtMillis(), prices.reportingCurrency(), valuation,
        Map.copyOf(state.cashByCurrency()),
        state.tradingDay() == Long.MIN_VALUE ? "" : java.time.LocalDate.ofEpochDay(state.tradingDay()).toString(),
        pnl, peak, peak - pnl, state.limits(), List.copyOf(state.activeBreaches().values()),
        state.breachCount(), state.executionCount(), orderFlow.view(now()), orderFlow.viewByStrategy(now()),
        now(), risk.measures(now()), List.copyOf(state.activeWarnings().values()),
        Map.copyOf(state.disabledStrategies()), reduceOnly(state), orderFlow.openOrders(), state.pendingRebalance(),
        lastSequenceNumber(context));
  }

  private static boolean reduceOnly(PortfolioState state) {
    for (LimitBreach breach : state.activeBreaches().values()) {
      if (state.limits().actionFor(breach.kind()) == LimitAction.REDUCE_ONLY) {
        return true;
      }
    }
    return state.activeAnomalies().values().stream().anyMatch(a -> a.action() == LimitAction.REDUCE_ONLY);
  }

  /** The node's prices, except that fills price their own instruments until the feed has quoted them. */
  private final class FillsAsPrices implements PriceSource {
    private final Map<String, Double> fillPrices;

    FillsAsPrices(Map<String, Double> fillPrices) {
      this.fillPrices = fillPrices;
    }

    @Override
    public double markPrice(String symbol) {
      double mark = prices.markPrice(symbol);
      return Double.isNaN(mark) ? fillPrices.getOrDefault(symbol, Double.NaN) : mark;
    }

    @Override
    public double fxToReporting(String symbol) {
      return prices.fxToReporting(symbol);
    }

    @Override
    public double currencyToReporting(String currency) {
      return prices.currencyToReporting(currency);
    }
  }

  private ReplyEffect<PortfolioEvent, PortfolioState> reject(ActorRef<Reply> replyTo, Reply reply) {
    logRejection(reply);
    return Effect().reply(replyTo, reply);
  }

  private void logRejection(Reply reply) {
    context.getLog().warn("Portfolio {} rejected a command: {} {}", portfolioId, reply.reason(), reply.detail());
  }

  private Reply unknownPortfolio() {
    return Reply.rejected(RejectReason.UNKNOWN_PORTFOLIO, "portfolio '" + portfolioId + "' is not open");
  }

  private static Reply limitsProblem(Limits limits) {
    if (limits == null) {
      return Reply.rejected(RejectReason.INVALID_LIMITS, "limits are missing");
    }
    List<String> problems = limits.problems();
    return problems.isEmpty() ? null : Reply.rejected(RejectReason.INVALID_LIMITS, String.join("; ", problems));
  }

  private static Reply operatorProblem(String by, String reason) {
    List<String> problems = new ArrayList<>();
    requireText(problems, "by", by);
    requireText(problems, "reason", reason);
    return problems.isEmpty() ? null
        : Reply.rejected(RejectReason.INVALID_FIELD, String.join("; ", problems));
  }

  private static void requireText(List<String> problems, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(field + " is required");
    }
  }

  private long now() {
    return env.clock().millis();
  }

  @Override
  public EventHandler<PortfolioState, PortfolioEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((state, event) -> {
      PortfolioState next = state.apply(event);
      current = next;
      return next;
    });
  }

  @Override
  public SignalHandler<PortfolioState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          env.recentSnapshots().forget(portfolioId); // whatever an earlier incarnation answered
          readSlot = null;
          lastInWrite = 0; // a restart after a failed write keeps this object, not that write
          chain.recoveryCompleted(lastSequenceNumber(context));
          detectors.useRules(state.rules());
          startCheckpoints(state);
          observedPeakPnl = state.peakPnl();
          lastQuietMark = null; // a restart after a failed write keeps this object
          modelScoringAsked = false; // and the message it asked for may have been dropped with the stash
          risk.sync(state.positions());
          valuedFigures = DeskFigures.of(state, valuation(state), env.settings().tradingDay(now()));
          dispatchHalt(state); // a halt persisted before a crash and never handed over goes out now
          dispatchRebalance(state);
          current = state;
          if (env.pretrade().inPlace()) {
            gate.open(this::judgeInPlace);
            env.preTradeGates().register(portfolioId, gate);
          }
          env.recoveries().recovered(portfolioId, state.isOpen(), System.nanoTime() - startedAtNanos);
          context.getLog().debug("Portfolio {} recovered: {} executions, status {}",
              portfolioId, state.executionCount(), state.status());
        })
        .onSignal(PostStop.instance(), state -> {
          gate.close();
          env.preTradeGates().unregister(portfolioId, gate);
          closeCheckpointTurn(); // the next portfolio's turn comes
          if (readSlot != null) {
            env.recentSnapshots().forget(portfolioId, readSlot);
          }
        })
        .build();
  }

  /**
   * Tags the events an alert is raised from ({@link #ALERT_TAG}), so that the alert projection can follow them
   * across every portfolio with Persistence Query's {@code eventsByTag}; fills and peaks are not tagged (no cost
   * on the fill path).
   */
  @Override
  public Set<String> tagsFor(PortfolioEvent event) {
    return alertRelevant(event) ? ALERT_TAGS : Set.of();
  }

  /** Whether an alert is raised from (or updated by) this kind of event. */
  public static boolean alertRelevant(PortfolioEvent event) {
    return event instanceof LimitBreached || event instanceof LimitCleared || event instanceof LimitWarned
        || event instanceof WarningCleared || event instanceof Halted || event instanceof Resumed
        || event instanceof StrategyDisabled || event instanceof StrategyEnabled
        || event instanceof RebalanceProposed || event instanceof RebalanceApproved
        || event instanceof RebalanceRejected || event instanceof AnomalyDetected
        || event instanceof AnomalyCleared;
  }

  /**
   * Retention snapshots at multiples of the longest interval, each deleting the snapshots older than {@code
   * keep-snapshots} such intervals (events are never deleted: the auditor replays them); {@link #shouldSnapshot}
   * adds the snapshots of the shorter intervals in between.
   */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(snapshotInterval.max(), env.settings().keepSnapshots());
  }

  /**
   * A snapshot at every multiple of the interval the execution-id window calls for (shifted by this portfolio's
   * phase when {@code snapshot-stagger} is on), unless a retention snapshot follows in the same write ({@link
   * SnapshotInterval}). Pekko passes the state before {@code event}.
   */
  @Override
  public boolean shouldSnapshot(PortfolioState state, PortfolioEvent event, long sequenceNr) {
    return snapshotInterval.due(sequenceNr, lastInWrite, state.executionWindowSize());
  }

  @Override
  public SnapshotAdapter<PortfolioState> snapshotAdapter() {
    int dedupWindow = env.settings().dedupWindow();
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(PortfolioState state) {
        StoredPortfolioState stored = state.toStored().withChainHead(chain.headHex());
        return detectors.enabled() ? stored.withDetectors(detectors.ruleState(now())) : stored;
      }

      @Override
      public PortfolioState fromJournal(Object from) {
        StoredPortfolioState stored = (StoredPortfolioState) from;
        chain.restore(stored.chainHead());
        if (detectors.enabled()) {
          detectors.useRules(stored.rules());
          List<String> lost = detectors.restore(stored.detectors());
          if (!lost.isEmpty()) {
            context.getLog().warn("Portfolio {}: detector state not restored, learned again: {}", portfolioId, lost);
          }
        }
        return PortfolioState.fromStored(stored, dedupWindow);
      }
    };
  }

  /** Events are stored sealed into the portfolio's hash chain ({@link ChainedEvent}), for the auditor's verifier. */
  @Override
  public EventAdapter<PortfolioEvent, ?> eventAdapter() {
    return new ChainingEventAdapter<>(chain, PortfolioEvent.class);
  }
}

package io.riskpulse.model.portfolio;

import static io.riskpulse.model.concurrent.Completions.onCompletingThread;

import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecution;
import io.riskpulse.model.portfolio.PortfolioCommand.ApplyExecutions;
import io.riskpulse.model.portfolio.PortfolioCommand.CheckOrder;
import io.riskpulse.model.portfolio.PortfolioCommand.EnableStrategy;
import io.riskpulse.model.portfolio.PortfolioCommand.GetSnapshot;
import io.riskpulse.model.portfolio.PortfolioCommand.Halt;
import io.riskpulse.model.portfolio.PortfolioCommand.OpenPortfolio;
import io.riskpulse.model.portfolio.PortfolioCommand.RecordOrder;
import io.riskpulse.model.portfolio.PortfolioCommand.Resume;
import io.riskpulse.model.portfolio.PortfolioCommand.SetLimits;
import io.riskpulse.model.portfolio.PortfolioCommand.WhatIf;
import io.riskpulse.model.pretrade.CheckFailure;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeCheck;
import io.riskpulse.model.pretrade.PreTradeDecision;
import io.riskpulse.model.pretrade.PreTradeSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The one way code outside the entity talks to portfolios: asks through cluster sharding with the timeout
 * {@code riskpulse.portfolio.ask-timeout}. A timeout completes the stage exceptionally with
 * {@link java.util.concurrent.TimeoutException}; callers map that in one place (the API layer) and treat it as
 * "state unavailable", which risk checks must fail closed on. The two queries that judge trades,
 * {@link #checkOrder} and {@link #whatIf}, never complete exceptionally: they answer "unavailable" themselves.
 *
 * <p>Every stage it returns is a plain {@link java.util.concurrent.CompletableFuture} whose callbacks run where
 * the answer arrives (see {@link io.riskpulse.model.concurrent.Completions}): keep them short and non-blocking.
 *
 * <p>Thread-safe; create one per node.
 */
public final class PortfolioClient {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PortfolioClient.class);

  private final ClusterSharding sharding;
  private final Duration askTimeout;
  private final PreTradeSettings pretrade;
  private final Clock clock;
  /** Makes the journal durable; operator commands answer only after it (see {@link #withDurability}). */
  private final Supplier<CompletionStage<Void>> durable;
  /** Snapshots this node's entities answered, for {@link #recentSnapshot}; {@code null}: always ask. */
  private final RecentSnapshots recent;
  /** This node's entities' gates, for {@link #checkOrder} in place; {@code null}: always ask. */
  private final PreTradeGates gates;

  public PortfolioClient(ActorSystem<?> system) {
    this(ClusterSharding.get(system),
        system.settings().config().getDuration("riskpulse.portfolio.ask-timeout"),
        PreTradeSettings.fromConfig(system.settings().config()), Clock.systemUTC());
  }

  public PortfolioClient(ClusterSharding sharding, Duration askTimeout) {
    this(sharding, askTimeout, PreTradeSettings.DEFAULTS, Clock.systemUTC());
  }

  public PortfolioClient(ClusterSharding sharding, Duration askTimeout, PreTradeSettings pretrade, Clock clock) {
    this(sharding, askTimeout, pretrade, clock, () -> CompletableFuture.completedFuture(null), null, null);
  }

  private PortfolioClient(ClusterSharding sharding, Duration askTimeout, PreTradeSettings pretrade, Clock clock,
      Supplier<CompletionStage<Void>> durable, RecentSnapshots recent, PreTradeGates gates) {
    this.sharding = sharding;
    this.askTimeout = askTimeout;
    this.pretrade = pretrade;
    this.clock = clock;
    this.durable = durable;
    this.recent = recent;
    this.gates = gates;
  }

  /**
   * This client, with operator commands (open, limits, halt, resume, strategy re-enable, rebalance approval)
   * answered only once {@code durable} has made the journal durable: an operator told "halted" must not lose the
   * halt to a crash a moment later (the embedded journal writes to disk in the background). Fills and order-flow
   * messages are not affected: ingestion group-commits them itself.
   */
  public PortfolioClient withDurability(Supplier<CompletionStage<Void>> durable) {
    return new PortfolioClient(sharding, askTimeout, pretrade, clock, durable, recent, gates);
  }

  /**
   * This client, with {@link #recentSnapshot} answering from {@code recent}: the node's, the one its portfolio
   * entities keep their answers in ({@link PortfolioEnvironment#recentSnapshots}).
   */
  public PortfolioClient withRecentSnapshots(RecentSnapshots recent) {
    return new PortfolioClient(sharding, askTimeout, pretrade, clock, durable, recent, gates);
  }

  /**
   * This client, with {@link #checkOrder} judging orders in place through {@code gates} when
   * {@code riskpulse.pretrade.in-place} is on: the node's, where its portfolio entities register
   * ({@link PortfolioEnvironment#preTradeGates}).
   */
  public PortfolioClient withPreTradeGates(PreTradeGates gates) {
    return new PortfolioClient(sharding, askTimeout, pretrade, clock, durable, recent, gates);
  }

  /** An accepted operator command, once the journal holding it is durable; a flush failure fails the stage. */
  private CompletionStage<Reply> durably(CompletionStage<Reply> reply) {
    return reply.thenCompose(answer -> !answer.isAccepted() ? CompletableFuture.completedFuture(answer)
        : durable.get().handle((done, failure) -> {
          if (failure != null) {
            throw new java.util.concurrent.CompletionException(new IllegalStateException(
                "accepted and journaled, but the journal could not be made durable: " + failure, failure));
          }
          return answer;
        }));
  }

  private EntityRef<PortfolioCommand> ref(String portfolioId) {
    return sharding.entityRefFor(Portfolio.ENTITY_KEY, portfolioId);
  }

  public CompletionStage<Reply> open(
      String portfolioId, String desk, String trader, double initialCash, Limits limits, String by) {
    return durably(onCompletingThread(ref(portfolioId).ask(
        replyTo -> new OpenPortfolio(desk, trader, initialCash, limits, by, replyTo), askTimeout)));
  }

  /** Applies an execution to the portfolio it names. The reply arrives after the event is persisted. */
  public CompletionStage<Reply> apply(Execution execution) {
    return onCompletingThread(
        ref(execution.portfolioId()).ask(replyTo -> new ApplyExecution(execution, replyTo), askTimeout));
  }

  /**
   * Applies fills of one portfolio in order with one journal write; the replies are in input order.
   *
   * @param executions fills that all name {@code portfolioId}
   */
  public CompletionStage<List<Reply>> applyAll(String portfolioId, List<Execution> executions) {
    return onCompletingThread(
        ref(portfolioId).<BatchReply>ask(replyTo -> new ApplyExecutions(executions, replyTo), askTimeout))
        .thenApply(BatchReply::replies);
  }

  /** Records an order-flow message in the portfolio it names (live statistics, not journaled). */
  public CompletionStage<Reply> record(OrderEvent order) {
    return onCompletingThread(ref(order.portfolioId()).ask(replyTo -> new RecordOrder(order, replyTo), askTimeout));
  }

  public CompletionStage<Reply> setLimits(String portfolioId, Limits limits, String by, String reason) {
    return durably(onCompletingThread(
        ref(portfolioId).ask(replyTo -> new SetLimits(limits, by, reason, replyTo), askTimeout)));
  }

  /** Replaces the portfolio's event-pattern rules ({@code ""}: the node's defaults); answers once durable. */
  public CompletionStage<Reply> setRules(String portfolioId, String rules, String by, String reason) {
    return durably(onCompletingThread(
        ref(portfolioId).ask(replyTo -> new PortfolioCommand.SetRules(rules, by, reason, replyTo), askTimeout)));
  }

  /** The portfolio's rules in force and its open anomaly episodes. */
  public CompletionStage<DetectionView> detection(String portfolioId) {
    return onCompletingThread(ref(portfolioId).ask(PortfolioCommand.GetDetection::new, askTimeout));
  }

  public CompletionStage<Reply> halt(String portfolioId, String by, String reason) {
    return durably(onCompletingThread(ref(portfolioId).ask(replyTo -> new Halt(by, reason, replyTo), askTimeout)));
  }

  public CompletionStage<Reply> resume(String portfolioId, String by, String reason) {
    return durably(onCompletingThread(ref(portfolioId).ask(replyTo -> new Resume(by, reason, replyTo), askTimeout)));
  }

  /**
   * Pre-trade check of an order by its portfolio, waiting at most {@code riskpulse.pretrade.ask-timeout}. Never
   * completes exceptionally: when the portfolio does not answer (timeout, node down, no portfolio id), the
   * decision is a reject with {@link PreTradeCheck#STATE_UNAVAILABLE} saying why (fail closed), or, with
   * {@code on-unavailable = accept}, an accept whose note says the order was not checked.
   *
   * <p>When the portfolio's entity runs on this node and {@code riskpulse.pretrade.in-place} is on, the order is
   * judged on the calling thread, holding the entity's lock ({@link PreTradeGate}), and the stage returned is already
   * complete. Otherwise, and when the entity is handling a message at that moment, the entity is asked.
   */
  public CompletionStage<PreTradeDecision> checkOrder(OrderRequest order) {
    if (order == null || order.portfolioId() == null || order.portfolioId().isBlank()) {
      return CompletableFuture.completedFuture(new PreTradeDecision(
          order == null ? "" : String.valueOf(order.portfolioId()), order == null ? "" : order.clOrdId(), false,
          List.of(CheckFailure.of(PreTradeCheck.INVALID_ORDER, "portfolioId is required")), "", clock.millis()));
    }
    PreTradeGate gate = gates == null || !pretrade.inPlace() ? null : gates.find(order.portfolioId());
    if (gate != null) {
      PreTradeDecision here;
      try {
        here = gate.check(order);
      } catch (RuntimeException failure) {
        LOG.error("Pre-trade check of {} in portfolio {} failed", order.clOrdId(), order.portfolioId(), failure);
        return CompletableFuture.completedFuture(new PreTradeDecision(order.portfolioId(), order.clOrdId(), false,
            List.of(CheckFailure.of(PreTradeCheck.STATE_UNAVAILABLE, "portfolio " + order.portfolioId()
                + " could not judge the order: " + failure)), "", clock.millis()));
      }
      if (here != null) {
        return CompletableFuture.completedFuture(here);
      }
    }
    return onCompletingThread(
        ref(order.portfolioId()).<PreTradeDecision>ask(replyTo -> new CheckOrder(order, replyTo),
            pretrade.askTimeout()))
        .exceptionally(failure -> unavailable(order, failure));
  }

  private PreTradeDecision unavailable(OrderRequest order, Throwable failure) {
    String why = notAnswered(order.portfolioId(), failure, pretrade.askTimeout());
    if (pretrade.rejectWhenUnavailable()) {
      return new PreTradeDecision(order.portfolioId(), order.clOrdId(), false,
          List.of(CheckFailure.of(PreTradeCheck.STATE_UNAVAILABLE, why)), "", clock.millis());
    }
    return new PreTradeDecision(order.portfolioId(), order.clOrdId(), true, List.of(),
        "NOT CHECKED (riskpulse.pretrade.on-unavailable = accept): " + why, clock.millis());
  }

  /** Why an ask of {@code portfolioId} failed: it did not answer within {@code timeout}, or could not be asked. */
  private static String notAnswered(String portfolioId, Throwable failure, Duration timeout) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause instanceof java.util.concurrent.TimeoutException
        ? "portfolio " + portfolioId + " did not answer within " + timeout.toMillis() + " ms"
        : "portfolio " + portfolioId + " could not be asked: " + cause;
  }

  /**
   * What the portfolio's risk, exposures and limit breaches would be if these signed quantity changes were traded
   * at the current marks (see {@link WhatIf}); nothing is journaled or changed. Waits at most
   * {@code riskpulse.portfolio.ask-timeout}. Never completes exceptionally: invalid input, an unopened portfolio, a
   * missing portfolio id or a portfolio that does not answer (timeout, node down) give a result whose
   * {@link WhatIfResult#rejection()} says why (its reporting currency is {@code ""} when the portfolio did not
   * answer).
   *
   * @param quantityChanges signed change per symbol, instrument units (+ buy, − sell)
   */
  public CompletionStage<WhatIfResult> whatIf(String portfolioId, Map<String, Double> quantityChanges) {
    if (portfolioId == null || portfolioId.isBlank()) {
      return CompletableFuture.completedFuture(
          WhatIfResult.rejected(portfolioId, "portfolioId is required", "", clock.millis()));
    }
    return onCompletingThread(
        ref(portfolioId).<WhatIfResult>ask(replyTo -> new WhatIf(quantityChanges, replyTo), askTimeout))
        .exceptionally(failure -> WhatIfResult.rejected(portfolioId, notAnswered(portfolioId, failure, askTimeout),
            "", clock.millis()));
  }

  /** Approves the pending rebalance proposal: its orders go to the OMS. */
  public CompletionStage<Reply> approveRebalance(String portfolioId, String rebalanceId, String by, String reason) {
    return durably(onCompletingThread(ref(portfolioId).ask(
        replyTo -> new PortfolioCommand.ApproveRebalance(rebalanceId, by, reason, replyTo), askTimeout)));
  }

  /** Rejects the pending rebalance proposal: nothing is sent. */
  public CompletionStage<Reply> rejectRebalance(String portfolioId, String rebalanceId, String by, String reason) {
    return durably(onCompletingThread(ref(portfolioId).ask(
        replyTo -> new PortfolioCommand.RejectRebalance(rebalanceId, by, reason, replyTo), askTimeout)));
  }

  /** Re-enables a strategy the repeated-execution throttle disabled. */
  public CompletionStage<Reply> enableStrategy(String portfolioId, String strategy, String by, String reason) {
    return durably(onCompletingThread(
        ref(portfolioId).ask(replyTo -> new EnableStrategy(strategy, by, reason, replyTo), askTimeout)));
  }

  /** The portfolio marked to the latest prices; an unopened portfolio answers with status UNOPENED. */
  public CompletionStage<PortfolioSnapshot> snapshot(String portfolioId) {
    return onCompletingThread(ref(portfolioId).ask(GetSnapshot::new, askTimeout));
  }

  /**
   * The portfolio marked to the latest prices, as {@link #snapshot}, or the last snapshot its entity on this node
   * answered when that one is still valid ({@link RecentSnapshots}: the entity has handled no command and the node's
   * market view took no quote since) and younger than {@code maxAge}. Then it completes at once, on the caller's
   * thread, without a message to the entity; only the figures that move with the clock alone (order-flow rates and
   * the snapshot's time) can be up to {@code maxAge} old. Zero or a negative {@code maxAge} always asks.
   */
  public CompletionStage<PortfolioSnapshot> recentSnapshot(String portfolioId, Duration maxAge) {
    if (recent == null || maxAge.isZero() || maxAge.isNegative()) {
      return snapshot(portfolioId);
    }
    PortfolioSnapshot kept = recent.valid(portfolioId, maxAge.toNanos());
    if (kept != null) {
      return CompletableFuture.completedFuture(kept);
    }
    RecentSnapshots.Reading reading = recent.begin(portfolioId);
    CompletionStage<PortfolioSnapshot> answer = snapshot(portfolioId);
    if (reading == null) {
      return answer;
    }
    return answer.thenApply(snapshot -> {
      recent.keep(reading, snapshot);
      return snapshot;
    });
  }

  /** The live journal position, state hash and chain head of a portfolio, for comparison with a replay. */
  public CompletionStage<AuditHead> auditHead(String portfolioId) {
    return onCompletingThread(ref(portfolioId).ask(PortfolioCommand.GetAuditHead::new, askTimeout));
  }
}

package io.riskpulse.model.portfolio;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.DetectorsState;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeDecision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/** Commands a portfolio entity accepts. Each mutating command is answered with a {@link Reply}. */
public sealed interface PortfolioCommand extends CborSerializable {

  /**
   * Opens the portfolio: who it belongs to, its starting cash and limits. Until opened, a portfolio refuses
   * executions (an unknown portfolio is rejected, never silently created).
   *
   * @param initialCash starting cash, currency units; finite
   * @param by identity of the operator or system opening it
   */
  record OpenPortfolio(
      String desk, String trader, double initialCash, Limits limits, String by, ActorRef<Reply> replyTo)
      implements PortfolioCommand {}

  /** Applies a fill. Idempotent by execution id. */
  record ApplyExecution(Execution execution, ActorRef<Reply> replyTo) implements PortfolioCommand {}

  /**
   * Applies fills in order with one journal write (what the ingestion pipeline sends when fills queue up for
   * a portfolio). Each is judged as {@link ApplyExecution} would; the reply lists their outcomes in order.
   */
  record ApplyExecutions(List<Execution> executions, ActorRef<BatchReply> replyTo) implements PortfolioCommand {}

  /**
   * Records an order-flow message (new, replace, cancel, reject) in the portfolio's live order-flow statistics.
   * Not journaled (see {@link io.riskpulse.model.orderflow.OrderFlowTracker}); answered once recorded.
   */
  record RecordOrder(OrderEvent order, ActorRef<Reply> replyTo) implements PortfolioCommand {}

  /** Replaces the limits at runtime; {@code by} and {@code reason} are journaled. */
  record SetLimits(Limits limits, String by, String reason, ActorRef<Reply> replyTo)
      implements PortfolioCommand {}

  /**
   * Replaces the portfolio's event-pattern rules (rule language, docs/RULES.md) at runtime; blank text returns to
   * the node's default rules. Refused with the line and column of the first mistake when the text does not parse;
   * {@code by} and {@code reason} are journaled.
   */
  record SetRules(String rules, String by, String reason, ActorRef<Reply> replyTo) implements PortfolioCommand {}

  /** The portfolio's checkpoint store recovered: its latest models, or {@code null}. Internal. */
  record DetectorsRestored(DetectorsState state) implements PortfolioCommand {}

  /** The node's {@code CheckpointRestores} gave this portfolio its turn to start its checkpoint store. Internal. */
  enum CheckpointTurn implements PortfolioCommand {
    INSTANCE
  }

  /** The portfolio's checkpoint store stopped (its recovery or a write failed, or the node stops it). Internal. */
  enum CheckpointStoreStopped implements PortfolioCommand {
    INSTANCE
  }

  /** Time to start the checkpoint store again after it stopped. Internal. */
  enum RetryCheckpoints implements PortfolioCommand {
    INSTANCE
  }

  /** Time to save the detectors' models to the checkpoint store if they learned anything. Internal. */
  enum CheckpointDetectors implements PortfolioCommand {
    INSTANCE
  }

  /** Asks for the portfolio's rules in force and the detectors' open episodes. */
  record GetDetection(ActorRef<DetectionView> replyTo) implements PortfolioCommand {}

  /** Halts trading in the portfolio; {@code by} and {@code reason} are journaled. */
  record Halt(String by, String reason, ActorRef<Reply> replyTo) implements PortfolioCommand {}

  /** Resumes a halted portfolio; needs an explicit operator identity and reason. */
  record Resume(String by, String reason, ActorRef<Reply> replyTo) implements PortfolioCommand {}

  /**
   * Pre-trade check of an order: answered with every check it fails (see {@code PreTradeChecker}). Nothing is
   * journaled; an accepted order counts in the order rates immediately, and its ClOrdID cannot be checked again.
   */
  record CheckOrder(OrderRequest order, ActorRef<PreTradeDecision> replyTo) implements PortfolioCommand {}

  /** Re-enables a strategy the repeated-execution throttle disabled; {@code by} and {@code reason} are journaled. */
  record EnableStrategy(String strategy, String by, String reason, ActorRef<Reply> replyTo)
      implements PortfolioCommand {}

  /** Internal: the OMS gateway took (or did not take) the halt {@code haltId}; {@code failure} is "" on success. */
  record HaltDispatchOutcome(String haltId, String failure) implements PortfolioCommand {}

  /** Internal timer: hand the undispatched halt {@code haltId} to the OMS gateway again. */
  record RetryHaltDispatch(String haltId) implements PortfolioCommand {}

  /**
   * Internal: what the detectors found in an order judged in place ({@link PreTradeGate}), to be journaled as the
   * {@code CheckOrder} handler journals its own findings; {@code atMillis} is when the order was judged. The entity
   * also scores, on its own thread, the completed seconds the detectors' models have waiting (orders judged in place
   * leave them to it), and journals what that finds as of now.
   */
  record RecordFindings(List<DetectionSignal> findings, long atMillis) implements PortfolioCommand {}

  /** Approves the pending rebalance proposal {@code rebalanceId}: its orders go to the OMS. */
  record ApproveRebalance(String rebalanceId, String by, String reason, ActorRef<Reply> replyTo)
      implements PortfolioCommand {}

  /** Rejects the pending rebalance proposal {@code rebalanceId}: nothing is sent. */
  record RejectRebalance(String rebalanceId, String by, String reason, ActorRef<Reply> replyTo)
      implements PortfolioCommand {}

  /** Internal: the OMS gateway took (or did not take) rebalance {@code rebalanceId}; "" failure on success. */
  record RebalanceDispatchOutcome(String rebalanceId, String failure) implements PortfolioCommand {}

  /** Internal timer: hand the undispatched rebalance to the OMS gateway again. */
  record RetryRebalanceDispatch(String rebalanceId) implements PortfolioCommand {}

  /**
   * What would risk and exposures be if these quantity changes were traded at the current marks? Answered with a
   * {@link WhatIfResult}; nothing is journaled and nothing changes (not the positions, not the order-flow
   * statistics), so it may be asked as often as wanted, of an active or a halted portfolio alike.
   *
   * <p>How it is computed: each changed position is applied at its instrument's mark price (its average cost, cash
   * and realized P&amp;L move as a fill at the mark would move them, so the P&amp;L is unchanged); the book is valued
   * as the snapshot values it ({@link io.riskpulse.model.risk.PortfolioValuer}) and its risk is the live risk's
   * what-if ({@link io.riskpulse.model.risk.live.LiveRisk#whatIf}, stress included). Every continuous limit is
   * read on the result ({@link io.riskpulse.model.limits.LimitChecker#readings}: exposures, position notional,
   * concentration, intraday loss, drawdown, VaR, ES, stress, liquidity, credit, and the order rates as they are
   * now) and judged against the open breach episodes ({@link io.riskpulse.model.limits.LimitJudge}): a limit
   * already in breach stays listed until its value is at or below the hysteresis level, as the snapshot would.
   * Per-execution limits (order size, notional, price collar, restricted list) are the pre-trade check's.
   *
   * <p>Unmarked instruments: a changed instrument without a mark price or FX rate cannot be traded at its mark, so
   * whatever depends on that price is NaN (fail closed): the position's notional, hence the exposures after (unless
   * the change closes the position), the cash and the P&amp;L; its VaR too, unless the portfolio's own fills priced
   * it (the live risk's stand-in). Limits read on a NaN figure are listed as breached, and a {@code MARKET_DATA}
   * breach names every open position after without a mark price or FX rate. An unchanged position without a mark
   * is carried at its average cost, before and after, as the snapshot carries it.
   *
   * <p>Rejected, with {@link WhatIfResult#rejection()} naming each problem: an unopened portfolio, no changes, an
   * instrument not in the reference, a change that is zero, NaN, infinite or missing, or a resulting position whose
   * notional is not below {@link ExecutionValidation#MAX_NOTIONAL}.
   *
   * @param quantityChanges signed change of the position per symbol, instrument units (+ buy, − sell); copied
   */
  record WhatIf(Map<String, Double> quantityChanges, ActorRef<WhatIfResult> replyTo) implements PortfolioCommand {

    public WhatIf {
      // Copied (nulls and all, to be rejected by the entity) so a caller changing its map cannot race the entity.
      quantityChanges = quantityChanges == null ? Map.of()
          : Collections.unmodifiableMap(new LinkedHashMap<>(quantityChanges));
    }
  }

  /** Asks for the current state, marked to the node's latest prices. */
  record GetSnapshot(ActorRef<PortfolioSnapshot> replyTo) implements PortfolioCommand {}

  /** Asks for what an auditor compares a replay with: the journal position, the state hash and the chain head. */
  record GetAuditHead(ActorRef<AuditHead> replyTo) implements PortfolioCommand {}

  /** Internal timer tick: re-mark positions and re-check limits as prices move. */
  enum MarkToMarket implements PortfolioCommand {
    INSTANCE
  }

  /**
   * Internal timer tick, every {@code risk-staleness}: re-mark the live risk if prices moved, judge the risk
   * limits, and report the scenario P&amp;L vector to the desk when it changed (or a refresh is due).
   */
  enum RefreshRisk implements PortfolioCommand {
    INSTANCE
  }
}

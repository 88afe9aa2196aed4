package io.riskpulse.model.portfolio;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.orderflow.OrderEvent;
import java.util.List;
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

  /** Halts trading in the portfolio; {@code by} and {@code reason} are journaled. */
  record Halt(String by, String reason, ActorRef<Reply> replyTo) implements PortfolioCommand {}

  /** Resumes a halted portfolio; needs an explicit operator identity and reason. */
  record Resume(String by, String reason, ActorRef<Reply> replyTo) implements PortfolioCommand {}

  /** Asks for the current state, marked to the node's latest prices. */
  record GetSnapshot(ActorRef<PortfolioSnapshot> replyTo) implements PortfolioCommand {}

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

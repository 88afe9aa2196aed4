package io.riskpulse.model.portfolio;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.halt.OpenOrder;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.orderflow.OrderFlowView;
import io.riskpulse.model.risk.Valuation;
import io.riskpulse.model.risk.live.RiskMeasures;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of one portfolio, marked to the node's latest prices at {@code asOfMillis}.
 *
 * @param portfolioId entity id
 * @param status lifecycle status
 * @param desk desk it belongs to ({@code ""} when unopened)
 * @param trader trader it belongs to ({@code ""} when unopened)
 * @param haltedBy who halted it, {@code ""} unless halted
 * @param haltReason why, {@code ""} unless halted
 * @param haltedAtMillis when, 0 unless halted
 * @param reportingCurrency currency of every amount in the valuation
 * @param valuation positions, P&amp;L and exposures
 * @param cashByCurrency cash per currency before conversion
 * @param tradingDay current trading day (ISO date), {@code ""} before the first
 * @param intradayPnl P&amp;L since the start of the trading day (the valuation's total is since opening)
 * @param peakPnl intraday peak P&amp;L used for the drawdown
 * @param drawdown peak − intraday P&amp;L, ≥ 0
 * @param limits current limits
 * @param activeBreaches continuous limits currently breached, with the values when they breached
 * @param breachCount breaches recorded since the portfolio opened (all kinds)
 * @param executionCount executions applied since the portfolio opened
 * @param orderFlow live order-flow statistics of the portfolio (not journaled: empty after a restart)
 * @param orderFlowByStrategy the same per strategy
 * @param asOfMillis when the snapshot was taken, epoch milliseconds
 * @param risk live VaR (99%), ES (97.5%), worst stress loss and days to liquidate the least liquid position,
 *     refreshed when the snapshot was taken (its own {@code asOfMillis}); not journaled, rebuilt from the
 *     positions after a restart
 * @param activeWarnings limits past their warning level (not breached), with the values when they got there
 * @param disabledStrategies strategies the repeated-execution throttle disabled, with why
 * @param reduceOnly whether an open breach with the reduce-only action blocks orders that increase a position
 * @param openOrders working orders as the order flow shows them (not journaled: empty after a restart)
 * @param pendingRebalance the rebalance proposal waiting for approval, or {@code null}
 * @param version journal sequence number of the last event applied to the state this snapshot shows, 0 for a
 *     portfolio that never persisted one. It grows with every persisted event, including events this view does
 *     not show (a halt handed to the OMS, a raised P&amp;L peak), and only then: queries, rejected commands and
 *     ticks that judge nothing new leave it alone. It survives a restart, so two snapshots of one portfolio with
 *     the same version show the same journaled state; a client can tell from it whether anything was journaled
 *     between two reads, and order its reads.
 */
public record PortfolioSnapshot(
    String portfolioId,
    PortfolioStatus status,
    String desk,
    String trader,
    String haltedBy,
    String haltReason,
    long haltedAtMillis,
    String reportingCurrency,
    Valuation valuation,
    Map<String, Double> cashByCurrency,
    String tradingDay,
    double intradayPnl,
    double peakPnl,
    double drawdown,
    Limits limits,
    List<LimitBreach> activeBreaches,
    long breachCount,
    long executionCount,
    OrderFlowView orderFlow,
    Map<String, OrderFlowView> orderFlowByStrategy,
    long asOfMillis,
    RiskMeasures risk,
    List<LimitBreach> activeWarnings,
    Map<String, String> disabledStrategies,
    boolean reduceOnly,
    List<OpenOrder> openOrders,
    PortfolioEvent.RebalanceProposed pendingRebalance,
    long version)
    implements CborSerializable {

  public PortfolioSnapshot {
    activeWarnings = activeWarnings == null ? List.of() : activeWarnings;
    disabledStrategies = disabledStrategies == null ? Map.of() : disabledStrategies;
    openOrders = openOrders == null ? List.of() : openOrders;
  }

  /**
   * This snapshot without what is not rebuilt from the journal (the live order flow) and without its query
   * time and live risk (whose last digits depend on the order of incremental updates): two snapshots of the
   * same journal at the same prices are equal in this form. The {@link #version} is left out (0) too: events
   * this view does not show (a halt's hand-off to the OMS, a raised P&amp;L peak) may be journaled after a snapshot
   * was taken, and the view compares what the state shows.
   */
  public PortfolioSnapshot journaledView() {
    return new PortfolioSnapshot(portfolioId, status, desk, trader, haltedBy, haltReason, haltedAtMillis,
        reportingCurrency, valuation, cashByCurrency, tradingDay, intradayPnl, peakPnl, drawdown, limits,
        activeBreaches, breachCount,
        executionCount, OrderFlowView.EMPTY, Map.of(), 0, null, activeWarnings, disabledStrategies, reduceOnly,
        List.of(), pendingRebalance, 0);
  }
}

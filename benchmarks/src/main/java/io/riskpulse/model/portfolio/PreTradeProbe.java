package io.riskpulse.model.portfolio;

import io.riskpulse.model.halt.HaltView;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.orderflow.OrderFlowTracker;
import io.riskpulse.model.portfolio.PortfolioEvent.ExecutionApplied;
import io.riskpulse.model.portfolio.PortfolioEvent.PortfolioOpened;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeDecision;
import io.riskpulse.model.pretrade.PreTradeSettings;
import io.riskpulse.model.risk.ReportingPrices;
import io.riskpulse.model.risk.liquidity.LiquiditySettings;
import io.riskpulse.model.risk.live.LiveRisk;
import io.riskpulse.model.risk.live.RiskModel;
import java.util.List;

/**
 * <b>Benchmark-only</b> (it lives in the benchmarks module, never in the product): a public way in to the
 * package-private {@link PreTradeChecker}, so that a JMH kernel can time the check logic without the actor hop.
 * It holds what a {@link Portfolio} entity holds for a check: the journaled state (built by applying events, as
 * recovery does), the transient order flow and live risk, and the checker over them; {@link #checkAndRecord}
 * does what the entity's {@code CheckOrder} handler does, minus the reply and the reject log line.
 *
 * <p>Being in the same package as {@link PreTradeChecker} in another jar works because the benchmarks run on the
 * class path (no JPMS modules, no sealed packages): both jars' classes are in one runtime package of the
 * application class loader.
 *
 * <p>Not thread-safe, like the entity state it stands for.
 */
public final class PreTradeProbe {

  private final String portfolioId;
  private final PortfolioState state;
  private final OrderFlowTracker orderFlow = new OrderFlowTracker();
  private final PreTradeChecker checker;

  /**
   * @param fills executions applied to the portfolio after it opened (its book)
   * @param dedupWindow execution ids remembered, as {@code riskpulse.portfolio.dedup-window}
   */
  public PreTradeProbe(String portfolioId, InstrumentRegistry instruments, MarketView market, RiskModel riskModel,
      HaltView halts, PreTradeSettings settings, String reportingCurrency, double initialCash, Limits limits,
      List<Execution> fills, int dedupWindow, long nowMillis) {
    this.portfolioId = portfolioId;
    this.state = new PortfolioState(portfolioId, dedupWindow);
    state.apply(new PortfolioOpened(portfolioId, "bench", "trader-0", initialCash, reportingCurrency, limits,
        "benchmark", nowMillis));
    for (Execution fill : fills) {
      state.apply(new ExecutionApplied(fill, instruments.find(fill.symbol()).orElseThrow().currency(), nowMillis));
    }
    ReportingPrices prices = new ReportingPrices(market, instruments, reportingCurrency);
    LiveRisk risk = new LiveRisk(portfolioId, riskModel, prices, market::version, instruments, reportingCurrency,
        LiquiditySettings.DEFAULTS);
    risk.sync(state.positions());
    this.checker = new PreTradeChecker(portfolioId, instruments, market, prices, risk, halts, settings);
  }

  /** The check alone: nothing changes, so the same order can be checked again. */
  public PreTradeDecision check(OrderRequest order, long nowMillis) {
    return checker.check(state, orderFlow, order, state.peakPnl(), nowMillis);
  }

  /** The check, then, if accepted, the order counted in the order flow, as the entity does. */
  public PreTradeDecision checkAndRecord(OrderRequest order, long nowMillis) {
    PreTradeDecision decision = check(order, nowMillis);
    if (decision.accepted()) {
      orderFlow.recordChecked(new OrderEvent(OrderAction.NEW, portfolioId, order.strategy(), order.clOrdId(), "",
          order.symbol(), order.side(), order.quantity(), order.price(), nowMillis), nowMillis);
    }
    return decision;
  }
}

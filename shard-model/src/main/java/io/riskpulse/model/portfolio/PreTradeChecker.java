package io.riskpulse.model.portfolio;

import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltView;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.LimitAction;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitChecker;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderFlowTracker;
import io.riskpulse.model.orderflow.OrderFlowView;
import io.riskpulse.model.pretrade.CheckFailure;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeCheck;
import io.riskpulse.model.pretrade.PreTradeDecision;
import io.riskpulse.model.pretrade.PreTradeSettings;
import io.riskpulse.model.risk.PortfolioValuer;
import io.riskpulse.model.risk.PriceSource;
import io.riskpulse.model.risk.Valuation;
import io.riskpulse.model.risk.live.LiveRisk;
import io.riskpulse.model.risk.live.RiskMeasures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pre-trade check of one portfolio (SEC 15c3-5, MiFID II RTS 6 Art 15): judges an order against the state
 * as it would be if the order filled in full at its price (a market order at the reference price), and answers
 * with every check it fails, not only the first.
 *
 * <p>What it checks: the order's fields; halts of the portfolio and of any scope covering the order; a strategy
 * disabled by the repeated-execution throttle; reduce-only breaches; the restricted list; a reused ClOrdID; the
 * price collar, order quantity and notional; credit; every continuous limit projected with the order (exposures,
 * concentration, loss, drawdown, VaR/ES/stress/liquidity when set, order and message rates and the order-to-trade
 * ratio, with the order counted immediately). A projected limit already beyond its level passes only if the order
 * strictly reduces it, so that de-risking is never blocked.
 *
 * <p>Fails closed: a stale reference price, an unsynchronised kill-switch view, a position that cannot be valued
 * or a NaN figure all reject, naming why.
 *
 * <p>Not thread-safe: owned by the portfolio entity and called from its mailbox only. O(positions + scenarios)
 * per check; allocates.
 */
final class PreTradeChecker {

  private final String portfolioId;
  private final InstrumentRegistry instruments;
  private final MarketView market;
  private final PriceSource prices;
  private final LiveRisk risk;
  private final HaltView halts;
  private final PreTradeSettings settings;

  PreTradeChecker(String portfolioId, InstrumentRegistry instruments, MarketView market, PriceSource prices,
      LiveRisk risk, HaltView halts, PreTradeSettings settings) {
    this.portfolioId = portfolioId;
    this.instruments = instruments;
    this.market = market;
    this.prices = prices;
    this.risk = risk;
    this.halts = halts;
    this.settings = settings;
  }

  /**
   * Judges {@code order}.
   *
   * @param peakPnl the intraday peak P&amp;L the drawdown is measured from
   */
  PreTradeDecision check(PortfolioState state, OrderFlowTracker orderFlow, OrderRequest order, double peakPnl,
      long nowMillis) {
    List<CheckFailure> failures = new ArrayList<>();
    if (!state.isOpen()) {
      failures.add(CheckFailure.of(PreTradeCheck.UNKNOWN_PORTFOLIO, "portfolio '" + portfolioId + "' is not open"));
      return PreTradeDecision.of(order, failures, nowMillis);
    }
    if (!validate(order, failures)) {
      return PreTradeDecision.of(order, failures, nowMillis);
    }
    Limits limits = state.limits();
    checkHalts(state, order, failures);
    String disabled = state.disabledStrategies().get(order.strategy());
    if (disabled != null) {
      failures.add(CheckFailure.of(PreTradeCheck.STRATEGY_DISABLED, "strategy '" + order.strategy()
          + "' is disabled until a person re-enables it: " + disabled));
    }
    if (limits.orderLimits().restricted(order.symbol())) {
      failures.add(CheckFailure.of(PreTradeCheck.RESTRICTED_INSTRUMENT, order.symbol() + " is on the restricted list"));
    }
    if (orderFlow.seen(OrderAction.NEW, order.clOrdId())) {
      failures.add(CheckFailure.of(PreTradeCheck.DUPLICATE_ORDER, "ClOrdID " + order.clOrdId() + " was used before"));
    }
    double reference = prices.markPrice(order.symbol());
    long age = market.ageMillis(order.symbol());
    long bound = settings.maxPriceAge().toMillis();
    if (bound > 0 && age > bound) {
      failures.add(CheckFailure.of(PreTradeCheck.STATE_STALE, age == Long.MAX_VALUE
          ? "no price of " + order.symbol() + " received on this node"
          : "price of " + order.symbol() + " received " + age + " ms ago, beyond the " + bound + " ms bound"));
    }
    double price = order.price() > 0 ? order.price() : reference;
    if (!Double.isFinite(price)) {
      failures.add(CheckFailure.of(PreTradeCheck.MARKET_DATA,
          "market order in " + order.symbol() + " without a reference price"));
      return PreTradeDecision.of(order, failures, nowMillis);
    }
    Position before = state.position(order.symbol());
    Position after = before.apply(order.signedQuantity(), price);
    checkReduceOnly(state, before, after, failures);
    checkOrderLimits(limits, order, price, reference, failures, nowMillis);
    projectLimits(state, orderFlow, order, price, before, after, peakPnl, failures, nowMillis);
    return PreTradeDecision.of(order, failures, nowMillis);
  }

  private boolean validate(OrderRequest order, List<CheckFailure> failures) {
    List<String> problems = new ArrayList<>();
    if (!portfolioId.equals(order.portfolioId())) {
      problems.add("portfolioId '" + order.portfolioId() + "' does not name this portfolio");
    }
    if (order.clOrdId() == null || order.clOrdId().isBlank()) {
      problems.add("clOrdId is required");
    }
    if (order.side() == null) {
      problems.add("side is required");
    }
    if (!(order.quantity() > 0 && order.quantity() < ExecutionValidation.MAX_NOTIONAL)) {
      problems.add("quantity must be a positive finite number below " + ExecutionValidation.MAX_NOTIONAL
          + ", was " + order.quantity());
    }
    if (!(order.price() >= 0 && order.price() < ExecutionValidation.MAX_NOTIONAL)) {
      problems.add("price must be 0 (market) or a positive finite number, was " + order.price());
    } else if (!(order.quantity() * Math.max(order.price(), 0) < ExecutionValidation.MAX_NOTIONAL)) {
      problems.add("notional " + order.quantity() * order.price() + " is not below "
          + ExecutionValidation.MAX_NOTIONAL);
    }
    if (order.symbol() == null || !instruments.contains(order.symbol())) {
      failures.add(CheckFailure.of(PreTradeCheck.UNKNOWN_INSTRUMENT,
          "instrument '" + order.symbol() + "' is not in the instrument reference"));
    }
    if (!problems.isEmpty()) {
      failures.add(CheckFailure.of(PreTradeCheck.INVALID_ORDER, String.join("; ", problems)));
    }
    return failures.isEmpty();
  }

  private void checkHalts(PortfolioState state, OrderRequest order, List<CheckFailure> failures) {
    if (state.isHalted()) {
      failures.add(CheckFailure.of(PreTradeCheck.HALTED,
          "portfolio halted by " + state.haltedBy() + ": " + state.haltReason()));
    }
    if (!halts.synchronised()) {
      failures.add(CheckFailure.of(PreTradeCheck.STATE_STALE,
          "cannot tell whether a wider halt covers the order: " + halts.unsynchronisedReason()));
      return;
    }
    Optional<ActiveHalt> covering =
        halts.covering(portfolioId, order.strategy(), state.trader(), state.desk(), order.symbol());
    covering.ifPresent(halt -> failures.add(CheckFailure.of(PreTradeCheck.HALTED, halt.describe())));
  }

  /** Orders that increase the absolute position are blocked while a reduce-only breach or anomaly is open. */
  private static void checkReduceOnly(PortfolioState state, Position before, Position after,
      List<CheckFailure> failures) {
    if (!(Math.abs(after.quantity()) > Math.abs(before.quantity()))) {
      return;
    }
    List<String> reduceOnly = new ArrayList<>();
    for (LimitBreach breach : state.activeBreaches().values()) {
      if (state.limits().actionFor(breach.kind()) == LimitAction.REDUCE_ONLY) {
        reduceOnly.add(breach.describe());
      }
    }
    for (PortfolioEvent.AnomalyDetected anomaly : state.activeAnomalies().values()) {
      if (anomaly.action() == LimitAction.REDUCE_ONLY) {
        reduceOnly.add("anomaly " + anomaly.signal().describe());
      }
    }
    if (!reduceOnly.isEmpty()) {
      failures.add(CheckFailure.of(PreTradeCheck.REDUCE_ONLY, "only orders that reduce a position are allowed while "
          + String.join("; ", reduceOnly)));
    }
  }

  /** Quantity, notional and collar, judged as the fill the order would become. */
  private void checkOrderLimits(Limits limits, OrderRequest order, double price, double reference,
      List<CheckFailure> failures, long nowMillis) {
    Execution asFill = new Execution(order.clOrdId(), portfolioId, order.strategy(), order.symbol(), order.side(),
        order.quantity(), price, nowMillis);
    for (LimitBreach breach : LimitChecker.executionBreaches(limits, asFill, prices.fxToReporting(order.symbol()),
        reference, nowMillis)) {
      if (breach.kind() == LimitKind.RESTRICTED_INSTRUMENT) {
        continue; // reported once above
      }
      failures.add(new CheckFailure(PreTradeCheck.of(breach.kind()), breach.value(), breach.limit(),
          breach.detail()));
    }
  }

  /**
   * Every continuous limit as it would be with the order filled: a reading beyond its level fails unless the
   * order strictly reduces it. Positions that cannot be valued fail MARKET_DATA.
   *
   * <p>The state before the order (a second valuation and every limit's reading) is computed only when it
   * matters: when a drawdown limit needs today's P&amp;L as a candidate peak, or when a projected reading is
   * beyond its level and the question is whether the order reduces it. Without a drawdown limit, an order that
   * keeps every limit within its level (the common case) is judged on one valuation, and only readings beyond
   * their level become records. The risk figures before the order are read first whenever a risk limit is set,
   * because the what-if can re-mark the order's instrument in the live vector.
   */
  private void projectLimits(PortfolioState state, OrderFlowTracker orderFlow, OrderRequest order, double price,
      Position before, Position after, double peakPnl, List<CheckFailure> failures, long nowMillis) {
    Limits limits = state.limits();
    Map<String, Position> positionsAfter = new TreeMap<>();
    for (Position position : state.positions()) {
      positionsAfter.put(position.symbol(), position);
    }
    positionsAfter.put(order.symbol(), after);
    Map<String, Double> cashAfter = new TreeMap<>(state.cashByCurrency());
    String currency = instruments.find(order.symbol()).orElseThrow().currency();
    cashAfter.merge(currency, -order.signedQuantity() * price, Double::sum);
    Valuation valuationAfter = PortfolioValuer.value(positionsAfter.values(), cashAfter, prices);
    if (valuationAfter.unmarkedCount() > 0) {
      failures.add(CheckFailure.of(PreTradeCheck.MARKET_DATA, valuationAfter.unmarkedCount()
          + " position(s) without a market price or FX rate: the portfolio cannot be valued"));
    }
    // Read before the what-if, which can re-mark the order's instrument in the live vector.
    RiskMeasures riskBefore = limits.hasRiskLimits() ? risk.measures(nowMillis)
        : RiskMeasures.unavailable("not computed: no risk limit to judge", nowMillis);
    Before beforeOrder = new Before(state, orderFlow, limits, peakPnl, riskBefore, nowMillis);
    double peakAfter = peakPnl;
    if (limits.maxDrawdown() != null) {
      double pnlBefore = beforeOrder.pnl();
      peakAfter = Math.max(peakPnl, Double.isFinite(pnlBefore) ? pnlBefore : peakPnl);
    }
    double pnlAfter = valuationAfter.totalPnl() - state.startOfDayPnl();
    RiskMeasures riskAfter = limits.hasRiskLimits()
        ? risk.whatIf(Map.of(order.symbol(), after.quantity()), nowMillis, limits.maxStressLoss() != null)
        : RiskMeasures.unavailable("not computed: no risk limit to judge", nowMillis);
    OrderFlowView flowAfter = withOneMoreOrder(orderFlow.view(nowMillis));
    Map<String, LimitBreach> beyondAfter = LimitChecker.beyond(limits, valuationAfter, pnlAfter, peakAfter,
        riskAfter, flowAfter, nowMillis);
    for (LimitBreach projected : beyondAfter.values()) {
      LimitBreach current = beforeOrder.readings().get(projected.key());
      boolean reduces = current != null && projected.value() < current.value();
      if (reduces && !isOrderFlowKind(projected.kind())) {
        continue;
      }
      String detail = projected.symbol().isEmpty() ? "with the order" : projected.symbol() + " with the order";
      if (!projected.detail().isEmpty()) {
        detail += "; " + projected.detail();
      }
      failures.add(new CheckFailure(PreTradeCheck.of(projected.kind()), projected.value(), projected.limit(), detail));
    }
  }

  /**
   * The portfolio as it is before the order, computed on first use and at most once: its valuation, P&amp;L
   * and the readings of every limit. Not thread-safe: lives for one check.
   */
  private final class Before {
    private final PortfolioState state;
    private final OrderFlowTracker orderFlow;
    private final Limits limits;
    private final double peakPnl;
    private final RiskMeasures risk;
    private final long nowMillis;
    private Valuation valuation;
    private Map<String, LimitBreach> readings;

    Before(PortfolioState state, OrderFlowTracker orderFlow, Limits limits, double peakPnl, RiskMeasures risk,
        long nowMillis) {
      this.state = state;
      this.orderFlow = orderFlow;
      this.limits = limits;
      this.peakPnl = peakPnl;
      this.risk = risk;
      this.nowMillis = nowMillis;
    }

    /** P&amp;L since the start of the day, reporting currency; NaN when a position cannot be valued. */
    double pnl() {
      if (valuation == null) {
        valuation = PortfolioValuer.value(state.positions(), state.cashByCurrency(), prices);
      }
      return valuation.totalPnl() - state.startOfDayPnl();
    }

    /** Every limit's reading before the order, within its level or not, by breach key. */
    Map<String, LimitBreach> readings() {
      if (readings == null) {
        double pnl = pnl();
        readings = LimitChecker.readings(limits, valuation, pnl, peakPnl, risk, orderFlow.view(nowMillis),
            nowMillis);
      }
      return readings;
    }
  }

  private static boolean isOrderFlowKind(LimitKind kind) {
    return kind == LimitKind.ORDER_RATE_BURST || kind == LimitKind.ORDER_RATE || kind == LimitKind.MESSAGE_RATE_BURST
        || kind == LimitKind.MESSAGE_RATE || kind == LimitKind.ORDER_TO_TRADE;
  }

  /** The order flow as it would be with this order sent: every order counts immediately (RTS 6 Art 15). */
  private static OrderFlowView withOneMoreOrder(OrderFlowView flow) {
    long messagesMinute = flow.messagesLastMinute() + 1;
    double orderToTrade = flow.fillsLastMinute() == 0 ? messagesMinute : (double) messagesMinute
        / flow.fillsLastMinute();
    return new OrderFlowView(flow.openOrders() + 1, flow.messagesLastSecond() + 1, messagesMinute,
        flow.ordersLastMinute() + 1, flow.fillsLastSecond(), flow.fillsLastMinute(), flow.cancelRatio(), orderToTrade,
        flow.rejectsLastMinute(), flow.ordersLastSecond() + 1);
  }
}

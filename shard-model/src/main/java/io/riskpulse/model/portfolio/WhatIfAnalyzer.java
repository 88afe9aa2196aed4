package io.riskpulse.model.portfolio;

import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitChecker;
import io.riskpulse.model.limits.LimitJudge;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.orderflow.OrderFlowTracker;
import io.riskpulse.model.orderflow.OrderFlowView;
import io.riskpulse.model.risk.PortfolioValuer;
import io.riskpulse.model.risk.PositionValuation;
import io.riskpulse.model.risk.ReportingPrices;
import io.riskpulse.model.risk.Valuation;
import io.riskpulse.model.risk.live.LiveRisk;
import io.riskpulse.model.risk.live.RiskMeasures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The what-if of one portfolio ({@link PortfolioCommand.WhatIf}): its risk, exposures and limit breaches as they
 * would be if some positions changed by signed quantities traded at the current marks, next to the same figures
 * now. It reads the state and never changes it: the positions, cash and limits stay as journaled, the order-flow
 * statistics are only read, and the live risk only brings its prices up to date (as a snapshot does).
 *
 * <p>It uses the machinery the portfolio judges itself with, so that a what-if and the fill it describes agree:
 * {@link PortfolioValuer} for the exposures (as the snapshot), {@link LiveRisk#whatIf} for the risk (as an
 * execution is judged before it is persisted), {@link LimitChecker#readings} and {@link LimitJudge} for the breaches
 * (as the mark-to-market and executions judge them, open episodes and hysteresis included).
 *
 * <p>Not thread-safe: owned by the portfolio entity and called from its mailbox only. O(positions + changed
 * &times; scenarios) plus a revaluation of the stress scenarios per call; allocates.
 */
final class WhatIfAnalyzer {

  private final String portfolioId;
  private final InstrumentRegistry instruments;
  private final ReportingPrices prices;
  private final LiveRisk risk;

  /**
   * @param prices the node's mark prices and FX rates, with the reporting currency of every amount
   * @param risk the portfolio's live risk (read, and its prices brought up to date)
   */
  WhatIfAnalyzer(String portfolioId, InstrumentRegistry instruments, ReportingPrices prices, LiveRisk risk) {
    this.portfolioId = portfolioId;
    this.instruments = instruments;
    this.prices = prices;
    this.risk = risk;
  }

  /**
   * The figures before and after {@code quantityChanges}, or a rejection naming every problem of the input.
   * Never throws for invalid input.
   *
   * @param quantityChanges signed change per symbol, instrument units (+ buy, − sell); may hold nulls
   * @param peakPnl the intraday peak P&amp;L the drawdown is measured from, reporting currency
   */
  WhatIfResult analyze(PortfolioState state, OrderFlowTracker orderFlow, Map<String, Double> quantityChanges,
      double peakPnl, long nowMillis) {
    String currency = prices.reportingCurrency();
    if (!state.isOpen()) {
      return WhatIfResult.rejected(portfolioId, "portfolio '" + portfolioId + "' is not open", currency, nowMillis);
    }
    Map<String, Position> positionsAfter = new TreeMap<>();
    for (Position position : state.positions()) {
      positionsAfter.put(position.symbol(), position);
    }
    Map<String, Double> cashAfter = new TreeMap<>(state.cashByCurrency());
    Map<String, Double> quantitiesAfter = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    if (quantityChanges == null || quantityChanges.isEmpty()) {
      problems.add("no quantity changes: name at least one instrument and its signed change");
    } else {
      List<Map.Entry<String, Double>> changes = new ArrayList<>(quantityChanges.entrySet());
      changes.sort(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.naturalOrder())));
      for (Map.Entry<String, Double> change : changes) {
        String problem = trade(change.getKey(), change.getValue(), positionsAfter, cashAfter, quantitiesAfter);
        if (problem != null) {
          problems.add(problem);
        }
      }
    }
    if (!problems.isEmpty()) {
      return WhatIfResult.rejected(portfolioId, String.join("; ", problems), currency, nowMillis);
    }
    Valuation valuationBefore = PortfolioValuer.value(state.positions(), state.cashByCurrency(), prices);
    Valuation valuationAfter = PortfolioValuer.value(positionsAfter.values(), cashAfter, prices);
    // The what-if first: it may price a changed instrument for the first time, which the figures now then share.
    RiskMeasures riskAfter = risk.whatIf(quantitiesAfter, nowMillis, true);
    RiskMeasures riskBefore = risk.measures(nowMillis);
    List<LimitBreach> breaches = breachesAfter(state, orderFlow, valuationBefore, valuationAfter, riskAfter,
        peakPnl, nowMillis);
    return new WhatIfResult(portfolioId, "", riskBefore, riskAfter, valuationBefore.grossExposure(),
        valuationAfter.grossExposure(), valuationBefore.netExposure(), valuationAfter.netExposure(), breaches,
        currency, nowMillis);
  }

  /**
   * Applies one change at its instrument's mark (NaN when unmarked, which makes what depends on it NaN), or says
   * why it cannot be.
   *
   * @return the problem, or {@code null} when applied
   */
  private String trade(String symbol, Double change, Map<String, Position> positionsAfter,
      Map<String, Double> cashAfter, Map<String, Double> quantitiesAfter) {
    Optional<Instrument> instrument = instruments.find(symbol);
    if (instrument.isEmpty()) {
      return "instrument '" + symbol + "' is not in the instrument reference";
    }
    if (change == null) {
      return "change of " + symbol + " is missing";
    }
    if (!Double.isFinite(change)) {
      return "change of " + symbol + " must be a finite number of instrument units, was " + change;
    }
    if (change == 0) {
      return "change of " + symbol + " is 0: name only instruments whose position changes";
    }
    double mark = prices.markPrice(symbol);
    Position after = positionsAfter.getOrDefault(symbol, Position.flat(symbol)).apply(change, mark);
    double notional = after.quantity() * mark;
    if (Double.isFinite(mark) && !(Math.abs(notional) < ExecutionValidation.MAX_NOTIONAL)) {
      return "resulting position notional of " + symbol + " " + notional + " is not below "
          + ExecutionValidation.MAX_NOTIONAL;
    }
    positionsAfter.put(symbol, after);
    cashAfter.merge(instrument.get().currency(), -change * mark, Double::sum);
    quantitiesAfter.put(symbol, after.quantity());
    return null;
  }

  /**
   * Every continuous limit the portfolio would be in breach of with the changes, as the portfolio would judge it:
   * a limit breaches when its value is beyond it, or, when its breach episode is already open, until the value is
   * back at or below the hysteresis level (that case says so in its detail). Each with the value after.
   */
  private List<LimitBreach> breachesAfter(PortfolioState state, OrderFlowTracker orderFlow,
      Valuation valuationBefore, Valuation valuationAfter, RiskMeasures riskAfter, double peakPnl, long nowMillis) {
    Limits limits = state.limits();
    double pnlBefore = valuationBefore.totalPnl() - state.startOfDayPnl();
    double pnlAfter = valuationAfter.totalPnl() - state.startOfDayPnl();
    double peak = Math.max(peakPnl, Double.isFinite(pnlBefore) ? pnlBefore : peakPnl);
    // The order flow is not changed by a what-if; it costs O(60 s x kinds), so it is read only when judged.
    OrderFlowView flow = limits.orderLimits().hasRateLimits() ? orderFlow.view(nowMillis) : OrderFlowView.EMPTY;
    Map<String, LimitBreach> readings =
        LimitChecker.readings(limits, valuationAfter, pnlAfter, peak, riskAfter, flow, nowMillis);
    List<String> unpriced = unpriced(valuationAfter);
    if (!unpriced.isEmpty()) {
      String key = LimitKind.MARKET_DATA.name();
      readings.put(key, new LimitBreach(key, LimitKind.MARKET_DATA, "", unpriced.size(), 0, nowMillis,
          "no mark price or FX rate for " + String.join(", ", unpriced)));
    }
    LimitJudge.Judgement judgement =
        LimitJudge.judge(readings, state.activeBreaches(), state.activeWarnings(), limits.policy());
    double keep = 1 - limits.policy().hysteresisShare();
    List<LimitBreach> breaches = new ArrayList<>();
    for (String key : judgement.breachedNow().keySet()) {
      LimitBreach reading = readings.get(key);
      if (reading.value() <= reading.limit()) {
        String held = String.format("within the limit, but the open breach ends only at or below %,.2f",
            reading.limit() * keep);
        reading = new LimitBreach(reading.key(), reading.kind(), reading.symbol(), reading.value(),
            reading.limit(), reading.atMillis(), reading.detail().isEmpty() ? held : reading.detail() + "; " + held);
      }
      breaches.add(reading);
    }
    return breaches;
  }

  /** Open positions without a mark price or an FX rate into the reporting currency, by symbol. */
  private static List<String> unpriced(Valuation valuation) {
    List<String> symbols = new ArrayList<>(0);
    for (PositionValuation position : valuation.positions()) {
      if (position.quantity() != 0 && (!position.marked() || Double.isNaN(position.fxRate()))) {
        symbols.add(position.symbol());
      }
    }
    return symbols;
  }
}

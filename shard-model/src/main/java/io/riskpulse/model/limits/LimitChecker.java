package io.riskpulse.model.limits;

import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.risk.PositionValuation;
import io.riskpulse.model.risk.Valuation;
import io.riskpulse.model.risk.live.RiskMeasures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a valuation or an execution against limits. Pure and stateless; deciding what is a <em>new</em>
 * breach (versus one already reported) is the portfolio entity's job.
 */
public final class LimitChecker {

  private LimitChecker() {}

  /**
   * Every continuous limit currently beyond its level, with risk-measure limits judged on no risk figures at
   * all: a VaR, expected-shortfall, stress or liquidity limit that is set breaches (fail closed).
   */
  public static Map<String, LimitBreach> breaches(
      Limits limits, Valuation valuation, double intradayPnl, double peakPnl, long nowMillis) {
    return breaches(limits, valuation, intradayPnl, peakPnl,
        RiskMeasures.unavailable("risk figures were not computed", nowMillis), nowMillis);
  }

  /**
   * Every continuous limit currently beyond its level, keyed by breach key (see {@link LimitBreach#key()}).
   *
   * @param intradayPnl P&amp;L since the start of the trading day, reporting currency
   * @param peakPnl intraday peak P&amp;L used for the drawdown
   * @param risk the portfolio's live risk figures; a NaN figure breaches its limit, the breach saying why
   * @param nowMillis time stamped on the breaches
   */
  public static Map<String, LimitBreach> breaches(Limits limits, Valuation valuation, double intradayPnl,
      double peakPnl, RiskMeasures risk, long nowMillis) {
    Map<String, LimitBreach> found = new LinkedHashMap<>();
    check(found, LimitKind.GROSS_EXPOSURE, "", valuation.grossExposure(), limits.maxGrossExposure(), nowMillis);
    check(found, LimitKind.NET_EXPOSURE, "", Math.abs(valuation.netExposure()), limits.maxNetExposure(), nowMillis);
    check(found, LimitKind.INTRADAY_LOSS, "", -intradayPnl, limits.maxIntradayLoss(), nowMillis);
    check(found, LimitKind.DRAWDOWN, "", Math.max(peakPnl, intradayPnl) - intradayPnl,
        limits.maxDrawdown(), nowMillis);
    double concentrationFloor =
        limits.concentrationMinGross() == null ? 0 : limits.concentrationMinGross();
    // Written so that a NaN gross (a position without an FX rate) is judged, and breaches: fail closed.
    boolean judgeConcentration = !(valuation.grossExposure() <= 0)
        && !(valuation.grossExposure() < concentrationFloor);
    for (PositionValuation position : valuation.positions()) {
      if (position.quantity() == 0) {
        continue;
      }
      check(found, LimitKind.POSITION_NOTIONAL, position.symbol(), Math.abs(position.notional()),
          limits.maxPositionNotional(), nowMillis);
      if (judgeConcentration) {
        check(found, LimitKind.CONCENTRATION, position.symbol(), position.concentrationPct(),
            limits.maxConcentrationPct(), nowMillis);
      }
    }
    found.putAll(riskBreaches(limits, risk, nowMillis));
    return found;
  }

  /**
   * The VaR, expected-shortfall, stress-loss and liquidity limits beyond their level, keyed by breach key. Cheap
   * (no valuation): the entity calls it on every risk refresh to decide whether the full judgement is needed.
   * The liquidity breach is one per portfolio (key {@code LIQUIDITY}), judged on its least liquid position,
   * which its detail names; when that figure is unknown the detail names every position without an ADV.
   */
  public static Map<String, LimitBreach> riskBreaches(Limits limits, RiskMeasures risk, long nowMillis) {
    Map<String, LimitBreach> found = new LinkedHashMap<>();
    String varDetail = String.join("; ", risk.varProblems());
    check(found, LimitKind.VAR, "", risk.valueAtRisk99(), limits.maxVar(), nowMillis, varDetail);
    check(found, LimitKind.EXPECTED_SHORTFALL, "", risk.expectedShortfall975(), limits.maxExpectedShortfall(),
        nowMillis, varDetail);
    check(found, LimitKind.STRESS_LOSS, "", risk.worstStressLoss(), limits.maxStressLoss(), nowMillis,
        risk.stressProblems().isEmpty() ? risk.worstStressScenario() : String.join("; ", risk.stressProblems()));
    check(found, LimitKind.LIQUIDITY, "", risk.maxDaysToLiquidate(), limits.maxDaysToLiquidate(), nowMillis,
        risk.liquidityProblems().isEmpty() ? risk.leastLiquidSymbol() : String.join("; ", risk.liquidityProblems()));
    return found;
  }

  /**
   * Every per-execution limit the execution exceeds; each breach key names the execution id.
   *
   * @param fxToReporting reporting currency per unit of the execution's price currency; NaN (no rate) makes
   *     the notional unknown, which breaches a notional limit (fail closed)
   */
  public static List<LimitBreach> executionBreaches(
      Limits limits, Execution execution, double fxToReporting, long nowMillis) {
    List<LimitBreach> found = new ArrayList<>(2);
    if (limits.maxOrderQuantity() != null && execution.quantity() > limits.maxOrderQuantity()) {
      found.add(new LimitBreach(LimitKind.ORDER_QUANTITY + ":" + execution.executionId(),
          LimitKind.ORDER_QUANTITY, execution.symbol(), execution.quantity(), limits.maxOrderQuantity(),
          nowMillis));
    }
    double notional = execution.notional() * fxToReporting;
    if (limits.maxOrderNotional() != null && !(notional <= limits.maxOrderNotional())) {
      found.add(new LimitBreach(LimitKind.ORDER_NOTIONAL + ":" + execution.executionId(),
          LimitKind.ORDER_NOTIONAL, execution.symbol(), notional, limits.maxOrderNotional(), nowMillis));
    }
    return found;
  }

  private static void check(
      Map<String, LimitBreach> found, LimitKind kind, String symbol, double value, Double limit, long now) {
    check(found, kind, symbol, value, limit, now, "");
  }

  private static void check(Map<String, LimitBreach> found, LimitKind kind, String symbol, double value,
      Double limit, long now, String detail) {
    // !(value <= limit) rather than value > limit: a NaN measurement is a breach (fail closed).
    if (limit != null && !(value <= limit)) {
      String key = symbol.isEmpty() ? kind.name() : kind.name() + ":" + symbol;
      found.put(key, new LimitBreach(key, kind, symbol, value, limit, now, detail));
    }
  }
}

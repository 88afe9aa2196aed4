package io.riskpulse.model.limits;

import io.riskpulse.model.orderflow.OrderFlowView;
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
    return beyond(limits, valuation, intradayPnl, peakPnl, risk, OrderFlowView.EMPTY, nowMillis);
  }

  /**
   * The measured value of every continuous limit that is set, within its level or not, keyed by breach key: what
   * {@link LimitJudge} applies warning levels and hysteresis to. A reading is a {@link LimitBreach} record whose
   * value may be within the limit.
   *
   * @param orderFlow the portfolio's live order flow, for the rate and order-to-trade limits
   */
  public static Map<String, LimitBreach> readings(Limits limits, Valuation valuation, double intradayPnl,
      double peakPnl, RiskMeasures risk, OrderFlowView orderFlow, long nowMillis) {
    Map<String, LimitBreach> found = new LinkedHashMap<>();
    collect(Readings.all(found), limits, valuation, intradayPnl, peakPnl, risk, orderFlow, nowMillis);
    return found;
  }

  /**
   * Only the readings of {@link #readings} that are beyond their limit (a NaN value included: fail closed), keyed
   * by breach key. Builds no record, key or map entry for a reading within its limit, which is most of them: the
   * pre-trade check calls this once per order.
   */
  public static Map<String, LimitBreach> beyond(Limits limits, Valuation valuation, double intradayPnl,
      double peakPnl, RiskMeasures risk, OrderFlowView orderFlow, long nowMillis) {
    Map<String, LimitBreach> found = new LinkedHashMap<>();
    collect(Readings.beyond(found), limits, valuation, intradayPnl, peakPnl, risk, orderFlow, nowMillis);
    return found;
  }

  /**
   * The readings of {@link #readings} that {@link LimitJudge#judge} can act on, keyed by breach key: each beyond
   * its warning level under {@code limits.policy()} (beyond the limit itself where no warning level applies; a NaN
   * value included), and each of an episode open in {@code activeBreaches} or {@code activeWarnings}, whatever its
   * value. A reading within its warning level with no open episode neither starts nor ends one, so judging these
   * gives the judgement of every reading. Builds no record, key or map entry for the others, which is most of them:
   * the portfolio judges on every mark (four a second) and every fill.
   */
  public static Map<String, LimitBreach> judged(Limits limits, Valuation valuation, double intradayPnl,
      double peakPnl, RiskMeasures risk, OrderFlowView orderFlow, long nowMillis,
      Map<String, LimitBreach> activeBreaches, Map<String, LimitBreach> activeWarnings) {
    Map<String, LimitBreach> found = new LinkedHashMap<>();
    collect(Readings.judged(found, limits.policy(), activeBreaches, activeWarnings), limits, valuation, intradayPnl,
        peakPnl, risk, orderFlow, nowMillis);
    return found;
  }

  private static void collect(Readings found, Limits limits, Valuation valuation, double intradayPnl,
      double peakPnl, RiskMeasures risk, OrderFlowView orderFlow, long nowMillis) {
    read(found, LimitKind.GROSS_EXPOSURE, "", valuation.grossExposure(), limits.maxGrossExposure(), nowMillis);
    read(found, LimitKind.NET_EXPOSURE, "", Math.abs(valuation.netExposure()), limits.maxNetExposure(), nowMillis);
    read(found, LimitKind.INTRADAY_LOSS, "", -intradayPnl, limits.maxIntradayLoss(), nowMillis);
    read(found, LimitKind.DRAWDOWN, "", Math.max(peakPnl, intradayPnl) - intradayPnl,
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
      read(found, LimitKind.POSITION_NOTIONAL, position.symbol(), Math.abs(position.notional()),
          limits.maxPositionNotional(), nowMillis);
      if (judgeConcentration) {
        read(found, LimitKind.CONCENTRATION, position.symbol(), position.concentrationPct(),
            limits.maxConcentrationPct(), nowMillis);
      }
    }
    readRisk(found, limits, risk, nowMillis);
    read(found, LimitKind.CREDIT, "", Math.max(0, -valuation.cash()), limits.orderLimits().maxCreditUsed(),
        nowMillis);
    readOrderFlow(found, limits, orderFlow, nowMillis);
  }

  /**
   * The order-flow limits only (rates and order-to-trade ratio), keyed by breach key: cheap enough to judge on
   * every order message.
   */
  public static Map<String, LimitBreach> orderFlowReadings(Limits limits, OrderFlowView orderFlow, long nowMillis) {
    Map<String, LimitBreach> found = new LinkedHashMap<>();
    readOrderFlow(Readings.all(found), limits, orderFlow, nowMillis);
    return found;
  }

  private static void readOrderFlow(Readings found, Limits limits, OrderFlowView orderFlow,
      long nowMillis) {
    OrderLimits orders = limits.orderLimits();
    read(found, LimitKind.ORDER_RATE_BURST, "", orderFlow.ordersLastSecond(), orders.maxOrdersPerSecond(),
        nowMillis);
    read(found, LimitKind.ORDER_RATE, "", orderFlow.ordersLastMinute(), orders.maxOrdersPerMinute(), nowMillis);
    read(found, LimitKind.MESSAGE_RATE_BURST, "", orderFlow.messagesLastSecond(), orders.maxMessagesPerSecond(),
        nowMillis);
    read(found, LimitKind.MESSAGE_RATE, "", orderFlow.messagesLastMinute(), orders.maxMessagesPerMinute(),
        nowMillis);
    if (orderFlow.messagesLastMinute() >= orders.otrMinMessages()) {
      read(found, LimitKind.ORDER_TO_TRADE, "", orderFlow.orderToTradeRatio(), orders.maxOrderToTradeRatio(),
          nowMillis);
    }
  }

  /**
   * The VaR, expected-shortfall, stress-loss and liquidity limits beyond their level, keyed by breach key. Cheap
   * (no valuation). (The entity's risk refresh judges {@link #riskReadings} instead, for warning levels.)
   * The liquidity breach is one per portfolio (key {@code LIQUIDITY}), judged on its least liquid position,
   * which its detail names; when that figure is unknown the detail names every position without an ADV.
   */
  public static Map<String, LimitBreach> riskBreaches(Limits limits, RiskMeasures risk, long nowMillis) {
    Map<String, LimitBreach> found = new LinkedHashMap<>();
    readRisk(Readings.beyond(found), limits, risk, nowMillis);
    return found;
  }

  /** The VaR, expected-shortfall, stress-loss and liquidity readings (within their levels or not), by key. */
  public static Map<String, LimitBreach> riskReadings(Limits limits, RiskMeasures risk, long nowMillis) {
    Map<String, LimitBreach> readings = new LinkedHashMap<>();
    readRisk(Readings.all(readings), limits, risk, nowMillis);
    return readings;
  }

  /**
   * The VaR, expected-shortfall, stress-loss and liquidity readings {@link LimitJudge#judge} can act on: see
   * {@link #judged}.
   */
  public static Map<String, LimitBreach> riskJudged(Limits limits, RiskMeasures risk, long nowMillis,
      Map<String, LimitBreach> activeBreaches, Map<String, LimitBreach> activeWarnings) {
    Map<String, LimitBreach> readings = new LinkedHashMap<>();
    readRisk(Readings.judged(readings, limits.policy(), activeBreaches, activeWarnings), limits, risk, nowMillis);
    return readings;
  }

  /** Builds each detail only for a limit that is set: most portfolios have no risk-measure limit. */
  private static void readRisk(Readings found, Limits limits, RiskMeasures risk, long nowMillis) {
    if (limits.maxVar() != null || limits.maxExpectedShortfall() != null) {
      String varDetail = String.join("; ", risk.varProblems());
      read(found, LimitKind.VAR, "", risk.valueAtRisk99(), limits.maxVar(), nowMillis, varDetail);
      read(found, LimitKind.EXPECTED_SHORTFALL, "", risk.expectedShortfall975(), limits.maxExpectedShortfall(),
          nowMillis, varDetail);
    }
    if (limits.maxStressLoss() != null) {
      read(found, LimitKind.STRESS_LOSS, "", risk.worstStressLoss(), limits.maxStressLoss(), nowMillis,
          risk.stressProblems().isEmpty() ? risk.worstStressScenario() : String.join("; ", risk.stressProblems()));
    }
    if (limits.maxDaysToLiquidate() != null) {
      read(found, LimitKind.LIQUIDITY, "", risk.maxDaysToLiquidate(), limits.maxDaysToLiquidate(), nowMillis,
          risk.liquidityProblems().isEmpty() ? risk.leastLiquidSymbol()
              : String.join("; ", risk.liquidityProblems()));
    }
  }

  /**
   * Every per-execution limit the execution exceeds; each breach key names the execution id.
   *
   * @param fxToReporting reporting currency per unit of the execution's price currency; NaN (no rate) makes
   *     the notional unknown, which breaches a notional limit (fail closed)
   */
  public static List<LimitBreach> executionBreaches(
      Limits limits, Execution execution, double fxToReporting, long nowMillis) {
    return executionBreaches(limits, execution, fxToReporting, Double.NaN, nowMillis);
  }

  /**
   * Every per-execution limit the execution exceeds, including the price collar and the restricted list; each
   * breach key names the execution id.
   *
   * @param referencePrice the instrument's reference price (its mark before the fill), price currency; NaN when
   *     none, which breaches a price collar (fail closed)
   */
  public static List<LimitBreach> executionBreaches(
      Limits limits, Execution execution, double fxToReporting, double referencePrice, long nowMillis) {
    List<LimitBreach> found = new ArrayList<>(2);
    OrderLimits orders = limits.orderLimits();
    if (orders.restricted(execution.symbol())) {
      found.add(new LimitBreach(LimitKind.RESTRICTED_INSTRUMENT + ":" + execution.executionId(),
          LimitKind.RESTRICTED_INSTRUMENT, execution.symbol(), 1, 0, nowMillis, "instrument is restricted"));
    }
    if (orders.priceCollarPct() != null) {
      double distancePct = collarDistancePct(execution.price(), referencePrice);
      if (!(distancePct <= orders.priceCollarPct())) {
        found.add(new LimitBreach(LimitKind.PRICE_COLLAR + ":" + execution.executionId(), LimitKind.PRICE_COLLAR,
            execution.symbol(), distancePct, orders.priceCollarPct(), nowMillis,
            Double.isNaN(referencePrice) ? "no reference price" : "price " + execution.price()
                + " vs reference " + referencePrice));
      }
    }
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

  /**
   * How far {@code price} is from {@code referencePrice}, percent of the reference's magnitude; NaN when there is
   * no usable reference (missing or zero), which a collar treats as a breach.
   */
  public static double collarDistancePct(double price, double referencePrice) {
    if (!(Math.abs(referencePrice) > 0)) {
      return Double.NaN;
    }
    return 100 * Math.abs(price - referencePrice) / Math.abs(referencePrice);
  }

  private static void read(Readings found, LimitKind kind, String symbol, double value, Double limit, long now) {
    read(found, kind, symbol, value, limit, now, "");
  }

  private static void read(Readings found, LimitKind kind, String symbol, double value, Double limit, long now,
      String detail) {
    if (limit == null) {
      return;
    }
    // Written as !(value <= level) so that a NaN value is kept (fail closed).
    String key = null;
    if (found.level() == Level.ANY || !(value <= found.levelOf(limit))) {
      key = key(kind, symbol);
    } else if (found.hasOpenEpisodes()) {
      String candidate = key(kind, symbol);
      if (found.openEpisode(candidate)) {
        key = candidate;
      }
    }
    if (key != null) {
      found.byKey().put(key, new LimitBreach(key, kind, symbol, value, limit, now, detail));
    }
  }

  private static String key(LimitKind kind, String symbol) {
    return symbol.isEmpty() ? kind.name() : kind.name() + ":" + symbol;
  }

  /** Which readings a {@link Readings} keeps. */
  private enum Level { ANY, LIMIT, WARNING }

  /**
   * Where readings go, and which are kept: every one ({@link Level#ANY}), those beyond their limit
   * ({@link Level#LIMIT}), or those beyond the warning level ({@code warningShare} of the limit) plus those with an
   * open episode ({@link Level#WARNING}).
   */
  private record Readings(Map<String, LimitBreach> byKey, Level level, double warningShare,
      Map<String, LimitBreach> openBreaches, Map<String, LimitBreach> openWarnings) {

    static Readings all(Map<String, LimitBreach> byKey) {
      return new Readings(byKey, Level.ANY, 1, Map.of(), Map.of());
    }

    static Readings beyond(Map<String, LimitBreach> byKey) {
      return new Readings(byKey, Level.LIMIT, 1, Map.of(), Map.of());
    }

    static Readings judged(Map<String, LimitBreach> byKey, LimitPolicy policy,
        Map<String, LimitBreach> openBreaches, Map<String, LimitBreach> openWarnings) {
      return new Readings(byKey, Level.WARNING, policy.warningShare(), openBreaches, openWarnings);
    }

    /** The level beyond which a reading is kept: as {@link LimitJudge} starts a warning, else the limit. */
    double levelOf(double limit) {
      return level == Level.WARNING && warningShare < 1 && limit > 0 ? limit * warningShare : limit;
    }

    boolean hasOpenEpisodes() {
      return !openBreaches.isEmpty() || !openWarnings.isEmpty();
    }

    boolean openEpisode(String key) {
      return openBreaches.containsKey(key) || openWarnings.containsKey(key);
    }
  }
}

package io.riskpulse.model.limits;

import io.riskpulse.model.CborSerializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits of one portfolio. A {@code null} field means "no limit of this kind". Later issues extend this
 * record (rates, collars); keep fields nullable and add them at the end so old journals still read: a property
 * missing from an old event or snapshot deserializes to {@code null}, i.e. no limit.
 *
 * @param maxGrossExposure max Σ |notional|, currency units
 * @param maxNetExposure max |Σ notional|, currency units
 * @param maxPositionNotional max |notional| in any one instrument, currency units
 * @param maxConcentrationPct max share of gross exposure in one instrument, percent (0, 100]
 * @param concentrationMinGross gross exposure below which concentration is not judged (a small book is
 *     always concentrated), currency units; null means 0
 * @param maxIntradayLoss max loss (−P&amp;L), currency units
 * @param maxDrawdown max fall of P&amp;L from its intraday peak, currency units
 * @param maxOrderQuantity max quantity of one execution, instrument units
 * @param maxOrderNotional max notional of one execution, reporting currency units
 * @param haltOnBreach when true, a hard breach halts the portfolio automatically (alert-only otherwise)
 * @param maxVar max 1-day 99% historical-simulation VaR, reporting currency units (see {@link LimitKind#VAR})
 * @param maxExpectedShortfall max 1-day 97.5% historical expected shortfall, reporting currency units
 * @param maxStressLoss max loss under the worst configured stress scenario, reporting currency units
 * @param maxDaysToLiquidate max days to unwind the least liquid position at the configured share of its average
 *     daily volume, days (see {@link LimitKind#LIQUIDITY})
 * @param orderLimits order-flow and single-order limits (rates, order-to-trade ratio, repeated executions, price
 *     collar, restricted instruments, credit); {@code null} (and in journals written before they existed) means
 *     none
 * @param policy warning level, hysteresis and action per kind; {@code null} means {@link LimitPolicy#DEFAULT}
 */
public record Limits(
    Double maxGrossExposure,
    Double maxNetExposure,
    Double maxPositionNotional,
    Double maxConcentrationPct,
    Double concentrationMinGross,
    Double maxIntradayLoss,
    Double maxDrawdown,
    Double maxOrderQuantity,
    Double maxOrderNotional,
    boolean haltOnBreach,
    Double maxVar,
    Double maxExpectedShortfall,
    Double maxStressLoss,
    Double maxDaysToLiquidate,
    OrderLimits orderLimits,
    LimitPolicy policy)
    implements CborSerializable {

  /** No limits at all, alert-only. */
  public static final Limits NONE =
      new Limits(null, null, null, null, null, null, null, null, null, false);

  public Limits {
    orderLimits = orderLimits == null ? OrderLimits.NONE : orderLimits;
    policy = policy == null ? LimitPolicy.DEFAULT : policy;
  }

  /** Limits without order limits and with the default policy: the fields before they existed. */
  public Limits(Double maxGrossExposure, Double maxNetExposure, Double maxPositionNotional,
      Double maxConcentrationPct, Double concentrationMinGross, Double maxIntradayLoss, Double maxDrawdown,
      Double maxOrderQuantity, Double maxOrderNotional, boolean haltOnBreach, Double maxVar,
      Double maxExpectedShortfall, Double maxStressLoss, Double maxDaysToLiquidate) {
    this(maxGrossExposure, maxNetExposure, maxPositionNotional, maxConcentrationPct, concentrationMinGross,
        maxIntradayLoss, maxDrawdown, maxOrderQuantity, maxOrderNotional, haltOnBreach, maxVar, maxExpectedShortfall,
        maxStressLoss, maxDaysToLiquidate, null, null);
  }

  /** Limits without risk-measure limits (VaR, expected shortfall, stress loss): the fields before they existed. */
  public Limits(Double maxGrossExposure, Double maxNetExposure, Double maxPositionNotional,
      Double maxConcentrationPct, Double concentrationMinGross, Double maxIntradayLoss, Double maxDrawdown,
      Double maxOrderQuantity, Double maxOrderNotional, boolean haltOnBreach) {
    this(maxGrossExposure, maxNetExposure, maxPositionNotional, maxConcentrationPct, concentrationMinGross,
        maxIntradayLoss, maxDrawdown, maxOrderQuantity, maxOrderNotional, haltOnBreach, null, null, null, null);
  }

  /** Limits without a liquidity limit: the fields before {@code maxDaysToLiquidate} existed. */
  public Limits(Double maxGrossExposure, Double maxNetExposure, Double maxPositionNotional,
      Double maxConcentrationPct, Double concentrationMinGross, Double maxIntradayLoss, Double maxDrawdown,
      Double maxOrderQuantity, Double maxOrderNotional, boolean haltOnBreach, Double maxVar,
      Double maxExpectedShortfall, Double maxStressLoss) {
    this(maxGrossExposure, maxNetExposure, maxPositionNotional, maxConcentrationPct, concentrationMinGross,
        maxIntradayLoss, maxDrawdown, maxOrderQuantity, maxOrderNotional, haltOnBreach, maxVar, maxExpectedShortfall,
        maxStressLoss, null);
  }

  /**
   * Whether any limit judged on the live risk figures (VaR, expected shortfall, stress loss, liquidity) is set:
   * only then are they computed before an execution is persisted.
   */
  public boolean hasRiskLimits() {
    return maxVar != null || maxExpectedShortfall != null || maxStressLoss != null || maxDaysToLiquidate != null;
  }

  /** These limits with the VaR, expected-shortfall and stress-loss limits replaced (each {@code null} for none). */
  public Limits withRiskLimits(Double maxVar, Double maxExpectedShortfall, Double maxStressLoss) {
    return new Limits(maxGrossExposure, maxNetExposure, maxPositionNotional, maxConcentrationPct,
        concentrationMinGross, maxIntradayLoss, maxDrawdown, maxOrderQuantity, maxOrderNotional, haltOnBreach,
        maxVar, maxExpectedShortfall, maxStressLoss, maxDaysToLiquidate, orderLimits, policy);
  }

  /** These limits with the liquidity limit replaced, days ({@code null} for none). */
  public Limits withLiquidityLimit(Double maxDaysToLiquidate) {
    return new Limits(maxGrossExposure, maxNetExposure, maxPositionNotional, maxConcentrationPct,
        concentrationMinGross, maxIntradayLoss, maxDrawdown, maxOrderQuantity, maxOrderNotional, haltOnBreach,
        maxVar, maxExpectedShortfall, maxStressLoss, maxDaysToLiquidate, orderLimits, policy);
  }

  /** These limits with the order limits replaced ({@code null} for none). */
  public Limits withOrderLimits(OrderLimits orderLimits) {
    return new Limits(maxGrossExposure, maxNetExposure, maxPositionNotional, maxConcentrationPct,
        concentrationMinGross, maxIntradayLoss, maxDrawdown, maxOrderQuantity, maxOrderNotional, haltOnBreach,
        maxVar, maxExpectedShortfall, maxStressLoss, maxDaysToLiquidate, orderLimits, policy);
  }

  /** These limits with the policy replaced ({@code null} for the default). */
  public Limits withPolicy(LimitPolicy policy) {
    return new Limits(maxGrossExposure, maxNetExposure, maxPositionNotional, maxConcentrationPct,
        concentrationMinGross, maxIntradayLoss, maxDrawdown, maxOrderQuantity, maxOrderNotional, haltOnBreach,
        maxVar, maxExpectedShortfall, maxStressLoss, maxDaysToLiquidate, orderLimits, policy);
  }

  /** The action a breach of {@code kind} takes under these limits' policy. */
  public LimitAction actionFor(LimitKind kind) {
    return policy.action(kind, haltOnBreach);
  }

  /** The limit value for a kind, or {@code null} when none is set. */
  public Double limitFor(LimitKind kind) {
    switch (kind) {
      case GROSS_EXPOSURE:
        return maxGrossExposure;
      case NET_EXPOSURE:
        return maxNetExposure;
      case POSITION_NOTIONAL:
        return maxPositionNotional;
      case CONCENTRATION:
        return maxConcentrationPct;
      case INTRADAY_LOSS:
        return maxIntradayLoss;
      case DRAWDOWN:
        return maxDrawdown;
      case ORDER_QUANTITY:
        return maxOrderQuantity;
      case ORDER_NOTIONAL:
        return maxOrderNotional;
      case VAR:
        return maxVar;
      case EXPECTED_SHORTFALL:
        return maxExpectedShortfall;
      case STRESS_LOSS:
        return maxStressLoss;
      case LIQUIDITY:
        return maxDaysToLiquidate;
      case MARKET_DATA:
        return 0.0;
      case ORDER_RATE_BURST:
        return orderLimits.maxOrdersPerSecond();
      case ORDER_RATE:
        return orderLimits.maxOrdersPerMinute();
      case MESSAGE_RATE_BURST:
        return orderLimits.maxMessagesPerSecond();
      case MESSAGE_RATE:
        return orderLimits.maxMessagesPerMinute();
      case ORDER_TO_TRADE:
        return orderLimits.maxOrderToTradeRatio();
      case CREDIT:
        return orderLimits.maxCreditUsed();
      case PRICE_COLLAR:
        return orderLimits.priceCollarPct();
      case RESTRICTED_INSTRUMENT:
        return orderLimits.restrictedSymbols().isEmpty() ? null : 0.0;
      case REPEATED_EXECUTIONS:
        return orderLimits.maxRepeatedExecutions() == null ? null : orderLimits.maxRepeatedExecutions().doubleValue();
      default:
        throw new IllegalArgumentException(kind.name());
    }
  }

  /**
   * Every problem with these limits, each naming the field; empty when valid. Each set value must be finite
   * and &gt; 0; a concentration must not exceed 100%; the concentration floor may be 0.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (LimitKind kind : LimitKind.values()) {
      if (kind == LimitKind.MARKET_DATA || kind.ordinal() > LimitKind.MARKET_DATA.ordinal()) {
        continue; // always 0, or order limits judged by OrderLimits.problems()
      }
      Double value = limitFor(kind);
      if (value != null && !(value > 0 && value < Double.POSITIVE_INFINITY)) {
        problems.add(fieldName(kind) + " must be a positive finite number, was " + value);
      }
    }
    if (maxConcentrationPct != null && maxConcentrationPct > 100) {
      problems.add("maxConcentrationPct must be at most 100, was " + maxConcentrationPct);
    }
    if (concentrationMinGross != null
        && !(concentrationMinGross >= 0 && concentrationMinGross < Double.POSITIVE_INFINITY)) {
      problems.add("concentrationMinGross must be a finite number >= 0, was " + concentrationMinGross);
    }
    problems.addAll(orderLimits.problems());
    problems.addAll(policy.problems());
    return problems;
  }

  /** The record field that holds a kind's limit, as named in the API and config. */
  public static String fieldName(LimitKind kind) {
    switch (kind) {
      case GROSS_EXPOSURE:
        return "maxGrossExposure";
      case NET_EXPOSURE:
        return "maxNetExposure";
      case POSITION_NOTIONAL:
        return "maxPositionNotional";
      case CONCENTRATION:
        return "maxConcentrationPct";
      case INTRADAY_LOSS:
        return "maxIntradayLoss";
      case DRAWDOWN:
        return "maxDrawdown";
      case ORDER_QUANTITY:
        return "maxOrderQuantity";
      case ORDER_NOTIONAL:
        return "maxOrderNotional";
      case VAR:
        return "maxVar";
      case EXPECTED_SHORTFALL:
        return "maxExpectedShortfall";
      case STRESS_LOSS:
        return "maxStressLoss";
      case LIQUIDITY:
        return "maxDaysToLiquidate";
      case MARKET_DATA:
        return "(market data)";
      case ORDER_RATE_BURST:
        return "orderLimits.maxOrdersPerSecond";
      case ORDER_RATE:
        return "orderLimits.maxOrdersPerMinute";
      case MESSAGE_RATE_BURST:
        return "orderLimits.maxMessagesPerSecond";
      case MESSAGE_RATE:
        return "orderLimits.maxMessagesPerMinute";
      case ORDER_TO_TRADE:
        return "orderLimits.maxOrderToTradeRatio";
      case CREDIT:
        return "orderLimits.maxCreditUsed";
      case PRICE_COLLAR:
        return "orderLimits.priceCollarPct";
      case RESTRICTED_INSTRUMENT:
        return "orderLimits.restrictedSymbols";
      case REPEATED_EXECUTIONS:
        return "orderLimits.maxRepeatedExecutions";
      default:
        throw new IllegalArgumentException(kind.name());
    }
  }
}

package io.riskpulse.model.limits.scope;

import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.limits.OrderLimits;
import io.riskpulse.model.risk.aggregate.AggregateRisk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a desk or the firm is judged on: which {@link Limits} fields apply to a scope, and the readings of those
 * limits from its risk aggregate's figures (what {@link io.riskpulse.model.limits.LimitJudge} applies warning levels
 * and hysteresis to). Pure and stateless, like {@link io.riskpulse.model.limits.LimitChecker} for a portfolio.
 *
 * <p>A scope has no positions, orders or scenarios of its own, only the sums its aggregate keeps, so only the
 * limits on those sums apply: gross and net exposure, intraday loss, VaR and expected shortfall.
 */
public final class ScopeLimitChecker {

  /** The limit kinds a desk or the firm is judged on, in reading order. */
  public static final Set<LimitKind> KINDS = Collections.unmodifiableSet(EnumSet.of(LimitKind.GROSS_EXPOSURE,
      LimitKind.NET_EXPOSURE, LimitKind.INTRADAY_LOSS, LimitKind.VAR, LimitKind.EXPECTED_SHORTFALL));

  private ScopeLimitChecker() {}

  /**
   * Every field of {@code limits} that is set but means nothing for a desk or the firm, by its API name (e.g.
   * {@code maxDrawdown}, {@code orderLimits.maxOrdersPerSecond}, {@code policy.actions.DRAWDOWN}); empty when none.
   * {@code haltOnBreach} and the policy's warning level and hysteresis apply.
   */
  public static List<String> notApplicable(Limits limits) {
    List<String> fields = new ArrayList<>();
    for (LimitKind kind : LimitKind.values()) {
      if (!KINDS.contains(kind) && kind != LimitKind.MARKET_DATA && limits.limitFor(kind) != null) {
        fields.add(Limits.fieldName(kind));
      }
    }
    if (limits.concentrationMinGross() != null) {
      fields.add("concentrationMinGross");
    }
    OrderLimits orders = limits.orderLimits();
    if (orders.orderToTradeMinMessages() != null) {
      fields.add("orderLimits.orderToTradeMinMessages");
    }
    if (orders.repeatedExecutionWindowMillis() != null) {
      fields.add("orderLimits.repeatedExecutionWindowMillis");
    }
    for (LimitKind kind : limits.policy().actions().keySet()) {
      if (!KINDS.contains(kind)) {
        fields.add("policy.actions." + kind.name());
      }
    }
    return fields;
  }

  /** Whether any limit a scope is judged on is set. */
  public static boolean anySet(Limits limits) {
    for (LimitKind kind : KINDS) {
      if (limits.limitFor(kind) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The reading of every scope limit that is set, keyed by kind name: gross exposure, |net exposure|,
   * −intraday P&amp;L, VaR and expected shortfall of the aggregate. A NaN figure reads NaN (which breaches) with
   * the aggregate's reasons as the detail.
   */
  public static Map<String, LimitBreach> readings(Limits limits, AggregateRisk risk, long nowMillis) {
    String exposureDetail = String.join("; ", risk.exposureProblems());
    String riskDetail = String.join("; ", risk.problems());
    Map<String, LimitBreach> readings = new LinkedHashMap<>();
    read(readings, limits, LimitKind.GROSS_EXPOSURE, risk.grossExposure(), nowMillis, exposureDetail);
    read(readings, limits, LimitKind.NET_EXPOSURE, Math.abs(risk.netExposure()), nowMillis, exposureDetail);
    read(readings, limits, LimitKind.INTRADAY_LOSS, -risk.intradayPnl(), nowMillis, exposureDetail);
    read(readings, limits, LimitKind.VAR, risk.valueAtRisk99(), nowMillis, riskDetail);
    read(readings, limits, LimitKind.EXPECTED_SHORTFALL, risk.expectedShortfall975(), nowMillis, riskDetail);
    return readings;
  }

  /**
   * Every scope limit that is set, read as NaN (unknown, so breached: fail closed) because the aggregate gave no
   * figures; {@code why} becomes each reading's detail.
   */
  public static Map<String, LimitBreach> unavailable(Limits limits, String why, long nowMillis) {
    Map<String, LimitBreach> readings = new LinkedHashMap<>();
    for (LimitKind kind : KINDS) {
      read(readings, limits, kind, Double.NaN, nowMillis, why);
    }
    return readings;
  }

  private static void read(Map<String, LimitBreach> readings, Limits limits, LimitKind kind, double value,
      long nowMillis, String detailIfUnknown) {
    Double limit = limits.limitFor(kind);
    if (limit != null) {
      readings.put(kind.name(), new LimitBreach(kind.name(), kind, "", value, limit, nowMillis,
          Double.isNaN(value) ? detailIfUnknown : ""));
    }
  }
}

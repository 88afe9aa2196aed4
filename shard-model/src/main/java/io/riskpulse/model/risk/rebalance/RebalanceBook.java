package io.riskpulse.model.risk.rebalance;

import io.riskpulse.model.portfolio.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The open positions and targets of one rebalance, validated, with the arithmetic of reductions: which reductions
 * an instrument allows (whole lots within its liquidity cap, or a full close) and whether a set of reductions
 * meets the targets, measured exactly as {@code LimitChecker} measures them.
 *
 * <p>A set of reductions is a {@code double[]} indexed like the book: instrument units taken off the absolute
 * position of each instrument, 0 for no order. Immutable; not part of the API.
 */
final class RebalanceBook {

  /** Instruments held (flat positions are dropped: they can neither breach nor be traded). */
  final int size;
  private final String[] symbol;
  /** |quantity|, instrument units. */
  private final double[] held;
  /** +1 long, -1 short. */
  private final int[] sign;
  /** Reporting currency per instrument unit. */
  private final double[] unitValue;
  private final double[] lot;
  /** maxTradeQuantity as given; NaN = unknown liquidity. */
  private final double[] tradeCap;
  /** Largest reduction the instrument allows, instrument units; 0 when it may not be traded. */
  private final double[] maxReduction;

  final double maxGross;
  final double maxNet;
  final double maxPosition;
  /** Whether a concentration target is set. */
  final boolean concentrationSet;
  final double maxConcentrationPct;
  /** maxConcentrationPct / 100. */
  final double concentrationShare;
  final double concentrationMinGross;

  private RebalanceBook(List<RebalancePosition> open, RebalanceTargets targets) {
    size = open.size();
    symbol = new String[size];
    held = new double[size];
    sign = new int[size];
    unitValue = new double[size];
    lot = new double[size];
    tradeCap = new double[size];
    maxReduction = new double[size];
    for (int i = 0; i < size; i++) {
      RebalancePosition p = open.get(i);
      symbol[i] = p.symbol();
      held[i] = Math.abs(p.quantity());
      sign[i] = p.quantity() > 0 ? 1 : -1;
      unitValue[i] = p.unitValue();
      lot[i] = p.lotSize();
      tradeCap[i] = p.maxTradeQuantity();
      maxReduction[i] = largestAllowedReduction(i, Double.isNaN(tradeCap[i]) ? 0 : tradeCap[i]);
    }
    maxGross = orInfinity(targets.maxGrossExposure());
    maxNet = orInfinity(targets.maxNetExposure());
    maxPosition = orInfinity(targets.maxPositionNotional());
    concentrationSet = targets.maxConcentrationPct() != null;
    maxConcentrationPct = orInfinity(targets.maxConcentrationPct());
    concentrationShare = maxConcentrationPct / 100;
    concentrationMinGross = targets.concentrationMinGross() == null ? 0 : targets.concentrationMinGross();
  }

  /**
   * Validates the input and keeps the open positions, largest notional first (then by symbol), which is the
   * order ties between equally small plans are broken in.
   *
   * @throws IllegalArgumentException naming the offending field
   */
  static RebalanceBook of(List<RebalancePosition> positions, RebalanceTargets targets) {
    if (positions == null) {
      throw new IllegalArgumentException("positions must not be null");
    }
    if (targets == null) {
      throw new IllegalArgumentException("targets must not be null");
    }
    requireTarget("maxGrossExposure", targets.maxGrossExposure());
    requireTarget("maxNetExposure", targets.maxNetExposure());
    requireTarget("maxPositionNotional", targets.maxPositionNotional());
    requireTarget("maxConcentrationPct", targets.maxConcentrationPct());
    requireTarget("concentrationMinGross", targets.concentrationMinGross());
    Set<String> seen = new HashSet<>();
    List<RebalancePosition> open = new ArrayList<>();
    for (int i = 0; i < positions.size(); i++) {
      RebalancePosition p = positions.get(i);
      String where = "positions[" + i + "]";
      if (p == null) {
        throw new IllegalArgumentException(where + " must not be null");
      }
      if (p.symbol() == null || p.symbol().isBlank()) {
        throw new IllegalArgumentException(where + ".symbol must not be null or blank");
      }
      where = where + " (" + p.symbol() + ")";
      if (!seen.add(p.symbol())) {
        throw new IllegalArgumentException(where + ".symbol appears twice: one position per instrument");
      }
      if (!Double.isFinite(p.quantity())) {
        throw new IllegalArgumentException(where + ".quantity must be finite, was " + p.quantity());
      }
      if (!(p.unitValue() > 0) || Double.isInfinite(p.unitValue())) {
        throw new IllegalArgumentException(where + ".unitValue must be finite and > 0, was " + p.unitValue());
      }
      if (!(p.lotSize() > 0) || Double.isInfinite(p.lotSize())) {
        throw new IllegalArgumentException(where + ".lotSize must be finite and > 0, was " + p.lotSize());
      }
      // NaN is legitimate (unknown ADV: not traded); negative is not.
      if (p.maxTradeQuantity() < 0) {
        throw new IllegalArgumentException(where + ".maxTradeQuantity must be >= 0 or NaN, was "
            + p.maxTradeQuantity());
      }
      if (p.quantity() != 0) {
        open.add(p);
      }
    }
    open.sort(Comparator.comparingDouble((RebalancePosition p) -> -Math.abs(p.quantity() * p.unitValue()))
        .thenComparing(RebalancePosition::symbol));
    return new RebalanceBook(open, targets);
  }

  private static void requireTarget(String field, Double value) {
    if (value != null && !(value >= 0)) {
      throw new IllegalArgumentException("targets." + field + " must be >= 0 (or null for none), was " + value);
    }
  }

  private static double orInfinity(Double value) {
    return value == null ? Double.POSITIVE_INFINITY : value;
  }

  int sign(int i) {
    return sign[i];
  }

  double unitValue(int i) {
    return unitValue[i];
  }

  double lot(int i) {
    return lot[i];
  }

  double maxReduction(int i) {
    return maxReduction[i];
  }

  /** Whether the plan may trade the instrument at all. */
  boolean tradable(int i) {
    return maxReduction[i] > 0;
  }

  /** |notional| left after reducing the position by {@code reduction} units, reporting currency. */
  double remaining(int i, double reduction) {
    return Math.abs(sign[i] * (held[i] - reduction) * unitValue[i]);
  }

  /** Signed notional left after the reduction, exactly as the valuation computes quantity × unit value. */
  double notional(int i, double reduction) {
    return sign[i] * (held[i] - reduction) * unitValue[i];
  }

  /** Reduction of {@code k} lots, or the full close when that reaches the position. */
  private double lots(int i, double k) {
    double q = k * lot[i];
    return q >= held[i] ? held[i] : q;
  }

  /**
   * The largest reduction the instrument allows that is at most {@code limit} units: whole lots, or the whole
   * position when {@code limit} reaches it.
   */
  private double largestAllowedReduction(int i, double limit) {
    if (!(limit > 0)) {
      return 0;
    }
    if (held[i] <= limit) {
      return held[i];
    }
    double k = Math.floor(limit / lot[i]);
    while ((k + 1) * lot[i] <= limit) {
      k++;
    }
    while (k > 0 && k * lot[i] > limit) {
      k--;
    }
    return k * lot[i];
  }

  /** The largest allowed reduction (within the liquidity cap) of at most {@code limit} units. */
  double largestReductionAtMost(int i, double limit) {
    return largestAllowedReduction(i, Math.min(limit, maxReduction[i]));
  }

  /**
   * The smallest allowed reduction that leaves at most {@code maxRemaining} of |notional| (reporting currency):
   * the needed quantity rounded up to a whole lot, or the full close when rounding up reaches the position. NaN
   * when the liquidity cap does not allow it.
   */
  double smallestReductionLeaving(int i, double maxRemaining) {
    if (remaining(i, 0) <= maxRemaining) {
      return 0;
    }
    if (!(maxRemaining >= 0)) {
      return Double.NaN;
    }
    double need = held[i] - maxRemaining / unitValue[i];
    double k = Math.max(1, Math.ceil(need / lot[i]));
    while (k > 1 && remaining(i, lots(i, k - 1)) <= maxRemaining) {
      k--;
    }
    while (remaining(i, lots(i, k)) > maxRemaining) {
      k++;
    }
    double reduction = lots(i, k);
    return reduction <= maxReduction[i] ? reduction : Double.NaN;
  }

  /** How many non-zero reductions the instrument allows (whole lots within its cap, and the full close). */
  double reductionCount(int i) {
    if (maxReduction[i] <= 0) {
      return 0;
    }
    if (maxReduction[i] < held[i]) {
      return Math.round(maxReduction[i] / lot[i]);
    }
    return Math.max(0, Math.ceil(held[i] / lot[i] - 1e-9) - 1) + 1;
  }

  /** Every non-zero reduction the instrument allows, ascending. */
  double[] reductions(int i) {
    List<Double> found = new ArrayList<>();
    for (double k = 1; ; k++) {
      double r = lots(i, k);
      if (r > maxReduction[i]) {
        break;
      }
      found.add(r);
      if (r >= held[i]) {
        break;
      }
    }
    return found.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The next smaller allowed reduction (one lot less, or the last whole lot before a full close); 0 floor. */
  double oneLotLess(int i, double reduction) {
    if (reduction <= 0) {
      return 0;
    }
    if (reduction >= held[i]) {
      double k = Math.ceil(held[i] / lot[i]) - 1;
      while (k > 0 && k * lot[i] >= held[i]) {
        k--;
      }
      return Math.max(0, k * lot[i]);
    }
    return Math.max(0, Math.round(reduction / lot[i]) - 1) * lot[i];
  }

  /** The next larger allowed reduction, NaN beyond the liquidity cap. */
  double oneLotMore(int i, double reduction) {
    double next = reduction >= held[i] ? Double.NaN : lots(i, Math.round(reduction / lot[i]) + 1);
    return next <= maxReduction[i] ? next : Double.NaN;
  }

  double gross(double[] reduction) {
    double gross = 0;
    for (int i = 0; i < size; i++) {
      gross += Math.abs(notional(i, reduction[i]));
    }
    return gross;
  }

  double net(double[] reduction) {
    double net = 0;
    for (int i = 0; i < size; i++) {
      net += notional(i, reduction[i]);
    }
    return net;
  }

  /** Whether concentration is judged at this gross (as {@code LimitChecker}: gross &gt; 0 and not below the floor). */
  boolean concentrationJudged(double gross) {
    return concentrationSet && !(gross <= 0) && !(gross < concentrationMinGross);
  }

  /** Whether one position's concentration is within the target at this gross (judged or not). */
  boolean concentrationWithin(double remaining, double gross) {
    return remaining == 0 || !concentrationJudged(gross) || 100 * remaining / gross <= maxConcentrationPct;
  }

  /** Whether every target is met after the reductions, each measured as {@code LimitChecker} does. */
  boolean satisfied(double[] reduction) {
    double gross = 0;
    double net = 0;
    for (int i = 0; i < size; i++) {
      double n = notional(i, reduction[i]);
      gross += Math.abs(n);
      net += n;
      if (n != 0 && !(Math.abs(n) <= maxPosition)) {
        return false;
      }
    }
    if (!(gross <= maxGross) || !(Math.abs(net) <= maxNet)) {
      return false;
    }
    if (concentrationJudged(gross)) {
      for (int i = 0; i < size; i++) {
        if (!concentrationWithin(remaining(i, reduction[i]), gross)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Each target not met after the reductions, keyed like a limit breach, with its figures and the instruments
   * whose liquidity stopped the plan.
   */
  List<String> unmet(double[] reduction) {
    List<String> found = new ArrayList<>();
    double gross = gross(reduction);
    double net = net(reduction);
    if (!(gross <= maxGross)) {
      found.add(String.format(Locale.ROOT, "GROSS_EXPOSURE %.2f > %.2f: %s", gross, maxGross,
          blockers(reduction, 0)));
    }
    if (!(Math.abs(net) <= maxNet)) {
      found.add(String.format(Locale.ROOT, "NET_EXPOSURE %.2f > %.2f: %s", Math.abs(net), maxNet,
          blockers(reduction, net > 0 ? 1 : -1)));
    }
    for (int i = 0; i < size; i++) {
      double left = remaining(i, reduction[i]);
      if (left != 0 && !(left <= maxPosition)) {
        found.add(String.format(Locale.ROOT, "POSITION_NOTIONAL:%s %.2f > %.2f: %s", symbol[i], left, maxPosition,
            blocker(i, reduction[i])));
      }
    }
    if (concentrationJudged(gross)) {
      for (int i = 0; i < size; i++) {
        double left = remaining(i, reduction[i]);
        if (!concentrationWithin(left, gross)) {
          found.add(String.format(Locale.ROOT, "CONCENTRATION:%s %.2f%% > %.2f%%: %s", symbol[i],
              100 * left / gross, maxConcentrationPct, blocker(i, reduction[i])));
        }
      }
    }
    return found;
  }

  /** Why the instruments (of one side, or both when {@code side} is 0) could not be reduced further. */
  private String blockers(double[] reduction, int side) {
    List<String> why = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if ((side == 0 || sign[i] == side) && remaining(i, reduction[i]) > 0 && reduction[i] >= maxReduction[i]) {
        why.add(liquidityReason(i));
      }
    }
    return why.isEmpty() ? "no whole-lot reductions found that meet it with the other targets"
        : String.join("; ", why);
  }

  private String blocker(int i, double reduction) {
    return reduction >= maxReduction[i] ? liquidityReason(i)
        : "no whole-lot reduction of " + symbol[i] + " found that meets it with the other targets";
  }

  private String liquidityReason(int i) {
    if (Double.isNaN(tradeCap[i])) {
      return symbol[i] + " has no known liquidity (maxTradeQuantity NaN, no ADV): not traded";
    }
    return String.format(Locale.ROOT, "%s capped at maxTradeQuantity %s (%s of %s units tradable in lots of %s)",
        symbol[i], plain(tradeCap[i]), plain(maxReduction[i]), plain(held[i]), plain(lot[i]));
  }

  private static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : Double.toString(value);
  }

  /** The plan for the reductions: orders largest notional first, figures after, and what is left unmet. */
  RebalancePlan plan(double[] reduction) {
    List<RebalanceOrder> orders = new ArrayList<>();
    double traded = 0;
    for (int i = 0; i < size; i++) {
      if (reduction[i] > 0) {
        double notional = reduction[i] * unitValue[i];
        orders.add(new RebalanceOrder(symbol[i], sign[i] > 0 ? Side.SELL : Side.BUY, reduction[i], notional));
        traded += notional;
      }
    }
    orders.sort(Comparator.comparingDouble((RebalanceOrder o) -> -o.notional()).thenComparing(RebalanceOrder::symbol));
    List<String> residual = unmet(reduction);
    return new RebalancePlan(orders, residual.isEmpty(), traded, gross(reduction), net(reduction), residual);
  }

  /** Number of orders (instruments with a reduction). */
  static int orders(double[] reduction) {
    int count = 0;
    for (double r : reduction) {
      if (r > 0) {
        count++;
      }
    }
    return count;
  }

  /** Σ traded notional, reporting currency. */
  double traded(double[] reduction) {
    double traded = 0;
    for (int i = 0; i < size; i++) {
      traded += reduction[i] * unitValue[i];
    }
    return traded;
  }
}

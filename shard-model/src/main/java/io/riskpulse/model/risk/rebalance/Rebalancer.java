package io.riskpulse.model.risk.rebalance;

import java.util.List;

/**
 * The smallest set of reducing orders that brings a portfolio back within its gross, net, position-notional and
 * concentration targets, respecting lot sizes and liquidity. Pure and stateless (thread-safe); amounts in the
 * reporting currency, quantities in instrument units. Meant to be called on a breach, for books of tens of
 * positions: it spends time (milliseconds; tens to a couple of hundred for books of 100-200 instruments, the
 * repair being about cubic in their number) to get closer to the optimum.
 *
 * <h2>What the orders may do</h2>
 * <ul>
 *   <li>Only reduce an absolute position: sell a long, buy back a short, never past flat (a full close is allowed,
 *       a flip is not); at most one order per instrument.
 *   <li>Whole lots: the reduction a target needs is rounded <em>up</em> to a lot so the target is met, but never
 *       beyond the position: when rounding up would pass flat, the order closes the position, odd lot included
 *       (the only order that is not a whole number of lots).
 *   <li>Liquidity: an order is at most {@code maxTradeQuantity} (participation rate × ADV), i.e. the largest whole
 *       number of lots within it unless it covers the whole position. A NaN {@code maxTradeQuantity} (unknown ADV)
 *       means the instrument is not traded at all (fail closed); if a target needs it, the plan is incomplete.
 * </ul>
 *
 * <h2>What "smallest" means</h2>
 * Among the plans that meet every target: (1) the fewest orders, then (2) the least traded notional
 * Σ quantity × unit value. Orders first because each is a ticket to approve, route and watch, and a breach is
 * cleared sooner with fewer; notional second because it is the cost and the market impact. As positions only
 * shrink, traded notional = gross before − gross after, so (2) also keeps the most exposure. Remaining ties go to
 * the plan found first (the larger positions).
 *
 * <h2>Method</h2>
 * <ol>
 *   <li><b>Forced cuts</b> (exact). A position over {@code maxPositionNotional} is cut to it. While concentration
 *       is judged (gross &gt; 0 and ≥ {@code concentrationMinGross}), the set V of positions over the cap c (as a
 *       share) is cut together to c·G' with G' = (G − Σ<sub>V</sub>|n<sub>i</sub>|) / (1 − c·|V|), the gross at
 *       which every member of V sits exactly at the cap (one position: δ = (|n<sub>i</sub>| − c·G) / (1 − c)),
 *       rounded up to lots, and again as the cuts raise the others' shares, until nothing moves. No plan can cut
 *       any position less: this is the componentwise smallest reduction meeting those two targets.
 *   <li><b>Net, then gross</b> (greedy, one step of look-ahead). Net over N: cut the dominant side only, by at
 *       least |net| − N and at most |net| + N (no overshoot past −N), covering the gross excess too where it can.
 *       Gross over its cap: cut by the excess. The candidates are <em>level cuts</em> — the k largest positions
 *       (k = 1, 2, ...) cut to a common level so they give up the excess, which keeps their shares down; k = 1 is
 *       the single closed-form cut — each also with lots handed back where rounding up overshot, and paired level
 *       cuts of both sides that meet gross and net together. Each candidate is followed by the forced cuts, and
 *       the one leaving fewest violated targets, then fewest orders, then least notional is kept. Repeat.
 *   <li><b>Below the floor</b>. The repair also runs with concentration replaced by gross below
 *       {@code concentrationMinGross} (where concentration is not judged), and the closing of everything
 *       tradable is tried too; the smallest plan is kept. A plan just under the floor is fragile as prices move:
 *       a caller that does not want one passes no floor.
 *   <li><b>Give-back</b>. Each order is shrunk to the least that, the others fixed, still meets every target
 *       (closed-form bounds, checked exactly); orders that are not needed drop out.
 *   <li><b>Fewest orders</b>. Orders are dropped one at a time, smallest first, while the other instruments can
 *       still be repaired. With at most 12 tradable instruments, every subset of them (containing those over the
 *       position limit) up to that size is then tried, smallest first: repaired, and searched exactly over every
 *       whole-lot combination while that lattice fits a budget (400,000 combinations a plan). The first size with
 *       a plan gives the fewest orders; the least notional at that size wins.
 * </ol>
 *
 * <h2>Guarantees and limits</h2>
 * <ul>
 *   <li>Sound: {@code complete} is decided by measuring the book after the orders as {@code LimitChecker} does
 *       (gross Σ|n|, net |Σn|, |n| per instrument, 100·|n|/gross judged only from the floor), and the orders obey
 *       every rule above.
 *   <li>Exact for the position and concentration targets alone (step 1), in orders and notional.
 *   <li>Exact (fewest orders, then least notional, among all whole-lot plans) with at most 12 tradable
 *       instruments whenever the whole-lot combinations of the subsets tried fit the budget: coarse lots and few
 *       orders, which is precisely where a greedy method goes wrong (a net band narrower than the lots is a
 *       subset-sum problem, NP-hard in general). The tests compare with an exhaustive search on random books.
 *   <li>Otherwise (fine lots, or more than 12 instruments) a heuristic, locally minimal: no order can be shrunk by
 *       a lot, or dropped, with every target still met. On random books of coarse lots the repair alone misses
 *       the fewest orders (or a plan) in about 0.2% of cases, and is within 5% of the least notional in 99%; the
 *       misses are narrow bands against coarse lots, where it may close positions instead of finding the exact
 *       lot combination. Fine lots make the problem nearly continuous, where level cuts are near-optimal.
 * </ul>
 *
 * <h2>Incomplete plans</h2>
 * When no plan meets every target, the plan is a best effort: every forced cut made as far as the caps allow,
 * and net and gross cut as far as the tradable instruments allow. {@code complete} is false and {@code residual}
 * names each target still unmet, keyed like its breach, with its figures and the instruments whose liquidity
 * stopped the plan (capped, or without a known ADV). A best effort can raise the share of an untradable position;
 * it is a proposal for a person to judge, not to send blindly.
 */
public final class Rebalancer {

  private Rebalancer() {}

  /**
   * The smallest plan of reducing orders that brings the positions within the targets (see the class comment).
   *
   * @param positions one per instrument; flat ones are ignored
   * @param targets levels to reach, each {@code null} when not constrained; callers pass limits less their
   *     hysteresis so the breach episode ends
   * @return an empty complete plan when nothing is breached; else the orders, largest notional first
   * @throws IllegalArgumentException naming the field when a position or target is invalid: null symbol,
   *     duplicate symbol, non-finite quantity, unit value or lot size not finite and &gt; 0, negative
   *     {@code maxTradeQuantity} (NaN is allowed: unknown liquidity), NaN or negative target
   */
  public static RebalancePlan plan(List<RebalancePosition> positions, RebalanceTargets targets) {
    return plan(positions, targets, RebalanceSearch.LATTICE_BUDGET, RebalanceSearch.EXHAUSTIVE_MAX_INSTRUMENTS);
  }

  /**
   * As {@link #plan(List, RebalanceTargets)} with the search's bounds, for tests: {@code latticeBudget} 0 for the
   * repair alone, {@code exhaustiveMax} 0 for the repair and pruning used on large books.
   */
  static RebalancePlan plan(List<RebalancePosition> positions, RebalanceTargets targets, long latticeBudget,
      int exhaustiveMax) {
    RebalanceBook book = RebalanceBook.of(positions, targets);
    double[] none = new double[book.size];
    if (book.satisfied(none)) {
      return book.plan(none);
    }
    RebalanceSearch search = new RebalanceSearch(book, latticeBudget, exhaustiveMax);
    double[] smallest = search.smallest();
    return book.plan(smallest != null ? smallest : search.bestEffort());
  }
}

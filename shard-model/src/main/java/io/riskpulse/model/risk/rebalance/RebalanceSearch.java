package io.riskpulse.model.risk.rebalance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The search behind {@link Rebalancer}: a repair that, restricted to a set of instruments, makes the smallest
 * reductions each violated target forces, and the outer search over sets of instruments. See
 * {@link Rebalancer#plan} for the method and its guarantees. Not part of the API; single-use, not thread-safe.
 */
final class RebalanceSearch {

  /** Up to this many tradable instruments every subset is tried, smallest first. */
  static final int EXHAUSTIVE_MAX_INSTRUMENTS = 12;

  /** Paired cuts try up to this many of the largest positions on each side. */
  private static final int PAIRED_MAX = 4;

  /** Whole-lot combinations the exact search may check in one plan, over all subsets. */
  static final long LATTICE_BUDGET = 400_000;

  private final RebalanceBook book;
  private final int n;
  private long latticeBudget;
  private final int exhaustiveMax;

  /**
   * @param latticeBudget whole-lot combinations the exact search may check ({@link #LATTICE_BUDGET}; 0 for the
   *     repair alone)
   * @param exhaustiveMax up to this many tradable instruments every subset is tried
   *     ({@link #EXHAUSTIVE_MAX_INSTRUMENTS})
   */
  RebalanceSearch(RebalanceBook book, long latticeBudget, int exhaustiveMax) {
    this.book = book;
    this.n = book.size;
    this.latticeBudget = latticeBudget;
    this.exhaustiveMax = exhaustiveMax;
  }

  /** The smallest complete reductions found, or null when none meets every target. */
  double[] smallest() {
    List<Integer> tradable = new ArrayList<>();
    boolean[] forced = new boolean[n];
    for (int i = 0; i < n; i++) {
      // Over the position limit: every plan trades it, and it must be able to get under.
      if (!(book.remaining(i, 0) <= book.maxPosition)) {
        if (Double.isNaN(book.smallestReductionLeaving(i, book.maxPosition))) {
          return null;
        }
        forced[i] = true;
      }
      if (book.tradable(i)) {
        tradable.add(i);
      }
    }
    boolean[] all = new boolean[n];
    for (int i : tradable) {
      all[i] = true;
    }
    double[] repaired = bestOfBranches(all);
    double[] pruned = repaired == null ? null : prune(repaired);
    return tradable.size() <= exhaustiveMax ? exhaustive(tradable, forced, pruned) : pruned;
  }

  /** Best effort when no complete plan exists: every violated target reduced as far as the caps allow. */
  double[] bestEffort() {
    boolean[] all = new boolean[n];
    for (int i = 0; i < n; i++) {
      all[i] = book.tradable(i);
    }
    return repair(all, false, false);
  }

  /**
   * Every subset of the tradable instruments that contains the forced ones, by size, up to the size of the plan
   * already found: the first size at which a subset can be repaired (or solved exactly) has the fewest orders;
   * among those subsets the least traded notional wins, ties to the plan found first (subsets are generated in
   * book order, largest position first).
   */
  private double[] exhaustive(List<Integer> tradable, boolean[] forced, double[] found) {
    int m = tradable.size();
    int forcedCount = 0;
    for (boolean f : forced) {
      forcedCount += f ? 1 : 0;
    }
    double[] best = found;
    int largest = found == null ? m : RebalanceBook.orders(found);
    for (int k = Math.max(1, forcedCount); k <= largest; k++) {
      int[] pick = new int[k];
      for (int j = 0; j < k; j++) {
        pick[j] = j;
      }
      while (true) {
        boolean[] allowed = new boolean[n];
        int forcedIn = 0;
        for (int j : pick) {
          int i = tradable.get(j);
          allowed[i] = true;
          forcedIn += forced[i] ? 1 : 0;
        }
        if (forcedIn == forcedCount) {
          best = better(best, bestOfBranches(allowed));
          best = better(best, lattice(allowed, k));
        }
        if (!nextCombination(pick, m)) {
          break;
        }
      }
      if (best != null && RebalanceBook.orders(best) <= k) {
        return best;
      }
    }
    return best;
  }

  /**
   * Exact search over every whole-lot reduction of the {@code k} allowed instruments, each traded (the subsets
   * without one of them are tried on their own), while the lattice fits the remaining budget: the least traded
   * notional that meets every target. Lots coarse against the targets, where the repair can miss a combination,
   * are exactly where the lattice is small.
   */
  private double[] lattice(boolean[] allowed, int k) {
    int[] members = new int[k];
    double points = 1;
    for (int i = 0, j = 0; i < n; i++) {
      if (allowed[i]) {
        members[j++] = i;
        points *= book.reductionCount(i);
      }
    }
    if (points > latticeBudget) {
      return null;
    }
    latticeBudget -= (long) points;
    double[][] grid = new double[k][];
    for (int j = 0; j < k; j++) {
      grid[j] = book.reductions(members[j]);
      if (grid[j].length == 0) {
        return null;
      }
    }
    int[] index = new int[k];
    double[] d = new double[n];
    double[] best = null;
    double bestTraded = Double.POSITIVE_INFINITY;
    while (true) {
      double traded = 0;
      for (int j = 0; j < k; j++) {
        d[members[j]] = grid[j][index[j]];
        traded += grid[j][index[j]] * book.unitValue(members[j]);
      }
      if (traded < bestTraded && book.satisfied(d)) {
        best = d.clone();
        bestTraded = traded;
      }
      int j = 0;
      while (j < k && ++index[j] == grid[j].length) {
        index[j++] = 0;
      }
      if (j == k) {
        return best;
      }
    }
  }

  private static boolean nextCombination(int[] pick, int m) {
    int k = pick.length;
    int j = k - 1;
    while (j >= 0 && pick[j] == m - k + j) {
      j--;
    }
    if (j < 0) {
      return false;
    }
    pick[j]++;
    for (int t = j + 1; t < k; t++) {
      pick[t] = pick[t - 1] + 1;
    }
    return true;
  }

  /** Beyond the exhaustive size: drop orders one at a time, smallest first, while the rest can still be repaired. */
  private double[] prune(double[] plan) {
    double[] best = plan;
    boolean improved = true;
    while (improved) {
      improved = false;
      Integer[] traded = supportBySmallestOrder(best);
      for (int drop : traded) {
        boolean[] allowed = new boolean[n];
        for (int i : traded) {
          allowed[i] = i != drop;
        }
        double[] candidate = bestOfBranches(allowed);
        if (candidate != null && better(best, candidate) == candidate) {
          best = candidate;
          improved = true;
          break;
        }
      }
    }
    return best;
  }

  private Integer[] supportBySmallestOrder(double[] reduction) {
    List<Integer> support = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (reduction[i] > 0) {
        support.add(i);
      }
    }
    Integer[] sorted = support.toArray(new Integer[0]);
    Arrays.sort(sorted, (a, b) -> Double.compare(reduction[a] * book.unitValue(a), reduction[b] * book.unitValue(b)));
    return sorted;
  }

  /** The better complete repair restricted to {@code allowed}: concentration judged, or gross below its floor. */
  private double[] bestOfBranches(boolean[] allowed) {
    double[] judged = repair(allowed, false, true);
    double[] best = judged == null ? null : giveBack(judged);
    // The extreme point: every allowed instrument cut as far as it may go, then given back. With lots coarse
    // against the net band the plans that exist are often such closes.
    double[] extreme = new double[n];
    for (int i = 0; i < n; i++) {
      extreme[i] = allowed[i] ? book.maxReduction(i) : 0;
    }
    if (book.satisfied(extreme)) {
      best = better(best, giveBack(extreme));
    }
    if (book.concentrationSet && book.concentrationMinGross > 0) {
      double[] belowFloor = repair(allowed, true, true);
      best = better(best, belowFloor == null ? null : giveBack(belowFloor));
    }
    return best;
  }

  /** Fewer orders, then less traded notional (a relative 1e-12 counts as a tie, kept by the incumbent). */
  private double[] better(double[] incumbent, double[] candidate) {
    if (candidate == null) {
      return incumbent;
    }
    if (incumbent == null) {
      return candidate;
    }
    int a = RebalanceBook.orders(incumbent);
    int b = RebalanceBook.orders(candidate);
    if (a != b) {
      return b < a ? candidate : incumbent;
    }
    double ta = book.traded(incumbent);
    double tb = book.traded(candidate);
    return tb < ta - 1e-12 * Math.max(1, ta) ? candidate : incumbent;
  }

  /**
   * Repairs the book with orders only in {@code allowed} instruments.
   *
   * @param belowFloor the branch that meets concentration by taking gross below {@code concentrationMinGross}
   * @param strict give up (null) as soon as a target cannot be met; otherwise reduce as far as the caps allow
   * @return the reductions, or null (strict only) when this repair finds no complete plan
   */
  private double[] repair(boolean[] allowed, boolean belowFloor, boolean strict) {
    double grossCap = belowFloor ? Math.min(book.maxGross, Math.nextDown(book.concentrationMinGross))
        : book.maxGross;
    double[] d = new double[n];
    for (int step = 0; step < 8 * n + 16; step++) {
      if (!settle(d, allowed, belowFloor, strict) && strict) {
        return null;
      }
      double gross = book.gross(d);
      double net = book.net(d);
      boolean netBad = !(Math.abs(net) <= book.maxNet);
      boolean grossBad = !(gross <= grossCap);
      if (!netBad && !grossBad) {
        return !strict || book.satisfied(d) ? d : null;
      }
      double[] next = netBad ? netStep(d, allowed, belowFloor, strict, gross, net, grossCap)
          : grossStep(d, allowed, belowFloor, strict, gross, net, grossCap);
      if (next == null) {
        return strict ? null : d;
      }
      d = next;
    }
    return strict ? null : d;
  }

  /**
   * Makes the reductions the position and concentration targets force, in place: each instrument over the
   * position limit is cut to it; while concentration is judged, the set V of instruments over the cap c (as a
   * share) is cut together to {@code c·G'} with {@code G' = (G − Σ_V |n_i|) / (1 − c·|V|)}, the gross at which
   * all of V sit exactly at the cap (for one instrument this is δ = (|n_i| − c·G)/(1 − c)), rounded up to lots,
   * until nothing moves. Each cut is the least any plan below the current reductions can make, so the result is
   * the componentwise smallest set of reductions meeting these two targets (a greatest fixed point).
   *
   * @return false when an instrument cannot be cut enough (not allowed, or its liquidity cap)
   */
  private boolean settle(double[] d, boolean[] allowed, boolean belowFloor, boolean strict) {
    boolean ok = true;
    for (int round = 0; round < 64 * n + 64; round++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        if (!(book.remaining(i, d[i]) <= book.maxPosition)) {
          double before = d[i];
          boolean met = cut(d, allowed, i, book.maxPosition);
          if (!met && strict) {
            return false;
          }
          ok &= met;
          changed |= d[i] != before;
        }
      }
      if (!belowFloor && book.concentrationSet) {
        double gross = book.gross(d);
        if (book.concentrationJudged(gross)) {
          double over = 0;
          int count = 0;
          for (int i = 0; i < n; i++) {
            double left = book.remaining(i, d[i]);
            if (!book.concentrationWithin(left, gross)) {
              over += left;
              count++;
            }
          }
          if (count > 0) {
            double c = book.concentrationShare;
            double bound = c * count < 1 ? c * (gross - over) / (1 - c * count) : c * gross;
            for (int i = 0; i < n; i++) {
              if (!book.concentrationWithin(book.remaining(i, d[i]), gross)) {
                double before = d[i];
                boolean met = cut(d, allowed, i, Math.min(bound, c * gross));
                if (!met && strict) {
                  return false;
                }
                ok &= met;
                changed |= d[i] != before;
              }
            }
          }
        }
      }
      if (!changed) {
        return ok;
      }
    }
    return false;
  }

  /**
   * Raises instrument i's reduction to the least that leaves at most {@code maxRemaining}.
   *
   * @return false when it cannot (not allowed, or beyond its cap: then, if allowed, it is cut as far as the cap
   *     allows)
   */
  private boolean cut(double[] d, boolean[] allowed, int i, double maxRemaining) {
    double needed = book.smallestReductionLeaving(i, maxRemaining);
    if (!allowed[i] || Double.isNaN(needed)) {
      if (allowed[i]) {
        d[i] = Math.max(d[i], book.maxReduction(i));
      }
      return false;
    }
    d[i] = Math.max(d[i], needed);
    return true;
  }

  /**
   * Net over its target: cut the dominant side only, by at least the excess E = |net| − N and at most
   * |net| + N (not to overshoot past −N); when gross is over too, by as much of the gross excess as that window
   * allows. Candidates are level cuts of the k largest positions of that side, k = 1, 2, ... (see
   * {@link #levelCut}); each is tried with the forced cuts re-made after it, and the one leaving fewest violated
   * targets, then fewest orders, then least traded notional is kept; paired cuts of both sides are candidates
   * too when gross is over. When none fits the window (lots coarser than the band), the largest single cut
   * within it or the smallest past it (the other side then repairs the overshoot), whichever leaves net and gross
   * closest to their targets, is made and the repair goes on.
   */
  private double[] netStep(double[] d, boolean[] allowed, boolean belowFloor, boolean strict, double gross,
      double net, double grossCap) {
    int side = net > 0 ? 1 : -1;
    double excess = Math.abs(net) - book.maxNet;
    double window = Math.abs(net) + book.maxNet;
    double grossExcess = gross - grossCap;
    int[] members = largestFirst(d, allowed, side);
    double[] amounts = grossExcess > excess ? new double[] {excess, Math.min(grossExcess, window)}
        : new double[] {excess};
    Candidate best = null;
    for (double amount : amounts) {
      for (int k = 1; k <= members.length; k++) {
        for (double[] cut : levelCuts(d, members, k, amount)) {
          if (cutNotional(d, cut) <= window) {
            best = Candidate.better(best, evaluate(d, cut, allowed, belowFloor, strict, grossCap));
          }
        }
      }
    }
    best = paired(d, allowed, belowFloor, strict, gross, net, grossCap, best);
    if (best == null) {
      // Lots coarser than the band: the largest cut within it, or the smallest past it (the other side then
      // repairs the overshoot), whichever leaves net and gross closest to their targets.
      for (int i : members) {
        double reduction = book.largestReductionAtMost(i, d[i] + window / book.unitValue(i));
        while (reduction > d[i] && book.remaining(i, d[i]) - book.remaining(i, reduction) > window) {
          reduction = book.oneLotLess(i, reduction);
        }
        if (reduction > d[i]) {
          best = Candidate.closer(best, evaluate(d, with(d, i, reduction), allowed, belowFloor, strict, grossCap));
        }
        double left = book.remaining(i, d[i]);
        double past = excess <= left ? book.smallestReductionLeaving(i, left - excess) : Double.NaN;
        if (!Double.isNaN(past) && past > d[i]) {
          best = Candidate.closer(best, evaluate(d, with(d, i, past), allowed, belowFloor, strict, grossCap));
        }
      }
    }
    return best == null ? null : best.reduction;
  }

  /**
   * Gross over its cap (net within its band): level cuts of the k largest positions by the excess, k = 1, 2, ...,
   * scored as in the net step; when none can absorb it, the largest single cut that keeps net in its band (or,
   * failing that, the largest at all, the net step then repairing the band).
   */
  private double[] grossStep(double[] d, boolean[] allowed, boolean belowFloor, boolean strict, double gross,
      double net, double grossCap) {
    double excess = gross - grossCap;
    int[] members = largestFirst(d, allowed, 0);
    Candidate best = null;
    for (int k = 1; k <= members.length; k++) {
      for (double[] cut : levelCuts(d, members, k, excess)) {
        best = Candidate.better(best, evaluate(d, cut, allowed, belowFloor, strict, grossCap));
      }
    }
    best = paired(d, allowed, belowFloor, strict, gross, net, grossCap, best);
    if (best != null) {
      return best.reduction;
    }
    // No k can absorb the excess: the largest cut that keeps net in its band, or a full cut leaving net for the
    // net step, whichever leaves net and gross closest to their targets.
    for (int i : members) {
      double room = book.sign(i) > 0 ? net + book.maxNet : book.maxNet - net;
      double reduction = book.largestReductionAtMost(i, d[i] + room / book.unitValue(i));
      while (reduction > d[i] && book.remaining(i, d[i]) - book.remaining(i, reduction) > room) {
        reduction = book.oneLotLess(i, reduction);
      }
      if (reduction > d[i]) {
        best = Candidate.closer(best, evaluate(d, with(d, i, reduction), allowed, belowFloor, strict, grossCap));
      }
      best = Candidate.closer(best,
          evaluate(d, with(d, i, book.maxReduction(i)), allowed, belowFloor, strict, grossCap));
    }
    return best == null ? null : best.reduction;
  }

  /**
   * Gross over its cap with a net target: level cuts of the k largest longs by x and the j largest shorts by y
   * (k, j up to {@value #PAIRED_MAX}), with x + y = the gross excess and net − x + y = t for t in {0, ±N/2}, so
   * that both targets are met at once where cutting one side alone would push net out of its band.
   */
  private Candidate paired(double[] d, boolean[] allowed, boolean belowFloor, boolean strict, double gross,
      double net, double grossCap, Candidate best) {
    double excess = gross - grossCap;
    if (!(excess > 0) || Double.isInfinite(book.maxNet)) {
      return best;
    }
    int[] longs = largestFirst(d, allowed, 1);
    int[] shorts = largestFirst(d, allowed, -1);
    for (double t : new double[] {0, book.maxNet / 2, -book.maxNet / 2}) {
      double x = (excess + net - t) / 2;
      double y = (excess - net + t) / 2;
      if (!(x > 0) || !(y > 0)) {
        continue;
      }
      for (int k = 1; k <= Math.min(longs.length, PAIRED_MAX); k++) {
        for (double[] cutLongs : levelCuts(d, longs, k, x)) {
          for (int j = 1; j <= Math.min(shorts.length, PAIRED_MAX); j++) {
            for (double[] cut : levelCuts(cutLongs, shorts, j, y)) {
              best = Candidate.better(best, evaluate(d, cut, allowed, belowFloor, strict, grossCap));
            }
          }
        }
      }
    }
    return best;
  }

  /** Allowed instruments that can still be cut, of one side (0: both), largest remaining |notional| first. */
  private int[] largestFirst(double[] d, boolean[] allowed, int side) {
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (allowed[i] && (side == 0 || book.sign(i) == side) && d[i] < book.maxReduction(i)) {
        members.add(i);
      }
    }
    members.sort((a, b) -> Double.compare(book.remaining(b, d[b]), book.remaining(a, d[a])));
    return members.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Cuts the first {@code k} members down to a common level h of |notional| (none below what its liquidity cap
   * allows, none raised) so that together they give up {@code amount}: h solves
   * Σ (b<sub>i</sub> − clamp(h, floor<sub>i</sub>, b<sub>i</sub>)) = amount, i.e.
   * h = (Σ<sub>cut</sub> b<sub>i</sub> − amount + Σ<sub>floored</sub>(b<sub>i</sub> − floor<sub>i</sub>)) / |cut|.
   * Cutting the largest to a level is what keeps their concentration down; k = 1 is the single closed-form cut.
   * Each cut is then rounded up to lots.
   *
   * @return the new reductions, or null when the members cannot give up {@code amount}
   */
  private double[] levelCut(double[] d, int[] members, int k, double amount) {
    double[] top = new double[k];
    double[] floor = new double[k];
    double capacity = 0;
    for (int j = 0; j < k; j++) {
      int i = members[j];
      top[j] = book.remaining(i, d[i]);
      floor[j] = book.remaining(i, book.maxReduction(i));
      capacity += top[j] - floor[j];
    }
    if (!(capacity >= amount) || !(amount > 0)) {
      return null;
    }
    // Bisection for the set of members cut to the level, then the level in closed form from that set.
    double low = 0;
    double high = top[0];
    for (int iteration = 0; iteration < 100; iteration++) {
      double mid = (low + high) / 2;
      if (given(top, floor, mid) >= amount) {
        low = mid;
      } else {
        high = mid;
      }
    }
    double level = low;
    double atLevel = 0;
    int count = 0;
    double rest = amount;
    for (int j = 0; j < k; j++) {
      if (floor[j] >= level) {
        rest -= top[j] - floor[j];
      } else if (top[j] > level) {
        atLevel += top[j];
        count++;
      }
    }
    if (count > 0) {
      double exact = (atLevel - rest) / count;
      if (given(top, floor, exact) >= amount) {
        level = exact;
      }
    }
    double[] cut = d.clone();
    for (int j = 0; j < k; j++) {
      int i = members[j];
      double reduction = book.smallestReductionLeaving(i, Math.max(level, floor[j]));
      cut[i] = Double.isNaN(reduction) ? book.maxReduction(i) : Math.max(d[i], reduction);
    }
    return cut;
  }

  /**
   * The level cut, and the same with lots handed back (largest lot first) while the members still give up
   * {@code amount}: rounding each member up separately can overshoot by a lot per member, which matters when the
   * net band is narrower than the lots. Empty when the members cannot give up {@code amount}.
   */
  private List<double[]> levelCuts(double[] d, int[] members, int k, double amount) {
    double[] cut = levelCut(d, members, k, amount);
    if (cut == null) {
      return List.of();
    }
    double[] trimmed = cut.clone();
    Integer[] byLot = new Integer[k];
    for (int j = 0; j < k; j++) {
      byLot[j] = members[j];
    }
    Arrays.sort(byLot, (a, b) -> Double.compare(book.lot(b) * book.unitValue(b), book.lot(a) * book.unitValue(a)));
    boolean trimmedAny = false;
    for (boolean more = true; more; ) {
      more = false;
      for (int i : byLot) {
        double before = trimmed[i];
        double less = Math.max(d[i], book.oneLotLess(i, before));
        if (less < before) {
          trimmed[i] = less;
          if (cutNotional(d, trimmed) >= amount) {
            more = true;
            trimmedAny = true;
          } else {
            trimmed[i] = before;
          }
        }
      }
    }
    return trimmedAny ? List.of(cut, trimmed) : List.of(cut);
  }

  private static double given(double[] top, double[] floor, double level) {
    double given = 0;
    for (int j = 0; j < top.length; j++) {
      given += top[j] - Math.min(top[j], Math.max(level, floor[j]));
    }
    return given;
  }

  private double cutNotional(double[] before, double[] after) {
    double cut = 0;
    for (int i = 0; i < n; i++) {
      cut += (after[i] - before[i]) * book.unitValue(i);
    }
    return cut;
  }

  private static double[] with(double[] d, int i, double reduction) {
    double[] copy = d.clone();
    copy[i] = reduction;
    return copy;
  }

  /** One candidate cut with the forced reductions re-made after it; null when those cannot be made (strict). */
  private Candidate evaluate(double[] before, double[] cut, boolean[] allowed, boolean belowFloor, boolean strict,
      double grossCap) {
    double[] trial = cut.clone();
    if (!settle(trial, allowed, belowFloor, strict) && strict) {
      return null;
    }
    double gross = book.gross(trial);
    double netExcess = Math.abs(book.net(trial)) - book.maxNet;
    int violated = (netExcess <= 0 ? 0 : 1) + (gross <= grossCap ? 0 : 1);
    double excess = Math.max(0, netExcess) + Math.max(0, gross - grossCap);
    return new Candidate(trial, violated, excess, RebalanceBook.orders(trial), book.traded(trial));
  }

  /**
   * Local minimality: for each order in turn, the smallest reduction of that instrument alone (others fixed) that
   * still meets every target, from the closed-form bounds each target puts on its remaining notional, checked
   * exactly; orders that are not needed drop out. Repeated until nothing shrinks.
   */
  private double[] giveBack(double[] plan) {
    double[] d = plan.clone();
    boolean shrunk = true;
    for (int pass = 0; shrunk && pass < 4 * n + 4; pass++) {
      shrunk = false;
      for (int i : supportBySmallestOrder(d)) {
        for (double candidate : smallerReductions(d, i)) {
          double before = d[i];
          d[i] = candidate;
          if (book.satisfied(d)) {
            shrunk = true;
            break;
          }
          d[i] = before;
        }
      }
    }
    return d;
  }

  /** Candidate smaller reductions of instrument i, smallest first: 0, then around each closed-form bound. */
  private double[] smallerReductions(double[] d, int i) {
    double left = book.remaining(i, d[i]);
    double others = book.gross(d) - left;
    double othersNet = book.net(d) - book.sign(i) * left;
    double maxOther = 0;
    for (int j = 0; j < n; j++) {
      if (j != i) {
        maxOther = Math.max(maxOther, book.remaining(j, d[j]));
      }
    }
    // Bounds on instrument i's remaining |notional| b with the others fixed.
    double upper = Math.min(book.maxPosition, book.maxGross - others);
    upper = Math.min(upper, book.sign(i) > 0 ? book.maxNet - othersNet : book.maxNet + othersNet);
    List<Double> bounds = new ArrayList<>();
    if (book.concentrationSet) {
      double c = book.concentrationShare;
      bounds.add(Math.min(upper, c < 1 ? c * others / (1 - c) : Double.POSITIVE_INFINITY));
      bounds.add(Math.min(upper, Math.nextDown(book.concentrationMinGross - others)));
    } else {
      bounds.add(upper);
    }
    List<Double> found = new ArrayList<>();
    found.add(0.0);
    for (double bound : bounds) {
      double r = book.smallestReductionLeaving(i, bound);
      if (Double.isNaN(r)) {
        continue;
      }
      found.add(book.oneLotLess(i, r));
      found.add(r);
      double more = book.oneLotMore(i, r);
      if (!Double.isNaN(more)) {
        found.add(more);
      }
    }
    return found.stream().mapToDouble(Double::doubleValue).filter(r -> r < d[i]).distinct().sorted().toArray();
  }

  /** A trial cut and how it scores. */
  private record Candidate(double[] reduction, int violated, double excess, int orders, double traded) {

    /** Fewer violated targets, fewer orders, less traded notional; ties to the first tried (larger positions). */
    static Candidate better(Candidate a, Candidate b) {
      if (b == null) {
        return a;
      }
      if (a == null) {
        return b;
      }
      if (a.violated != b.violated) {
        return b.violated < a.violated ? b : a;
      }
      if (a.orders != b.orders) {
        return b.orders < a.orders ? b : a;
      }
      return b.traded < a.traded - 1e-12 * Math.max(1, a.traded) ? b : a;
    }

    /** Partial cuts: fewer violated targets, then net and gross closest to their targets, then as above. */
    static Candidate closer(Candidate a, Candidate b) {
      if (b == null) {
        return a;
      }
      if (a == null) {
        return b;
      }
      if (a.violated != b.violated) {
        return b.violated < a.violated ? b : a;
      }
      double tolerance = 1e-12 * Math.max(1, a.excess);
      if (Math.abs(a.excess - b.excess) > tolerance) {
        return b.excess < a.excess ? b : a;
      }
      return better(a, b);
    }
  }
}

package io.riskpulse.model.risk.aggregate;

import io.riskpulse.model.risk.measure.Confidence;
import io.riskpulse.model.risk.measure.HistoricalVar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest scenario P&amp;L vector of each member of an aggregate and their sum, kept current in O(scenarios)
 * per report (the member's previous vector is subtracted, the new one added), so the aggregate's VaR is always a
 * selection away. The sum is recomputed from the members every {@value #REBUILD_INTERVAL} reports to drop
 * accumulated rounding.
 *
 * <p>The first report fixes the scenario set; a later report over another set is kept aside and listed as a
 * problem, never added (its scenarios mean different days).
 *
 * <p>Thread-safety: none; confine to the owning aggregate actor.
 */
final class VectorSum {

  static final int REBUILD_INTERVAL = 10_000;
  private static final String NOBODY_REPORTED = "no member has reported";
  private static final String SILENT = ": no report for ";

  private final Map<String, RiskVectorReport> members = new TreeMap<>();
  private final Map<String, RiskVectorReport> mismatched = new TreeMap<>();
  private String scenarioSetId = "";
  private double[] sum;
  private double[] scratch;
  private int updatesSinceRebuild;

  /** Takes a member's latest report, replacing its previous one. */
  void update(RiskVectorReport report) {
    if (sum == null) {
      scenarioSetId = report.scenarioSetId();
      sum = new double[report.pnl().length];
      scratch = new double[report.pnl().length];
    }
    if (!report.scenarioSetId().equals(scenarioSetId) || report.pnl().length != sum.length) {
      RiskVectorReport previous = members.remove(report.memberId());
      if (previous != null) {
        subtract(previous.pnl());
      }
      if (!members.isEmpty()) {
        mismatched.put(report.memberId(), report);
        return;
      }
      // Nobody is left on the old set (e.g. a rolling restart onto new history): follow the members there.
      adopt(report.scenarioSetId(), report.pnl().length);
    }
    mismatched.remove(report.memberId());
    RiskVectorReport previous = members.put(report.memberId(), report);
    if (previous != null) {
      subtract(previous.pnl());
    }
    double[] pnl = report.pnl();
    for (int s = 0; s < sum.length; s++) {
      sum[s] += pnl[s];
    }
    if (++updatesSinceRebuild >= REBUILD_INTERVAL) {
      rebuild();
    }
  }

  /** Starts summing over another scenario set, taking in the members already reporting over it. */
  private void adopt(String setId, int scenarios) {
    scenarioSetId = setId;
    sum = new double[scenarios];
    scratch = new double[scenarios];
    updatesSinceRebuild = 0;
    for (Iterator<RiskVectorReport> it = mismatched.values().iterator(); it.hasNext(); ) {
      RiskVectorReport waiting = it.next();
      if (waiting.scenarioSetId().equals(setId) && waiting.pnl().length == scenarios) {
        it.remove();
        members.put(waiting.memberId(), waiting);
        double[] pnl = waiting.pnl();
        for (int s = 0; s < scenarios; s++) {
          sum[s] += pnl[s];
        }
      }
    }
  }

  private void subtract(double[] pnl) {
    for (int s = 0; s < sum.length; s++) {
      sum[s] -= pnl[s];
    }
  }

  private void rebuild() {
    Arrays.fill(sum, 0);
    for (RiskVectorReport member : members.values()) {
      double[] pnl = member.pnl();
      for (int s = 0; s < sum.length; s++) {
        sum[s] += pnl[s];
      }
    }
    updatesSinceRebuild = 0;
  }

  /** A copy of the summed vector (empty before the first report). */
  double[] sum() {
    return sum == null ? new double[0] : sum.clone();
  }

  String scenarioSetId() {
    return scenarioSetId;
  }

  /** Portfolios summed (each member counts its own). */
  int portfolioCount() {
    int count = 0;
    for (RiskVectorReport member : members.values()) {
      count += member.portfolioCount();
    }
    return count;
  }

  /**
   * Why the sum cannot be trusted now: members that are incomplete, over another scenario set, or silent for
   * longer than {@code staleAfterMillis}; and an aggregate nobody reported to.
   */
  List<String> problems(long nowMillis, long staleAfterMillis) {
    List<String> problems = new ArrayList<>(0);
    if (members.isEmpty() && mismatched.isEmpty()) {
      problems.add(NOBODY_REPORTED);
    }
    for (RiskVectorReport member : members.values()) {
      for (String problem : member.problems()) {
        problems.add(member.memberId() + ": " + problem);
      }
      long silentMillis = nowMillis - member.asOfMillis();
      if (silentMillis > staleAfterMillis) {
        problems.add(member.memberId() + SILENT + silentMillis + " ms");
      }
    }
    for (RiskVectorReport member : mismatched.values()) {
      problems.add(member.memberId() + ": scenario set " + member.scenarioSetId() + " differs from "
          + scenarioSetId);
    }
    return problems;
  }

  /**
   * The aggregate's figures now; VaR and ES NaN when there is any problem. The exposure and P&amp;L sums take
   * every member, those over another scenario set included, and are NaN when a member's figure is NaN, a member
   * is stale, or nobody reported (see {@link #exposureProblems}).
   */
  AggregateRisk risk(String scope, String id, long nowMillis, long staleAfterMillis) {
    List<String> problems = problems(nowMillis, staleAfterMillis);
    double var = Double.NaN;
    double es = Double.NaN;
    if (problems.isEmpty()) {
      var = HistoricalVar.valueAtRisk(sum, sum.length, Confidence.P99, scratch);
      es = HistoricalVar.expectedShortfall(sum, sum.length, Confidence.P975, scratch);
    }
    List<MemberRisk> list = new ArrayList<>(members.size() + mismatched.size());
    double sumOfVar = 0;
    double gross = 0;
    double net = 0;
    double intradayPnl = 0;
    long oldest = nowMillis;
    for (RiskVectorReport member : members.values()) {
      list.add(new MemberRisk(member.memberId(), member.valueAtRisk99(), member.portfolioCount(),
          member.problems(), member.asOfMillis(), member.grossExposure(), member.netExposure(),
          member.intradayPnl()));
      sumOfVar += member.valueAtRisk99();
      oldest = Math.min(oldest, member.asOfMillis());
    }
    for (RiskVectorReport member : mismatched.values()) {
      list.add(new MemberRisk(member.memberId(), member.valueAtRisk99(), member.portfolioCount(),
          List.of("scenario set " + member.scenarioSetId() + " differs from " + scenarioSetId),
          member.asOfMillis(), member.grossExposure(), member.netExposure(), member.intradayPnl()));
      sumOfVar = Double.NaN;
    }
    if (members.isEmpty()) {
      sumOfVar = Double.NaN;
    }
    // A NaN member figure makes its sum NaN by arithmetic; staleness and an empty aggregate make all three NaN.
    for (MemberRisk member : list) {
      gross += member.grossExposure();
      net += member.netExposure();
      intradayPnl += member.intradayPnl();
    }
    if (list.isEmpty() || anySilent(nowMillis, staleAfterMillis)) {
      gross = Double.NaN;
      net = Double.NaN;
      intradayPnl = Double.NaN;
    }
    return new AggregateRisk(scope, id, var, es, sumOfVar, portfolioCount(), list, problems, scenarioSetId,
        sum == null ? 0 : sum.length, oldest, gross, net, intradayPnl, exposureProblems(nowMillis, staleAfterMillis));
  }

  private boolean anySilent(long nowMillis, long staleAfterMillis) {
    for (RiskVectorReport member : members.values()) {
      if (nowMillis - member.asOfMillis() > staleAfterMillis) {
        return true;
      }
    }
    for (RiskVectorReport member : mismatched.values()) {
      if (nowMillis - member.asOfMillis() > staleAfterMillis) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why the exposure and P&amp;L sums cannot be trusted now, one line each: nobody reported, a member silent for
   * longer than {@code staleAfterMillis}, or a member that does not know a figure (named).
   */
  List<String> exposureProblems(long nowMillis, long staleAfterMillis) {
    List<String> problems = new ArrayList<>(0);
    if (members.isEmpty() && mismatched.isEmpty()) {
      problems.add(NOBODY_REPORTED);
    }
    exposureProblems(members.values(), nowMillis, staleAfterMillis, problems);
    exposureProblems(mismatched.values(), nowMillis, staleAfterMillis, problems);
    return problems;
  }

  private static void exposureProblems(Iterable<RiskVectorReport> reports, long nowMillis, long staleAfterMillis,
      List<String> problems) {
    for (RiskVectorReport member : reports) {
      List<String> unknown = new ArrayList<>(3);
      if (Double.isNaN(member.grossExposure())) {
        unknown.add("grossExposure");
      }
      if (Double.isNaN(member.netExposure())) {
        unknown.add("netExposure");
      }
      if (Double.isNaN(member.intradayPnl())) {
        unknown.add("intradayPnl");
      }
      if (!unknown.isEmpty()) {
        problems.add(member.memberId() + ": " + String.join(", ", unknown) + " unknown");
      }
      long silentMillis = nowMillis - member.asOfMillis();
      if (silentMillis > staleAfterMillis) {
        problems.add(member.memberId() + SILENT + silentMillis + " ms");
      }
    }
  }
}

package io.riskpulse.model.risk.aggregate;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * The risk of a desk or of the firm: historical-simulation VaR and ES of the sum of its members' scenario
 * P&amp;L vectors. 1-day horizon, reporting currency, losses positive. Immutable.
 *
 * <p>{@code valueAtRisk99 <= sumOfMemberVar99} whenever the members diversify each other (VaR is not additive;
 * historical VaR is not even guaranteed subadditive, so the inequality is typical, not a law).
 *
 * <p>Fails closed: when a member is incomplete, reports a different scenario set, or has not reported within
 * {@code stale-after}, VaR and ES are NaN and {@code problems} says why. The exposure and P&amp;L sums fail closed
 * the same way on their own figures ({@code exposureProblems}).
 *
 * @param scope {@code desk} or {@code firm}
 * @param id desk id, or {@link RiskAggregator#FIRM_ID}
 * @param valueAtRisk99 99% VaR of the summed vector
 * @param expectedShortfall975 97.5% expected shortfall of the summed vector
 * @param sumOfMemberVar99 Σ of the members' own 99% VaRs: the undiversified figure
 * @param portfolioCount portfolios summed
 * @param members every member as last reported, in id order
 * @param problems why VaR and ES are NaN, one line each; empty when they are numbers
 * @param scenarioSetId the scenario set of the vectors, {@code ""} before any report
 * @param scenarioCount scenarios per vector
 * @param asOfMillis the oldest member's as-of time: every member is at least this fresh, epoch milliseconds
 * @param grossExposure Σ of the members' gross exposures, reporting currency. Exposures add (unlike VaR), so the
 *     members' figures are summed directly. NaN (fail closed) when a member's figure is NaN, a member is stale,
 *     or no member has reported; {@code exposureProblems} says why
 * @param netExposure Σ of the members' signed net exposures, reporting currency; NaN as {@code grossExposure}
 * @param intradayPnl Σ of the members' P&amp;L since the start of the trading day, reporting currency; NaN as
 *     {@code grossExposure}
 * @param exposureProblems why any of the three sums is NaN, one line each; empty when all are numbers. Members
 *     over another scenario set count here (their exposures are real even when their vectors cannot be added)
 */
public record AggregateRisk(
    String scope,
    String id,
    double valueAtRisk99,
    double expectedShortfall975,
    double sumOfMemberVar99,
    int portfolioCount,
    List<MemberRisk> members,
    List<String> problems,
    String scenarioSetId,
    int scenarioCount,
    long asOfMillis,
    double grossExposure,
    double netExposure,
    double intradayPnl,
    List<String> exposureProblems)
    implements CborSerializable {

  public AggregateRisk {
    members = members == null ? List.of() : List.copyOf(members);
    problems = problems == null ? List.of() : List.copyOf(problems);
    exposureProblems = exposureProblems == null ? List.of() : List.copyOf(exposureProblems);
  }

  /** These figures with an empty member list: the small answer to a frequent ask. */
  public AggregateRisk withoutMembers() {
    return new AggregateRisk(scope, id, valueAtRisk99, expectedShortfall975, sumOfMemberVar99, portfolioCount,
        List.of(), problems, scenarioSetId, scenarioCount, asOfMillis, grossExposure, netExposure, intradayPnl,
        exposureProblems);
  }

  /** True when VaR and ES are numbers. */
  public boolean complete() {
    return problems.isEmpty();
  }
}

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
 * {@code stale-after}, VaR and ES are NaN and {@code problems} says why.
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
    long asOfMillis)
    implements CborSerializable {

  public AggregateRisk {
    members = members == null ? List.of() : List.copyOf(members);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  /** True when VaR and ES are numbers. */
  public boolean complete() {
    return problems.isEmpty();
  }
}

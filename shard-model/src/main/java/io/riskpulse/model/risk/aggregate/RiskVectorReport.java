package io.riskpulse.model.risk.aggregate;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * One member's scenario P&amp;L vector, sent up the aggregation tree: a portfolio to its desk, a desk to the firm.
 * Vectors, not VaR numbers, travel because VaR is not additive: the desk's VaR is the VaR of the sum of its
 * portfolios' vectors. Immutable by convention: the sender hands over a fresh copy and nobody writes to
 * {@code pnl} afterwards.
 *
 * @param memberId the portfolio id (to a desk) or desk id (to the firm)
 * @param parentId the desk the portfolio belongs to, or {@link RiskAggregator#FIRM_ID} for a desk
 * @param scenarioSetId identity of the scenario set of the vector (see
 *     {@link io.riskpulse.model.risk.live.RiskModel#scenarioSetId()}); only vectors of one set are added
 * @param pnl P&amp;L in each scenario, reporting currency, scenario order of the set
 * @param problems why the vector is incomplete (positions it cannot value, members missing); empty when
 *     complete. An incomplete member makes the aggregate's VaR NaN (fail closed).
 * @param portfolioCount portfolios the vector sums (1 for a portfolio)
 * @param valueAtRisk99 the member's own 1-day 99% VaR, for the diversification figures; NaN when incomplete
 * @param asOfMillis when the vector was last confirmed current, epoch milliseconds
 */
public record RiskVectorReport(
    String memberId,
    String parentId,
    String scenarioSetId,
    double[] pnl,
    List<String> problems,
    int portfolioCount,
    double valueAtRisk99,
    long asOfMillis)
    implements CborSerializable {

  public RiskVectorReport {
    problems = problems == null ? List.of() : List.copyOf(problems);
    pnl = pnl == null ? new double[0] : pnl;
  }
}

package io.riskpulse.model.risk.aggregate;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * One member's scenario P&amp;L vector, sent up the aggregation tree: a portfolio to its desk, a desk to the firm.
 * Vectors, not VaR numbers, travel because VaR is not additive: the desk's VaR is the VaR of the sum of its
 * portfolios' vectors. Immutable by convention: the sender hands over a fresh copy and nobody writes to
 * {@code pnl} afterwards.
 *
 * <p>Exposures and P&amp;L travel alongside the vector because they add: a desk's net exposure and intraday
 * P&amp;L are the sums of its portfolios', and its gross exposure is the sum of their gross exposures (opposite
 * positions of two portfolios in one instrument are not netted against each other). They were appended after
 * the vector fields; the older constructor leaves them NaN (unknown), so a sender that does not fill them makes
 * its aggregate's sums NaN rather than wrong. These reports are transient messages, never journaled; in a rolling
 * upgrade a report from a node without the figures deserializes them as 0, not NaN, so upgrade every node before
 * relying on desk or firm exposure limits.
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
 * @param grossExposure the member's Σ |notional|, reporting currency (a desk's: the sum over its portfolios); NaN
 *     when unknown (a position without a price or FX rate, a stale or missing member below it)
 * @param netExposure the member's signed Σ notional, reporting currency; NaN when unknown
 * @param intradayPnl the member's P&amp;L since the start of the trading day, reporting currency; NaN when unknown
 */
public record RiskVectorReport(
    String memberId,
    String parentId,
    String scenarioSetId,
    double[] pnl,
    List<String> problems,
    int portfolioCount,
    double valueAtRisk99,
    long asOfMillis,
    double grossExposure,
    double netExposure,
    double intradayPnl)
    implements CborSerializable {

  public RiskVectorReport {
    problems = problems == null ? List.of() : List.copyOf(problems);
    pnl = pnl == null ? new double[0] : pnl;
  }

  /** A report without exposure and P&amp;L figures (each NaN, unknown): the fields before they existed. */
  public RiskVectorReport(String memberId, String parentId, String scenarioSetId, double[] pnl, List<String> problems,
      int portfolioCount, double valueAtRisk99, long asOfMillis) {
    this(memberId, parentId, scenarioSetId, pnl, problems, portfolioCount, valueAtRisk99, asOfMillis, Double.NaN,
        Double.NaN, Double.NaN);
  }
}

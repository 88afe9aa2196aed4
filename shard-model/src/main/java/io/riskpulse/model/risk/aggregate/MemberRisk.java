package io.riskpulse.model.risk.aggregate;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * One member of an aggregate as last reported: a portfolio of a desk, or a desk of the firm.
 *
 * @param memberId portfolio or desk id
 * @param valueAtRisk99 its own 1-day 99% VaR, reporting currency; NaN when it could not be computed
 * @param portfolioCount portfolios it sums
 * @param problems why it is incomplete, empty when complete
 * @param asOfMillis when its vector was last confirmed current, epoch milliseconds
 * @param grossExposure its Σ |notional|, reporting currency; NaN when unknown
 * @param netExposure its signed Σ notional, reporting currency; NaN when unknown
 * @param intradayPnl its P&amp;L since the start of the trading day, reporting currency; NaN when unknown
 */
public record MemberRisk(
    String memberId, double valueAtRisk99, int portfolioCount, List<String> problems, long asOfMillis,
    double grossExposure, double netExposure, double intradayPnl)
    implements CborSerializable {

  public MemberRisk {
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}

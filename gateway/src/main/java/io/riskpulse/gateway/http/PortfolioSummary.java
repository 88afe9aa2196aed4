package io.riskpulse.gateway.http;

import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import java.util.List;

/**
 * One line of {@code GET /portfolios}: the figures a desk operator scans. Amounts in the reporting currency.
 *
 * @param status ACTIVE, HALTED, UNOPENED, or UNAVAILABLE when the portfolio did not answer in time
 * @param activeBreaches keys of the continuous limits currently breached
 * @param valueAtRisk99 live 1-day 99% historical VaR; NaN when it cannot be computed (see the snapshot for why)
 * @param maxDaysToLiquidate days to unwind the least liquid position at the configured participation rate; NaN
 *     when a position's average daily volume is unknown (the snapshot's risk names the position)
 */
public record PortfolioSummary(
    String portfolioId,
    String status,
    String desk,
    String trader,
    double totalPnl,
    double realizedPnl,
    double unrealizedPnl,
    double grossExposure,
    double netExposure,
    double drawdown,
    double valueAtRisk99,
    double maxDaysToLiquidate,
    List<String> activeBreaches,
    long breachCount,
    long executionCount,
    long asOfMillis) {

  public static PortfolioSummary of(PortfolioSnapshot s) {
    return new PortfolioSummary(s.portfolioId(), s.status().name(), s.desk(), s.trader(),
        s.valuation().totalPnl(), s.valuation().realizedPnl(), s.valuation().unrealizedPnl(),
        s.valuation().grossExposure(), s.valuation().netExposure(), s.drawdown(),
        s.risk() == null ? Double.NaN : s.risk().valueAtRisk99(),
        s.risk() == null ? Double.NaN : s.risk().maxDaysToLiquidate(),
        s.activeBreaches().stream().map(LimitBreach::key).toList(), s.breachCount(), s.executionCount(),
        s.asOfMillis());
  }

  /** A portfolio whose state could not be read: every figure NaN, so nobody mistakes it for flat. */
  public static PortfolioSummary unavailable(String portfolioId) {
    return new PortfolioSummary(portfolioId, "UNAVAILABLE", "", "", Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(), 0, 0, 0);
  }
}

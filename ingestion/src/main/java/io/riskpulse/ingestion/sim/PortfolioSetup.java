package io.riskpulse.ingestion.sim;

import io.riskpulse.model.limits.Limits;
import java.util.Objects;

/**
 * How one simulated portfolio is set up before trading starts: what the demo registers with the risk grid.
 * Immutable.
 *
 * @param portfolioId portfolio (entity) id, also the prefix of its execution ids
 * @param desk trading desk it belongs to (e.g. {@code equities})
 * @param trader trader responsible for it
 * @param initialCash starting cash, USD (the reporting currency)
 * @param limits risk limits, sized by {@link TradingSimulation} so the normal strategy stays inside
 * @param strategy name of the strategy trading it ({@link TradingStrategy#name()})
 */
public record PortfolioSetup(
    String portfolioId, String desk, String trader, double initialCash, Limits limits, String strategy) {

  public PortfolioSetup {
    Objects.requireNonNull(portfolioId, "portfolioId");
    Objects.requireNonNull(desk, "desk");
    Objects.requireNonNull(trader, "trader");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(strategy, "strategy");
  }
}

package io.riskpulse.model.portfolio;

import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.risk.aggregate.RiskReporter;
import io.riskpulse.model.risk.liquidity.LiquiditySettings;
import io.riskpulse.model.risk.live.RiskModel;
import java.time.Clock;

/**
 * What a portfolio entity needs from its node: the node-local market view, the instrument reference, a
 * clock, its settings, the node's risk model (scenario set and stress scenarios, built once at node start),
 * where to report its scenario P&amp;L vector (its desk's aggregate) and the liquidity settings (participation
 * rate of the days-to-liquidate figure, {@code riskpulse.risk.liquidity}). Shared by every entity on the node;
 * each member is thread-safe.
 */
public record PortfolioEnvironment(MarketView market, InstrumentRegistry instruments, Clock clock,
    PortfolioSettings settings, RiskModel risk, RiskReporter riskReporter, LiquiditySettings liquidity) {

  /** An environment with the reference.conf liquidity settings ({@link LiquiditySettings#DEFAULTS}). */
  public PortfolioEnvironment(MarketView market, InstrumentRegistry instruments, Clock clock,
      PortfolioSettings settings, RiskModel risk, RiskReporter riskReporter) {
    this(market, instruments, clock, settings, risk, riskReporter, LiquiditySettings.DEFAULTS);
  }

  /**
   * An environment without a risk model or desk aggregation: VaR of any open position is unknown (NaN), so a
   * VaR limit breaches; for tests and tools that do not exercise risk.
   */
  public PortfolioEnvironment(
      MarketView market, InstrumentRegistry instruments, Clock clock, PortfolioSettings settings) {
    this(market, instruments, clock, settings, RiskModel.none(), RiskReporter.NONE);
  }
}

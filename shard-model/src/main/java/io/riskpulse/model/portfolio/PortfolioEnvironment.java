package io.riskpulse.model.portfolio;

import io.riskpulse.model.detect.DetectionEnvironment;
import io.riskpulse.model.halt.HaltDispatcher;
import io.riskpulse.model.halt.HaltView;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.pretrade.PreTradeSettings;
import io.riskpulse.model.risk.aggregate.RiskReporter;
import io.riskpulse.model.risk.liquidity.LiquiditySettings;
import io.riskpulse.model.risk.live.RiskModel;
import io.riskpulse.model.risk.rebalance.RebalanceDispatcher;
import java.time.Clock;

/**
 * What a portfolio entity needs from its node: the node-local market view, the instrument reference, a clock, its
 * settings, the node's risk model (scenario set and stress scenarios, built once at node start), where to report
 * its scenario P&amp;L vector (its desk's aggregate), the liquidity settings (participation rate of the
 * days-to-liquidate figure, {@code riskpulse.risk.liquidity}), the node's view of the halts in force (read by
 * pre-trade checks), where halts and approved rebalances are handed for the OMSs, the pre-trade settings, the
 * detectors' environment, who is told of each recovery ({@link RecoveryListener}) and where the snapshots answered
 * are kept for reads that may take them a little old ({@link RecentSnapshots}, shared with the node's
 * {@link PortfolioClient}), and where they register the gates through which that client judges orders in place
 * ({@link PreTradeGates}).
 * Shared by every entity on the node; each member is thread-safe.
 */
public record PortfolioEnvironment(MarketView market, InstrumentRegistry instruments, Clock clock,
    PortfolioSettings settings, RiskModel risk, RiskReporter riskReporter, LiquiditySettings liquidity,
    HaltView halts, HaltDispatcher haltDispatcher, PreTradeSettings pretrade,
    RebalanceDispatcher rebalanceDispatcher, DetectionEnvironment detection, RecoveryListener recoveries,
    RecentSnapshots recentSnapshots, PreTradeGates preTradeGates) {

  /** An environment whose answered snapshots are kept where only its own entities' readers would look. */
  public PortfolioEnvironment(MarketView market, InstrumentRegistry instruments, Clock clock,
      PortfolioSettings settings, RiskModel risk, RiskReporter riskReporter, LiquiditySettings liquidity,
      HaltView halts, HaltDispatcher haltDispatcher, PreTradeSettings pretrade,
      RebalanceDispatcher rebalanceDispatcher, DetectionEnvironment detection, RecoveryListener recoveries) {
    this(market, instruments, clock, settings, risk, riskReporter, liquidity, halts, haltDispatcher, pretrade,
        rebalanceDispatcher, detection, recoveries, new RecentSnapshots(market::version, System::nanoTime),
        new PreTradeGates());
  }

  /** An environment without detection ({@link DetectionEnvironment#OFF}). */
  public PortfolioEnvironment(MarketView market, InstrumentRegistry instruments, Clock clock,
      PortfolioSettings settings, RiskModel risk, RiskReporter riskReporter, LiquiditySettings liquidity,
      HaltView halts, HaltDispatcher haltDispatcher, PreTradeSettings pretrade,
      RebalanceDispatcher rebalanceDispatcher) {
    this(market, instruments, clock, settings, risk, riskReporter, liquidity, halts, haltDispatcher, pretrade,
        rebalanceDispatcher, DetectionEnvironment.OFF, RecoveryListener.NONE);
  }

  /** An environment whose approved rebalances go nowhere ({@link RebalanceDispatcher#NONE}). */
  public PortfolioEnvironment(MarketView market, InstrumentRegistry instruments, Clock clock,
      PortfolioSettings settings, RiskModel risk, RiskReporter riskReporter, LiquiditySettings liquidity,
      HaltView halts, HaltDispatcher haltDispatcher, PreTradeSettings pretrade) {
    this(market, instruments, clock, settings, risk, riskReporter, liquidity, halts, haltDispatcher, pretrade,
        RebalanceDispatcher.NONE);
  }

  /** An environment without a kill switch or OMS gateway ({@link HaltView#NONE}, {@link HaltDispatcher#NONE}). */
  public PortfolioEnvironment(MarketView market, InstrumentRegistry instruments, Clock clock,
      PortfolioSettings settings, RiskModel risk, RiskReporter riskReporter, LiquiditySettings liquidity) {
    this(market, instruments, clock, settings, risk, riskReporter, liquidity, HaltView.NONE, HaltDispatcher.NONE,
        PreTradeSettings.DEFAULTS);
  }

  /** This environment with the node's kill-switch view, halt dispatcher and pre-trade settings. */
  public PortfolioEnvironment withHalts(HaltView halts, HaltDispatcher haltDispatcher, PreTradeSettings pretrade) {
    return new PortfolioEnvironment(market, instruments, clock, settings, risk, riskReporter, liquidity, halts,
        haltDispatcher, pretrade, rebalanceDispatcher, detection, recoveries, recentSnapshots, preTradeGates);
  }

  /** This environment with where approved rebalances are handed (the OMS gateway). */
  public PortfolioEnvironment withRebalances(RebalanceDispatcher rebalanceDispatcher) {
    return new PortfolioEnvironment(market, instruments, clock, settings, risk, riskReporter, liquidity, halts,
        haltDispatcher, pretrade, rebalanceDispatcher, detection, recoveries, recentSnapshots, preTradeGates);
  }

  /** This environment with the node's detectors' settings and market surveillance. */
  public PortfolioEnvironment withDetection(DetectionEnvironment detection) {
    return new PortfolioEnvironment(market, instruments, clock, settings, risk, riskReporter, liquidity, halts,
        haltDispatcher, pretrade, rebalanceDispatcher, detection, recoveries, recentSnapshots, preTradeGates);
  }

  /** This environment with who is told of each portfolio's recovery (the node's metrics). */
  public PortfolioEnvironment withRecoveries(RecoveryListener recoveries) {
    return new PortfolioEnvironment(market, instruments, clock, settings, risk, riskReporter, liquidity, halts,
        haltDispatcher, pretrade, rebalanceDispatcher, detection, recoveries, recentSnapshots, preTradeGates);
  }

  /** This environment keeping answered snapshots in {@code recentSnapshots} (the node's, shared with its client). */
  public PortfolioEnvironment withRecentSnapshots(RecentSnapshots recentSnapshots) {
    return new PortfolioEnvironment(market, instruments, clock, settings, risk, riskReporter, liquidity, halts,
        haltDispatcher, pretrade, rebalanceDispatcher, detection, recoveries, recentSnapshots, preTradeGates);
  }

  /**
   * This environment with its entities' pre-trade gates registered in {@code preTradeGates} (the node's, shared with
   * its client, which judges orders in place through them).
   */
  public PortfolioEnvironment withPreTradeGates(PreTradeGates preTradeGates) {
    return new PortfolioEnvironment(market, instruments, clock, settings, risk, riskReporter, liquidity, halts,
        haltDispatcher, pretrade, rebalanceDispatcher, detection, recoveries, recentSnapshots, preTradeGates);
  }

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

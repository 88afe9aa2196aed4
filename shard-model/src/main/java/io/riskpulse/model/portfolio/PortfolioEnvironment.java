package io.riskpulse.model.portfolio;

import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.market.MarketView;
import java.time.Clock;

/**
 * What a portfolio entity needs from its node: the node-local market view, the instrument reference, a
 * clock and its settings. Shared by every entity on the node; each member is thread-safe.
 */
public record PortfolioEnvironment(
    MarketView market, InstrumentRegistry instruments, Clock clock, PortfolioSettings settings) {}

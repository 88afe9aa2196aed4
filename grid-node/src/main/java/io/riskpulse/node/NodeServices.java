package io.riskpulse.node;

import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioDirectory;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * The running parts of a node that callers use: its market view (feeds write, entities read), the portfolio
 * client, the journal-backed directory, and the HTTP binding when HTTP is enabled.
 */
public record NodeServices(
    MarketView market,
    PortfolioClient portfolios,
    PortfolioDirectory directory,
    Optional<CompletionStage<ServerBinding>> http) {}

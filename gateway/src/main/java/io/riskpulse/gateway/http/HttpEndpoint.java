package io.riskpulse.gateway.http;

import com.typesafe.config.Config;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioDirectory;
import io.riskpulse.model.risk.aggregate.RiskAggregates;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds {@link PortfolioHttpRoutes}, {@link RiskHttpRoutes}, {@link ScopeLimitHttpRoutes}, {@link MarketRoutes},
 * {@link HaltHttpRoutes}, {@link AlertHttpRoutes} and {@link MetricsRoutes} on
 * {@code riskpulse.http.interface:port}; unbinds on node shutdown.
 */
public final class HttpEndpoint {

  private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);

  private HttpEndpoint() {}

  /** Binds the endpoint; the stage fails if the port is taken. Port 0 picks a free port. */
  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, PortfolioClient portfolios,
      PortfolioDirectory directory, RiskAggregates risk, MarketView market, OrderBookView books,
      PrometheusMeterRegistry metrics, HaltHttpRoutes halts, AlertHttpRoutes alerts, ScopeLimitHttpRoutes limits) {
    Config config = system.settings().config().getConfig("riskpulse.http");
    String host = config.getString("interface");
    int port = config.getInt("port");
    return Http.get(system)
        .newServerAt(host, port)
        .bind(new PortfolioHttpRoutes(portfolios, directory).routes()
            .orElse(new RiskHttpRoutes(risk).routes())
            .orElse(limits.routes())
            .orElse(new MarketRoutes(market, books).routes())
            .orElse(halts.routes())
            .orElse(alerts.routes())
            .orElse(new MetricsRoutes(metrics).routes()))
        .thenApply(binding -> {
          log.info("HTTP JSON endpoint on http://{}:{}/portfolios", host, binding.localAddress().getPort());
          return binding.addToCoordinatedShutdown(java.time.Duration.ofSeconds(3), system);
        });
  }
}

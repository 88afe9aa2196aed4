package io.riskpulse.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.limits.scope.ScopeLimits;
import io.riskpulse.model.limits.scope.ScopeLimitsClient;
import io.riskpulse.model.limits.scope.ScopeLimitsEnvironment;
import io.riskpulse.model.limits.scope.ScopeLimitsSettings;
import io.riskpulse.model.market.MarketView;
import io.riskpulse.model.market.OrderBookView;
import io.riskpulse.model.portfolio.Portfolio;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioEnvironment;
import io.riskpulse.model.portfolio.PortfolioSettings;
import io.riskpulse.model.risk.aggregate.AggregationSettings;
import io.riskpulse.model.risk.aggregate.RiskAggregates;
import io.riskpulse.model.risk.aggregate.RiskAggregator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.stream.Materializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP view when portfolios, aggregates and desk or firm limits cannot answer: a node that never joined its
 * cluster has no shard to route to, so every ask times out. The API must say "unavailable", never show a portfolio
 * as flat.
 */
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioHttpRoutesTest {

  private static final Config CONFIG = ConfigFactory.parseString("""
          pekko.actor.provider = cluster
          pekko.remote.artery.canonical.port = 0
          pekko.remote.artery.canonical.hostname = 127.0.0.1
          """)
      .withFallback(PersistenceTestKitPlugin.getInstance().config())
      .withFallback(ConfigFactory.load());

  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private ActorTestKit testKit;
  private int port;

  @BeforeAll
  void start() throws Exception {
    testKit = ActorTestKit.create("HttpTest", CONFIG);
    InstrumentRegistry instruments = InstrumentRegistry.of(List.of(
        new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "", "")));
    MarketView market = new MarketView(instruments);
    Portfolio.init(testKit.system(), new PortfolioEnvironment(market, instruments, Clock.systemUTC(),
        PortfolioSettings.fromConfig(CONFIG)));
    RiskAggregator.init(testKit.system(), AggregationSettings.fromConfig(CONFIG), Clock.systemUTC());
    RiskAggregates aggregates = new RiskAggregates(ClusterSharding.get(testKit.system()), Duration.ofMillis(300));
    PortfolioClient portfolios = new PortfolioClient(ClusterSharding.get(testKit.system()), Duration.ofMillis(300));
    ScopeLimits.init(testKit.system(), new ScopeLimitsEnvironment(Clock.systemUTC(),
        ScopeLimitsSettings.fromConfig(CONFIG), scope -> new CompletableFuture<>(),
        (scope, by, reason) -> new CompletableFuture<>()));
    ScopeLimitsClient scopeLimits =
        new ScopeLimitsClient(ClusterSharding.get(testKit.system()), Duration.ofMillis(300));
    metrics.counter("riskpulse.test.requests").increment(3);
    PortfolioHttpRoutes routes = new PortfolioHttpRoutes(portfolios,
        () -> CompletableFuture.completedFuture(List.of("P1", "P2")));
    ServerBinding binding = Http.get(testKit.system()).newServerAt("127.0.0.1", 0)
        .bind(routes.routes()
            .orElse(new RiskHttpRoutes(aggregates).routes())
            .orElse(new ScopeLimitHttpRoutes(scopeLimits).routes())
            .orElse(new MarketRoutes(market, new OrderBookView()).routes())
            .orElse(new MetricsRoutes(metrics).routes()))
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    port = binding.localAddress().getPort();
  }

  @AfterAll
  void stop() throws Exception {
    Http.get(testKit.system()).shutdownAllConnectionPools().toCompletableFuture().get(10, TimeUnit.SECONDS);
    testKit.shutdownTestKit();
  }

  private Response get(String path) throws Exception {
    HttpResponse response = Http.get(testKit.system())
        .singleRequest(HttpRequest.GET("http://127.0.0.1:" + port + path))
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    String body = response.entity().toStrict(5_000, Materializer.matFromSystem(testKit.system()))
        .toCompletableFuture().get(10, TimeUnit.SECONDS).getData().decodeString(StandardCharsets.UTF_8);
    return new Response(response.status().intValue(), body);
  }

  private record Response(int status, String body) {}

  @Test
  void shouldAnswerServiceUnavailableWhenAPortfolioDoesNotAnswerInTime() throws Exception {
    Response response = get("/portfolios/P1");
    assertEquals(503, response.status(), response.body());
    assertEquals("{\"error\":\"portfolio state unavailable (timeout)\"}", response.body());
  }

  @Test
  void shouldListPortfoliosThatDoNotAnswerAsUnavailableNotFlat() throws Exception {
    Response response = get("/portfolios");
    assertEquals(200, response.status(), response.body());
    assertTrue(response.body().contains("\"portfolioId\":\"P1\",\"status\":\"UNAVAILABLE\""), response.body());
    assertTrue(response.body().contains("\"portfolioId\":\"P2\",\"status\":\"UNAVAILABLE\""), response.body());
    assertTrue(response.body().contains("\"totalPnl\":\"NaN\""), response.body());
    assertTrue(response.body().contains("\"maxDaysToLiquidate\":\"NaN\""), response.body());
  }

  @Test
  void shouldAnswerServiceUnavailableWhenARiskAggregateDoesNotAnswerInTime() throws Exception {
    for (String path : List.of("/desks/macro/risk", "/firm/risk")) {
      Response response = get(path);
      assertEquals(503, response.status(), path + ": " + response.body());
      assertEquals("{\"error\":\"risk aggregate unavailable (timeout)\"}", response.body());
    }
  }

  @Test
  void shouldAnswerServiceUnavailableWhenDeskOrFirmLimitsDoNotAnswerInTime() throws Exception {
    for (String path : List.of("/desks/macro/limits", "/firm/limits")) {
      Response response = get(path);
      assertEquals(503, response.status(), path + ": " + response.body());
      assertEquals("{\"error\":\"scope limits unavailable (timeout)\"}", response.body());
    }
  }

  @Test
  void shouldServeMarketAndMetricsAndRefuseUnknownInstruments() throws Exception {
    assertEquals(404, get("/market/NOPE").status());
    Response spy = get("/market/SPY");
    assertEquals(200, spy.status());
    assertTrue(spy.body().contains("\"markPrice\":\"NaN\""), spy.body()); // no price yet: NaN, not 0
    Response scrape = get("/metrics");
    assertEquals(200, scrape.status());
    assertTrue(scrape.body().contains("riskpulse_test_requests_total 3.0"), scrape.body());
  }
}

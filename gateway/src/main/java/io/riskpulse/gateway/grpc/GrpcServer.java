package io.riskpulse.gateway.grpc;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.Health;
import io.grpc.health.v1.HealthPowerApi;
import io.grpc.health.v1.HealthPowerApiHandlerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskpulse.api.v1.AlertService;
import io.riskpulse.api.v1.AlertServicePowerApi;
import io.riskpulse.api.v1.AlertServicePowerApiHandlerFactory;
import io.riskpulse.api.v1.ControlService;
import io.riskpulse.api.v1.ControlServicePowerApi;
import io.riskpulse.api.v1.ControlServicePowerApiHandlerFactory;
import io.riskpulse.api.v1.DeskService;
import io.riskpulse.api.v1.DeskServicePowerApi;
import io.riskpulse.api.v1.DeskServicePowerApiHandlerFactory;
import io.riskpulse.api.v1.PortfolioService;
import io.riskpulse.api.v1.PortfolioServicePowerApi;
import io.riskpulse.api.v1.PortfolioServicePowerApiHandlerFactory;
import io.riskpulse.api.v1.PreTradeService;
import io.riskpulse.api.v1.PreTradeServicePowerApi;
import io.riskpulse.api.v1.PreTradeServicePowerApiHandlerFactory;
import io.riskpulse.gateway.grpc.security.Access;
import io.riskpulse.gateway.grpc.security.LocalCredentials;
import io.riskpulse.gateway.grpc.security.PemFiles;
import io.riskpulse.gateway.grpc.security.SelfSignedCertificate;
import io.riskpulse.gateway.grpc.security.TokenStore;
import io.riskpulse.gateway.grpc.transport.NettyGrpcServer;
import io.riskpulse.gateway.grpc.transport.PowerApiBinding;
import io.riskpulse.model.journal.JournalEvents;
import io.riskpulse.model.portfolio.Portfolio;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.grpc.javadsl.ServiceHandler;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBuilder;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.EventsByPersistenceIdQuery;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.SystemMaterializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the riskpulse.v1 API and the health service on {@code riskpulse.grpc.interface:port} (HTTP/2, over TLS
 * unless turned off), with the tokens of the configured file (or the node's local credentials) and one error
 * mapping ({@link GrpcErrors}); unbinds in coordinated shutdown.
 *
 * <p>The services are pekko-grpc's (generated power APIs); {@code riskpulse.grpc.server} picks the server that
 * carries them: grpc-java's Netty server ({@code netty}, the default; {@link PowerApiBinding} says why) or
 * pekko-http's HTTP/2 server ({@code pekko-http}).
 */
public final class GrpcServer {

  private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);
  /** How long calls in flight may take to finish when the node shuts down. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

  private GrpcServer() {}

  /** The tokens the node accepts: the configured file, or the local credentials (made on first start). */
  public static TokenStore tokens(GrpcSettings settings) {
    Path file = settings.tokensFile() != null ? settings.tokensFile() : LocalCredentials.ensure(settings.localDir());
    TokenStore tokens = TokenStore.load(file);
    log.info("gRPC API accepts the {} principal(s) of {}", tokens.size(), file);
    return tokens;
  }

  /** The server's TLS context: the configured pair, or the self-signed local one (made if needed). */
  public static SSLContext tlsContext(GrpcSettings settings) {
    SelfSignedCertificate.PemPair pair = tlsPair(settings);
    return PemFiles.serverContext(pair.certFile(), pair.keyFile());
  }

  /** The server's TLS key managers, from the same pair as {@link #tlsContext}. */
  static KeyManagerFactory tlsKeys(GrpcSettings settings) {
    SelfSignedCertificate.PemPair pair = tlsPair(settings);
    return PemFiles.keyManagers(pair.certFile(), pair.keyFile());
  }

  /** The certificate and key files: the configured pair, or the self-signed local one (made if needed). */
  private static SelfSignedCertificate.PemPair tlsPair(GrpcSettings settings) {
    if (settings.certFile() != null) {
      return new SelfSignedCertificate.PemPair(settings.certFile(), settings.keyFile());
    }
    SelfSignedCertificate.PemPair pair = SelfSignedCertificate.ensure(settings.selfSignedDir());
    log.info("gRPC API uses the self-signed certificate {} (for local use; clients trust that file)",
        pair.certFile());
    return pair;
  }

  /** The API's services, authorizing with {@code tokens}: one instance of each, whichever transport serves them. */
  record Services(PortfolioGrpcService portfolios, DeskGrpcService desks, ControlGrpcService control,
      PreTradeGrpcService preTrade, AlertGrpcService alerts, HealthGrpcService health) {

    static Services create(ActorSystem<?> system, GrpcSettings settings, GrpcBackends backends, TokenStore tokens,
        MeterRegistry metrics) {
      Calls calls = new Calls(new Access(tokens), metrics, settings.requestTimeout());
      Duration interval = settings.watchInterval();
      PortfolioDesks desks = new PortfolioDesks(backends.portfolios());
      EventsByPersistenceIdQuery journal = PersistenceQuery.get(system)
          .getReadJournalFor(EventsByPersistenceIdQuery.class, backends.readJournalPluginId());
      PortfolioGrpcService portfolios = new PortfolioGrpcService(system, calls, backends.portfolios(),
          backends.directory(), desks,
          new PortfolioWatch(backends.portfolios(), journal, Portfolio.ENTITY_KEY.name(), interval,
              new JournalEvents(system)), settings.readMaxAge());
      return new Services(portfolios,
          new DeskGrpcService(calls, backends.aggregates(), backends.scopeLimits(), backends.killSwitch(), interval),
          new ControlGrpcService(calls, backends.portfolios(), portfolios, backends.killSwitch(),
              backends.scopeLimits()),
          new PreTradeGrpcService(calls, backends.portfolios(), portfolios),
          new AlertGrpcService(calls, backends.alerts(), desks, interval),
          new HealthGrpcService(backends.ready(), interval));
    }

    /** The services as grpc-java definitions (the {@code netty} transport). */
    List<ServerServiceDefinition> definitions(Materializer mat) {
      return List.of(
          PowerApiBinding.bind(PortfolioService.description, PortfolioServicePowerApi.class, portfolios, mat),
          PowerApiBinding.bind(DeskService.description, DeskServicePowerApi.class, desks, mat),
          PowerApiBinding.bind(ControlService.description, ControlServicePowerApi.class, control, mat),
          PowerApiBinding.bind(PreTradeService.description, PreTradeServicePowerApi.class, preTrade, mat),
          PowerApiBinding.bind(AlertService.description, AlertServicePowerApi.class, alerts, mat),
          PowerApiBinding.bind(Health.description, HealthPowerApi.class, health, mat));
    }

    /** The services as one pekko-http handler (the {@code pekko-http} transport). */
    Function<HttpRequest, CompletionStage<HttpResponse>> handler(ActorSystem<?> system) {
      var errors = GrpcErrors.mapper();
      Materializer mat = SystemMaterializer.get(system).materializer();
      return ServiceHandler.concatOrNotFound(
          PortfolioServicePowerApiHandlerFactory.partial(portfolios, PortfolioService.name, mat, errors, system),
          DeskServicePowerApiHandlerFactory.partial(desks, DeskService.name, mat, errors, system),
          ControlServicePowerApiHandlerFactory.partial(control, ControlService.name, mat, errors, system),
          PreTradeServicePowerApiHandlerFactory.partial(preTrade, PreTradeService.name, mat, errors, system),
          AlertServicePowerApiHandlerFactory.partial(alerts, AlertService.name, mat, errors, system),
          HealthPowerApiHandlerFactory.partial(health, Health.name, mat, errors, system));
    }
  }

  /**
   * Binds the API on the configured transport ({@code riskpulse.grpc.server}); the stage fails if the port is
   * taken. Port 0 picks a free port.
   */
  public static CompletionStage<GrpcBinding> start(ActorSystem<?> system, GrpcSettings settings,
      GrpcBackends backends, MeterRegistry metrics) {
    Services services = Services.create(system, settings, backends, tokens(settings), metrics);
    String scheme = settings.tls() ? "https" : "http";
    if (settings.transport() == GrpcSettings.Transport.NETTY) {
      try {
        Server server = NettyGrpcServer.start(system, new InetSocketAddress(settings.host(), settings.port()),
            services.definitions(SystemMaterializer.get(system).materializer()),
            settings.tls() ? tlsKeys(settings) : null, settings.tlsEngine(), SHUTDOWN_GRACE);
        InetSocketAddress bound = (InetSocketAddress) server.getListenSockets().get(0);
        String tls = settings.tls()
            ? NettyGrpcServer.tlsProvider(settings.tlsEngine()).name().toLowerCase(Locale.ROOT) : "off";
        log.info("gRPC API (riskpulse.v1) on {}://{}:{} (grpc-java Netty server, TLS {})", scheme, settings.host(),
            bound.getPort(), tls);
        return CompletableFuture.completedFuture(new GrpcBinding(bound, "netty", tls));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    // gRPC needs HTTP/2 whatever pekko.http.server.enable-http2 resolves to: that key's value depends on the order
    // of the reference.conf files on the classpath (pekko-http's own says off), which a new dependency can change.
    ServerBuilder server = Http.get(system).newServerAt(settings.host(), settings.port())
        .adaptSettings(serverSettings -> serverSettings.withEnableHttp2(true));
    if (settings.tls()) {
      server = server.enableHttps(ConnectionContext.httpsServer(tlsContext(settings)));
    }
    return server.bind(services.handler(system)).thenApply(binding -> {
      log.info("gRPC API (riskpulse.v1) on {}://{}:{} (pekko-http server)", scheme, settings.host(),
          binding.localAddress().getPort());
      binding.addToCoordinatedShutdown(SHUTDOWN_GRACE, system);
      return new GrpcBinding(binding.localAddress(), "pekko-http", settings.tls() ? "jdk" : "off");
    });
  }
}

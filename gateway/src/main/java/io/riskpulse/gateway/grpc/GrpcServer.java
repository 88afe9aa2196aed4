package io.riskpulse.gateway.grpc;

import io.grpc.health.v1.HealthPowerApiHandlerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskpulse.api.v1.AlertServicePowerApiHandlerFactory;
import io.riskpulse.api.v1.ControlServicePowerApiHandlerFactory;
import io.riskpulse.api.v1.DeskServicePowerApiHandlerFactory;
import io.riskpulse.api.v1.PortfolioServicePowerApiHandlerFactory;
import io.riskpulse.api.v1.PreTradeServicePowerApiHandlerFactory;
import io.riskpulse.gateway.grpc.security.Access;
import io.riskpulse.gateway.grpc.security.LocalCredentials;
import io.riskpulse.gateway.grpc.security.PemFiles;
import io.riskpulse.gateway.grpc.security.SelfSignedCertificate;
import io.riskpulse.gateway.grpc.security.TokenStore;
import io.riskpulse.model.journal.JournalEvents;
import io.riskpulse.model.portfolio.Portfolio;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLContext;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.grpc.javadsl.ServiceHandler;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
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
 */
public final class GrpcServer {

  private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);

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
    if (settings.certFile() != null) {
      return PemFiles.serverContext(settings.certFile(), settings.keyFile());
    }
    SelfSignedCertificate.PemPair pair = SelfSignedCertificate.ensure(settings.selfSignedDir());
    log.info("gRPC API uses the self-signed certificate {} (for local use; clients trust that file)",
        pair.certFile());
    return PemFiles.serverContext(pair.certFile(), pair.keyFile());
  }

  /** The handler of every service, authorizing with {@code tokens}. */
  public static Function<HttpRequest, CompletionStage<HttpResponse>> handler(ActorSystem<?> system,
      GrpcSettings settings, GrpcBackends backends, TokenStore tokens, MeterRegistry metrics) {
    Calls calls = new Calls(new Access(tokens), metrics, settings.requestTimeout());
    Duration interval = settings.watchInterval();
    PortfolioDesks desks = new PortfolioDesks(backends.portfolios());
    EventsByPersistenceIdQuery journal = PersistenceQuery.get(system)
        .getReadJournalFor(EventsByPersistenceIdQuery.class, backends.readJournalPluginId());
    PortfolioGrpcService portfolios = new PortfolioGrpcService(system, calls, backends.portfolios(),
        backends.directory(), desks,
        new PortfolioWatch(backends.portfolios(), journal, Portfolio.ENTITY_KEY.name(), interval,
            new JournalEvents(system)));
    var errors = GrpcErrors.mapper();
    Materializer mat = SystemMaterializer.get(system).materializer();
    return ServiceHandler.concatOrNotFound(
        PortfolioServicePowerApiHandlerFactory.partial(portfolios, io.riskpulse.api.v1.PortfolioService.name, mat,
            errors, system),
        DeskServicePowerApiHandlerFactory.partial(new DeskGrpcService(calls, backends.aggregates(),
            backends.scopeLimits(), backends.killSwitch(), interval), io.riskpulse.api.v1.DeskService.name, mat,
            errors, system),
        ControlServicePowerApiHandlerFactory.partial(new ControlGrpcService(calls, backends.portfolios(), portfolios,
            backends.killSwitch(), backends.scopeLimits()), io.riskpulse.api.v1.ControlService.name, mat,
            errors, system),
        PreTradeServicePowerApiHandlerFactory.partial(new PreTradeGrpcService(calls, backends.portfolios(),
            portfolios), io.riskpulse.api.v1.PreTradeService.name, mat, errors, system),
        AlertServicePowerApiHandlerFactory.partial(new AlertGrpcService(calls, backends.alerts(), desks, interval),
            io.riskpulse.api.v1.AlertService.name, mat, errors, system),
        HealthPowerApiHandlerFactory.partial(new HealthGrpcService(backends.ready(), interval),
            io.grpc.health.v1.Health.name, mat, errors, system));
  }

  /** Binds the API; the stage fails if the port is taken. Port 0 picks a free port. */
  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, GrpcSettings settings,
      GrpcBackends backends, MeterRegistry metrics) {
    Function<HttpRequest, CompletionStage<HttpResponse>> handler =
        handler(system, settings, backends, tokens(settings), metrics);
    // gRPC needs HTTP/2 whatever pekko.http.server.enable-http2 resolves to: that key's value depends on the order
    // of the reference.conf files on the classpath (pekko-http's own says off), which a new dependency can change.
    ServerBuilder server = Http.get(system).newServerAt(settings.host(), settings.port())
        .adaptSettings(serverSettings -> serverSettings.withEnableHttp2(true));
    if (settings.tls()) {
      server = server.enableHttps(ConnectionContext.httpsServer(tlsContext(settings)));
    }
    return server.bind(handler).thenApply(binding -> {
      log.info("gRPC API (riskpulse.v1) on {}://{}:{}", settings.tls() ? "https" : "http", settings.host(),
          binding.localAddress().getPort());
      return binding.addToCoordinatedShutdown(Duration.ofSeconds(3), system);
    });
  }
}

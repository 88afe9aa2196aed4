package io.riskpulse.gateway.grpc.client;

import io.grpc.health.v1.HealthClient;
import io.riskpulse.api.v1.AlertServiceClient;
import io.riskpulse.api.v1.ControlServiceClient;
import io.riskpulse.api.v1.DeskServiceClient;
import io.riskpulse.api.v1.PortfolioServiceClient;
import io.riskpulse.api.v1.PreTradeServiceClient;
import io.riskpulse.gateway.grpc.security.PemFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.apache.pekko.grpc.javadsl.PekkoGrpcClient;

/**
 * One principal's clients of every riskpulse.v1 service (and health) over one connection setting: the generated
 * pekko-grpc clients, TLS trusting the given certificate file (or plaintext), and the principal's bearer token
 * on every call. Used by {@code riskpulse ctl}, tests and benchmarks. Thread-safe (the clients are); close it.
 */
public final class ApiClients implements AutoCloseable {

  private final PortfolioServiceClient portfolios;
  private final DeskServiceClient desks;
  private final ControlServiceClient controls;
  private final PreTradeServiceClient preTrade;
  private final AlertServiceClient alerts;
  private final HealthClient health;

  private ApiClients(GrpcClientSettings settings, ClassicActorSystemProvider system) {
    portfolios = PortfolioServiceClient.create(settings, system);
    desks = DeskServiceClient.create(settings, system);
    controls = ControlServiceClient.create(settings, system);
    preTrade = PreTradeServiceClient.create(settings, system);
    alerts = AlertServiceClient.create(settings, system);
    health = HealthClient.create(settings, system);
  }

  /**
   * Clients of the node at {@code host:port}.
   *
   * @param trustedCertificate PEM file of the certificate (or CA) to trust for TLS; {@code null} for plaintext
   * @param token the principal's bearer token; {@code null} sends none (only health answers then)
   * @param deadline how long one call may take, streams included; {@code null} for none (for watches)
   */
  public static ApiClients connect(ClassicActorSystemProvider system, String host, int port,
      Path trustedCertificate, String token, Duration deadline) {
    GrpcClientSettings settings = GrpcClientSettings.connectToServiceAt(host, port, system)
        .withTls(trustedCertificate != null);
    if (deadline != null) {
      settings = settings.withDeadline(deadline);
    }
    if (trustedCertificate != null) {
      settings = settings.withTrustManager(PemFiles.trustManager(trustedCertificate));
    }
    if (token != null) {
      settings = settings.withCallCredentials(new BearerToken(token));
    }
    return new ApiClients(settings, system);
  }

  public PortfolioServiceClient portfolios() {
    return portfolios;
  }

  public DeskServiceClient desks() {
    return desks;
  }

  public ControlServiceClient controls() {
    return controls;
  }

  public PreTradeServiceClient preTrade() {
    return preTrade;
  }

  public AlertServiceClient alerts() {
    return alerts;
  }

  public HealthClient health() {
    return health;
  }

  /** Closes every client; completes when they are closed. */
  public CompletionStage<Void> closeAsync() {
    List<PekkoGrpcClient> all = List.of(portfolios, desks, controls, preTrade, alerts, health);
    return CompletableFuture.allOf(all.stream().map(c -> c.close().toCompletableFuture())
        .toArray(CompletableFuture<?>[]::new));
  }

  @Override
  public void close() {
    closeAsync().toCompletableFuture().join();
  }
}

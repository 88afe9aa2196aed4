package io.riskpulse.gateway.grpc;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthPowerApi;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The gRPC health checking protocol ({@code grpc.health.v1.Health}), without authentication so that probes and
 * load balancers can ask: SERVING while the node is ready (a cluster member that is up), NOT_SERVING otherwise,
 * for the node ({@code ""}) and each riskpulse.v1 service; NOT_FOUND (Check) or SERVICE_UNKNOWN (Watch) for any
 * other name. Thread-safe (stateless).
 */
public final class HealthGrpcService implements HealthPowerApi {

  /** The services this node serves, by their fully qualified names. */
  public static final Set<String> SERVICES = Set.of("riskpulse.v1.PortfolioService", "riskpulse.v1.DeskService",
      "riskpulse.v1.ControlService", "riskpulse.v1.PreTradeService", "riskpulse.v1.AlertService");

  private final BooleanSupplier ready;
  private final Duration watchInterval;

  /** @param ready whether the node can answer calls now */
  public HealthGrpcService(BooleanSupplier ready, Duration watchInterval) {
    this.ready = ready;
    this.watchInterval = watchInterval;
  }

  @Override
  public CompletionStage<HealthCheckResponse> check(HealthCheckRequest in, Metadata metadata) {
    if (!known(in.getService())) {
      return CompletableFuture.failedFuture(GrpcErrors.notFound("unknown service " + in.getService()));
    }
    return CompletableFuture.completedFuture(response(status()));
  }

  @Override
  public Source<HealthCheckResponse, NotUsed> watch(HealthCheckRequest in, Metadata metadata) {
    if (!known(in.getService())) {
      return Source.single(response(ServingStatus.SERVICE_UNKNOWN));
    }
    return Source.tick(Duration.ZERO, watchInterval, in.getService())
        .mapMaterializedValue(cancellable -> NotUsed.getInstance())
        .statefulMap(() -> Optional.<ServingStatus>empty(), (last, service) -> {
          ServingStatus now = status();
          return Pair.create(Optional.of(now), last.equals(Optional.of(now)) ? Optional.<HealthCheckResponse>empty()
              : Optional.of(response(now)));
        }, last -> Optional.empty())
        .filter(Optional::isPresent)
        .map(Optional::get);
  }

  private static boolean known(String service) {
    return service.isEmpty() || SERVICES.contains(service);
  }

  private ServingStatus status() {
    return ready.getAsBoolean() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
  }

  private static HealthCheckResponse response(ServingStatus status) {
    return HealthCheckResponse.newBuilder().setStatus(status).build();
  }
}

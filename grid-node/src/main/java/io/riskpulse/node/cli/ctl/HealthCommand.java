package io.riskpulse.node.cli.ctl;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse ctl health [--service NAME]}: the standard gRPC health check, which needs no token. Exit 0
 * when SERVING and {@link CtlExitCodes#UNAVAILABLE} otherwise, so that it works as a readiness probe.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = {"The node's health (grpc.health.v1; no token needed): SERVING once the node is ready.",
        "Exit 0 when SERVING, 5 otherwise (or when the node does not answer)."})
public final class HealthCommand implements Callable<Integer> {

  @ParentCommand CtlCommand ctl;
  @Spec CommandSpec spec;

  @Option(names = "--service", paramLabel = "NAME", defaultValue = "",
      description = "One service, e.g. riskpulse.v1.PortfolioService; default: the node as a whole.")
  String service;

  @Override
  public Integer call() {
    HealthCheckRequest request = HealthCheckRequest.newBuilder().setService(service).build();
    return ctl.call(spec).unary(clients -> clients.health().check(request),
        response -> (service.isEmpty() ? "node" : service) + ": " + response.getStatus() + "\n",
        response -> response.getStatus() == HealthCheckResponse.ServingStatus.SERVING
            ? CtlExitCodes.OK : CtlExitCodes.UNAVAILABLE);
  }
}

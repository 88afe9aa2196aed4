package io.riskpulse.node.grpc;

import static io.riskpulse.node.grpc.GrpcTestNode.VIEWER;
import static io.riskpulse.node.grpc.GrpcTestNode.await;
import static io.riskpulse.node.grpc.GrpcTestNode.codeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.micrometer.core.instrument.Counter;
import io.riskpulse.api.v1.GetPortfolioRequest;
import io.riskpulse.api.v1.Portfolio;
import io.riskpulse.api.v1.PortfolioUpdate;
import io.riskpulse.api.v1.WatchPortfolioRequest;
import io.riskpulse.gateway.grpc.GrpcBinding;
import io.riskpulse.gateway.grpc.security.Rpc;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The API on each server that can carry it ({@code riskpulse.grpc.server}: grpc-java's Netty server, the default,
 * and pekko-http's), with TLS (BoringSSL or the JDK's engine on the Netty server) and without: unary calls with authentication and mapped errors, health without a
 * token, and a watch whose cancellation by the client ends the node's stream (a stream left running would leak).
 * The other gRPC tests run the whole API on the default server.
 */
@Timeout(120)
class GrpcTransportTest {

  @TempDir Path dataDir;

  private static GetPortfolioRequest portfolio(String id) {
    return GetPortfolioRequest.newBuilder().setPortfolioId(id).build();
  }

  /** Watches of {@code WatchPortfolio} that have ended on the node, whatever their status. */
  private static double endedWatches(GrpcTestNode node) {
    return node.services().metrics().find("riskpulse.grpc.server.streams")
        .tag("rpc", Rpc.WATCH_PORTFOLIO.fullName()).counters().stream().mapToDouble(Counter::count).sum();
  }

  @ParameterizedTest(name = "server = {0}, tls = {1}, provider = {2}")
  @CsvSource({"netty, true, auto, openssl", "netty, true, jdk, jdk", "netty, false, auto, off",
      "pekko-http, true, auto, jdk", "pekko-http, false, auto, off"})
  void shouldServeTheApiOnEitherServerWithAndWithoutTls(String server, boolean tls, String provider,
      String engine) throws Exception {
    try (GrpcTestNode node = GrpcTestNode.start(dataDir, tls, "riskpulse.grpc.server = " + server + "\n"
        + "riskpulse.grpc.tls.provider = " + provider)) {
      GrpcBinding binding = await(node.services().grpc().orElseThrow());
      assertEquals(server, binding.transport());
      // BoringSSL ships with grpc-java's shaded Netty for the platforms the project builds on.
      assertEquals(engine, binding.tls(), "the TLS implementation serving the API");
      long now = System.currentTimeMillis();
      node.services().market().update(Quote.lastTrade("SPY", 100, now));
      Limits none = new Limits(null, null, null, null, null, null, null, null, null, false);
      assertEquals(Reply.accepted(), await(node.services().portfolios().open("R1", "rates", "alice", 1_000_000, none,
          "test")));
      assertEquals(Reply.accepted(), await(node.services().portfolios().open("C1", "credit", "bob", 1_000_000, none,
          "test")));
      assertEquals(Reply.accepted(), await(node.services().portfolios().apply(
          new Execution("E1", "R1", "algo", "SPY", Side.BUY, 100, 100, now))));

      Portfolio read = await(node.as(VIEWER).portfolios().getPortfolio(portfolio("R1")));
      assertEquals("R1", read.getPortfolioId());
      assertEquals(1, read.getPositionsCount());
      assertEquals(Status.Code.NOT_FOUND, codeOf(() -> node.as(VIEWER).portfolios().getPortfolio(portfolio("X9"))));
      assertEquals(Status.Code.PERMISSION_DENIED,
          codeOf(() -> node.as(VIEWER).portfolios().getPortfolio(portfolio("C1"))));
      assertEquals(Status.Code.UNAUTHENTICATED,
          codeOf(() -> node.withToken("no-such-token").portfolios().getPortfolio(portfolio("R1"))));
      StatusRuntimeException invalid = assertThrows(StatusRuntimeException.class,
          () -> await(node.as(VIEWER).portfolios().getPortfolio(portfolio(""))));
      assertEquals(Status.Code.INVALID_ARGUMENT, invalid.getStatus().getCode());
      assertTrue(invalid.getStatus().getDescription().startsWith("portfolio_id"), invalid.getStatus().toString());
      assertEquals(ServingStatus.SERVING, await(node.withToken(null).health().check(
          HealthCheckRequest.getDefaultInstance())).getStatus());

      double endedBefore = endedWatches(node);
      SinkQueueWithCancel<PortfolioUpdate> watch = node.watcher(VIEWER).portfolios()
          .watchPortfolio(WatchPortfolioRequest.newBuilder().setPortfolioId("R1").build())
          .runWith(Sink.queue(), node.system());
      Optional<PortfolioUpdate> first = await(watch.pull());
      assertTrue(first.isPresent() && first.get().getInitial(), "the watch starts with a snapshot: " + first);
      assertEquals(1, first.get().getPortfolio().getPositionsCount());
      watch.cancel();
      TestProbe.create(node.system()).awaitAssert(GrpcTestNode.WAIT, () -> {
        assertEquals(endedBefore + 1, endedWatches(node), "the node's stream ended with the client's cancel");
        return null;
      });
    }
  }
}

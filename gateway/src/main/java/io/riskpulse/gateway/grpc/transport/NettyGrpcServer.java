package io.riskpulse.gateway.grpc.transport;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.riskpulse.gateway.grpc.GrpcSettings.TlsEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * grpc-java's Netty server for the API's services: HTTP/2 with prior knowledge, or over TLS (ALPN {@code h2}) with
 * BoringSSL, the native library bundled with grpc-java's shaded Netty, or the JDK's {@code SSLEngine}
 * ({@link #tlsProvider}). Handlers run on the Netty thread that delivers the call
 * ({@code directExecutor}): the services never block, so handing each call to another pool would only add a
 * thread hop. In coordinated shutdown it stops taking calls at service-unbind, lets calls in flight finish for
 * up to the given grace in service-requests-done, then cancels what remains (watches never end on their own).
 */
public final class NettyGrpcServer {

  private NettyGrpcServer() {}

  /**
   * Binds and starts the server.
   *
   * @param keys the server's key managers for TLS, or {@code null} for cleartext HTTP/2
   * @param engine the TLS implementation asked for (ignored without {@code keys})
   * @param grace how long calls in flight may take to finish at shutdown
   * @return the started server
   * @throws UncheckedIOException if the address cannot be bound (e.g. the port is taken)
   * @throws IllegalStateException if {@code engine} is {@code OPENSSL} and BoringSSL does not load here
   */
  public static Server start(ActorSystem<?> system, InetSocketAddress address, List<ServerServiceDefinition> services,
      KeyManagerFactory keys, TlsEngine engine, Duration grace) {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(address).directExecutor();
    services.forEach(builder::addService);
    if (keys != null) {
      try {
        builder.sslContext(GrpcSslContexts.configure(SslContextBuilder.forServer(keys), tlsProvider(engine)).build());
      } catch (SSLException e) {
        throw new IllegalArgumentException("cannot serve TLS with the configured key pair: " + e.getMessage(), e);
      }
    }
    Server server;
    try {
      server = builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the gRPC API to " + address + ": " + e.getMessage(), e);
    }
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    shutdown.addTask(CoordinatedShutdown.PhaseServiceUnbind(), "grpc-api-unbind", () -> {
      server.shutdown();
      return CompletableFuture.completedFuture(Done.getInstance());
    });
    shutdown.addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "grpc-api-drain", () ->
        CompletableFuture.supplyAsync(() -> {
          try {
            if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
              server.shutdownNow().awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
          }
          return Done.getInstance();
        }, system.dispatchers().lookup(DispatcherSelector.blocking())));
    return server;
  }

  /**
   * The Netty TLS provider for {@code engine}: BoringSSL ({@link SslProvider#OPENSSL}) for {@code AUTO} where its
   * native library loads on this platform, the JDK's otherwise. Measured at 5,000 GetPortfolio calls/s, the two
   * cost the same (docs/PERFORMANCE.md, section 20); BoringSSL is grpc-java's own default and keeps its TLS buffers
   * off the heap, the JDK's engine is the one a FIPS provider plugs into.
   *
   * @throws IllegalStateException if {@code engine} is {@code OPENSSL} and BoringSSL does not load, with the reason
   */
  public static SslProvider tlsProvider(TlsEngine engine) {
    return switch (engine) {
      case JDK -> SslProvider.JDK;
      case AUTO -> OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
      case OPENSSL -> {
        if (!OpenSsl.isAvailable()) {
          throw new IllegalStateException("riskpulse.grpc.tls.provider = openssl, but BoringSSL does not load on "
              + "this platform: " + OpenSsl.unavailabilityCause());
        }
        yield SslProvider.OPENSSL;
      }
    };
  }
}

package io.riskpulse.node.grpc;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.riskpulse.gateway.grpc.GrpcBinding;
import io.riskpulse.gateway.grpc.client.ApiClients;
import io.riskpulse.gateway.grpc.security.Principal;
import io.riskpulse.gateway.grpc.security.Role;
import io.riskpulse.gateway.grpc.security.SelfSignedCertificate;
import io.riskpulse.gateway.grpc.security.TokenStore;
import io.riskpulse.model.instrument.AssetClass;
import io.riskpulse.model.instrument.Instrument;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.NodeDeps;
import io.riskpulse.node.NodeServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A real node (Main.init, H2 journal in a folder, free ports) serving the gRPC API with a tokens file of test
 * principals, and their clients over loopback: for the API's end-to-end and authorization tests.
 *
 * <p>Principals: one per role on desk {@code rates} ({@link #VIEWER}, {@link #TRADER}, {@link #OFFICER}), a risk
 * officer of desk {@code credit} ({@link #CREDIT_OFFICER}), a viewer of every desk ({@link #FIRM_VIEWER}) and an
 * admin ({@link #ADMIN}). Each principal's token is its name followed by {@code -token}.
 */
public final class GrpcTestNode implements AutoCloseable {

  public static final String VIEWER = "viewer";
  public static final String TRADER = "trader";
  public static final String OFFICER = "officer";
  public static final String CREDIT_OFFICER = "credit-officer";
  public static final String FIRM_VIEWER = "firm-viewer";
  public static final String ADMIN = "admin";

  /** Every principal of the tokens file. */
  public static final Map<String, Principal> PRINCIPALS = principals();

  public static final InstrumentRegistry INSTRUMENTS = InstrumentRegistry.of(List.of(
      new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "broad market", "US"),
      new Instrument("TLT", AssetClass.RATES, "USD", 1, "treasuries", "US"),
      new Instrument("GLD", AssetClass.COMMODITY, "USD", 1, "precious metals", "")));

  public static final Duration WAIT = Duration.ofSeconds(20);

  private final ActorSystem<Void> system;
  private final NodeServices services;
  private final int port;
  private final Path certificate;
  private final Map<String, ApiClients> clients = new LinkedHashMap<>();

  private static Map<String, Principal> principals() {
    Map<String, Principal> p = new LinkedHashMap<>();
    p.put(VIEWER, new Principal(VIEWER, Role.VIEWER, Set.of("rates")));
    p.put(TRADER, new Principal(TRADER, Role.TRADER, Set.of("rates")));
    p.put(OFFICER, new Principal(OFFICER, Role.RISK_OFFICER, Set.of("rates")));
    p.put(CREDIT_OFFICER, new Principal(CREDIT_OFFICER, Role.RISK_OFFICER, Set.of("credit")));
    p.put(FIRM_VIEWER, new Principal(FIRM_VIEWER, Role.VIEWER, Set.of(Principal.ALL_DESKS)));
    p.put(ADMIN, new Principal(ADMIN, Role.ADMIN, Set.of()));
    return Map.copyOf(p);
  }

  /** The token of a principal of {@link #PRINCIPALS}. */
  public static String tokenOf(String principal) {
    return principal + "-token";
  }

  /**
   * Starts a node on {@code dataDir}.
   *
   * @param tls whether the API serves TLS (with the node's self-signed local pair)
   * @param extraConfig HOCON laid over the test configuration
   */
  public static GrpcTestNode start(Path dataDir, boolean tls, String extraConfig) throws IOException {
    StringBuilder tokens = new StringBuilder("tokens = [\n");
    for (Principal principal : PRINCIPALS.values()) {
      tokens.append("  ").append(TokenStore.entryLine(principal, tokenOf(principal.name()))).append('\n');
    }
    Files.createDirectories(dataDir);
    Path tokensFile = Files.writeString(dataDir.resolve("test-tokens.conf"), tokens.append("]\n").toString());
    Config config = ConfigFactory.parseString(extraConfig).withFallback(NodeConfig.load(ConfigFactory.parseString(
        "riskpulse.persistence.data-dir = \"" + slashes(dataDir) + "\"\n"
            + "pekko.remote.artery.canonical.port = 0\n"
            + "riskpulse.http.port = 0\n"
            + "riskpulse.grpc.port = 0\n"
            + "riskpulse.grpc.tls.enabled = " + tls + "\n"
            + "riskpulse.grpc.auth.tokens-file = \"" + slashes(tokensFile) + "\"\n"
            + "riskpulse.grpc.watch.interval = 200ms\n"
            + "riskpulse.ingestion.aeron.directory = \"" + slashes(dataDir.resolve("aeron")) + "\"\n")));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
    try {
      NodeServices services = Main.init(system, new NodeDeps(INSTRUMENTS, Clock.systemUTC()));
      GrpcBinding binding = await(services.grpc().orElseThrow());
      Path certificate = tls ? dataDir.resolve("grpc").resolve("tls").resolve(SelfSignedCertificate.CERT_FILE) : null;
      return new GrpcTestNode(system, services, binding.localAddress().getPort(), certificate);
    } catch (RuntimeException e) {
      system.terminate();
      throw e;
    }
  }

  private static String slashes(Path path) {
    return path.toAbsolutePath().toString().replace('\\', '/');
  }

  private GrpcTestNode(ActorSystem<Void> system, NodeServices services, int port, Path certificate) {
    this.system = system;
    this.services = services;
    this.port = port;
    this.certificate = certificate;
  }

  public ActorSystem<Void> system() {
    return system;
  }

  public NodeServices services() {
    return services;
  }

  public int port() {
    return port;
  }

  /** The certificate clients trust, or {@code null} without TLS. */
  public Path certificate() {
    return certificate;
  }

  /** The clients of a principal of {@link #PRINCIPALS} (made once), with a 10 s deadline per call. */
  public ApiClients as(String principal) {
    return clients.computeIfAbsent(principal, name -> ApiClients.connect(system, "127.0.0.1", port, certificate,
        tokenOf(name), Duration.ofSeconds(10)));
  }

  /** Clients with the given token (or none): for authentication failures. */
  public ApiClients withToken(String token) {
    return clients.computeIfAbsent("token:" + token, name -> ApiClients.connect(system, "127.0.0.1", port,
        certificate, token, Duration.ofSeconds(10)));
  }

  /** Clients of a principal without a deadline: for watches. */
  public ApiClients watcher(String principal) {
    return clients.computeIfAbsent("watch:" + principal, name -> ApiClients.connect(system, "127.0.0.1", port,
        certificate, tokenOf(principal), null));
  }

  public static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StatusRuntimeException sre) {
        throw sre;
      }
      throw new AssertionError("failed: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }

  /** The status a call ends with: OK, or the code of the {@link StatusRuntimeException} it failed with. */
  public static Status.Code codeOf(Supplier<CompletionStage<?>> call) {
    try {
      await(call.get());
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  @Override
  public void close() {
    clients.values().forEach(ApiClients::close);
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("node did not stop: " + e, e);
    }
  }
}

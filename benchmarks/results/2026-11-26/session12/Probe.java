import com.typesafe.config.ConfigFactory;
import io.grpc.health.v1.HealthCheckRequest;
import io.riskpulse.api.v1.GetPortfolioRequest;
import io.riskpulse.gateway.grpc.client.ApiClients;
import io.riskpulse.gateway.grpc.security.*;
import io.riskpulse.model.instrument.*;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.node.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

public class Probe {
  public static void main(String[] a) throws Exception {
    boolean tls = a.length > 0 && a[0].equals("tls");
    Path dir = Files.createTempDirectory("probe");
    String token = "tok";
    Files.writeString(dir.resolve("t.conf"), "tokens = [" + TokenStore.entryLine(new Principal("p", Role.ADMIN, Set.of("*")), token) + "]");
    var config = NodeConfig.load(ConfigFactory.parseString("riskpulse.persistence.data-dir=\"" + dir + "\"\npekko.remote.artery.canonical.port=0\nriskpulse.http.port=0\nriskpulse.grpc.port=0\nriskpulse.grpc.tls.enabled=" + tls + "\nriskpulse.grpc.auth.tokens-file=\"" + dir.resolve("t.conf") + "\"\nriskpulse.ingestion.aeron.directory=\"" + dir.resolve("aeron") + "\"\n"));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
    var reg = InstrumentRegistry.of(List.of(new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "x", "US")));
    NodeServices s = Main.init(system, new NodeDeps(reg, Clock.systemUTC()));
    int port = s.grpc().get().toCompletableFuture().get().localAddress().getPort();
    s.portfolios().open("P1", "d", "t", 1e6, new Limits(null,null,null,null,null,null,null,null,null,false), "x").toCompletableFuture().get();
    ApiClients c = ApiClients.connect(system, "127.0.0.1", port, tls ? dir.resolve("grpc/tls/cert.pem") : null, token, Duration.ofSeconds(5));
    for (int round = 0; round < 3; round++) {
      long[] h = new long[2000], g = new long[2000], d = new long[2000];
      for (int i = 0; i < 2000; i++) {
        long t0 = System.nanoTime();
        c.health().check(HealthCheckRequest.getDefaultInstance()).toCompletableFuture().get();
        long t1 = System.nanoTime();
        c.portfolios().getPortfolio(GetPortfolioRequest.newBuilder().setPortfolioId("P1").build()).toCompletableFuture().get();
        long t2 = System.nanoTime();
        s.portfolios().snapshot("P1").toCompletableFuture().get();
        long t3 = System.nanoTime();
        h[i] = (t1 - t0) / 1000; g[i] = (t2 - t1) / 1000; d[i] = (t3 - t2) / 1000;
      }
      Arrays.sort(h); Arrays.sort(g); Arrays.sort(d);
      System.out.printf("round %d tls=%s health p50=%d p99=%d | getPortfolio p50=%d p99=%d | direct p50=%d p99=%d (us)%n", round, tls, h[1000], h[1980], g[1000], g[1980], d[1000], d[1980]);
    }
    c.close();
    system.terminate();
  }
}

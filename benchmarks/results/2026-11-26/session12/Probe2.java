import com.typesafe.config.ConfigFactory;
import io.grpc.*;
import io.grpc.health.v1.*;
import io.grpc.protobuf.ProtoUtils;
import io.riskpulse.gateway.grpc.security.*;
import io.riskpulse.model.instrument.*;
import io.riskpulse.node.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

public class Probe2 {
  public static void main(String[] a) throws Exception {
    Path dir = Files.createTempDirectory("probe");
    Files.writeString(dir.resolve("t.conf"), "tokens = [" + TokenStore.entryLine(new Principal("p", Role.ADMIN, Set.of("*")), "tok") + "]");
    var config = NodeConfig.load(ConfigFactory.parseString("riskpulse.persistence.data-dir=\"" + dir + "\"\npekko.remote.artery.canonical.port=0\nriskpulse.http.port=0\nriskpulse.grpc.port=0\nriskpulse.grpc.tls.enabled=false\nriskpulse.grpc.auth.tokens-file=\"" + dir.resolve("t.conf") + "\"\nriskpulse.ingestion.aeron.directory=\"" + dir.resolve("aeron") + "\"\n"));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
    var reg = InstrumentRegistry.of(List.of(new Instrument("SPY", AssetClass.EQUITY, "USD", 1, "x", "US")));
    NodeServices s = Main.init(system, new NodeDeps(reg, Clock.systemUTC()));
    int port = s.grpc().get().toCompletableFuture().get().localAddress().getPort();
    ManagedChannel ch = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().directExecutor().build();
    MethodDescriptor<HealthCheckRequest, HealthCheckResponse> m = MethodDescriptor.<HealthCheckRequest, HealthCheckResponse>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("grpc.health.v1.Health/Check")
        .setRequestMarshaller(ProtoUtils.marshaller(HealthCheckRequest.getDefaultInstance()))
        .setResponseMarshaller(ProtoUtils.marshaller(HealthCheckResponse.getDefaultInstance())).build();
    for (int round = 0; round < 3; round++) {
      long[] h = new long[3000];
      for (int i = 0; i < 3000; i++) {
        long t0 = System.nanoTime();
        var done = new java.util.concurrent.CompletableFuture<Object>();
        ClientCall<HealthCheckRequest, HealthCheckResponse> call = ch.newCall(m, CallOptions.DEFAULT);
        call.start(new ClientCall.Listener<HealthCheckResponse>() {
          @Override public void onMessage(HealthCheckResponse r) { }
          @Override public void onClose(Status st, Metadata t) { done.complete(st); }
        }, new Metadata());
        call.request(1);
        call.sendMessage(HealthCheckRequest.getDefaultInstance());
        call.halfClose();
        done.get();
        h[i] = (System.nanoTime() - t0) / 1000;
      }
      Arrays.sort(h);
      System.out.printf("round %d raw grpc-java health p50=%d p90=%d p99=%d (us)%n", round, h[1500], h[2700], h[2970]);
    }
    ch.shutdownNow();
    system.terminate();
  }
}

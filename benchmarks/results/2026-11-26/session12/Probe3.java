import io.grpc.*;
import io.grpc.health.v1.*;
import io.grpc.protobuf.ProtoUtils;
import java.util.*;

public class Probe3 {
  public static void main(String[] a) throws Exception {
    MethodDescriptor<HealthCheckRequest, HealthCheckResponse> m = MethodDescriptor.<HealthCheckRequest, HealthCheckResponse>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("grpc.health.v1.Health/Check")
        .setRequestMarshaller(ProtoUtils.marshaller(HealthCheckRequest.getDefaultInstance()))
        .setResponseMarshaller(ProtoUtils.marshaller(HealthCheckResponse.getDefaultInstance())).build();
    ServerCallHandler<HealthCheckRequest, HealthCheckResponse> handler = (call, headers) -> {
      call.request(1);
      return new ServerCall.Listener<>() {
        HealthCheckRequest req;
        @Override public void onMessage(HealthCheckRequest r) { req = r; }
        @Override public void onHalfClose() {
          java.util.concurrent.CompletableFuture.supplyAsync(() -> HealthCheckResponse.newBuilder().setStatus(HealthCheckResponse.ServingStatus.SERVING).build())
            .thenAccept(resp -> { call.sendHeaders(new Metadata()); call.sendMessage(resp); call.close(Status.OK, new Metadata()); });
        }
      };
    };
    Server server = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder.forPort(0)
        .addService(ServerServiceDefinition.builder("grpc.health.v1.Health").addMethod(m, handler).build()).build().start();
    ManagedChannel ch = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().directExecutor().build();
    for (int round = 0; round < 3; round++) {
      long[] h = new long[5000];
      for (int i = 0; i < 5000; i++) {
        long t0 = System.nanoTime();
        var done = new java.util.concurrent.CompletableFuture<Object>();
        ClientCall<HealthCheckRequest, HealthCheckResponse> call = ch.newCall(m, CallOptions.DEFAULT);
        call.start(new ClientCall.Listener<HealthCheckResponse>() {
          @Override public void onClose(Status st, Metadata t) { done.complete(st); }
        }, new Metadata());
        call.request(1); call.sendMessage(HealthCheckRequest.getDefaultInstance()); call.halfClose();
        done.get();
        h[i] = (System.nanoTime() - t0) / 1000;
      }
      Arrays.sort(h);
      System.out.printf("round %d grpc-java server health p50=%d p90=%d p99=%d (us)%n", round, h[2500], h[4500], h[4950]);
    }
    ch.shutdownNow(); server.shutdownNow();
  }
}

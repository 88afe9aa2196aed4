package io.riskpulse.bench.e2e;

import com.typesafe.config.ConfigFactory;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.riskpulse.api.v1.CheckOrderRequest;
import io.riskpulse.api.v1.CheckOrderResponse;
import io.riskpulse.api.v1.GetPortfolioRequest;
import io.riskpulse.api.v1.Portfolio;
import io.riskpulse.api.v1.PortfolioService;
import io.riskpulse.api.v1.PreTradeService;
import io.riskpulse.bench.BenchLimits;
import io.riskpulse.gateway.grpc.client.ApiClients;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.OrderRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The gRPC side of {@link GrpcLatency}: the routes that call the API, with a plain grpc-java channel
 * ({@link PlainClient}) or the generated pekko-grpc clients ({@link ApiClients}), and a client process of their own ({@link #main}, started through {@link Spawned}), so that
 * the client's threads, allocation and collector are not the node's, as with any real client of the API.
 *
 * <p>The process protocol, one line each way: the parent writes {@code window <seconds>} and the client answers
 * {@code result <encoded OpenLoop.Result>} after the window; {@code quit} ends the process. The client writes
 * {@code ready} once its first call was answered as expected. The bearer token comes in the environment
 * ({@value #TOKEN_ENV}), not on the command line. Anything else the client prints goes to its standard error,
 * which the parent passes through.
 */
final class GrpcLoadClient {

  /** The environment variable that carries the bearer token to the client process. */
  static final String TOKEN_ENV = "RISKPULSE_BENCH_TOKEN";

  private static long nextClOrdId;

  private GrpcLoadClient() {}

  /** The two RPCs the harness calls, on either client. */
  interface Api {
    CompletionStage<Portfolio> getPortfolio(GetPortfolioRequest request);

    CompletionStage<CheckOrderResponse> checkOrder(CheckOrderRequest request);
  }

  /** The generated pekko-grpc clients as an {@link Api}. */
  static Api pekkoGrpc(ApiClients clients) {
    return new Api() {
      @Override
      public CompletionStage<Portfolio> getPortfolio(GetPortfolioRequest request) {
        return clients.portfolios().getPortfolio(request);
      }

      @Override
      public CompletionStage<CheckOrderResponse> checkOrder(CheckOrderRequest request) {
        return clients.preTrade().checkOrder(request);
      }
    };
  }

  /** {@code GetPortfolio} round-robin over the portfolios; expected: the portfolio, ACTIVE, with its positions. */
  static OpenLoop.Route getPortfolio(Api clients, String[] ids) {
    GetPortfolioRequest[] requests = new GetPortfolioRequest[ids.length];
    for (int i = 0; i < ids.length; i++) {
      requests[i] = GetPortfolioRequest.newBuilder().setPortfolioId(ids[i]).build();
    }
    return new OpenLoop.Route() {
      @Override
      public void prepare(int count) {}

      @Override
      public CompletionStage<String> send(int k) {
        GetPortfolioRequest request = requests[k % requests.length];
        return clients.getPortfolio(request).thenApplyAsync(p ->
            p.getPortfolioId().equals(request.getPortfolioId()) && p.getStatus().equals("ACTIVE")
                && p.getPositionsCount() == BenchLimits.SYMBOLS.size() ? null
                : p.getPortfolioId() + " " + p.getStatus() + " with " + p.getPositionsCount() + " positions",
            OpenLoop.DIRECT);
      }
    };
  }

  /** {@code CheckOrder} of {@link PreTradeRig#order}s with ClOrdIDs {@code G<n>}; expected: accepted. */
  static OpenLoop.Route checkOrder(Api clients, String[] ids) {
    return new OpenLoop.Route() {
      private CheckOrderRequest[] requests = new CheckOrderRequest[0];

      @Override
      public void prepare(int count) {
        requests = new CheckOrderRequest[count];
        for (int k = 0; k < count; k++) {
          OrderRequest order = PreTradeRig.order(ids[k % ids.length], "G" + nextClOrdId++, k, ids.length);
          requests[k] = CheckOrderRequest.newBuilder().setPortfolioId(order.portfolioId())
              .setStrategy(order.strategy()).setClOrdId(order.clOrdId()).setSymbol(order.symbol())
              .setSide(order.side() == Side.BUY ? io.riskpulse.api.v1.Side.BUY : io.riskpulse.api.v1.Side.SELL)
              .setQuantity(order.quantity()).setPrice(order.price()).build();
        }
      }

      @Override
      public CompletionStage<String> send(int k) {
        return clients.checkOrder(requests[k]).thenApplyAsync(decision -> decision.getAccepted() ? null
            : "rejected: " + decision.getFailuresList() + " " + decision.getNote(), OpenLoop.DIRECT);
      }
    };
  }

  /**
   * A plain grpc-java channel to the node, with unary calls built from the API's protobuf messages and the bearer
   * token as a fixed header: the lightest Java client of the API, with no actor system and no Scala futures. Its
   * answers run on the channel's event loop ({@code directExecutor}), which in a client process of its own
   * carries nothing else. Thread-safe.
   */
  static final class PlainClient implements Api, AutoCloseable {
    private static final MethodDescriptor<GetPortfolioRequest, Portfolio> GET_PORTFOLIO =
        unary(PortfolioService.name, "GetPortfolio", GetPortfolioRequest.getDefaultInstance(),
            Portfolio.getDefaultInstance());
    private static final MethodDescriptor<CheckOrderRequest, CheckOrderResponse> CHECK_ORDER =
        unary(PreTradeService.name, "CheckOrder", CheckOrderRequest.getDefaultInstance(),
            CheckOrderResponse.getDefaultInstance());

    private final ManagedChannel channel;
    private final Channel calls;
    private final long deadlineMillis;

    PlainClient(int port, Path certificate, String token, long deadlineMillis) throws IOException {
      NettyChannelBuilder builder = NettyChannelBuilder.forAddress("127.0.0.1", port).directExecutor();
      if (certificate == null) {
        builder.usePlaintext();
      } else {
        builder.sslContext(GrpcSslContexts.forClient().trustManager(certificate.toFile()).build());
      }
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
      this.channel = builder.build();
      this.calls = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
      this.deadlineMillis = deadlineMillis;
    }

    private static <Q extends Message, A extends Message> MethodDescriptor<Q, A> unary(String service, String rpc,
        Q request, A answer) {
      return MethodDescriptor.<Q, A>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(service, rpc))
          .setRequestMarshaller(ProtoUtils.marshaller(request)).setResponseMarshaller(ProtoUtils.marshaller(answer))
          .build();
    }

    private <Q, A> CompletableFuture<A> call(MethodDescriptor<Q, A> method, Q request) {
      CompletableFuture<A> answer = new CompletableFuture<>();
      ClientCalls.asyncUnaryCall(calls.newCall(method,
          CallOptions.DEFAULT.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)), request,
          new StreamObserver<A>() {
            @Override
            public void onNext(A value) {
              answer.complete(value);
            }

            @Override
            public void onError(Throwable t) {
              answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
              if (!answer.isDone()) {
                answer.completeExceptionally(new IllegalStateException("the call ended without an answer"));
              }
            }
          });
      return answer;
    }

    @Override
    public CompletableFuture<Portfolio> getPortfolio(GetPortfolioRequest request) {
      return call(GET_PORTFOLIO, request);
    }

    @Override
    public CompletableFuture<CheckOrderResponse> checkOrder(CheckOrderRequest request) {
      return call(CHECK_ORDER, request);
    }

    @Override
    public void close() throws InterruptedException {
      channel.shutdown().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** The generated clients in an actor system of their own, which {@link #terminate} ends. */
  static ActorSystem<Void> clientSystem() {
    return ActorSystem.create(Behaviors.empty(), "bench-client", ConfigFactory.parseString(
            "pekko.actor.provider = local\n"
                + "pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]\n"
                + "pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"\n")
        .withFallback(ConfigFactory.defaultReference()));
  }

  /**
   * The client process. Options ({@code key=value}): {@code port}, {@code cert} (the PEM file to trust; empty for
   * plaintext), {@code rpc}, {@code stub} ({@code grpc-java}: {@link PlainClient}; {@code pekko-grpc}: the
   * generated clients), {@code ids} (comma-separated portfolio ids), {@code rate}, {@code maxInFlight},
   * {@code deadlineMillis}, {@code timeoutSeconds}, {@code settleMillis}. Exits with 0 after {@code quit} or the end
   * of its input, with 1 on any failure (described on its standard error).
   */
  public static void main(String[] args) {
    int status = 0;
    try {
      serve(args);
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  private static void serve(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    int port = options.integer("port", 0);
    String cert = options.text("cert", "");
    String rpc = options.choice("rpc", "get-portfolio", "check-order");
    String[] ids = options.text("ids", "").split(",");
    OpenLoop.Schedule schedule = new OpenLoop.Schedule(options.integer("rate", 5_000),
        options.integer("maxInFlight", 5_000), options.number("timeoutSeconds", 10),
        options.number("settleMillis", 2_000));
    long deadlineMillis = options.number("deadlineMillis", 2_000);
    boolean plain = options.choice("stub", "grpc-java", "pekko-grpc").equals("grpc-java");
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    Path certificate = cert.isEmpty() ? null : Path.of(cert);
    String token = System.getenv(TOKEN_ENV);
    ActorSystem<Void> system = plain ? null : clientSystem();
    ApiClients generated = plain ? null : ApiClients.connect(system, "127.0.0.1", port, certificate, token,
        Duration.ofMillis(deadlineMillis));
    PlainClient plainClient = plain ? new PlainClient(port, certificate, token, deadlineMillis) : null;
    Api clients = plain ? plainClient : pekkoGrpc(generated);
    try {
      OpenLoop.Route route = rpc.equals("check-order") ? checkOrder(clients, ids) : getPortfolio(clients, ids);
      route.prepare(1);
      String first = firstCall(route);
      if (first != null) {
        throw new IllegalStateException("the first call over gRPC did not answer as expected: " + first);
      }
      out.println("ready");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String command;
      while ((command = in.readLine()) != null && !command.equals("quit")) {
        int seconds = Integer.parseInt(command.substring("window ".length()).trim());
        out.println("result " + OpenLoop.run(route, schedule, seconds).encode());
      }
    } finally {
      if (plainClient != null) {
        plainClient.close();
      } else {
        generated.closeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * The first call, made again while it fails for at most 30 s: on a busy machine the connection may take longer
   * than one call's deadline. Its answer as {@link OpenLoop.Route#send} gives it.
   *
   * @throws Exception the last failure when no call succeeded in time
   */
  private static String firstCall(OpenLoop.Route route) throws Exception {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return route.send(0).toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (System.nanoTime() > giveUp) {
          throw e;
        }
        System.err.println("client: the first call failed, trying again: " + e.getCause());
      }
    }
  }

  /**
   * A client process started by the harness, on the same machine, in a JVM of its own with the harness's class
   * path and the same JVM options as this one. Not thread-safe: one caller.
   */
  static final class Spawned implements AutoCloseable {

    private final Process process;
    private final BufferedReader answers;
    private final PrintWriter commands;

    private Spawned(Process process) {
      this.process = process;
      this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /**
     * Starts the client process and waits until its first call was answered as expected.
     *
     * @throws IllegalStateException if the process ends, or writes anything but {@code ready}, first
     */
    static Spawned start(int port, Path certificate, String token, String rpc, String stub, String[] ids,
        OpenLoop.Schedule schedule, long deadlineMillis) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
          .filter(arg -> !arg.startsWith("-Xlog") && !arg.startsWith("-agentlib") && !arg.startsWith("-XX:StartFlight"))
          .toList());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(GrpcLoadClient.class.getName());
      command.add("port=" + port);
      command.add("cert=" + (certificate == null ? "" : certificate.toAbsolutePath()));
      command.add("rpc=" + rpc);
      command.add("stub=" + stub);
      command.add("ids=" + String.join(",", ids));
      command.add("rate=" + schedule.rate());
      command.add("maxInFlight=" + schedule.maxInFlight());
      command.add("timeoutSeconds=" + schedule.timeoutSeconds());
      command.add("settleMillis=" + schedule.settleMillis());
      command.add("deadlineMillis=" + deadlineMillis);
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
      builder.environment().put(TOKEN_ENV, token);
      Spawned spawned = new Spawned(builder.start());
      String first = spawned.answers.readLine();
      if (!"ready".equals(first)) {
        spawned.process.destroyForcibly();
        throw new IllegalStateException("the client process did not start: " + first);
      }
      return spawned;
    }

    /** The process id, for the report. */
    long pid() {
      return process.pid();
    }

    /**
     * Has the client send one window of {@code seconds} and returns what it measured, with this JVM's (the node's)
     * CPU over the same time.
     */
    OpenLoop.Result run(int seconds) {
      Stats.Cpu.Meter node = Stats.Cpu.start();
      commands.println("window " + seconds);
      try {
        String line = answers.readLine();
        if (line == null || !line.startsWith("result ")) {
          throw new IllegalStateException("the client process answered '" + line + "' to a window");
        }
        return OpenLoop.Result.parse(line.substring("result ".length())).withNodeCpu(node.stop());
      } catch (IOException e) {
        throw new UncheckedIOException("the client process went away", e);
      }
    }

    @Override
    public void close() throws InterruptedException {
      commands.println("quit");
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}

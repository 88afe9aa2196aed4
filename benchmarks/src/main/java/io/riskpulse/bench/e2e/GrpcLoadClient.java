package io.riskpulse.bench.e2e;

import com.typesafe.config.ConfigFactory;
import io.riskpulse.api.v1.CheckOrderRequest;
import io.riskpulse.api.v1.GetPortfolioRequest;
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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The gRPC side of {@link GrpcLatency}: the routes that call the API with the generated pekko-grpc client
 * ({@link ApiClients}), and a client process of their own ({@link #main}, started through {@link Spawned}), so that
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

  /** {@code GetPortfolio} round-robin over the portfolios; expected: the portfolio, ACTIVE, with its positions. */
  static OpenLoop.Route getPortfolio(ApiClients clients, String[] ids) {
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
        return clients.portfolios().getPortfolio(request).thenApplyAsync(p ->
            p.getPortfolioId().equals(request.getPortfolioId()) && p.getStatus().equals("ACTIVE")
                && p.getPositionsCount() == BenchLimits.SYMBOLS.size() ? null
                : p.getPortfolioId() + " " + p.getStatus() + " with " + p.getPositionsCount() + " positions",
            OpenLoop.DIRECT);
      }
    };
  }

  /** {@code CheckOrder} of {@link PreTradeRig#order}s with ClOrdIDs {@code G<n>}; expected: accepted. */
  static OpenLoop.Route checkOrder(ApiClients clients, String[] ids) {
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
        return clients.preTrade().checkOrder(requests[k]).thenApplyAsync(decision -> decision.getAccepted() ? null
            : "rejected: " + decision.getFailuresList() + " " + decision.getNote(), OpenLoop.DIRECT);
      }
    };
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
   * plaintext), {@code rpc}, {@code ids} (comma-separated portfolio ids), {@code rate}, {@code maxInFlight},
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
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    ActorSystem<Void> system = clientSystem();
    ApiClients clients = ApiClients.connect(system, "127.0.0.1", port, cert.isEmpty() ? null : Path.of(cert),
        System.getenv(TOKEN_ENV), Duration.ofMillis(deadlineMillis));
    try {
      OpenLoop.Route route = rpc.equals("check-order") ? checkOrder(clients, ids) : getPortfolio(clients, ids);
      route.prepare(1);
      String first = route.send(0).toCompletableFuture().get(30, TimeUnit.SECONDS);
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
      clients.closeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
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
    static Spawned start(int port, Path certificate, String token, String rpc, String[] ids,
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

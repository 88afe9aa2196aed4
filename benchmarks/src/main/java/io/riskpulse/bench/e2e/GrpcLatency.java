package io.riskpulse.bench.e2e;

import io.riskpulse.bench.BenchLimits;
import io.riskpulse.gateway.grpc.GrpcBinding;
import io.riskpulse.gateway.grpc.GrpcSettings;
import io.riskpulse.gateway.grpc.client.ApiClients;
import io.riskpulse.gateway.grpc.security.Principal;
import io.riskpulse.gateway.grpc.security.Role;
import io.riskpulse.gateway.grpc.security.SelfSignedCertificate;
import io.riskpulse.gateway.grpc.security.TokenStore;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioStatus;
import io.riskpulse.model.pretrade.OrderRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Latency of one unary call of the gRPC API ({@code riskpulse.v1}) at a fixed offered rate, coordinated-omission
 * free, beside the same operation made in-process in the same run: {@code GetPortfolio} against
 * {@link PortfolioClient#snapshot}, or {@code CheckOrder} against {@link PortfolioClient#checkOrder}. The ratio of
 * the two is what the API (HTTP/2 over loopback, TLS or not, protobuf, the bearer token, authorization, the
 * mapping) adds to the node's own answer.
 *
 * <p>Set-up: a real node ({@link BenchNode}: the shipped configuration, H2 journal in a temp folder) serving the
 * API on a free loopback port ({@code riskpulse.grpc.port = 0}), with TLS on or off ({@code tls}); with TLS the
 * node makes its self-signed local pair and the client trusts that {@code cert.pem}. The tokens file, written by
 * the harness ({@link TokenStore#entryLine}), holds one principal, {@value #PRINCIPAL}, a trader of desk
 * {@value PreTradeRig#DESK}. {@code portfolios} portfolios on that desk hold the ten-position book with every limit
 * kind set ({@link PreTradeRig}, as {@link PreTradeLatency}), and a ticker re-quotes their symbols every 100 ms. The
 * client sends the token on every call, with a deadline of {@code deadlineMillis}. By default it runs in a process of
 * its own on the same machine ({@link GrpcLoadClient}, {@code client=process}), as any real client of the API does,
 * on a plain grpc-java channel ({@code stub=grpc-java}: a load generator should cost as little as it can, since it
 * shares the machine's two cores with the node) or on the generated pekko-grpc clients ({@code stub=pekko-grpc},
 * {@link ApiClients}, one HTTP/2 connection per service, in an actor system of their own). {@code client=jvm} runs
 * the pekko-grpc clients in the node's JVM (the set-up of PERFORMANCE.md sections 8 and 18), where their threads,
 * allocation and collector pauses are the node's.
 *
 * <p>Method ({@link OpenLoop}): the sender, in the client's process, sends call <em>k</em> at its intended time
 * {@code start + k / rate}, whatever happened to earlier calls (open loop), parking until then. When the answer
 * arrives, {@code now − intended} goes into an HdrHistogram recorder (nanoseconds, 3 significant digits; printed in
 * microseconds): a late sender, a queue or a pause is charged to every call it delays, so there is no coordinated
 * omission. "service" is
 * {@code now − actual send}, "send lag" how late the sender woke up. At most {@code maxInFlight} calls are
 * outstanding: a call due while that many are is not sent and counts as an error ("dropped"), as does every
 * failed call (a deadline, any gRPC status), every answer that is not the expected one (a portfolio not ACTIVE,
 * a rejected order) and every call unanswered {@code timeoutSeconds} after the last send. Failed and unexpected
 * answers are in the histogram with the time they took; dropped and unanswered calls are not, so a window with
 * errors is flagged and its figures are not a result. Check-orders are 10 units at 100 ({@link PreTradeRig#order}),
 * round-robin over the portfolios, each with a ClOrdID never used before; reads go round-robin too. Every callback
 * runs on the thread that completes the call ({@link OpenLoop#DIRECT}).
 *
 * <p>Each repetition measures both paths at {@code rate} for {@code seconds}, the in-process path first in odd
 * repetitions and the gRPC path first in even ones (so a drift of the machine is not charged to one path), each
 * window after {@code settleMillis} of quiet (so what a saturated window left queued is not charged to the next).
 * A warm-up of {@code warmupSeconds} per path, at {@code rate}, is not recorded. "achieved" is expected answers per
 * second from the first intended send to the last answer. Every window also reports the CPU the node's JVM, the
 * client process (when there is one) and all other processes used ({@link Stats.Cpu}; the machine is shared), and
 * "jit", the cores the sending JVM's JIT compilers took (their total compilation time over the window: a
 * compilation still running competes with the calls).
 *
 * <p>Options ({@code key=value}): {@code rpc} ({@code get-portfolio} or {@code check-order}), {@code tls}
 * ({@code on} or {@code off}), {@code server} (the node's {@code riskpulse.grpc.server}: {@code netty}, the default,
 * or {@code pekko-http}), {@code portfolios} (100), {@code rate} calls/s (5,000), {@code seconds} (20),
 * {@code warmupSeconds} (60: with 10, the gRPC path's first measured window was still compiling, its p99 2 to 450
 * times the next one's; PERFORMANCE.md section 39.1), {@code reps} (3), {@code maxInFlight} (5,000),
 * {@code deadlineMillis} (2,000), {@code timeoutSeconds} (10), {@code settleMillis} (2,000), {@code targetMicros} (1,000: the p99 target),
 * {@code client} ({@code process}, the default, or {@code jvm}), {@code stub} (the client process's: {@code grpc-java},
 * the default, a plain grpc-java channel, {@link GrpcLoadClient.PlainClient}; or {@code pekko-grpc}, the generated
 * clients; {@code client=jvm} takes only {@code pekko-grpc}).
 */
public final class GrpcLatency {

  /** The tokens file's one principal. */
  static final String PRINCIPAL = "bench-trader";

  /** The in-process check-orders' ClOrdID counter (the gRPC client's are {@code G<n>}). */
  private static long nextClOrdId;

  private GrpcLatency() {}

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    String rpc = options.choice("rpc", "get-portfolio", "check-order");
    boolean tls = options.choice("tls", "on", "off").equals("on");
    String server = options.choice("server", "netty", "pekko-http");
    int portfolios = options.integer("portfolios", 100);
    int rate = options.integer("rate", 5_000);
    int seconds = options.integer("seconds", 20);
    int warmupSeconds = options.integer("warmupSeconds", 60);
    int reps = options.integer("reps", 3);
    int maxInFlight = options.integer("maxInFlight", 5_000);
    long deadlineMillis = options.number("deadlineMillis", 2_000);
    long timeoutSeconds = options.number("timeoutSeconds", 10);
    long settleMillis = options.number("settleMillis", 2_000);
    long targetMicros = options.number("targetMicros", 1_000);
    boolean inJvm = options.choice("client", "process", "jvm").equals("jvm");
    String stub = options.choice("stub", "grpc-java", "pekko-grpc");
    if (inJvm && !stub.equals("pekko-grpc")) {
      throw new IllegalArgumentException("client=jvm runs the pekko-grpc clients only (stub=pekko-grpc): a plain "
          + "grpc-java channel in the node's JVM would answer on the server's own event loops");
    }
    boolean checkOrder = rpc.equals("check-order");
    String operation = checkOrder ? "CheckOrder" : "GetPortfolio";
    String config = operation + ", TLS " + (tls ? "on" : "off") + ", " + server + " server, " + stub
        + " client " + (inJvm ? "in the node's JVM" : "process");

    Harness.banner("RiskPulse gRPC API latency, " + operation + " from the intended send time to the answer, "
        + "fixed rate, against " + (checkOrder ? "PortfolioClient.checkOrder" : "PortfolioClient.snapshot")
        + " in-process in the same run", options);

    Path tokensFile = Files.createTempFile("riskpulse-bench-tokens-", ".conf");
    String token = TokenStore.newToken();
    Files.writeString(tokensFile, "tokens = [\n  " + TokenStore.entryLine(
        new Principal(PRINCIPAL, Role.TRADER, Set.of(PreTradeRig.DESK)), token) + "\n]\n");
    ActorSystem<Void> clientSystem = inJvm ? GrpcLoadClient.clientSystem() : null;
    try (BenchNode node = BenchNode.start("grpc", "riskpulse.grpc.enabled = on\n"
        + "riskpulse.grpc.port = 0\n"
        + "riskpulse.grpc.tls.enabled = " + (tls ? "on" : "off") + "\n"
        + "riskpulse.grpc.server = " + server + "\n"
        + "riskpulse.grpc.auth.tokens-file = \"" + tokensFile.toAbsolutePath() + "\"\n")) {
      GrpcBinding binding = BenchNode.await(node.services.grpc().orElseThrow(), 30);
      int port = binding.localAddress().getPort();
      Path certificate = tls ? GrpcSettings.fromConfig(node.system.settings().config()).selfSignedDir()
          .resolve(SelfSignedCertificate.CERT_FILE) : null;
      System.out.println("API: " + (tls ? "https" : "http") + "://127.0.0.1:" + port + " (" + binding.transport()
          + " server, TLS " + binding.tls() + "), principal " + PRINCIPAL + " (trader, desk " + PreTradeRig.DESK + ")"
          + (tls ? ", trusting " + certificate : ""));
      PreTradeRig.awaitSynchronised(node.services.halts().halts());
      ScheduledExecutorService ticker = PreTradeRig.startTicker(node.services.market(), 100);
      OpenLoop.Schedule schedule = new OpenLoop.Schedule(rate, maxInFlight, timeoutSeconds, settleMillis);
      ApiClients clients = null;
      GrpcLoadClient.Spawned process = null;
      try {
        String[] ids = PreTradeRig.openPortfolios(node, portfolios, BenchLimits.realistic(true, BenchLimits.Risk.NONE,
            PreTradeRig.ratePerPortfolioLimit(rate, portfolios)));
        Window grpc;
        if (inJvm) {
          clients = ApiClients.connect(clientSystem, "127.0.0.1", port, certificate, token,
              Duration.ofMillis(deadlineMillis));
          GrpcLoadClient.Api api = GrpcLoadClient.pekkoGrpc(clients);
          OpenLoop.Route route = checkOrder ? GrpcLoadClient.checkOrder(api, ids)
              : GrpcLoadClient.getPortfolio(api, ids);
          route.prepare(1);
          String first = BenchNode.await(route.send(0), 30);
          if (first != null) {
            throw new IllegalStateException("the first call over gRPC did not answer as expected: " + first);
          }
          grpc = windowSeconds -> OpenLoop.run(route, schedule, windowSeconds);
          System.out.println("client: in this JVM");
        } else {
          GrpcLoadClient.Spawned spawned = GrpcLoadClient.Spawned.start(port, certificate, token, rpc, stub, ids,
              schedule, deadlineMillis);
          process = spawned;
          grpc = spawned::run;
          System.out.println("client: process " + spawned.pid() + " (a JVM of its own, same options and class path), "
              + stub + " stub");
        }
        OpenLoop.Route localRoute = checkOrder ? localCheckOrder(node.services.portfolios(), ids)
            : localGetPortfolio(node.services.portfolios(), ids);
        Window local = windowSeconds -> OpenLoop.run(localRoute, schedule, windowSeconds);

        System.out.println();
        System.out.println("latency in microseconds from the intended send time to the answer; service = from the "
            + "actual send");
        String header = "rep  path        rate/s    count        p50        p90        p99      p99.9        max  "
            + "service p50/p99   send lag p50/p99/max    achieved/s  errors   jit  cores node/client/others";
        OpenLoop.Result warmGrpc = grpc.run(warmupSeconds);
        OpenLoop.Result warmLocal = local.run(warmupSeconds);
        System.out.println("warm-up (not recorded):");
        System.out.println(header);
        print("  -", "gRPC", rate, warmGrpc, null, 0);
        print("  -", "in-process", rate, warmLocal, null, 0);

        System.out.println("measured:");
        System.out.println(header);
        double[][] grpcFigures = new double[5][reps];
        double[][] localFigures = new double[5][reps];
        double[] ratios = new double[reps];
        double[] achieved = new double[reps];
        long errors = 0;
        for (int rep = 0; rep < reps; rep++) {
          String label = Stats.fmt("%3d", rep + 1);
          OpenLoop.Result viaGrpc;
          OpenLoop.Result inProcess;
          if (rep % 2 == 0) {
            inProcess = local.run(seconds);
            print(label, "in-process", rate, inProcess, localFigures, rep);
            viaGrpc = grpc.run(seconds);
            print(label, "gRPC", rate, viaGrpc, grpcFigures, rep);
          } else {
            viaGrpc = grpc.run(seconds);
            print(label, "gRPC", rate, viaGrpc, grpcFigures, rep);
            inProcess = local.run(seconds);
            print(label, "in-process", rate, inProcess, localFigures, rep);
          }
          ratios[rep] = grpcFigures[2][rep] / localFigures[2][rep];
          achieved[rep] = viaGrpc.achievedPerSecond();
          errors += viaGrpc.errors() + inProcess.errors();
        }
        printMedian("in-process", rate, localFigures);
        printMedian("gRPC", rate, grpcFigures);

        double p50 = Stats.median(grpcFigures[0]);
        double p99 = Stats.median(grpcFigures[2]);
        double p999 = Stats.median(grpcFigures[3]);
        double localP99 = Stats.median(localFigures[2]);
        double ratio = Stats.median(ratios);
        boolean met = p99 < targetMicros * 1_000 && errors == 0;
        System.out.println();
        System.out.println(Stats.fmt("%s: p99 over gRPC at %,d calls/s offered (median of %d): %s us   target "
            + "< %,d us: %s", config, rate, reps, Stats.micros(p99), targetMicros, met ? "MET" : "NOT MET"));
        System.out.println(Stats.fmt("%s: gRPC p99 / in-process p99 in the same run (median of per-repetition "
            + "ratios): %.1fx; in-process p99 (median) %s us; achieved rate over gRPC (median) %s calls/s", config,
            ratio, Stats.micros(localP99), Stats.rate(Stats.median(achieved))));
        System.out.println(Stats.fmt("check: %,d errors in the measured windows: %s", errors,
            errors == 0 ? "OK" : "UNEXPECTED (the figures above are not a result)"));
        System.out.println(Stats.fmt("row: | %s | %s | %s | %s | %s/s | %s | %.1f× | < %,d µs | %s |", config,
            Stats.micros(p50), Stats.micros(p99), Stats.micros(p999), Stats.rate(Stats.median(achieved)),
            Stats.micros(localP99), ratio, targetMicros, met ? "met" : "**not met**"));
      } finally {
        ticker.shutdownNow();
        if (clients != null) {
          clients.closeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (process != null) {
          process.close();
        }
      }
    } finally {
      if (clientSystem != null) {
        clientSystem.terminate();
        BenchNode.await(clientSystem.getWhenTerminated(), 30);
      }
      Files.deleteIfExists(tokensFile);
    }
  }

  /** One measured window of a path: the gRPC client's (in this JVM or in its process) or the in-process one. */
  @FunctionalInterface
  private interface Window {
    OpenLoop.Result run(int seconds) throws InterruptedException;
  }

  /** {@link PortfolioClient#snapshot} round-robin over the portfolios; expected as {@link #grpcGetPortfolio}. */
  private static OpenLoop.Route localGetPortfolio(PortfolioClient client, String[] ids) {
    return new OpenLoop.Route() {
      @Override
      public void prepare(int count) {}

      @Override
      public CompletionStage<String> send(int k) {
        String id = ids[k % ids.length];
        return client.snapshot(id).thenApplyAsync(s ->
            s.portfolioId().equals(id) && s.status() == PortfolioStatus.ACTIVE
                && s.valuation().positions().size() == BenchLimits.SYMBOLS.size() ? null
                : s.portfolioId() + " " + s.status() + " with " + s.valuation().positions().size() + " positions",
            OpenLoop.DIRECT);
      }
    };
  }

  /** {@link PortfolioClient#checkOrder} of {@link PreTradeRig#order}s, ClOrdIDs {@code L<n>}; expected: accepted. */
  private static OpenLoop.Route localCheckOrder(PortfolioClient client, String[] ids) {
    return new OpenLoop.Route() {
      private OrderRequest[] orders = new OrderRequest[0];

      @Override
      public void prepare(int count) {
        orders = new OrderRequest[count];
        for (int k = 0; k < count; k++) {
          orders[k] = PreTradeRig.order(ids[k % ids.length], "L" + nextClOrdId++, k, ids.length);
        }
      }

      @Override
      public CompletionStage<String> send(int k) {
        return client.checkOrder(orders[k]).thenApplyAsync(decision ->
            decision.accepted() ? null : "rejected: " + decision.describe(), OpenLoop.DIRECT);
      }
    };
  }

  /** One line of the table; keeps p50, p90, p99, p99.9 and max of repetition {@code rep} in {@code figures}. */
  private static void print(String label, String path, int rate, OpenLoop.Result r, double[][] figures, int rep) {
    Histogram h = r.latency();
    double[] row = {h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
        h.getValueAtPercentile(99.9), h.getMaxValue()};
    if (figures != null) {
      for (int f = 0; f < row.length; f++) {
        figures[f][rep] = row[f];
      }
    }
    String format = "%s  %-10s %7d  %7d  %9s  %9s  %9s  %9s  %9s  %7s/%-9s %5s/%s/%-9s  %10s  %6d  %4.2f  %s";
    System.out.println(Stats.fmt(format, label, path, rate, h.getTotalCount(), Stats.micros(row[0]),
        Stats.micros(row[1]), Stats.micros(row[2]), Stats.micros(row[3]), Stats.micros(row[4]),
        Stats.micros(r.service().getValueAtPercentile(50)), Stats.micros(r.service().getValueAtPercentile(99)),
        Stats.micros(r.sendLag().getValueAtPercentile(50)),
        Stats.micros(r.sendLag().getValueAtPercentile(99)), Stats.micros(r.sendLag().getMaxValue()),
        Stats.rate(r.achievedPerSecond()), r.errors(), r.jitCores(), cores(r)));
    if (r.errors() > 0) {
      System.out.println("     errors by kind: " + r.errorKinds() + "; first: " + r.firstError());
    }
  }

  /** The node's JVM, the client process (- when the client is in the node's JVM) and the rest, in cores. */
  private static String cores(OpenLoop.Result r) {
    if (Double.isNaN(r.clientCores())) {
      return Stats.fmt("%.2f/-/%.2f", r.cpu().self(), r.cpu().others());
    }
    return Stats.fmt("%.2f/%.2f/%.2f", r.cpu().self(), r.clientCores(), Math.max(0, r.cpu().others() - r.clientCores()));
  }

  private static void printMedian(String path, int rate, double[][] figures) {
    System.out.println(Stats.fmt("med  %-10s %7d           %9s  %9s  %9s  %9s  %9s", path, rate,
        Stats.micros(Stats.median(figures[0])), Stats.micros(Stats.median(figures[1])),
        Stats.micros(Stats.median(figures[2])), Stats.micros(Stats.median(figures[3])),
        Stats.micros(Stats.median(figures[4]))));
  }
}

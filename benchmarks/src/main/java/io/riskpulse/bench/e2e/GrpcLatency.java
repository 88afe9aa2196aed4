package io.riskpulse.bench.e2e;

import com.typesafe.config.ConfigFactory;
import io.grpc.Status;
import io.riskpulse.api.v1.CheckOrderRequest;
import io.riskpulse.api.v1.GetPortfolioRequest;
import io.riskpulse.bench.BenchLimits;
import io.riskpulse.gateway.grpc.GrpcSettings;
import io.riskpulse.gateway.grpc.client.ApiClients;
import io.riskpulse.gateway.grpc.security.Principal;
import io.riskpulse.gateway.grpc.security.Role;
import io.riskpulse.gateway.grpc.security.SelfSignedCertificate;
import io.riskpulse.gateway.grpc.security.TokenStore;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioStatus;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.OrderRequest;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

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
 * client is the generated pekko-grpc client ({@link ApiClients}, one HTTP/2 connection per service) in an actor
 * system of its own, in the same JVM, with the token on every call and a deadline of {@code deadlineMillis}.
 *
 * <p>Method: the main thread sends call <em>k</em> at its intended time {@code start + k / rate}, whatever happened
 * to earlier calls (open loop), parking until then. When the answer arrives, {@code now − intended} goes into an
 * HdrHistogram {@link Recorder} (nanoseconds, 3 significant digits; printed in microseconds): a late sender, a
 * queue or a pause is charged to every call it delays, so there is no coordinated omission. "service" is
 * {@code now − actual send}, "send lag" how late the sender woke up. At most {@code maxInFlight} calls are
 * outstanding: a call due while that many are is not sent and counts as an error ("dropped"), as does every
 * failed call (a deadline, any gRPC status), every answer that is not the expected one (a portfolio not ACTIVE,
 * a rejected order) and every call unanswered {@code timeoutSeconds} after the last send. Failed and unexpected
 * answers are in the histogram with the time they took; dropped and unanswered calls are not, so a window with
 * errors is flagged and its figures are not a result. Check-orders are 10 units at 100 ({@link PreTradeRig#order}),
 * round-robin over the portfolios, each with a ClOrdID never used before; reads go round-robin too. Every callback
 * runs on the thread that completes the call ({@link #DIRECT}).
 *
 * <p>Each repetition measures both paths at {@code rate} for {@code seconds}, the in-process path first in odd
 * repetitions and the gRPC path first in even ones (so a drift of the machine is not charged to one path), each
 * window after {@code settleMillis} of quiet (so what a saturated window left queued is not charged to the next).
 * A warm-up of {@code warmupSeconds} per path, at {@code rate}, is not recorded. "achieved" is expected answers per
 * second from the first intended send to the last answer. Every window also reports the CPU this process and all
 * other processes used ({@link Stats.Cpu}; the machine is shared) and "jit", the cores the JIT compilers took
 * (their total compilation time over the window: a compilation still running competes with the calls).
 *
 * <p>Options ({@code key=value}): {@code rpc} ({@code get-portfolio} or {@code check-order}), {@code tls}
 * ({@code on} or {@code off}), {@code server} (the node's {@code riskpulse.grpc.server}: {@code netty}, the default,
 * or {@code pekko-http}), {@code portfolios} (100), {@code rate} calls/s (5,000), {@code seconds} (20),
 * {@code warmupSeconds} (10), {@code reps} (3), {@code maxInFlight} (5,000), {@code deadlineMillis} (2,000),
 * {@code timeoutSeconds} (10), {@code settleMillis} (2,000), {@code targetMicros} (1,000: the p99 target).
 */
public final class GrpcLatency {

  /** The tokens file's one principal. */
  static final String PRINCIPAL = "bench-trader";

  private GrpcLatency() {}

  /** One way of making call {@code k} of a window, and of judging its answer. Not thread-safe: one sender. */
  private interface Route {

    /** Builds the requests of the next window of {@code count} calls before it starts: none is built in it. */
    void prepare(int count);

    /**
     * Sends call {@code k}; the stage completes with {@code null} for the expected answer or with a description of
     * what came back instead, and fails when the call failed.
     */
    CompletionStage<String> send(int k);
  }

  /** The calls of one measurement and what came back. Thread-safe: answers arrive on the clients' threads. */
  private static final class Window {
    final Recorder latency = new Recorder(3);
    final Recorder service = new Recorder(3);
    final AtomicInteger inFlight = new AtomicInteger();
    final LongAdder answered = new LongAdder();
    final LongAdder expected = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final AtomicReference<String> firstError = new AtomicReference<>();
    final AtomicLong lastAnswerNanos = new AtomicLong();

    void error(String kind, String detail) {
      errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
      firstError.compareAndSet(null, kind + ": " + detail);
    }

    void answered(long intendedNanos, long sentNanos, String unexpected, Throwable failure) {
      long now = System.nanoTime();
      inFlight.decrementAndGet();
      latency.recordValue(Math.max(0, now - intendedNanos));
      service.recordValue(Math.max(0, now - sentNanos));
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        error(Status.fromThrowable(cause).getCode().name(), cause.toString());
      } else if (unexpected != null) {
        error("unexpected answer", unexpected);
      } else {
        expected.increment();
      }
      lastAnswerNanos.accumulateAndGet(now, Math::max);
      answered.increment();
    }

    long errorCount() {
      return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }
  }

  private record Result(Histogram latency, Histogram service, Histogram sendLag, double achievedPerSecond,
      long count, long errors, Map<String, Long> errorKinds, String firstError, Stats.Cpu cpu, double jitCores) {}

  /**
   * Runs a callback on the thread that completes the stage. Every callback of the harness is given it explicitly:
   * the pekko-grpc client's stages are Scala's {@code FutureConverters.CF}, which turns a plain {@code thenApply}
   * or {@code whenComplete} into its {@code *Async} variant on the common pool, and on 2 CPUs (common-pool
   * parallelism 1) {@code CompletableFuture} runs each of those on a new thread: the harness would measure its
   * own thread starts.
   */
  private static final Executor DIRECT = Runnable::run;

  /** The JIT compilers' time: on 2 cores a compilation competes with the calls it is meant to speed up. */
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private static long nextClOrdId;

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    String rpc = options.choice("rpc", "get-portfolio", "check-order");
    boolean tls = options.choice("tls", "on", "off").equals("on");
    String server = options.choice("server", "netty", "pekko-http");
    int portfolios = options.integer("portfolios", 100);
    int rate = options.integer("rate", 5_000);
    int seconds = options.integer("seconds", 20);
    int warmupSeconds = options.integer("warmupSeconds", 10);
    int reps = options.integer("reps", 3);
    int maxInFlight = options.integer("maxInFlight", 5_000);
    long deadlineMillis = options.number("deadlineMillis", 2_000);
    long timeoutSeconds = options.number("timeoutSeconds", 10);
    long settleMillis = options.number("settleMillis", 2_000);
    long targetMicros = options.number("targetMicros", 1_000);
    boolean checkOrder = rpc.equals("check-order");
    String operation = checkOrder ? "CheckOrder" : "GetPortfolio";
    String config = operation + ", TLS " + (tls ? "on" : "off") + ", " + server + " server";

    Harness.banner("RiskPulse gRPC API latency, " + operation + " from the intended send time to the answer, "
        + "fixed rate, against " + (checkOrder ? "PortfolioClient.checkOrder" : "PortfolioClient.snapshot")
        + " in-process in the same run", options);

    Path tokensFile = Files.createTempFile("riskpulse-bench-tokens-", ".conf");
    String token = TokenStore.newToken();
    Files.writeString(tokensFile, "tokens = [\n  " + TokenStore.entryLine(
        new Principal(PRINCIPAL, Role.TRADER, Set.of(PreTradeRig.DESK)), token) + "\n]\n");
    ActorSystem<Void> clientSystem = ActorSystem.create(Behaviors.empty(), "bench-client", ConfigFactory.parseString(
            "pekko.actor.provider = local\n"
                + "pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]\n"
                + "pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"\n")
        .withFallback(ConfigFactory.defaultReference()));
    try (BenchNode node = BenchNode.start("grpc", "riskpulse.grpc.enabled = on\n"
        + "riskpulse.grpc.port = 0\n"
        + "riskpulse.grpc.tls.enabled = " + (tls ? "on" : "off") + "\n"
        + "riskpulse.grpc.server = " + server + "\n"
        + "riskpulse.grpc.auth.tokens-file = \"" + tokensFile.toAbsolutePath() + "\"\n")) {
      int port = BenchNode.await(node.services.grpc().orElseThrow(), 30).localAddress().getPort();
      Path certificate = tls ? GrpcSettings.fromConfig(node.system.settings().config()).selfSignedDir()
          .resolve(SelfSignedCertificate.CERT_FILE) : null;
      System.out.println("API: " + (tls ? "https" : "http") + "://127.0.0.1:" + port + ", principal " + PRINCIPAL
          + " (trader, desk " + PreTradeRig.DESK + ")" + (tls ? ", trusting " + certificate : ""));
      PreTradeRig.awaitSynchronised(node.services.halts().halts());
      ScheduledExecutorService ticker = PreTradeRig.startTicker(node.services.market(), 100);
      ApiClients clients = ApiClients.connect(clientSystem, "127.0.0.1", port, certificate, token,
          Duration.ofMillis(deadlineMillis));
      try {
        String[] ids = PreTradeRig.openPortfolios(node, portfolios, BenchLimits.realistic(true, BenchLimits.Risk.NONE,
            PreTradeRig.ratePerPortfolioLimit(rate, portfolios)));
        Route grpc = checkOrder ? grpcCheckOrder(clients, ids) : grpcGetPortfolio(clients, ids);
        Route local = checkOrder ? localCheckOrder(node.services.portfolios(), ids)
            : localGetPortfolio(node.services.portfolios(), ids);
        grpc.prepare(1);
        String first = BenchNode.await(grpc.send(0), 30);
        if (first != null) {
          throw new IllegalStateException("the first call over gRPC did not answer as expected: " + first);
        }

        Schedule schedule = new Schedule(rate, maxInFlight, timeoutSeconds, settleMillis);
        System.out.println();
        System.out.println("latency in microseconds from the intended send time to the answer; service = from the "
            + "actual send");
        String header = "rep  path        rate/s    count        p50        p90        p99      p99.9        max  "
            + "service p50/p99   send lag p50/p99/max    achieved/s  errors   jit  cores this/others";
        Result warmGrpc = run(grpc, schedule, warmupSeconds);
        Result warmLocal = run(local, schedule, warmupSeconds);
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
          Result viaGrpc;
          Result inProcess;
          if (rep % 2 == 0) {
            inProcess = run(local, schedule, seconds);
            print(label, "in-process", rate, inProcess, localFigures, rep);
            viaGrpc = run(grpc, schedule, seconds);
            print(label, "gRPC", rate, viaGrpc, grpcFigures, rep);
          } else {
            viaGrpc = run(grpc, schedule, seconds);
            print(label, "gRPC", rate, viaGrpc, grpcFigures, rep);
            inProcess = run(local, schedule, seconds);
            print(label, "in-process", rate, inProcess, localFigures, rep);
          }
          ratios[rep] = grpcFigures[2][rep] / localFigures[2][rep];
          achieved[rep] = viaGrpc.achievedPerSecond;
          errors += viaGrpc.errors + inProcess.errors;
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
        clients.closeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    } finally {
      clientSystem.terminate();
      BenchNode.await(clientSystem.getWhenTerminated(), 30);
      Files.deleteIfExists(tokensFile);
    }
  }

  /** {@code GetPortfolio} round-robin over the portfolios; expected: the portfolio, ACTIVE, with its positions. */
  private static Route grpcGetPortfolio(ApiClients clients, String[] ids) {
    GetPortfolioRequest[] requests = new GetPortfolioRequest[ids.length];
    for (int i = 0; i < ids.length; i++) {
      requests[i] = GetPortfolioRequest.newBuilder().setPortfolioId(ids[i]).build();
    }
    return new Route() {
      @Override
      public void prepare(int count) {}

      @Override
      public CompletionStage<String> send(int k) {
        GetPortfolioRequest request = requests[k % requests.length];
        return clients.portfolios().getPortfolio(request).thenApplyAsync(p ->
            p.getPortfolioId().equals(request.getPortfolioId()) && p.getStatus().equals("ACTIVE")
                && p.getPositionsCount() == BenchLimits.SYMBOLS.size() ? null
                : p.getPortfolioId() + " " + p.getStatus() + " with " + p.getPositionsCount() + " positions", DIRECT);
      }
    };
  }

  /** {@link PortfolioClient#snapshot} round-robin over the portfolios; expected as {@link #grpcGetPortfolio}. */
  private static Route localGetPortfolio(PortfolioClient client, String[] ids) {
    return new Route() {
      @Override
      public void prepare(int count) {}

      @Override
      public CompletionStage<String> send(int k) {
        String id = ids[k % ids.length];
        return client.snapshot(id).thenApplyAsync(s ->
            s.portfolioId().equals(id) && s.status() == PortfolioStatus.ACTIVE
                && s.valuation().positions().size() == BenchLimits.SYMBOLS.size() ? null
                : s.portfolioId() + " " + s.status() + " with " + s.valuation().positions().size() + " positions",
            DIRECT);
      }
    };
  }

  /** {@code CheckOrder} of {@link PreTradeRig#order}s with ClOrdIDs {@code G<n>}; expected: accepted. */
  private static Route grpcCheckOrder(ApiClients clients, String[] ids) {
    return new Route() {
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
            : "rejected: " + decision.getFailuresList() + " " + decision.getNote(), DIRECT);
      }
    };
  }

  /** {@link PortfolioClient#checkOrder} of {@link PreTradeRig#order}s, ClOrdIDs {@code L<n>}; expected: accepted. */
  private static Route localCheckOrder(PortfolioClient client, String[] ids) {
    return new Route() {
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
            decision.accepted() ? null : "rejected: " + decision.describe(), DIRECT);
      }
    };
  }

  /**
   * How a window is sent.
   *
   * @param rate calls per second offered
   * @param maxInFlight calls outstanding at most; a call due beyond that is dropped (an error)
   * @param timeoutSeconds how long after the last send unanswered calls are waited for
   * @param settleMillis quiet time before a window, so that what the previous one left queued is not charged to it
   */
  private record Schedule(int rate, int maxInFlight, long timeoutSeconds, long settleMillis) {}

  private static Result run(Route path, Schedule schedule, int seconds) throws InterruptedException {
    int rate = schedule.rate;
    int count = rate * seconds;
    int maxInFlight = schedule.maxInFlight;
    long timeoutSeconds = schedule.timeoutSeconds;
    path.prepare(count);
    Thread.sleep(schedule.settleMillis);
    Window window = new Window();
    Histogram sendLag = new Histogram(3);
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    Stats.Cpu.Meter meter = Stats.Cpu.start();
    long jitStartMillis = JIT.getTotalCompilationTime();
    long wallStart = System.nanoTime();
    long start = System.nanoTime() + 1_000_000;
    for (int k = 0; k < count; k++) {
      long intended = start + k * periodNanos;
      long now;
      while ((now = System.nanoTime()) < intended) {
        LockSupport.parkNanos(intended - now);
      }
      sendLag.recordValue(now - intended);
      if (window.inFlight.get() >= maxInFlight) {
        window.dropped.increment();
        window.error("dropped", maxInFlight + " calls in flight when call " + k + " was due");
        continue;
      }
      window.inFlight.incrementAndGet();
      long sent = System.nanoTime();
      CompletionStage<String> answer;
      try {
        answer = path.send(k);
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      answer.whenCompleteAsync((unexpected, failure) -> window.answered(intended, sent, unexpected, failure), DIRECT);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (window.answered.sum() + window.dropped.sum() < count && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    long unanswered = count - window.answered.sum() - window.dropped.sum();
    for (long i = 0; i < unanswered; i++) {
      window.error("unanswered", "no answer " + timeoutSeconds + " s after the last send");
    }
    Stats.Cpu cpu = meter.stop();
    double jitCores = (JIT.getTotalCompilationTime() - jitStartMillis) * 1e6 / (System.nanoTime() - wallStart);
    double achieved = window.expected.sum() * 1e9 / (Math.max(window.lastAnswerNanos.get(), start + 1) - start);
    Map<String, Long> kinds = new TreeMap<>();
    window.errors.forEach((kind, n) -> kinds.put(kind, n.sum()));
    return new Result(window.latency.getIntervalHistogram(), window.service.getIntervalHistogram(), sendLag,
        achieved, count, window.errorCount(), kinds, window.firstError.get(), cpu, jitCores);
  }

  /** One line of the table; keeps p50, p90, p99, p99.9 and max of repetition {@code rep} in {@code figures}. */
  private static void print(String label, String path, int rate, Result r, double[][] figures, int rep) {
    Histogram h = r.latency;
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
        Stats.micros(r.service.getValueAtPercentile(50)), Stats.micros(r.service.getValueAtPercentile(99)),
        Stats.micros(r.sendLag.getValueAtPercentile(50)),
        Stats.micros(r.sendLag.getValueAtPercentile(99)), Stats.micros(r.sendLag.getMaxValue()),
        Stats.rate(r.achievedPerSecond), r.errors, r.jitCores, r.cpu));
    if (r.errors > 0) {
      System.out.println("     errors by kind: " + r.errorKinds + "; first: " + r.firstError);
    }
  }

  private static void printMedian(String path, int rate, double[][] figures) {
    System.out.println(Stats.fmt("med  %-10s %7d           %9s  %9s  %9s  %9s  %9s", path, rate,
        Stats.micros(Stats.median(figures[0])), Stats.micros(Stats.median(figures[1])),
        Stats.micros(Stats.median(figures[2])), Stats.micros(Stats.median(figures[3])),
        Stats.micros(Stats.median(figures[4]))));
  }
}

package io.riskpulse.bench.e2e;

import com.typesafe.config.ConfigFactory;
import io.riskpulse.bench.BenchLimits;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.PortfolioSnapshot;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeDecision;
import io.riskpulse.model.risk.live.RiskMeasures;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency of the in-process pre-trade check, {@link PortfolioClient#checkOrder}, at a fixed offered rate,
 * coordinated-omission free, on a real node ({@link BenchNode}: the shipped configuration, H2 journal in a temp
 * folder).
 *
 * <p>Set-up: {@code portfolios} portfolios, each opened with every limit kind set ({@link BenchLimits#realistic}:
 * exposures, concentration, loss, drawdown, order quantity and notional, order and message rates, order-to-trade,
 * repeated executions, collar, restricted list, credit; with {@code risk=1} also VaR and ES, so every check runs a
 * what-if VaR, with {@code risk=2} also a stress loss) and holding the ten-position {@link BenchLimits#book}. A
 * ticker re-quotes the ten symbols every {@code quoteIntervalMillis} (±0.1% around 100), so prices stay fresh
 * (the check rejects a price older than 30 s) and the live risk re-marks as it would on a live feed. The
 * kill-switch view is synchronised before anything is measured.
 *
 * <p>Method: the main thread sends check <em>k</em> at its intended time {@code start + k / rate}, whatever
 * happened to earlier checks (open loop), parking until then. When the decision arrives (on the thread that
 * completes the ask, see {@link io.riskpulse.model.concurrent.Completions}), {@code now − intended} goes into an
 * HdrHistogram {@link Recorder}: a late sender, a queue or a GC pause is charged to every check it delays, so there
 * is no coordinated omission. The sender's own lateness ("send lag") is reported, and so is {@code now − actual
 * send} ("service"), which leaves it out. Orders: 10 units at a limit price of 100, round-robin over the portfolios,
 * cycling over the symbols, alternately buying and selling; every ClOrdID is new (a reused one is rejected as a
 * duplicate). Every check must be accepted; rejections are counted and the first is printed.
 *
 * <p>Each repetition measures {@code baselineRate} (nearly idle: the latency floor of the path) for
 * {@code baselineSeconds}, then {@code rate} for {@code seconds}. A warm-up of {@code warmupSeconds} at
 * {@code rate} is not recorded. "achieved" is checks answered per second from the first intended send to the last
 * answer. Latencies are in microseconds.
 *
 * <p>Options ({@code key=value}): {@code portfolios} (100), {@code rate} checks/s (20,000), {@code seconds} (15),
 * {@code warmupSeconds} (10), {@code reps} (3), {@code baselineRate} (1,000), {@code baselineSeconds} (10),
 * {@code risk} (0: no risk-measure limit, 1: VaR and ES, 2: VaR, ES and stress), {@code quoteIntervalMillis}
 * (100), {@code timeoutSeconds} to wait for the last answers (30), {@code wait} how the sender waits for an
 * intended time: {@code park} ({@link LockSupport#parkNanos}, the default; on this machine it wakes 65-68 µs late at
 * the median, {@link WakeUpFloor}, and that lateness is charged to the check like any other) or {@code spin}
 * (busy-waits, as a latency-critical order gateway thread would: the sender then takes a core of its own),
 * {@code senderNice} (none; Linux only, e.g.
 * {@code -20}: the sender thread's nice value, set with {@code renice} after the warm-up, which needs the privilege
 * to raise a priority; threads the sender starts afterwards inherit it, as a latency-critical thread's would),
 * {@code stallMillis} (0: off; otherwise every stretch of sends later than this is printed with the JVM's uptime
 * and how many of its checks were asked, to be matched with the collector's and safepoint logs or a periodic task;
 * docs/PERFORMANCE.md section 40). With checks judged in place, each window also says how many were asked instead
 * (not answered when {@code checkOrder} returned).
 *
 * <p>With {@code -Driskpulse.pretrade.in-place=on} (docs/LIMITS.md) checks of portfolios resident on the node are
 * judged in place on the sender's thread when their entity is not busy: the sender is then the caller that does the
 * work, and any time it spends judging, descheduled or stopped by the collector makes the next checks late.
 */
public final class PreTradeLatency {

  private PreTradeLatency() {}

  /** The checks of one measurement and what came back. */
  private static final class Window {
    final Recorder latency = new Recorder(3);
    final Recorder service = new Recorder(3);
    final LongAdder answered = new LongAdder();
    final LongAdder rejected = new LongAdder();
    /** Checks not answered when {@code checkOrder} returned: asked of the entity, not judged in place. */
    final LongAdder asked = new LongAdder();
    final AtomicReference<String> firstReject = new AtomicReference<>();
    final AtomicLong lastAnswerNanos = new AtomicLong();

    void answered(long intendedNanos, long sentNanos, PreTradeDecision decision, Throwable failure) {
      long now = System.nanoTime();
      latency.recordValue(Math.max(0, now - intendedNanos));
      service.recordValue(Math.max(0, now - sentNanos));
      if (failure != null || !decision.accepted()) {
        rejected.increment();
        firstReject.compareAndSet(null, failure != null ? failure.toString() : decision.describe());
      }
      lastAnswerNanos.accumulateAndGet(now, Math::max);
      answered.increment();
    }
  }

  private record Result(Histogram latency, Histogram service, Histogram sendLag, double achievedPerSecond,
      long count, long rejected, String firstReject, Stats.Cpu cpu, long asked) {}

  private static long nextClOrdId;
  /** Whether the sender busy-waits for each intended time instead of parking ({@code wait=spin}). */
  private static boolean spin;
  /** Sends later than this are printed as stretches ({@code stallMillis}), in nanoseconds; 0: off. */
  private static long stallNanos;

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    int portfolios = options.integer("portfolios", 100);
    int rate = options.integer("rate", 20_000);
    int seconds = options.integer("seconds", 15);
    int warmupSeconds = options.integer("warmupSeconds", 10);
    int reps = options.integer("reps", 3);
    int baselineRate = options.integer("baselineRate", 1_000);
    int baselineSeconds = options.integer("baselineSeconds", 10);
    int riskOption = options.integer("risk", 0);
    long quoteIntervalMillis = options.number("quoteIntervalMillis", 100);
    long timeoutSeconds = options.number("timeoutSeconds", 30);
    String waitOption = options.text("wait", "park");
    if (!waitOption.equals("park") && !waitOption.equals("spin")) {
      throw new IllegalArgumentException("wait must be park or spin, not '" + waitOption + "'");
    }
    spin = waitOption.equals("spin");
    int senderNice = options.integer("senderNice", 0);
    stallNanos = TimeUnit.MILLISECONDS.toNanos(options.number("stallMillis", 0));
    BenchLimits.Risk risk = BenchLimits.Risk.values()[riskOption];

    Harness.banner("RiskPulse pre-trade check latency, PortfolioClient.checkOrder from the intended send time to "
        + "the decision, fixed rate", options);
    System.out.println("risk-measure limits: " + risk + "; order-rate limit "
        + Stats.fmt("%,.0f", PreTradeRig.ratePerPortfolioLimit(rate, portfolios)) + " orders/s per portfolio");
    System.out.println("sender waits by " + waitOption + "; checks judged in place: "
        + ConfigFactory.load().getBoolean("riskpulse.pretrade.in-place"));

    try (BenchNode node = BenchNode.start("pretrade")) {
      PreTradeRig.awaitSynchronised(node.services.halts().halts());
      ScheduledExecutorService ticker = PreTradeRig.startTicker(node.services.market(), quoteIntervalMillis);
      try {
        String[] ids = PreTradeRig.openPortfolios(node, portfolios, BenchLimits.realistic(true, risk,
            PreTradeRig.ratePerPortfolioLimit(rate, portfolios)));
        PortfolioSnapshot first = BenchNode.await(node.services.portfolios().snapshot(ids[0]), 30);
        RiskMeasures measures = first.risk();
        System.out.println(Stats.fmt("portfolio %s: gross exposure %,.0f, VaR99 %,.0f, ES97.5 %,.0f, worst stress "
                + "loss %,.0f (%s)", ids[0], first.valuation().grossExposure(), measures.valueAtRisk99(),
            measures.expectedShortfall975(), measures.worstStressLoss(), measures.worstStressScenario()));

        run(node, ids, rate, rate * warmupSeconds, timeoutSeconds);
        if (senderNice != 0) {
          reniceThisThread(senderNice);
        }
        System.out.println();
        System.out.println("latency in microseconds from the intended send time to the decision; service = from the "
            + "actual send");
        System.out.println("rep   rate/s    count        p50        p90        p99      p99.9        max  "
            + "service p50/p99   send lag p50/p99/max    achieved/s  rejected  cores this/others");
        double[][] baseline = new double[5][reps];
        double[][] figures = new double[5][reps];
        double[] ratios = new double[reps];
        double[] achieved = new double[reps];
        long rejected = 0;
        for (int rep = 0; rep < reps; rep++) {
          Result low = run(node, ids, baselineRate, baselineRate * baselineSeconds, timeoutSeconds);
          print(rep, baselineRate, low, baseline);
          Result r = run(node, ids, rate, rate * seconds, timeoutSeconds);
          print(rep, rate, r, figures);
          ratios[rep] = figures[2][rep] / baseline[2][rep];
          achieved[rep] = r.achievedPerSecond;
          rejected += low.rejected + r.rejected;
        }
        printMedian(baselineRate, baseline);
        printMedian(rate, figures);
        double p99 = Stats.median(figures[2]);
        System.out.println();
        System.out.println(Stats.fmt("p99 at %,d checks/s offered (median of %d): %s us   target < 50 us: %s", rate,
            reps, Stats.micros(p99), p99 < 50_000 ? "MET" : "NOT MET"));
        System.out.println(Stats.fmt("p99 at %,d checks/s / p99 at the %,d checks/s baseline (median of "
            + "per-repetition ratios): %.1fx; achieved rate (median) %s checks/s", rate, baselineRate,
            Stats.median(ratios), Stats.rate(Stats.median(achieved))));
        System.out.println(Stats.fmt("check: %,d checks rejected in the measured windows: %s", rejected,
            rejected == 0 ? "OK" : "UNEXPECTED"));
      } finally {
        ticker.shutdownNow();
      }
    }
  }

  /** Order number {@code k} of a window, with a new ClOrdID ({@code PT<n>}). */
  private static OrderRequest order(String portfolioId, long k, int portfolios) {
    return PreTradeRig.order(portfolioId, "PT" + nextClOrdId++, k, portfolios);
  }

  private static Result run(BenchNode node, String[] ids, int rate, int count, long timeoutSeconds)
      throws Exception {
    PortfolioClient client = node.services.portfolios();
    OrderRequest[] orders = new OrderRequest[count];
    for (int k = 0; k < count; k++) {
      orders[k] = order(ids[k % ids.length], k, ids.length);
    }
    Window window = new Window();
    Histogram sendLag = new Histogram(3);
    Stalls stalls = new Stalls();
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    Stats.Cpu.Meter meter = Stats.Cpu.start();
    long start = System.nanoTime() + 1_000_000;
    for (int k = 0; k < count; k++) {
      long intended = start + k * periodNanos;
      long now = IntendedTime.await(intended, spin);
      sendLag.recordValue(now - intended);
      long sent = System.nanoTime();
      java.util.concurrent.CompletableFuture<PreTradeDecision> decided =
          client.checkOrder(orders[k]).toCompletableFuture();
      boolean asked = !decided.isDone();
      if (asked) {
        window.asked.increment();
      }
      stalls.send(intended, now - intended, asked);
      decided.whenComplete((decision, failure) -> window.answered(intended, sent, decision, failure));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (window.answered.sum() < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + window.answered.sum() + " of " + count + " checks answered within "
            + timeoutSeconds + " s");
      }
      Thread.sleep(1);
    }
    Stats.Cpu cpu = meter.stop();
    stalls.print();
    double achieved = count * 1e9 / (window.lastAnswerNanos.get() - start);
    return new Result(window.latency.getIntervalHistogram(), window.service.getIntervalHistogram(), sendLag,
        achieved, count, window.rejected.sum(), window.firstReject.get(), cpu, window.asked.sum());
  }

  /**
   * Stretches of sends later than {@link #stallNanos} (a stretch ends at the first send less than half that late),
   * kept during a window and printed after it, each with the JVM uptime of its first late send. Sender thread only.
   */
  private static final class Stalls {
    private static final long UPTIME_AT_START_NANOS =
        TimeUnit.MILLISECONDS.toNanos(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    private static final long NANO_AT_START = System.nanoTime();
    private final java.util.List<String> lines = new java.util.ArrayList<>();
    private long start = -1;
    private long worst;
    private long sends;
    private long asked;

    /** One send, {@code lateNanos} after its intended time; {@code askedIt}: not answered at once (asked). */
    void send(long intended, long lateNanos, boolean askedIt) {
      if (stallNanos <= 0) {
        return;
      }
      if (lateNanos > stallNanos) {
        if (start < 0) {
          start = intended;
          worst = 0;
          sends = 0;
          asked = 0;
        }
        worst = Math.max(worst, lateNanos);
        sends++;
        asked += askedIt ? 1 : 0;
      } else if (start >= 0 && lateNanos < stallNanos / 2) {
        lines.add(Stats.fmt("stall at %.3f s uptime: %s ms late at most, %d sends, %d of them asked",
            (UPTIME_AT_START_NANOS + start - NANO_AT_START) / 1e9, Stats.millis(worst), sends, asked));
        start = -1;
      }
    }

    /** Prints the stretches, a stretch still open at the window's end included. */
    void print() {
      if (start >= 0) {
        send(start, 0, false); // closes it
      }
      lines.forEach(System.out::println);
    }
  }

  /** Gives the calling thread nice value {@code nice} with {@code renice} (Linux), and says so. */
  private static void reniceThisThread(int nice) throws java.io.IOException, InterruptedException {
    String tid = java.nio.file.Path.of("/proc/thread-self").toRealPath().getFileName().toString();
    Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid).redirectErrorStream(true)
        .start();
    String said = new String(renice.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
    if (renice.waitFor() != 0) {
      throw new IllegalStateException("renice of the sender thread " + tid + " failed: " + said);
    }
    System.out.println("sender thread " + tid + ": " + said);
  }

  /** One line of the table; keeps p50, p90, p99, p99.9 and max of repetition {@code rep} in {@code figures}. */
  private static void print(int rep, int rate, Result r, double[][] figures) {
    Histogram h = r.latency;
    double[] row = {h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
        h.getValueAtPercentile(99.9), h.getMaxValue()};
    for (int f = 0; f < row.length; f++) {
      figures[f][rep] = row[f];
    }
    System.out.println(Stats.fmt("%3d  %7d  %7d  %9s  %9s  %9s  %9s  %9s  %7s/%-9s %5s/%s/%-9s  %10s  %8d  %s",
        rep + 1, rate, h.getTotalCount(), Stats.micros(row[0]), Stats.micros(row[1]), Stats.micros(row[2]),
        Stats.micros(row[3]), Stats.micros(row[4]), Stats.micros(r.service.getValueAtPercentile(50)),
        Stats.micros(r.service.getValueAtPercentile(99)), Stats.micros(r.sendLag.getValueAtPercentile(50)),
        Stats.micros(r.sendLag.getValueAtPercentile(99)), Stats.micros(r.sendLag.getMaxValue()),
        Stats.rate(r.achievedPerSecond), r.rejected, r.cpu));
    if (r.firstReject != null) {
      System.out.println("     first rejection: " + r.firstReject);
    }
    if (r.asked != r.count) {
      System.out.println(Stats.fmt("     judged in place: %,d; asked (the entity busy or not here): %,d",
          r.count - r.asked, r.asked));
    }
  }

  private static void printMedian(int rate, double[][] figures) {
    System.out.println(Stats.fmt("med  %7d           %9s  %9s  %9s  %9s  %9s", rate,
        Stats.micros(Stats.median(figures[0])), Stats.micros(Stats.median(figures[1])),
        Stats.micros(Stats.median(figures[2])), Stats.micros(Stats.median(figures[3])),
        Stats.micros(Stats.median(figures[4]))));
  }
}

package io.riskpulse.bench.e2e;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.riskpulse.gateway.oms.OmsEndpoint;
import io.riskpulse.gateway.oms.SimulatedOms;
import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.pipeline.IngestPipeline;
import io.riskpulse.ingestion.pipeline.PersistedListener;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioClient;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.persistence.JournalFlusher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * Latency of an automatic halt on one node with the embedded journal: from the instant a breaching execution is
 * handed to ingestion to the instant the FIX OrderMassCancelRequest (35=q) for its account leaves for the OMS, under
 * a stated background load of ordinary fills.
 *
 * <p>Set-up: a real node ({@link BenchNode}) with one FIX OMS endpoint ({@code riskpulse.gateway.oms.endpoints}) to a
 * {@link SimulatedOms} on loopback (the path {@code RunawayHaltTest} tests). {@code loadPortfolios} portfolios without
 * limits take the background fills ({@link FillRig}'s round-robin, prices for its ten symbols); one fresh portfolio
 * per sample, opened beforehand with a position limit of 1,000,000 and {@code haltOnBreach} (as in
 * {@code RunawayHaltTest}) and one working order at the OMS, receives one breaching fill: 12,000 SPX at 100.
 *
 * <p>Method: the main thread hands breaching fill <em>i</em> to {@link IngestPipeline#accept} at its intended time
 * {@code start + i × interval} ("ingest", stamped just before the call). A thread sends the background fills the same
 * way, on a fixed schedule of {@code loadRate} fills/s from their own source. The end of a sample is the instant
 * QuickFIX/J writes the 35=q to its outgoing message log: {@code Session.send} logs the message right after calling
 * the endpoint's {@code toApp} and storing it, and just before handing it to the socket (MINA), on the same thread;
 * {@link LogProbe} stamps that log line. The steps in between are stamped the same way from log lines the node
 * already writes, on the thread that writes them:
 *
 * <ol>
 *   <li>breach decided: the portfolio logs "breached", in the command handler, before persisting;
 *   <li>gateway took: the OMS gateway logs "took halt" when the portfolio's hand-off arrives, i.e. after the
 *       portfolio persisted the fill, the breach and the halt (one journal write) and asked the gateway;
 *   <li>sending: the FIX endpoint logs "sending halt" when the gateway calls it, i.e. after the gateway journaled
 *       the request, resolved the scope (a snapshot ask to the portfolio), journaled the instruction and journaled
 *       the attempt (three journal writes);
 *   <li>35=q out: the QuickFIX/J outgoing log line (the figure);
 *   <li>and, off the critical path: the portfolio told (it logs "handed halt" when the gateway answers, after the
 *       gateway's journal flush, see {@link JournalFlusher}), the breaching fill acknowledged as durable (the
 *       pipeline's handled report, after the ingestion's own group-commit flush), the 35=q received by the
 *       simulated OMS, and the OMS's acknowledgement as the gateway logs it.
 * </ol>
 *
 * <p>Probes, between samples (half an interval after each, on the main thread), measure the costs these steps are
 * made of under the same load: one journal flush as configured ({@link JournalFlusher}: nothing with the embedded
 * journal's write-through default, an fsync with flush-to-device, a {@code CHECKPOINT} with a write delay),
 * one snapshot ask of a loaded portfolio (what the scope resolution asks), and one {@code SetLimits} ask of an idle
 * portfolio (one journal write and its reply).
 *
 * <p>Each repetition has a baseline phase without background load ({@code baselineHalts} samples every
 * {@code baselineIntervalMillis}) and a loaded phase ({@code halts} samples every {@code intervalMillis} while the
 * load runs). A warm-up of {@code warmupHalts} samples with the load on is not recorded. Times are in milliseconds.
 *
 * <p>Options ({@code key=value}): {@code loadRate} fills/s (1,000), {@code loadPortfolios} (50), {@code halts}
 * (200), {@code intervalMillis} (200), {@code baselineHalts} (100), {@code baselineIntervalMillis} (100),
 * {@code warmupHalts} (50), {@code reps} (1), {@code probes} (1 = on), {@code timeoutSeconds} (30).
 */
public final class HaltLatency {

  private static final String LOAD_SOURCE = "bench-load:1";
  private static final String HALT_SOURCE = "bench-halt:1";
  /** Halts on a position above 1,000,000 (RunawayHaltTest's limits). */
  private static final Limits HALTING =
      new Limits(null, null, 1_000_000.0, null, null, null, null, null, null, true);
  /** Opening cash of the probe portfolio. */
  private static final double PROBE_CASH = 10_000_000;

  private HaltLatency() {}

  /** Stamps of one sample, System.nanoTime(); 0 until seen. */
  private static final class Sample {
    final String portfolioId;
    volatile long ingest;
    volatile long breached;
    volatile long took;
    volatile long sending;
    volatile long sent;
    volatile long received;
    volatile long handed;
    volatile long durable;
    volatile long acknowledged;

    Sample(String portfolioId) {
      this.portfolioId = portfolioId;
    }
  }

  /** A step of the flow: its name and how to read its duration from a sample (negative: not seen). */
  private record Step(String name, ToLongFunction<Sample> nanos) {}

  private static final List<Step> STEPS = List.of(
      new Step("ingest -> 35=q out (the figure)", s -> between(s.ingest, s.sent)),
      new Step("  ingest -> breach decided", s -> between(s.ingest, s.breached)),
      new Step("  breach decided -> gateway took", s -> between(s.breached, s.took)),
      new Step("  gateway took -> endpoint sending", s -> between(s.took, s.sending)),
      new Step("  endpoint sending -> 35=q out", s -> between(s.sending, s.sent)),
      new Step("35=q out -> received by the OMS", s -> between(s.sent, s.received)),
      new Step("35=q out -> OMS ack journaled", s -> between(s.sent, s.acknowledged)),
      new Step("gateway took -> portfolio told (flush)", s -> between(s.took, s.handed)),
      new Step("ingest -> fill acked durable", s -> between(s.ingest, s.durable)));

  private static final String[] PROBES = {"journal flush (as configured)", "snapshot ask (loaded portfolio)",
      "SetLimits ask (one journal write)"};

  private static final Map<String, Sample> SAMPLES = new ConcurrentHashMap<>();
  /** False once the measurements are done: what the node logs while it shuts down is expected. */
  private static volatile boolean measuring = true;
  private static final Map<Long, Sample> BY_SEQUENCE = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    int loadRate = options.integer("loadRate", 1_000);
    int loadPortfolios = options.integer("loadPortfolios", 50);
    int halts = options.integer("halts", 200);
    long intervalMillis = options.number("intervalMillis", 200);
    int baselineHalts = options.integer("baselineHalts", 100);
    long baselineIntervalMillis = options.number("baselineIntervalMillis", 100);
    int warmupHalts = options.integer("warmupHalts", 50);
    int reps = options.integer("reps", 1);
    boolean probes = options.number("probes", 1) != 0;
    long timeoutSeconds = options.number("timeoutSeconds", 30);

    Harness.banner("RiskPulse halt latency: breaching execution handed to ingestion -> FIX 35=q written for the "
        + "OMS, one node, embedded H2 journal", options);

    LogProbe.install(HaltLatency::onLog, "io.riskpulse.model.portfolio.Portfolio",
        "io.riskpulse.gateway.halt.OmsGateway", "io.riskpulse.gateway.oms.FixOmsEndpoint", "quickfixj.msg.outgoing");
    SimulatedOms oms = SimulatedOms.builder().build();
    oms.start();
    oms.onReceived(received -> {
      long now = System.nanoTime();
      Sample sample = SAMPLES.get(portfolioOf(received.clOrdId()));
      if (sample != null && sample.received == 0) {
        sample.received = now;
      }
    });
    String endpoints = "riskpulse.gateway.oms.endpoints = [{name = \"oms\", type = fix, host = \"127.0.0.1\", "
        + "port = " + oms.port() + ", target-comp-id = \"SIMOMS\", reconnect-interval = 1s}]\n";
    try (oms; BenchNode node = BenchNode.start("halt", endpoints)) {
      awaitConnected(node.services.halts().omsEndpoints().get(0));
      FillRig rig = FillRig.open(node, loadPortfolios, null);
      node.services.ingest().addPersistedListener(new PersistedListener() {
        @Override
        public void handled(String sourceId, long sequence) {
          long now = System.nanoTime();
          Sample sample = HALT_SOURCE.equals(sourceId) ? BY_SEQUENCE.get(sequence) : null;
          if (sample != null && sample.durable == 0) {
            sample.durable = now;
          }
        }
      });
      String[] haltIds = openHalting(node, oms, warmupHalts + reps * (baselineHalts + halts));
      String probePortfolio = "probe-0";
      requireAccepted(BenchNode.await(node.services.portfolios().open(probePortfolio, "bench", "probe",
          PROBE_CASH, Limits.NONE, "benchmark"), 30), probePortfolio);
      Load load = new Load(node.services.ingest(), rig);

      try (JournalFlusher flusher = JournalFlusher.fromConfig(node.system.settings().config())) {
        Context context = new Context(node, rig, flusher, probePortfolio, probes, timeoutSeconds);
        int next = 0;
        load.start(loadRate);
        phase(context, haltIds, next, warmupHalts, intervalMillis);
        load.stop();
        next += warmupHalts;
        System.out.println();
        double[][] baseline = new double[4][reps];
        double[][] loaded = new double[4][reps];
        for (int rep = 0; rep < reps; rep++) {
          Phase idle = phase(context, haltIds, next, baselineHalts, baselineIntervalMillis);
          next += baselineHalts;
          report(rep, "baseline: no background load", idle, null, baseline);
          load.start(loadRate);
          Phase busy = phase(context, haltIds, next, halts, intervalMillis);
          LoadResult loadResult = load.stop();
          next += halts;
          report(rep, Stats.fmt("background load %,d fills/s", loadRate), busy, loadResult, loaded);
        }
        System.out.println();
        System.out.println(Stats.fmt("ingest -> 35=q out, ms (median over %d repetition(s)):   p50      p90      p99"
            + "      max", reps));
        System.out.println(Stats.fmt("  baseline, no load                              %7s  %7s  %7s  %7s",
            Stats.millis(Stats.median(baseline[0])), Stats.millis(Stats.median(baseline[1])),
            Stats.millis(Stats.median(baseline[2])), Stats.millis(Stats.median(baseline[3]))));
        double p99 = Stats.median(loaded[2]);
        System.out.println(Stats.fmt("  load %,6d fills/s                             %7s  %7s  %7s  %7s", loadRate,
            Stats.millis(Stats.median(loaded[0])), Stats.millis(Stats.median(loaded[1])), Stats.millis(p99),
            Stats.millis(Stats.median(loaded[3]))));
        System.out.println(Stats.fmt("p99 ingest -> 35=q at %,d fills/s of background load: %s ms   target < 2 ms: %s",
            loadRate, Stats.millis(p99), p99 < 2_000_000 ? "MET" : "NOT MET"));
        System.out.println(Stats.fmt("check: %d halts sent, %d mass cancels received by the OMS, %d effective",
            warmupHalts + reps * (baselineHalts + halts), oms.massCancelsReceived(), oms.massCancelsEffective()));
        measuring = false;
      }
    }
  }

  private record Context(BenchNode node, FillRig rig, JournalFlusher flusher, String probePortfolio,
      boolean probes, long timeoutSeconds) {}

  private record Phase(List<Sample> samples, Histogram sendLag, Histogram[] probes, Stats.Cpu cpu) {}

  /** Sends {@code count} breaching fills, every {@code intervalMillis}; waits until each 35=q went out. */
  private static Phase phase(Context context, String[] portfolios, int first, int count, long intervalMillis)
      throws Exception {
    IngestPipeline ingest = context.node().services.ingest();
    PortfolioClient client = context.node().services.portfolios();
    List<Sample> samples = new ArrayList<>(count);
    Histogram sendLag = new Histogram(3);
    Histogram[] probes = {new Histogram(3), new Histogram(3), new Histogram(3)};
    long interval = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    Stats.Cpu.Meter meter = Stats.Cpu.start();
    long start = System.nanoTime() + interval;
    for (int i = 0; i < count; i++) {
      String portfolioId = portfolios[first + i];
      Sample sample = new Sample(portfolioId);
      long sequence = first + i + 1;
      SAMPLES.put(portfolioId, sample);
      BY_SEQUENCE.put(sequence, sample);
      samples.add(sample);
      Execution breaching = new Execution("B-" + portfolioId, portfolioId, "runaway", "SPX", Side.BUY, 12_000, 100,
          System.currentTimeMillis());
      long intended = start + i * interval;
      parkUntil(intended);
      long now = System.nanoTime();
      sendLag.recordValue(now - intended);
      sample.ingest = now;
      ingest.accept(new IngestEvent.Fill(HALT_SOURCE, sequence, breaching));
      if (context.probes()) {
        parkUntil(intended + interval / 2);
        long t0 = System.nanoTime();
        context.flusher().flush();
        long t1 = System.nanoTime();
        BenchNode.await(client.snapshot(context.rig().portfolioIds[i % context.rig().portfolioIds.length]), 30);
        long t2 = System.nanoTime();
        requireAccepted(BenchNode.await(client.setLimits(context.probePortfolio(), Limits.NONE, "benchmark",
            "probe " + i), 30), context.probePortfolio());
        long t3 = System.nanoTime();
        probes[0].recordValue(t1 - t0);
        probes[1].recordValue(t2 - t1);
        probes[2].recordValue(t3 - t2);
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(context.timeoutSeconds());
    while (samples.stream().anyMatch(s -> s.sent == 0 || s.acknowledged == 0 || s.handed == 0 || s.durable == 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return new Phase(samples, sendLag, probes, meter.stop());
  }

  private static void report(int rep, String title, Phase phase, LoadResult load, double[][] figures) {
    System.out.println(Stats.fmt("rep %d, %s: %d samples, breaching fill every %s; sender lag p99 %s ms, max %s ms; "
            + "cores this/others %s", rep + 1, title, phase.samples().size(), interval(phase),
        Stats.millis(phase.sendLag().getValueAtPercentile(99)), Stats.millis(phase.sendLag().getMaxValue()),
        phase.cpu()));
    if (load != null) {
      System.out.println(Stats.fmt("  load: %,d fills sent in %.1f s = %,.0f fills/s; sender lag p99 %s ms, max %s ms;"
              + " all handled %s ms after the last was sent", load.sent(), load.seconds(), load.sent() / load.seconds(),
          Stats.millis(load.sendLag().getValueAtPercentile(99)), Stats.millis(load.sendLag().getMaxValue()),
          Stats.millis(load.drainNanos())));
    }
    System.out.println("  step, ms                                        count      p50      p90      p99      max");
    for (int s = 0; s < STEPS.size(); s++) {
      Step step = STEPS.get(s);
      Histogram h = new Histogram(3);
      for (Sample sample : phase.samples()) {
        long nanos = step.nanos().applyAsLong(sample);
        if (nanos >= 0) {
          h.recordValue(nanos);
        }
      }
      System.out.println(Stats.fmt("  %-44s %6d  %7s  %7s  %7s  %7s", step.name(), h.getTotalCount(),
          Stats.millis(h.getValueAtPercentile(50)), Stats.millis(h.getValueAtPercentile(90)),
          Stats.millis(h.getValueAtPercentile(99)), Stats.millis(h.getMaxValue())));
      if (s == 0) {
        figures[0][rep] = h.getValueAtPercentile(50);
        figures[1][rep] = h.getValueAtPercentile(90);
        figures[2][rep] = h.getValueAtPercentile(99);
        figures[3][rep] = h.getMaxValue();
        long missing = phase.samples().size() - h.getTotalCount();
        if (missing > 0) {
          System.out.println(Stats.fmt("  !! %d sample(s) without a 35=q within the timeout", missing));
        }
      }
    }
    for (int p = 0; p < PROBES.length; p++) {
      Histogram h = phase.probes()[p];
      if (h.getTotalCount() > 0) {
        System.out.println(Stats.fmt("  probe: %-37s %6d  %7s  %7s  %7s  %7s", PROBES[p], h.getTotalCount(),
            Stats.millis(h.getValueAtPercentile(50)), Stats.millis(h.getValueAtPercentile(90)),
            Stats.millis(h.getValueAtPercentile(99)), Stats.millis(h.getMaxValue())));
      }
    }
  }

  private static String interval(Phase phase) {
    List<Sample> samples = phase.samples();
    if (samples.size() < 2) {
      return "-";
    }
    long span = samples.get(samples.size() - 1).ingest - samples.get(0).ingest;
    return Stats.fmt("%.0f ms", span / 1e6 / (samples.size() - 1));
  }

  private static long between(long from, long to) {
    return from == 0 || to == 0 ? -1 : Math.max(0, to - from);
  }

  private static void parkUntil(long nanoTime) {
    long now;
    while ((now = System.nanoTime()) < nanoTime) {
      LockSupport.parkNanos(nanoTime - now);
    }
  }

  /** The portfolio a halt id {@code halt-<portfolio>-<sequence number>} belongs to, or "" for another id. */
  private static String portfolioOf(String haltId) {
    if (haltId == null || !haltId.startsWith("halt-") || haltId.lastIndexOf('-') <= 5) {
      return "";
    }
    return haltId.substring(5, haltId.lastIndexOf('-'));
  }

  /** Stamps the sample a log line belongs to; returns whether the line was expected. */
  private static boolean onLog(long now, ILoggingEvent event) {
    if (!measuring) {
      return true;
    }
    String pattern = event.getMessage();
    Object[] args = event.getArgumentArray();
    if ("quickfixj.msg.outgoing".equals(event.getLoggerName())) {
      String message = event.getFormattedMessage();
      if (message.contains("\u000135=q\u0001") && message.contains("\u000149=RISKPULSE\u0001")) {
        int at = message.indexOf("\u000111=");
        if (at >= 0) {
          int end = message.indexOf('\u0001', at + 4);
          Sample sample = SAMPLES.get(portfolioOf(message.substring(at + 4, end < 0 ? message.length() : end)));
          if (sample != null && sample.sent == 0) {
            sample.sent = now;
          }
        }
      }
      return true;
    }
    if (pattern == null || args == null || args.length == 0) {
      return false;
    }
    switch (pattern) {
      case "Portfolio {} breached {}": {
        Sample sample = SAMPLES.get(String.valueOf(args[0]));
        if (sample != null && sample.breached == 0) {
          sample.breached = now;
        }
        return true;
      }
      case "Portfolio {} handed halt {} to the OMS gateway": {
        Sample sample = SAMPLES.get(String.valueOf(args[0]));
        if (sample != null && sample.handed == 0) {
          sample.handed = now;
        }
        return true;
      }
      case "OMS gateway took halt {}": {
        String described = String.valueOf(args[0]);
        int open = described.lastIndexOf('(');
        Sample sample = open < 0 ? null
            : SAMPLES.get(portfolioOf(described.substring(open + 1, described.length() - 1)));
        if (sample != null && sample.took == 0) {
          sample.took = now;
        }
        return true;
      }
      case "OMS {}: sending {} {} as {}": { // args[1] is "<instruction> <id>", e.g. "halt halt-P1-6"
        String described = args.length > 1 ? String.valueOf(args[1]) : "";
        Sample sample = SAMPLES.get(portfolioOf(described.substring(described.indexOf(' ') + 1)));
        if (sample != null && sample.sending == 0) {
          sample.sending = now;
        }
        return true;
      }
      case "OMS endpoint {} acknowledged {}: {}": {
        Sample sample = args.length > 1 ? SAMPLES.get(portfolioOf(String.valueOf(args[1]))) : null;
        if (sample != null && sample.acknowledged == 0) {
          sample.acknowledged = now;
        }
        return true;
      }
      default:
        return false;
    }
  }

  private static void awaitConnected(OmsEndpoint endpoint) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!endpoint.connected()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the FIX session to the simulated OMS did not log on within 30 s");
      }
      Thread.sleep(20);
    }
  }

  /** Opens {@code count} portfolios that halt on a position above 1,000,000, each with a working order at the OMS. */
  private static String[] openHalting(BenchNode node, SimulatedOms oms, int count) throws Exception {
    PortfolioClient client = node.services.portfolios();
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = String.format("hx%04d", i);
      oms.addWorkingOrder(ids[i], ids[i] + "-W1", "SPX", Side.BUY, 100, "runaway");
    }
    WindowedAsks.forEach(0, count, WindowedAsks.WINDOW, 30, (i, attempt) -> client.open(ids[i], "algo",
        "trader-" + (i % 5), 10_000_000, HALTING, "benchmark").thenApply(reply ->
        WindowedAsks.openProblem(ids[i], reply, attempt)));
    return ids;
  }

  private static void requireAccepted(Reply reply, String portfolioId) {
    if (!reply.isAccepted()) {
      throw new IllegalStateException(portfolioId + ": " + reply);
    }
  }

  private record LoadResult(long sent, double seconds, Histogram sendLag, long drainNanos) {}

  /** Ordinary fills on the loaded portfolios at a fixed rate, from a thread of their own. */
  private static final class Load {
    private final IngestPipeline ingest;
    private final FillRig rig;
    private long sequence;
    private volatile boolean running;
    private Thread thread;
    private Histogram sendLag;
    private long sent;
    private long startNanos;
    private long stopNanos;

    Load(IngestPipeline ingest, FillRig rig) {
      this.ingest = ingest;
      this.rig = rig;
    }

    void start(int rate) {
      sendLag = new Histogram(3);
      sent = 0;
      running = true;
      long period = TimeUnit.SECONDS.toNanos(1) / rate;
      startNanos = System.nanoTime() + 1_000_000;
      thread = new Thread(() -> {
        try {
          for (long k = 0; running; k++) {
            long intended = startNanos + k * period;
            parkUntil(intended);
            sendLag.recordValue(System.nanoTime() - intended);
            Execution fill = rig.nextExecution(System.currentTimeMillis());
            ingest.accept(new IngestEvent.Fill(LOAD_SOURCE, ++sequence, fill));
            sent++;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        stopNanos = System.nanoTime();
      }, "bench-load");
      thread.start();
    }

    LoadResult stop() throws Exception {
      running = false;
      thread.join();
      long stopped = System.nanoTime();
      BenchNode.await(rig.watermark.reached(LOAD_SOURCE, sequence), 60);
      return new LoadResult(sent, (stopNanos - startNanos) / 1e9, sendLag, System.nanoTime() - stopped);
    }
  }
}

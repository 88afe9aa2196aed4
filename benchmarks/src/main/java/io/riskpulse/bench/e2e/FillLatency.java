package io.riskpulse.bench.e2e;

import io.riskpulse.ingestion.codec.FrameToEvent;
import io.riskpulse.ingestion.pipeline.PersistedListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency of a fill from publish to persisted in its portfolio, at a fixed offered rate, coordinated-omission
 * free, on a real node with the embedded H2 journal.
 *
 * <p>The main thread sends fill k at its <em>intended</em> time {@code start + k / rate}, whatever happened to
 * earlier fills (open loop: a slow node does not slow the sender down, except through back pressure, and then
 * the lost time is still charged). A {@link PersistedListener} on the pipeline, registered before the
 * watermark, records {@code handled − intended} into an HdrHistogram when the portfolio has answered after
 * persisting the fill. So the figure includes the sender's own lateness (timer wake-up, shown separately as
 * "send lag"), the Aeron hop, decode, the pipeline's queue, the sharding ask, the journal write and the reply.
 *
 * <p>Options ({@code key=value}): {@code portfolios} (50), {@code rate} fills/s (5,000), {@code seconds} per
 * measurement (20), {@code warmupSeconds} at the same rate, not recorded (15), {@code reps} (3),
 * {@code timeoutSeconds} to drain after a measurement (60), {@code baselineRate} (500) and
 * {@code baselineSeconds} (10), {@code timeline} (a file; none by default: see below), {@code idleSeconds} (0:
 * after the repetitions, that long without fills and then one more measurement, with the journal file's size
 * before and after each: what the journal's compaction does while the node is quiet).
 *
 * <p>With {@code timeline=FILE}, every measurement at {@code rate} appends one line per 10 ms of intended send time
 * to FILE: the JVM's uptime at the window's start (seconds, as in a {@code -Xlog:gc} log's {@code uptime}
 * decoration), the fills intended in it and the longest latency among them (ms), so a tail can be matched with
 * the collector's pauses and other logs of the same run.
 *
 * <p>Baseline measured in the same run: before each measurement at {@code rate}, one at {@code baselineRate},
 * where the node is nearly idle, so no queue builds up and garbage is rare: the latency floor of the path. The
 * p99 at {@code rate} is also reported as a multiple of that floor. Each line shows the CPU used, in cores, by
 * this process and by every other process on the machine (a shared machine's noise, from /proc/stat).
 */
public final class FillLatency {

  private FillLatency() {}

  /** The fills of one measurement: their intended send times and the recorder of their latencies. */
  private record Window(long firstSequence, long[] intendedNanos, long[] handledNanos, Recorder recorder) {}

  /** Records handled − intended for the fills of the current window, on the pipeline's thread. */
  private static final class LatencyListener implements PersistedListener {
    private final String sourceId;
    private volatile Window window;

    LatencyListener(String sourceId) {
      this.sourceId = sourceId;
    }

    @Override
    public void handled(String source, long sequence) {
      long now = System.nanoTime();
      Window w = window;
      if (w == null || !sourceId.equals(source)) {
        return;
      }
      long index = sequence - w.firstSequence();
      if (index >= 0 && index < w.intendedNanos().length) {
        w.recorder().recordValue(Math.max(0, now - w.intendedNanos()[(int) index]));
        w.handledNanos()[(int) index] = now;
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    int portfolios = options.integer("portfolios", 50);
    int rate = options.integer("rate", 5_000);
    int seconds = options.integer("seconds", 20);
    int warmupSeconds = options.integer("warmupSeconds", 15);
    int reps = options.integer("reps", 3);
    long timeoutSeconds = options.number("timeoutSeconds", 60);
    int baselineRate = options.integer("baselineRate", 500);
    int baselineSeconds = options.integer("baselineSeconds", 10);
    String timeline = options.text("timeline", "");
    int idleSeconds = options.integer("idleSeconds", 0);

    Harness.banner("RiskPulse fill latency, publish (intended time) -> persisted and answered, fixed rate", options);

    try (BenchNode node = BenchNode.start("latency")) {
      LatencyListener listener = new LatencyListener(FrameToEvent.SOURCE_PREFIX + FillRig.SOURCE_ID);
      FillRig rig = FillRig.open(node, portfolios, listener);
      long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;

      run(rig, listener, rate * warmupSeconds, periodNanos, timeoutSeconds);
      long baselinePeriodNanos = TimeUnit.SECONDS.toNanos(1) / baselineRate;
      System.out.println();
      System.out.println("latency in milliseconds, from the intended send time to handled (persisted and answered)");
      System.out.println("rep  fills/s    count        p50        p90        p99      p99.9        max  "
          + "send lag p99/max  cores this/others");
      double[][] figures = new double[5][reps];
      double[][] baseline = new double[5][reps];
      double[] ratios = new double[reps];
      for (int rep = 0; rep < reps; rep++) {
        Result low = run(rig, listener, baselineRate * baselineSeconds, baselinePeriodNanos, timeoutSeconds);
        print(rep, baselineRate, low, baseline);
        Result r = run(rig, listener, rate * seconds, periodNanos, timeoutSeconds);
        print(rep, rate, r, figures);
        if (!timeline.isEmpty()) {
          appendTimeline(Path.of(timeline), rep, r.window());
        }
        ratios[rep] = figures[2][rep] / baseline[2][rep];
      }
      System.out.println(Stats.fmt("med  %7d           %9s  %9s  %9s  %9s  %9s", baselineRate,
          Stats.millis(Stats.median(baseline[0])), Stats.millis(Stats.median(baseline[1])),
          Stats.millis(Stats.median(baseline[2])), Stats.millis(Stats.median(baseline[3])),
          Stats.millis(Stats.median(baseline[4]))));
      double p99 = Stats.median(figures[2]);
      System.out.println(Stats.fmt("med  %7d           %9s  %9s  %9s  %9s  %9s", rate,
          Stats.millis(Stats.median(figures[0])), Stats.millis(Stats.median(figures[1])), Stats.millis(p99),
          Stats.millis(Stats.median(figures[3])), Stats.millis(Stats.median(figures[4]))));
      System.out.println();
      System.out.println(Stats.fmt("p99 at %,d fills/s offered (median of %d): %s ms   target < 2 ms: %s", rate,
          reps, Stats.millis(p99), p99 < 2_000_000 ? "MET" : "NOT MET"));
      System.out.println(Stats.fmt("p99 at %,d fills/s / p99 at the %,d fills/s baseline (median of per-repetition "
          + "ratios): %.1fx", rate, baselineRate, Stats.median(ratios)));
      if (idleSeconds > 0) {
        idleThenLoadAgain(node, rig, listener, idleSeconds, rate * seconds, periodNanos, timeoutSeconds);
      }
      long held = rig.executionsInPortfolios();
      long quarantined = node.services.quarantine().total();
      System.out.println(Stats.fmt("check: sent %,d, executions held by the portfolios %,d, quarantined %,d: %s",
          rig.sent(), held, quarantined, held == rig.sent() && quarantined == 0 ? "OK" : "MISMATCH"));
    }
  }

  /**
   * What the journal's file does across a quiet period (the compactor's idle runs): its size after the repetitions,
   * after {@code idleSeconds} without fills, and after one more run of {@code fills} at the same rate. Without
   * compaction the last run grows the file as much as any; with it, the last run reuses the space freed meanwhile.
   */
  private static void idleThenLoadAgain(BenchNode node, FillRig rig, LatencyListener listener, int idleSeconds,
      int fills, long periodNanos, long timeoutSeconds) throws Exception {
    Path file = node.dataDir.resolve("journal.mv.db");
    long loaded = Files.size(file);
    Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds)); // the quiet period itself, not a wait for anything
    long idle = Files.size(file);
    Result again = run(rig, listener, fills, periodNanos, timeoutSeconds);
    long after = Files.size(file);
    System.out.println();
    System.out.println(Stats.fmt("journal file: %,d bytes after the repetitions, %,d after %d s idle, %,d after %,d "
        + "fills more (grew %,d bytes; that run's p99 %s ms)", loaded, idle, idleSeconds, after, fills,
        after - idle, Stats.millis(again.latency().getValueAtPercentile(99))));
  }

  private record Result(Histogram latency, Histogram sendLag, Stats.Cpu cpu, Window window) {}

  /** Appends one line per 10 ms of intended send time: uptime (s), fills intended, longest latency (ms). */
  private static void appendTimeline(Path file, int rep, Window w) throws IOException {
    long uptimeMinusNano = TimeUnit.MILLISECONDS.toNanos(ManagementFactory.getRuntimeMXBean().getUptime())
        - System.nanoTime();
    long bucketNanos = TimeUnit.MILLISECONDS.toNanos(10);
    StringBuilder out = new StringBuilder();
    long[] intended = w.intendedNanos();
    long[] handled = w.handledNanos();
    int k = 0;
    while (k < intended.length) {
      long bucketStart = intended[k];
      int count = 0;
      long worst = 0;
      for (; k < intended.length && intended[k] < bucketStart + bucketNanos; k++) {
        count++;
        worst = Math.max(worst, handled[k] == 0 ? Long.MAX_VALUE : handled[k] - intended[k]);
      }
      out.append(Stats.fmt("%d %.3f %d %s%n", rep + 1, (bucketStart + uptimeMinusNano) / 1e9, count,
          worst == Long.MAX_VALUE ? "lost" : Stats.fmt("%.3f", worst / 1e6)));
    }
    Files.writeString(file, out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** One line of the table; keeps p50, p90, p99, p99.9 and max of repetition {@code rep} in {@code figures}. */
  private static void print(int rep, int rate, Result r, double[][] figures) {
    Histogram h = r.latency;
    double[] row = {h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
        h.getValueAtPercentile(99.9), h.getMaxValue()};
    for (int f = 0; f < row.length; f++) {
      figures[f][rep] = row[f];
    }
    System.out.println(Stats.fmt("%3d  %7d  %7d  %9s  %9s  %9s  %9s  %9s  %7s/%-8s  %s", rep + 1, rate,
        h.getTotalCount(), Stats.millis(row[0]), Stats.millis(row[1]), Stats.millis(row[2]), Stats.millis(row[3]),
        Stats.millis(row[4]), Stats.millis(r.sendLag.getValueAtPercentile(99)), Stats.millis(r.sendLag.getMaxValue()),
        r.cpu));
  }

  private static Result run(FillRig rig, LatencyListener listener, int count, long periodNanos,
      long timeoutSeconds) throws Exception {
    Window window = new Window(rig.feed.nextSequence(), new long[count], new long[count], new Recorder(3));
    listener.window = window;
    Histogram sendLag = new Histogram(3);
    long epochMinusNano = FillRig.epochNanos() - System.nanoTime();
    Stats.Cpu.Meter meter = Stats.Cpu.start();
    long start = System.nanoTime() + 1_000_000;
    long last = 0;
    for (int k = 0; k < count; k++) {
      long intended = start + k * periodNanos;
      long now = IntendedTime.await(intended, false);
      sendLag.recordValue(now - intended);
      window.intendedNanos()[k] = intended;
      last = rig.sendNext(epochMinusNano + intended);
    }
    BenchNode.await(rig.watermark.reached(rig.sourceId, last), timeoutSeconds);
    Stats.Cpu cpu = meter.stop();
    listener.window = null;
    return new Result(window.recorder().getIntervalHistogram(), sendLag, cpu, window);
  }
}

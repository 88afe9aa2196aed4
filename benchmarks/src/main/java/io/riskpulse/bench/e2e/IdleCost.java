package io.riskpulse.bench.e2e;

import io.riskpulse.model.market.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * CPU that resident portfolios cost a node while nothing trades (issue 7: a node holds thousands of portfolios;
 * what they cost between fills is what a node has less for fills, checks and recoveries).
 *
 * <p>On a real node ({@link BenchNode}: the shipped configuration, embedded H2), with the portfolios of
 * {@link EntityFootprint} (every limit kind set, 20 positions each), the harness measures this process's CPU
 * ({@link Stats.Cpu}, every thread) over windows of {@code seconds} in two markets, alternated {@code reps} times:
 * <ul>
 *   <li><b>still</b>: the twenty prices do not change;
 *   <li><b>moving</b>: every {@code moveEveryMs} each of the twenty prices moves by a small random step (a market
 *       that ticks; a portfolio's marks then have something to value).
 * </ul>
 * The same two windows are measured first with no portfolio open (the baseline: the node's own background work and
 * the mover). Cost per portfolio = (cores − baseline cores of the same market) / N, in µs of CPU per second.
 *
 * <p>Options ({@code key=value}): {@code portfolios} (5000), {@code seconds} (10), {@code reps} (3),
 * {@code warmupReps} (3: still and moving windows measured first and not counted, while the JIT compiles),
 * {@code moveEveryMs} (100), {@code settleSeconds} (5, after the fills, before the first window), {@code jfr} ({@code off}; {@code on}: one
 * more window of each market, each recorded with JFR's {@code profile} settings into {@code idle-cost-still.jfr} and
 * {@code idle-cost-moving.jfr} in the working folder, for {@code benchmarks/scripts/jfr-profile.py}).
 */
public final class IdleCost {

  private IdleCost() {}

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    int portfolios = options.integer("portfolios", 5_000);
    int seconds = options.integer("seconds", 10);
    int reps = options.integer("reps", 3);
    int warmupReps = options.integer("warmupReps", 3);
    int moveEveryMs = options.integer("moveEveryMs", 100);
    int settleSeconds = options.integer("settleSeconds", 5);
    boolean jfr = options.choice("jfr", "off", "on").equals("on");
    Harness.banner("RiskPulse: CPU of resident portfolios between fills", options);

    ScheduledExecutorService mover = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "price-mover");
      t.setDaemon(true);
      return t;
    });
    try (BenchNode node = BenchNode.start("idle")) {
      EntityFootprint.quote(node);
      Market market = new Market(node);
      double baseStill = window(market, mover, false, seconds, moveEveryMs, "baseline", 0);
      double baseMoving = window(market, mover, true, seconds, moveEveryMs, "baseline", 0);

      EntityFootprint.populate(node, 0, portfolios, 64, 120);
      System.out.println(Stats.fmt("opened %,d portfolios with %d positions each", portfolios,
          EntityFootprint.SYMBOLS.length));
      // Not a synchronisation: lets the fills' follow-up work (risk refresh, desk reports, snapshots) pass.
      Thread.sleep(TimeUnit.SECONDS.toMillis(settleSeconds));

      // Not counted: the JIT compiles the marks, risk refreshes and journal paths for minutes after the fills (the
      // first still window ran at twice the CPU of the third in a run with -XX:+PrintCompilation).
      for (int rep = 1; rep <= warmupReps; rep++) {
        window(market, mover, false, seconds, moveEveryMs, "warm-up " + rep, portfolios);
        window(market, mover, true, seconds, moveEveryMs, "warm-up " + rep, portfolios);
      }
      List<Double> still = new ArrayList<>();
      List<Double> moving = new ArrayList<>();
      for (int rep = 1; rep <= reps; rep++) {
        still.add(window(market, mover, false, seconds, moveEveryMs, "rep " + rep, portfolios));
        moving.add(window(market, mover, true, seconds, moveEveryMs, "rep " + rep, portfolios));
      }
      if (jfr) { // one more window of each market, each in a recording of its own
        for (boolean moves : new boolean[] {false, true}) {
          try (jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            recording.start();
            window(market, mover, moves, seconds, moveEveryMs, "profiled", portfolios);
            recording.stop();
            java.nio.file.Path file = java.nio.file.Path.of("idle-cost-" + (moves ? "moving" : "still") + ".jfr");
            recording.dump(file);
            System.out.println("JFR recording: " + file);
          }
        }
      }
      double medianStill = Stats.median(still.stream().mapToDouble(Double::doubleValue).toArray());
      double medianMoving = Stats.median(moving.stream().mapToDouble(Double::doubleValue).toArray());
      System.out.println();
      System.out.println(Stats.fmt("baseline (no portfolio): still %.3f cores, moving %.3f cores", baseStill,
          baseMoving));
      System.out.println(Stats.fmt("median with %,d portfolios: still %.3f cores (%.1f µs CPU per portfolio-second), "
              + "moving %.3f cores (%.1f µs CPU per portfolio-second)", portfolios,
          medianStill, perPortfolio(medianStill, baseStill, portfolios),
          medianMoving, perPortfolio(medianMoving, baseMoving, portfolios)));
    } finally {
      mover.shutdownNow();
    }
  }

  private static double perPortfolio(double cores, double baseline, int portfolios) {
    return (cores - baseline) * 1e6 / portfolios;
  }

  /** One measured window; returns this process's cores. */
  private static double window(Market market, ScheduledExecutorService mover, boolean moving, int seconds,
      int moveEveryMs, String label, int portfolios) throws InterruptedException {
    ScheduledFuture<?> moves = moving
        ? mover.scheduleAtFixedRate(market::move, moveEveryMs, moveEveryMs, TimeUnit.MILLISECONDS)
        : null;
    Stats.Cpu.Meter meter = Stats.Cpu.start();
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds)); // the measured window: the node runs on its own
    Stats.Cpu cpu = meter.stop();
    if (moves != null) {
      moves.cancel(false);
    }
    System.out.println(Stats.fmt("%-10s %-7s %6d portfolios  cores self/others %s  price moves %,d", label,
        moving ? "moving" : "still", portfolios, cpu, market.moves));
    return cpu.self();
  }

  /** The twenty prices, each moved by a random step of at most one basis point either way. */
  private static final class Market {
    private final BenchNode node;
    private final double[] mids = EntityFootprint.PRICES.clone();
    private final SplittableRandom random = new SplittableRandom(7);
    long moves;

    Market(BenchNode node) {
      this.node = node;
    }

    void move() {
      long now = System.currentTimeMillis();
      for (int i = 0; i < mids.length; i++) {
        mids[i] *= 1 + (random.nextDouble() - 0.5) * 2e-4;
        double p = mids[i];
        if (node.services.market().update(new Quote(EntityFootprint.SYMBOLS[i], Double.NaN, p * 0.9999,
            p * 1.0001, now)) == null) {
          moves++;
        }
      }
    }
  }
}

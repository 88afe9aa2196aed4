package io.riskpulse.bench.e2e;

import io.riskpulse.bench.e2e.FillThroughput.Burst;
import io.riskpulse.model.detect.DetectionEnvironment;

/**
 * What the detectors add to the per-fill cost of the ingestion benchmark ({@link FillThroughput}'s Aeron path):
 * the same node, the same fills, with every portfolio's detectors running and paused
 * ({@link DetectionEnvironment#paused}), alternated in every repetition so both see the same machine.
 *
 * <p>Per-fill cost = 1 / rate; the added cost is {@code cost(on) / cost(off) - 1} per repetition, reported as the
 * median. Options ({@code key=value}): {@code portfolios} (50), {@code fills} per measurement (60,000),
 * {@code warmup} fills per variant (60,000), {@code reps} (7), {@code timeoutSeconds} (180).
 */
public final class DetectionCost {

  private DetectionCost() {}

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    int portfolios = options.integer("portfolios", 50);
    long fills = options.number("fills", 60_000);
    long warmup = options.number("warmup", 60_000);
    int reps = options.integer("reps", 7);
    long timeoutSeconds = options.number("timeoutSeconds", 180);

    Harness.banner("RiskPulse detection's per-fill cost: fills over Aeron IPC to persisted, detectors on vs paused", options);

    try (BenchNode node = BenchNode.start("detection-cost")) {
      DetectionEnvironment detection = node.services.detection();
      if (!detection.settings().enabled()) {
        throw new IllegalStateException("riskpulse.detection.enabled is off: nothing to measure");
      }
      FillRig rig = FillRig.open(node, portfolios, null);
      detection.paused(false);
      FillThroughput.aeron(rig, warmup, timeoutSeconds);
      detection.paused(true);
      FillThroughput.aeron(rig, warmup, timeoutSeconds);
      System.out.println();
      System.out.println("rep   on fills/s   off fills/s   added per-fill cost   cores this/others: on  off");
      double[] on = new double[reps];
      double[] off = new double[reps];
      double[] added = new double[reps];
      for (int rep = 0; rep < reps; rep++) {
        // Alternate which goes first, so a drift of the machine within a repetition does not favour one.
        boolean onFirst = rep % 2 == 0;
        Burst first = measure(detection, rig, onFirst, fills, timeoutSeconds);
        Burst second = measure(detection, rig, !onFirst, fills, timeoutSeconds);
        Burst withDetection = onFirst ? first : second;
        Burst without = onFirst ? second : first;
        on[rep] = withDetection.perSecond();
        off[rep] = without.perSecond();
        added[rep] = off[rep] / on[rep] - 1;
        System.out.println(Stats.fmt("%3d  %11s  %12s  %19.1f%%   %26s  %s", rep + 1, Stats.rate(on[rep]),
            Stats.rate(off[rep]), 100 * added[rep], withDetection.cpu(), without.cpu()));
      }
      double median = Stats.median(added);
      System.out.println(Stats.fmt("med  %11s  %12s  %19.1f%%  (median of per-repetition figures)",
          Stats.rate(Stats.median(on)), Stats.rate(Stats.median(off)), 100 * median));
      System.out.println();
      System.out.println(Stats.fmt("added per-fill cost of detection (median): %.1f%%   target <= 20%%: %s",
          100 * median, median <= 0.20 ? "MET" : "NOT MET"));
      long held = rig.executionsInPortfolios();
      System.out.println(Stats.fmt("check: sent %,d, executions held by the portfolios %,d, quarantined %,d: %s",
          rig.sent(), held, node.services.quarantine().total(),
          held == rig.sent() && node.services.quarantine().total() == 0 ? "OK" : "MISMATCH"));
    }
  }

  private static Burst measure(DetectionEnvironment detection, FillRig rig, boolean detectorsOn, long fills,
      long timeoutSeconds) throws Exception {
    detection.paused(!detectorsOn);
    return FillThroughput.aeron(rig, fills, timeoutSeconds);
  }
}

package io.riskpulse.bench.e2e;

import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.PortfolioClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained fills from Aeron to persisted in the portfolios, on a real node with the embedded H2 journal, against
 * a baseline measured in the same run.
 *
 * <ul>
 *   <li>{@code aeron}: the main thread publishes EXECUTION frames on the node's order-flow stream as fast as the
 *       node accepts them (back pressure reaches the publisher through the pipeline's bounded queue and Aeron's
 *       flow control). The measurement ends when the {@code HandledWatermark} reaches the last fill's sequence:
 *       every fill has been answered by its portfolio after its event was written to the journal.
 *   <li>{@code direct} (baseline): the same kind of fills handed straight to the portfolios with
 *       {@link PortfolioClient#applyAll}, grouped the way the pipeline groups them (chunks of
 *       {@code riskpulse.ingestion.pipeline.max-batch}, one {@code ApplyExecutions} per portfolio per chunk,
 *       {@code parallelism} chunks in flight), with no Aeron, no decoding and no stream stages: the entity and
 *       journal capacity the ingestion path is measured against.
 * </ul>
 *
 * <p>Both are interleaved in every repetition. Rate = fills / (last handled − first sent).
 *
 * <p>Options ({@code key=value}): {@code portfolios} (50), {@code fills} per measurement (60,000),
 * {@code warmup} fills per variant before the first measurement (60,000: the JIT is still compiling the journal
 * path well after 20,000), {@code reps} (5), {@code timeoutSeconds} per measurement (180). At the end every
 * portfolio is asked for its execution count, which must add up to the fills sent, and nothing may have been
 * quarantined.
 */
public final class FillThroughput {

  private FillThroughput() {}

  public static void main(String[] args) throws Exception {
    Harness.init();
    BenchArgs options = new BenchArgs(args);
    int portfolios = options.integer("portfolios", 50);
    long fills = options.number("fills", 60_000);
    long warmup = options.number("warmup", 60_000);
    int reps = options.integer("reps", 5);
    long timeoutSeconds = options.number("timeoutSeconds", 180);

    Harness.banner("RiskPulse fills over Aeron IPC to persisted in the portfolios (H2 journal), sustained", options);

    try (BenchNode node = BenchNode.start("fills")) {
      FillRig rig = FillRig.open(node, portfolios, null);
      com.typesafe.config.Config pipeline = node.system.settings().config()
          .getConfig("riskpulse.ingestion.pipeline");
      Direct direct = new Direct(rig, pipeline.getInt("max-batch"), pipeline.getInt("parallelism"));
      System.out.println("pipeline: max-batch=" + direct.chunk + " parallelism=" + direct.parallelism);
      aeron(rig, warmup, timeoutSeconds);
      direct.run(warmup, timeoutSeconds);
      System.out.println();
      System.out.println("rep   aeron fills/s  direct fills/s  aeron/direct   publish s  drain s   "
          + "cores this/others: aeron  direct");
      double[] aeronRates = new double[reps];
      double[] directRates = new double[reps];
      double[] ratios = new double[reps];
      for (int rep = 0; rep < reps; rep++) {
        Burst a = aeron(rig, fills, timeoutSeconds);
        Burst d = direct.run(fills, timeoutSeconds);
        aeronRates[rep] = a.perSecond();
        directRates[rep] = d.perSecond();
        ratios[rep] = aeronRates[rep] / directRates[rep];
        System.out.println(Stats.fmt("%3d  %14s  %14s  %11.1f%%  %10.2f  %7.2f   %20s  %s", rep + 1,
            Stats.rate(aeronRates[rep]), Stats.rate(directRates[rep]), 100 * ratios[rep], a.publishNanos / 1e9,
            (a.totalNanos - a.publishNanos) / 1e9, a.cpu, d.cpu));
      }
      double median = Stats.median(aeronRates);
      System.out.println(Stats.fmt("med  %14s  %14s  %11.1f%%  (median of per-repetition ratios)",
          Stats.rate(median), Stats.rate(Stats.median(directRates)), 100 * Stats.median(ratios)));
      System.out.println();
      System.out.println(Stats.fmt("fills/s persisted over Aeron (median): %s   target >= 20,000: %s",
          Stats.rate(median), median >= 20_000 ? "MET" : "NOT MET"));
      long held = rig.executionsInPortfolios();
      long quarantined = node.services.quarantine().total();
      System.out.println(Stats.fmt("check: sent %,d, executions held by the portfolios %,d, quarantined %,d, "
              + "direct refusals %,d: %s", rig.sent(), held, quarantined, direct.refused.get(),
          held == rig.sent() && quarantined == 0 && direct.refused.get() == 0 ? "OK" : "MISMATCH"));
    }
  }

  record Burst(long fills, long publishNanos, long totalNanos, Stats.Cpu cpu) {
    double perSecond() {
      return fills * 1e9 / totalNanos;
    }
  }

  static Burst aeron(FillRig rig, long fills, long timeoutSeconds) throws Exception {
    Stats.Cpu.Meter meter = Stats.Cpu.start();
    long start = System.nanoTime();
    long last = 0;
    for (long i = 0; i < fills; i++) {
      last = rig.sendNext(FillRig.epochNanos());
    }
    long published = System.nanoTime();
    BenchNode.await(rig.watermark.reached(rig.sourceId, last), timeoutSeconds);
    long end = System.nanoTime();
    return new Burst(fills, published - start, end - start, meter.stop());
  }

  /** The baseline: fills to the portfolios through the client, batched like the pipeline, no transport. */
  private static final class Direct {
    final FillRig rig;
    final int chunk;
    final int parallelism;
    final AtomicLong refused = new AtomicLong();

    Direct(FillRig rig, int chunk, int parallelism) {
      this.rig = rig;
      this.chunk = chunk;
      this.parallelism = parallelism;
    }

    Burst run(long fills, long timeoutSeconds) throws Exception {
      PortfolioClient client = rig.node.services.portfolios();
      Semaphore inFlight = new Semaphore(parallelism);
      Stats.Cpu.Meter meter = Stats.Cpu.start();
      long start = System.nanoTime();
      for (long sent = 0; sent < fills; sent += chunk) {
        Map<String, List<Execution>> byPortfolio = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        for (long i = sent; i < Math.min(fills, sent + chunk); i++) {
          Execution e = rig.nextExecution(now);
          byPortfolio.computeIfAbsent(e.portfolioId(), p -> new ArrayList<>()).add(e);
        }
        if (!inFlight.tryAcquire(timeoutSeconds, TimeUnit.SECONDS)) {
          throw new IllegalStateException("direct: no answer within " + timeoutSeconds + " s");
        }
        List<CompletableFuture<?>> asks = new ArrayList<>();
        byPortfolio.forEach((portfolio, executions) -> asks.add(client.applyAll(portfolio, executions)
            .thenAccept(replies -> refused.addAndGet(replies.stream().filter(r -> !r.isAccepted()).count()))
            .toCompletableFuture()));
        CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
          if (failure != null) {
            refused.incrementAndGet();
          }
          inFlight.release();
        });
      }
      if (!inFlight.tryAcquire(parallelism, timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException("direct: no answer within " + timeoutSeconds + " s");
      }
      inFlight.release(parallelism);
      long end = System.nanoTime();
      return new Burst(fills, end - start, end - start, meter.stop());
    }
  }
}

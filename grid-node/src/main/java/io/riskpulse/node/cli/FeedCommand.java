package io.riskpulse.node.cli;

import com.typesafe.config.Config;
import io.aeron.Aeron;
import io.riskpulse.ingestion.aeron.AeronSettings;
import io.riskpulse.ingestion.aeron.FeedPublisher;
import io.riskpulse.ingestion.sim.SimStep;
import io.riskpulse.ingestion.sim.TradingSimulation;
import io.riskpulse.model.market.Quote;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.node.NodeConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code riskpulse feed}: publishes a market-data and order-flow stream over Aeron into running nodes, from
 * the simulator or from real daily price files, at a chosen rate, for demos, tests and load.
 */
@Command(name = "feed", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Publish simulated (or replayed) quotes and fills over Aeron to the nodes on this host.",
        "Start the nodes first, e.g. ./riskpulse node --open-demo-portfolios with the same simulation options.",
        "Fills are replayed to a node that restarts, until it acknowledges them."})
public final class FeedCommand implements Callable<Integer> {

  @Mixin SimulationOptions simulationOptions;







  @Option(names = "--steps", defaultValue = "0", description = "Steps to publish, 0 = until the source ends or Ctrl-C.")
  long steps;

  @Option(names = "--rate", defaultValue = "10", description = "Steps per second, 0 = as fast as the nodes take them. Default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(names = "--aeron-dir", description = "Media driver directory. Default: the node's (riskpulse.ingestion.aeron.directory).")
  String aeronDir;

  @Option(names = "--source-id",
      description = "Source id of the market data; fills use it + 1. Default: a new pair per run (the wire "
          + "format's contract: a publisher that starts again at sequence 1 takes new source ids).")
  Integer sourceIdOption;

  @Override
  public Integer call() throws Exception {
    Config config = NodeConfig.load();
    AeronSettings settings = AeronSettings.fromConfig(config);
    String directory = aeronDir != null ? aeronDir : settings.directory();
    TradingSimulation simulation = simulationOptions.simulation(simulationOptions.generator());
    String run = "f" + Long.toString(System.currentTimeMillis() / 1000, 36) + "-";
    long stepNanos = rate <= 0 ? 0 : (long) (1e9 / rate);
    // Even ids from the clock: a new pair per run, never the ids a node still tracks from an earlier run.
    int sourceId = sourceIdOption != null ? sourceIdOption
        : 1_000 + 2 * (int) ((System.currentTimeMillis() / 1000) % 500_000_000);
    try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(directory));
         FeedPublisher prices = new FeedPublisher(
             aeron.addExclusivePublication(settings.marketDataPublishChannel(), settings.marketDataStreamId()),
             sourceId, 1, Duration.ofSeconds(30));
         FeedPublisher fills = new FeedPublisher(
             aeron.addExclusivePublication(settings.orderFlowChannel(), settings.orderFlowStreamId()),
             sourceId + 1, 1, Duration.ofSeconds(60))
             .withReplay(aeron.addSubscription(settings.ackChannel(), settings.ackStreamId()), 1 << 16)) {
      System.out.printf("Publishing to %s (market data aeron:%d, fills aeron:%d), %s steps/s%n", directory,
          sourceId, sourceId + 1, rate <= 0 ? "max" : rate);
      long next = System.nanoTime();
      long published = 0;
      long limit = steps == 0 ? Long.MAX_VALUE : steps;
      for (long i = 0; i < limit && simulation.hasNext(); i++) {
        SimStep step = simulation.step();
        long now = System.nanoTime();
        for (Quote quote : step.quotes()) {
          prices.quote(quote, now);
        }
        for (Execution e : step.executions()) {
          fills.execution(new Execution(run + e.executionId(), e.portfolioId(), e.strategy(), e.symbol(),
              e.side(), e.quantity(), e.price(), e.executedAtMillis()), now);
          published++;
        }
        if ((i + 1) % 100 == 0) {
          System.out.printf("step %d: %d fills published, %d acknowledged%n", i + 1, published,
              fills.acknowledged());
        }
        next += stepNanos;
        while (stepNanos > 0 && System.nanoTime() < next) {
          fills.maintain();
          LockSupport.parkNanos(Math.min(1_000_000, next - System.nanoTime()));
        }
      }
      boolean all = fills.awaitAcknowledged(Duration.ofSeconds(60));
      System.out.printf("Done: %d fills published, %d acknowledged%s%n", published, fills.acknowledged(),
          all ? "" : " (not all acknowledged within 60 s)");
      return all ? 0 : 1;
    }
  }
}

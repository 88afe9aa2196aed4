package io.riskpulse.node.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.gateway.oms.SimulatedOms;
import io.riskpulse.ingestion.sim.QuoteGenerator;
import io.riskpulse.ingestion.sim.TradingSimulation;
import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.NodeDeps;
import io.riskpulse.node.NodeServices;
import io.riskpulse.node.demo.DemoProgress;
import io.riskpulse.node.demo.DemoRunner;
import io.riskpulse.node.demo.LiveTable;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code riskpulse demo}: one node on the configured (by default embedded) journal, a simulated or replayed
 * market, a few strategies per desk and one that runs away, with a live table and the HTTP JSON view.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Run one node fed by a market simulator and trading strategies, one of which runs away.",
        "Shows a live table; serves http://127.0.0.1:<port>/portfolios.",
        "Ctrl-C stops; running again continues from the journal."})
public final class DemoCommand implements Callable<Integer> {

  @Mixin SimulationOptions simulationOptions;





  @Option(names = "--steps", description = "Steps to run, 0 = until Ctrl-C. Default: ${DEFAULT-VALUE}.",
      defaultValue = "0")
  long steps;

  @Option(names = "--step-interval", paramLabel = "MILLIS",
      description = "Wall-clock milliseconds between steps, 0 = as fast as the journal allows. Default: ${DEFAULT-VALUE}.",
      defaultValue = "250")
  long stepIntervalMillis;



  @Option(names = "--http-port", description = "Port of the HTTP JSON view (0 = any free port). Default: from config (8080).")
  Integer httpPort;

  @Option(names = "--grpc-port", description = "Port of the gRPC API (0 = any free port). Default: from config (50051).")
  Integer grpcPort;

  @Option(names = "--resume-after", paramLabel = "STEPS",
      description = "Steps after the runaway's halt at which the demo's risk officer resumes it (refused, then "
          + "reduce-only), 0 = never. Default: ${DEFAULT-VALUE}.", defaultValue = "40")
  long resumeAfterSteps;

  @Option(names = "--headless", description = "No live table: print a summary line every 100 steps and the table at the end.")
  boolean headless;

  @Override
  public Integer call() throws Exception {
    // A simulated OMS (a QuickFIX/J acceptor) receives the node's halts as FIX mass cancels.
    SimulatedOms oms = SimulatedOms.builder().build();
    oms.start();
    Config overrides = ConfigFactory.parseString("riskpulse.gateway.oms.endpoints = [{name = \"simulated-oms\", "
        + "type = fix, host = \"127.0.0.1\", port = " + oms.port() + ", target-comp-id = \""
        + oms.sessionId().getSenderCompID() + "\", reconnect-interval = 1s}]");
    if (httpPort != null) {
      overrides = ConfigFactory.parseMap(Map.of("riskpulse.http.port", httpPort)).withFallback(overrides);
    }
    if (grpcPort != null) {
      overrides = ConfigFactory.parseMap(Map.of("riskpulse.grpc.port", grpcPort)).withFallback(overrides);
    }
    Config config = NodeConfig.load(overrides);
    QuoteGenerator generator = simulationOptions.generator();
    TradingSimulation simulation = simulationOptions.simulation(generator);

    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
    NodeServices node = Main.init(system, new NodeDeps(generator.registry(), Clock.systemUTC()));
    String http = node.http()
        .map(binding -> binding.toCompletableFuture().join().localAddress().getPort())
        .map(port -> "http://127.0.0.1:" + port + "/portfolios").orElse("HTTP off")
        + node.grpc().map(binding -> ", gRPC 127.0.0.1:" + binding.toCompletableFuture().join().localAddress()
            .getPort() + " (./riskpulse ctl)").orElse("");

    DemoRunner runner = new DemoRunner(system, node, simulation,
        "r" + Long.toString(System.currentTimeMillis() / 1000, 36), // short: ids are at most 32 bytes on the wire
        oms, resumeAfterSteps);
    runner.openPortfolios().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);

    PrintStream out = System.out;
    AtomicReference<DemoProgress> latest = new AtomicReference<>();
    java.util.Set<String> printed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    String source = simulationOptions.describe();
    Cancellable table = headless ? null : system.scheduler().scheduleAtFixedRate(Duration.ofSeconds(1),
        Duration.ofSeconds(1), () -> {
          DemoProgress progress = latest.get();
          if (progress != null) {
            out.print("\033[H\033[2J" + LiveTable.render(header(progress, source, http), progress.snapshots(),
                System.currentTimeMillis()));
            out.println("Runaway: " + simulation.runawayPortfolioId() + " from step " + simulation.runawayStartStep()
                + ".  Logs: " + System.getenv().getOrDefault("RISKPULSE_LOG_DIR", "./data/logs")
                + "/riskpulse.log.  Ctrl-C stops.");
            out.println("Control room (halts go to a simulated OMS on 127.0.0.1:" + oms.port()
                + " as FIX mass cancels):");
            progress.controlRoom().forEach(line -> out.println("  " + line));
            out.flush();
          }
        }, system.executionContext());

    var done = runner.run(steps == 0 ? Long.MAX_VALUE : steps, Duration.ofMillis(stepIntervalMillis),
        progress -> {
          latest.set(progress);
          if (headless && progress.step() % 100 == 0) {
            out.println(header(progress, source, http));
          }
          if (headless) {
            progress.controlRoom().stream().filter(printed::add).forEach(line -> out.println("  " + line));
          }
        });
    if (headless) {
      out.println("RiskPulse demo (" + source + "), " + http);
    }
    // Ends when the steps are done, or when Ctrl-C shuts the node down (which also ends the stream).
    CompletableFuture.anyOf(done.toCompletableFuture(), system.getWhenTerminated().toCompletableFuture())
        .handle((result, failure) -> null)
        .join();
    if (table != null) {
      table.cancel();
    }
    boolean interrupted = system.getWhenTerminated().toCompletableFuture().isDone();
    DemoProgress last = latest.get();
    if (last != null) {
      out.print(LiveTable.render(header(last, source, http), last.snapshots(), System.currentTimeMillis()));
      if (!headless) {
        out.println("Control room:");
        runner.controlRoom().lines().forEach(line -> out.println("  " + line));
      }
    }
    if (!interrupted) {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
      oms.close();
      if (done.toCompletableFuture().isCompletedExceptionally()) {
        done.toCompletableFuture().join(); // surfaces the failure
      }
    }
    return 0;
  }

  private static String header(DemoProgress p, String source, String http) {
    return String.format("step %d  %s  fills published %d, applied %d, quarantined %d  %s",
        p.step(), source, p.published(), p.applied(), p.quarantined(), http);
  }
}

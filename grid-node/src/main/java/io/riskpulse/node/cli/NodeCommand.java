package io.riskpulse.node.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import io.riskpulse.ingestion.sim.PortfolioSetup;
import io.riskpulse.ingestion.sim.QuoteGenerator;
import io.riskpulse.ingestion.sim.TradingSimulation;
import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.portfolio.Reply;
import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.NodeDeps;
import io.riskpulse.node.NodeServices;
import io.riskpulse.node.book.PortfolioListFile;
import io.riskpulse.node.book.PortfolioListing;
import io.riskpulse.node.book.PortfolioLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Cluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riskpulse node}: runs a node (no simulator) until Ctrl-C. */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = "Run a RiskPulse node on the configured journal until stopped (Ctrl-C).")
public final class NodeCommand implements Callable<Integer> {

  @Option(names = "--print-config", description = "Print the effective riskpulse configuration and exit.")
  boolean printConfig;

  @Option(names = "--open-demo-portfolios",
      description = "Open the simulation's portfolios (for ./riskpulse feed with the same simulation options);"
          + " kept if already open.")
  boolean openDemoPortfolios;

  @Option(names = "--portfolios", paramLabel = "FILE",
      description = "Open the portfolios listed in FILE (CSV: portfolio,desk,trader[,initial_cash]); those already"
          + " open are kept. Every line is checked before the node starts.")
  Path portfolioList;

  @Mixin SimulationOptions simulationOptions;

  @Override
  public Integer call() throws Exception {
    Config config = NodeConfig.load();
    if (printConfig) {
      System.out.println(config.getConfig("riskpulse").root().render(
          ConfigRenderOptions.defaults().setOriginComments(false).setJson(false)));
      return 0;
    }
    List<PortfolioListing> listings = List.of();
    if (portfolioList != null) {
      try {
        listings = PortfolioListFile.read(portfolioList);
      } catch (IllegalArgumentException | IOException e) {
        System.err.println("error: " + e.getMessage());
        return 2;
      }
    }
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), Main.SYSTEM_NAME, config);
    // A replayed folder brings its own instruments; otherwise the configured reference.
    QuoteGenerator generator = openDemoPortfolios && simulationOptions.dataDir != null
        ? simulationOptions.generator() : null;
    InstrumentRegistry instruments = generator != null ? generator.registry() : Main.loadInstruments(config);
    NodeServices node = Main.init(system, new NodeDeps(instruments, Clock.systemUTC()));
    if (openDemoPortfolios) {
      TradingSimulation simulation =
          simulationOptions.simulation(generator != null ? generator : simulationOptions.generator());
      for (PortfolioSetup setup : simulation.portfolios()) {
        Reply reply = node.portfolios().open(setup.portfolioId(), setup.desk(), setup.trader(),
            setup.initialCash(), setup.limits(), "riskpulse-node").toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println(setup.portfolioId() + ": " + (reply.isAccepted() ? "opened" : reply.reason()));
      }
    }
    if (!listings.isEmpty()) {
      List<PortfolioListing> toOpen = listings;
      System.out.println("Opening " + listings.size() + " portfolios of " + portfolioList
          + " once this node is up...");
      // Once the member is Up: before that the shard coordinator cannot answer and every open would time out.
      Cluster.get(Adapter.toClassic(system)).registerOnMemberUp(() ->
          new PortfolioLoader(node.portfolios(), config.getInt("riskpulse.node.portfolio-list.parallelism"),
              config.getInt("riskpulse.node.portfolio-list.attempts"), "riskpulse-node", system.executionContext())
              .load(toOpen).whenComplete((result, failure) -> System.out.println(portfolioList + ": "
                  + (failure == null ? result.describe() : "loading stopped: " + failure))));
    }
    System.out.println("RiskPulse node running; Ctrl-C stops it.");
    system.getWhenTerminated().toCompletableFuture().join();
    return 0;
  }
}

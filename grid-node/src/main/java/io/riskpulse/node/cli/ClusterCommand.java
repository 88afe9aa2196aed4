package io.riskpulse.node.cli;

import io.riskpulse.node.Main;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.book.PortfolioListFile;
import io.riskpulse.node.cluster.LocalCluster;
import io.riskpulse.node.cluster.LocalClusterNode;
import io.riskpulse.node.cluster.LocalClusterSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse cluster start|stop|status}: a cluster of node processes on this machine, journaling to the
 * Cassandra that {@code riskpulse cassandra start} runs (docs/CLUSTER.md).
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"Run several node processes on this machine as one Pekko cluster on the Cassandra journal.",
        "Start Cassandra first: ./riskpulse cassandra start. Then: ./riskpulse cluster start --nodes 3",
        "Exit codes: 0 done; 1 a node did not start or stop (its log's end on stderr); 2 usage or setup error "
            + "(no Cassandra, a node already running); 3 status: no node running."},
    subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class, ClusterCommand.Status.class})
public final class ClusterCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static LocalCluster cluster() {
    return new LocalCluster(LocalClusterSettings.fromConfig(NodeConfig.load()));
  }

  /** How to run a node: this JVM's java, the module opens the node needs, JAVA_OPTS, and this jar. */
  static List<String> nodeCommand() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String javaOpts = System.getenv("JAVA_OPTS");
    if (javaOpts != null && !javaOpts.isBlank()) {
      command.addAll(List.of(javaOpts.trim().split("\\s+")));
    }
    // As the launcher script: the common pool runs pekko-grpc's completions; at least two threads.
    int parallelism = Math.max(2, Runtime.getRuntime().availableProcessors() - 1);
    command.add("-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + parallelism);
    command.addAll(List.of("--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED"));
    try {
      Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!jar.toString().endsWith(".jar")) {
        throw new IllegalStateException("cluster start runs the node jar; build it first (./riskpulse builds it)");
      }
      command.addAll(List.of("-jar", jar.toString()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the node jar", e);
    }
    return command;
  }

  /** {@code riskpulse cluster start}. */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Start N node processes (node 1 first), each on its own ports, and wait until each is ready.")
  static final class Start implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "3", paramLabel = "N", description = "How many nodes (1-9), 3 by "
        + "default.")
    int nodes;

    @Option(names = "--open-demo-portfolios", description = "Open the simulation's portfolios (kept if already "
        + "open), for ./riskpulse feed.")
    boolean openDemoPortfolios;

    @Option(names = "--portfolios", paramLabel = "FILE", description = "Open the portfolios listed in FILE (CSV: "
        + "portfolio,desk,trader[,initial_cash]), checked before any node starts; node 1 opens them and writes the "
        + "outcome to its node.log; those already open are kept.")
    Path portfolioList;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      LocalCluster cluster = cluster();
      List<String> command;
      try {
        command = nodeCommand();
        if (portfolioList != null) {
          PortfolioListFile.read(portfolioList); // every line checked before any node starts; node 1 reads it again
        }
      } catch (IllegalStateException | IllegalArgumentException | IOException e) {
        err.println("error: " + e.getMessage());
        return 2;
      }
      if (nodes > 5) {
        err.println("note: the split-brain resolver's stable-after (7 s shipped) is Pekko's minimum for up to 5 nodes;"
            + " for " + nodes + " set RISKPULSE_SBR_STABLE_AFTER=10s (docs/CLUSTER.md, Failover time)");
      }
      try {
        out.println("Starting " + nodes + " nodes...");
        out.flush();
        List<String> firstNodeArgs = new ArrayList<>();
        if (openDemoPortfolios) {
          firstNodeArgs.add("--open-demo-portfolios");
        }
        if (portfolioList != null) {
          firstNodeArgs.addAll(List.of("--portfolios", portfolioList.toAbsolutePath().toString()));
        }
        for (LocalClusterNode node : cluster.start(nodes, command, firstNodeArgs, System.getenv())) {
          out.printf("node %d  pid %d  %s  gRPC %d  HTTP %d  management %s  folder %s%n", node.index(),
              cluster.pid(node).orElse(-1L), node.address(), node.grpcPort(), node.httpPort(), node.managementUri(),
              node.dir());
        }
        LocalClusterSettings settings = LocalClusterSettings.fromConfig(NodeConfig.load());
        out.printf("Feed it: RISKPULSE_AERON_MARKET_DATA_PUBLISH_CHANNEL='%s' ./riskpulse feed --aeron-dir %s%n",
            settings.marketDataPublishChannel(), settings.node(1).dir().resolve("aeron"));
        return 0;
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        return 2;
      } catch (IllegalStateException e) {
        err.println("error: " + e.getMessage());
        return e.getMessage().startsWith("no Cassandra") || e.getMessage().contains("already running") ? 2 : 1;
      }
    }
  }

  /** {@code riskpulse cluster stop}. */
  @Command(name = "stop", mixinStandardHelpOptions = true,
      description = "Stop every node, the highest first (SIGTERM: each leaves the cluster and hands its shards over).")
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      LocalCluster cluster = cluster();
      List<LocalClusterNode> nodes = new ArrayList<>(cluster.nodes());
      Collections.reverse(nodes);
      for (LocalClusterNode node : nodes) {
        if (cluster.stop(node)) {
          spec.commandLine().getOut().println("node " + node.index() + " stopped");
        }
      }
      return 0;
    }
  }

  /** {@code riskpulse cluster status}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Each node: running or not, ready or not; and the cluster's members as a running node sees them.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      LocalCluster cluster = cluster();
      Optional<String> members = Optional.empty();
      int running = 0;
      for (LocalClusterNode node : cluster.nodes()) {
        Optional<Long> pid = cluster.pid(node);
        boolean ready = pid.isPresent() && cluster.ready(node);
        out.printf("node %d  %s  %s%n", node.index(), pid.map(p -> "running (pid " + p + ")").orElse("stopped"),
            pid.isEmpty() ? "" : ready ? "ready" : "not ready");
        if (pid.isPresent()) {
          running++;
          if (members.isEmpty()) {
            members = cluster.members(node);
          }
        }
      }
      members.ifPresent(json -> out.println("members: " + json));
      return running > 0 ? 0 : 3;
    }
  }
}

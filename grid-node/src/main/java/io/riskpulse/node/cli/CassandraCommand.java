package io.riskpulse.node.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.riskpulse.node.NodeConfig;
import io.riskpulse.node.cassandra.CassandraLauncher;
import io.riskpulse.node.cassandra.CassandraServerSettings;
import io.riskpulse.node.cassandra.CassandraSetupException;
import io.riskpulse.node.cassandra.CassandraStatus;
import io.riskpulse.persistence.CassandraSchema;
import io.riskpulse.persistence.JournalSelection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse cassandra start|stop|status}: a local Apache Cassandra node for the clustered journal, run as a
 * separate process from the jars the {@code deploy/cassandra} module resolves at build time
 * ({@link CassandraLauncher}); {@code riskpulse cassandra cql}: the journal's schema for a production cluster.
 * Settings from {@code riskpulse.cassandra.server} (grid-node's cassandra.conf); exit codes in the footer.
 */
@Command(name = "cassandra", mixinStandardHelpOptions = true,
    description = {"Start, stop or query a local Apache Cassandra node (a separate JVM) for the Cassandra journal; "
        + "print the journal's CQL.",
        "Run the node on it with RISKPULSE_JOURNAL=cassandra ./riskpulse node (see deploy/cassandra/README.md)."},
    subcommands = {CassandraCommand.Start.class, CassandraCommand.Stop.class, CassandraCommand.Status.class,
        CassandraCommand.Cql.class},
    footer = {"",
        "Exit codes:",
        "  0  started; stopped (or was not running); status: running; cql printed",
        "  1  Cassandra did not start or stop (the last lines of its log on stderr)",
        "  2  usage or configuration error (Cassandra's jars not built, a configured port taken)",
        "  3  start: already running; status: not running"})
public final class CassandraCommand implements Runnable {

  /** Exit code: usage or configuration error. */
  static final int USAGE = 2;
  /** Exit code: start found it running; status found it stopped. */
  static final int STATE = 3;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every subcommand takes: which node. */
  static final class Where {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The node's folder. Default: "
        + "riskpulse.cassandra.server.data-dir (<RISKPULSE_DATA_DIR>/cassandra, or RISKPULSE_CASSANDRA_DATA_DIR).")
    Path dataDir;

    CassandraLauncher launcher() {
      try {
        CassandraServerSettings settings = CassandraServerSettings.fromConfig(NodeConfig.load());
        return new CassandraLauncher(dataDir == null ? settings : settings.withDataDir(dataDir));
      } catch (RuntimeException e) {
        throw new ParameterException(spec.commandLine(), "riskpulse.cassandra.server: " + e.getMessage(), e);
      }
    }
  }

  /** {@code riskpulse cassandra start}. */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Start the node in the background and wait until it accepts CQL connections.")
  static final class Start implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Where where;

    @Override
    public Integer call() {
      CassandraLauncher launcher = where.launcher();
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      CassandraStatus current = launcher.status();
      if (current.running()) {
        err.println("error: Cassandra is already running: " + current.describe());
        return STATE;
      }
      try {
        out.println("Starting Cassandra in " + launcher.dataDir() + " (log: " + launcher.logFile() + ")...");
        out.flush();
        CassandraStatus started = launcher.start(true);
        out.println("Cassandra " + started.describe());
        return 0;
      } catch (CassandraSetupException e) {
        err.println("error: " + e.getMessage());
        return USAGE;
      } catch (RuntimeException e) {
        err.println("error: " + e.getMessage());
        return 1;
      }
    }
  }

  /** {@code riskpulse cassandra stop}. */
  @Command(name = "stop", mixinStandardHelpOptions = true,
      description = "Stop the node (SIGTERM: it drains and flushes; killed after stop-timeout).")
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Where where;

    @Override
    public Integer call() {
      CassandraLauncher launcher = where.launcher();
      try {
        boolean stopped = launcher.stop();
        spec.commandLine().getOut().println(stopped ? "Cassandra stopped (" + launcher.dataDir() + ")"
            : "Cassandra was not running (" + launcher.dataDir() + ")");
        return 0;
      } catch (RuntimeException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return 1;
      }
    }
  }

  /** {@code riskpulse cassandra status}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Print whether the node runs, its pid, ports and folder (exit 0 running, 3 not running).")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Where where;

    @Override
    public Integer call() {
      CassandraStatus status = where.launcher().status();
      spec.commandLine().getOut().println("Cassandra " + status.describe());
      return status.running() ? 0 : STATE;
    }
  }

  /** {@code riskpulse cassandra cql}. */
  @Command(name = "cql", mixinStandardHelpOptions = true,
      description = {"Print the CQL that creates the journal's keyspaces and tables for the configured keyspaces and "
          + "replication (riskpulse.persistence.cassandra.*, pekko.persistence.cassandra.*), for cqlsh.",
          "Example: JAVA_OPTS='-Dpekko.persistence.cassandra.journal.replication-strategy=NetworkTopologyStrategy "
              + "-Dpekko.persistence.cassandra.journal.data-center-replication-factors.0=dc1:3' "
              + "./riskpulse cassandra cql"})
  static final class Cql implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Config config = NodeConfig.load(ConfigFactory.parseMap(Map.of(
          "riskpulse.persistence.journal", JournalSelection.CASSANDRA,
          "pekko.actor.provider", "local",
          "pekko.loglevel", "WARNING")));
      ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "riskpulse-cql", config);
      try {
        PrintWriter out = spec.commandLine().getOut();
        out.println("-- RiskPulse journal schema (pekko-persistence-cassandra), from the node's configuration.");
        CassandraSchema.statements(system).forEach(statement -> out.println(statement.trim() + ";\n"));
        out.flush();
        return 0;
      } finally {
        system.terminate();
      }
    }
  }
}

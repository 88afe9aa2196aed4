package io.riskpulse.node.cli;

import io.riskpulse.node.cli.audit.AuditCommand;
import io.riskpulse.node.cli.ctl.CtlCommand;
import picocli.CommandLine.Command;

/** {@code riskpulse}: the node's command line. Each capability is a subcommand. */
@Command(
    name = "riskpulse",
    mixinStandardHelpOptions = true,
    version = "RiskPulse 0.1.0-SNAPSHOT",
    description = "Real-time risk for electronic trading on Apache Pekko.",
    subcommands = {DemoCommand.class, NodeCommand.class, FeedCommand.class, DriverCommand.class,
        RiskCommand.class, BacktestCommand.class, DetectEvalCommand.class, CtlCommand.class, TokenCommand.class,
        CassandraCommand.class, ClusterCommand.class, AuditCommand.class})
public final class RiskpulseCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}

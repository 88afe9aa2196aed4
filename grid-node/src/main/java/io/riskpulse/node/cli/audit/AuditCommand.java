package io.riskpulse.node.cli.audit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code riskpulse audit}: the auditor's tools on the journal (docs/AUDIT.md). Read-only. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"Read the journal as an auditor: replay a portfolio to any instant, verify the hash chain, "
        + "export events. Read-only; on the embedded journal, stop the node first."},
    subcommands = {AuditReplayCommand.class, AuditVerifyCommand.class, AuditExportCommand.class})
public final class AuditCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package io.riskpulse.node.cli.ctl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code riskpulse ctl limits set ...}: the limits of a portfolio, a desk or the firm. */
@Command(name = "limits", mixinStandardHelpOptions = true, subcommands = SetLimitsCommand.class,
    description = "Set the limits of a portfolio, a desk or the firm (read them with portfolio show, desk show "
        + "or firm show).")
public final class LimitsCommand implements Runnable {

  @ParentCommand CtlCommand ctl;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: set");
  }
}

package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.GetFirmRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code riskpulse ctl firm show}: the firm's aggregate; needs a principal with every desk. */
@Command(name = "firm", mixinStandardHelpOptions = true, description = "Read the firm's aggregate.")
public final class FirmCommand implements Runnable {

  @ParentCommand CtlCommand ctl;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: show");
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "The firm's VaR and ES, exposures and P&L, by desk, and the firm's limits; needs every desk.")
  int show() {
    return ctl.call(spec).unary(clients -> clients.desks().getFirm(GetFirmRequest.getDefaultInstance()),
        AggregateView::aggregate);
  }
}

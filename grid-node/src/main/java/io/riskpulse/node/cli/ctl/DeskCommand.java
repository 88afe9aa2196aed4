package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.GetDeskRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code riskpulse ctl desk show DESK}: a desk's aggregated risk, exposures, members and limits. */
@Command(name = "desk", mixinStandardHelpOptions = true, description = "Read a desk's aggregate.")
public final class DeskCommand implements Runnable {

  @ParentCommand CtlCommand ctl;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: show");
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "The desk's VaR and ES (of the summed scenario vectors), exposures and P&L, its portfolios, "
          + "and its own limits with their breaches.")
  int show(@Parameters(paramLabel = "DESK", description = "The desk.") String desk) {
    GetDeskRequest request = GetDeskRequest.newBuilder().setDesk(desk).build();
    return ctl.call(spec).unary(clients -> clients.desks().getDesk(request), AggregateView::aggregate);
  }
}

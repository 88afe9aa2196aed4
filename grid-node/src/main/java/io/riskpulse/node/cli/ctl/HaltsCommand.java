package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.ListHaltsRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code riskpulse ctl halts}: the kill-switch halts in force that the principal may see. */
@Command(name = "halts", mixinStandardHelpOptions = true,
    description = "Kill-switch halts in force (strategy, trader, desk, instrument, firm) that you may see. A halted "
        + "portfolio shows as HALTED in portfolio show and list.")
public final class HaltsCommand implements Callable<Integer> {

  @ParentCommand CtlCommand ctl;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return ctl.call(spec).unary(clients -> clients.controls().listHalts(ListHaltsRequest.getDefaultInstance()),
        ControlView::halts);
  }
}

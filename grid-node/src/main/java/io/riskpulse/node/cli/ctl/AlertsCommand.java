package io.riskpulse.node.cli.ctl;

import io.riskpulse.api.v1.AcknowledgeAlertRequest;
import io.riskpulse.api.v1.ListAlertsRequest;
import io.riskpulse.api.v1.ResolveAlertRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code riskpulse ctl alerts [--all] [--limit N]}, {@code alerts ack INCIDENT},
 * {@code alerts resolve INCIDENT --note TEXT}: the incidents of the principal's desks, and handling them.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Incidents of your desks, newest first: unresolved ones unless --all.",
        "Subcommands ack and resolve need a risk officer (or admin)."})
public final class AlertsCommand implements Callable<Integer> {

  @ParentCommand CtlCommand ctl;
  @Spec CommandSpec spec;

  @Option(names = "--all", description = "Resolved incidents too.")
  boolean all;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
      description = "At most N incidents. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Override
  public Integer call() {
    ListAlertsRequest request = ListAlertsRequest.newBuilder().setUnresolvedOnly(!all).setLimit(limit).build();
    return ctl.call(spec).unary(clients -> clients.alerts().listAlerts(request),
        response -> AlertView.list(response, all));
  }

  @Command(name = "ack", mixinStandardHelpOptions = true,
      description = "Acknowledges an incident: someone is on it. Journaled with your principal.")
  int acknowledge(@Parameters(paramLabel = "INCIDENT", description = "The incident's id.") String incident) {
    AcknowledgeAlertRequest request = AcknowledgeAlertRequest.newBuilder().setIncidentId(incident).build();
    return ctl.call(spec).unary(clients -> clients.alerts().acknowledgeAlert(request), AlertView::alert);
  }

  @Command(name = "resolve", mixinStandardHelpOptions = true,
      description = "Resolves an incident with a note saying what was done.")
  int resolve(@Parameters(paramLabel = "INCIDENT", description = "The incident's id.") String incident,
      @Option(names = "--note", required = true, paramLabel = "TEXT", description = "What was done.") String note) {
    ResolveAlertRequest request = ResolveAlertRequest.newBuilder().setIncidentId(incident).setNote(note).build();
    return ctl.call(spec).unary(clients -> clients.alerts().resolveAlert(request), AlertView::alert);
  }
}

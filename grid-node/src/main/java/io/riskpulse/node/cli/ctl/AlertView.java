package io.riskpulse.node.cli.ctl;

import static io.riskpulse.node.cli.ctl.Formats.instant;
import static io.riskpulse.node.cli.ctl.Formats.orDash;

import io.riskpulse.api.v1.Alert;
import io.riskpulse.api.v1.ListAlertsResponse;

/** Text of alert incidents: a list newest first as the node sends it, or one incident in full. Stateless. */
final class AlertView {

  private AlertView() {}

  static String list(ListAlertsResponse response, boolean all) {
    if (response.getAlertsCount() == 0) {
      return all ? "no incidents\n" : "no unresolved incidents (--all shows resolved ones too)\n";
    }
    TextTable table = new TextTable().left("INCIDENT").left("SEVERITY").left("STATUS").left("ACTIVE")
        .left("SCOPE").right("SEEN").left("LAST SEEN").left("TITLE");
    for (Alert a : response.getAlertsList()) {
      table.row(a.getIncidentId(), a.getSeverity(), a.getStatus(), a.getActive() ? "yes" : "no", a.getScope(),
          Integer.toString(a.getOccurrences()), instant(a.getLastSeenMillis()), a.getTitle());
    }
    return table.render();
  }

  static String alert(Alert a) {
    StringBuilder text = new StringBuilder(a.getIncidentId()).append(": ").append(a.getStatus()).append("   ")
        .append(a.getSeverity()).append("   ").append(a.getScope()).append('\n').append(a.getTitle()).append('\n');
    TextTable table = new TextTable().left("").left("")
        .row("active", a.getActive() ? "yes" : "no")
        .row("occurrences", Integer.toString(a.getOccurrences()))
        .row("first seen", instant(a.getFirstSeenMillis()))
        .row("last seen", instant(a.getLastSeenMillis()))
        .row("assignee", orDash(a.getAssignee()))
        .row("acknowledged by", orDash(a.getAcknowledgedBy()))
        .row("resolved by", orDash(a.getResolvedBy()));
    if (!a.getResolutionNote().isEmpty()) {
      table.row("resolution note", a.getResolutionNote());
    }
    return text.append(table.render()).toString();
  }
}

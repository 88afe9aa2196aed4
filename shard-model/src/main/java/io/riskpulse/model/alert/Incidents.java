package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * The answer to {@link AlertBookCommand.GetIncidents}.
 *
 * @param incidents the incidents selected, newest first, at most the limit asked for
 * @param matching how many incidents the filter selects in all (more than returned when the limit cut)
 * @param unresolved how many incidents are not resolved
 */
public record Incidents(List<Incident> incidents, int matching, int unresolved) implements CborSerializable {

  public Incidents {
    incidents = incidents == null ? List.of() : List.copyOf(incidents);
  }
}

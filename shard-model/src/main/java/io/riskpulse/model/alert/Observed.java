package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * The answer to {@link AlertBookCommand.Observe}.
 *
 * @param duplicate the offset (or every signal's source) was observed before: nothing changed
 * @param changedIncidents ids of the incidents the signals opened or changed, in order
 * @param problem why the command was refused (a missing tag, an invalid signal); {@code ""} when it was not.
 *     A refused command changed nothing and will not succeed if sent again
 */
public record Observed(boolean duplicate, List<String> changedIncidents, String problem) implements CborSerializable {

  public Observed {
    changedIncidents = changedIncidents == null ? List.of() : List.copyOf(changedIncidents);
    problem = problem == null ? "" : problem;
  }

  static Observed ignored() {
    return new Observed(true, List.of(), "");
  }

  static Observed refused(String problem) {
    return new Observed(false, List.of(), problem);
  }
}

package io.riskpulse.model.alert;

import io.riskpulse.model.alert.AlertSignal.Type;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.KillSwitch;
import io.riskpulse.model.halt.KillSwitchEvent.ScopeHalted;
import io.riskpulse.model.halt.KillSwitchEvent.ScopeResumed;
import java.util.List;

/**
 * Signals of the kill switch's {@link KillSwitch#ALERT_TAG} events: a halt of a strategy, trader, desk, instrument
 * or the firm, and its end. The scope is the halt's ({@code DESK:rates}, {@code FIRM}). Stateless and thread-safe.
 */
public final class KillSwitchAlertSource implements AlertSource {

  @Override
  public String tag() {
    return KillSwitch.ALERT_TAG;
  }

  @Override
  public List<AlertSignal> signals(String persistenceId, long sequenceNr, Object event) {
    SourceRef source = new SourceRef(persistenceId, sequenceNr);
    if (event instanceof ScopeHalted halted) {
      ActiveHalt halt = halted.halt();
      return List.of(new AlertSignal(Type.HALTED, halt.scope().toString(), halt.haltId(),
          Trigger.of("HALT", halt.reason(), halt.atMillis()), halt.by(), source));
    } else if (event instanceof ScopeResumed resumed) {
      String second = resumed.secondApprover();
      String by = second == null || second.isEmpty() ? resumed.by() : resumed.by() + " + " + second;
      return List.of(new AlertSignal(Type.RESUMED, resumed.scope().toString(), resumed.haltId(),
          Trigger.of("HALT", resumed.reason(), resumed.atMillis()), by, source));
    }
    return List.of();
  }
}

package io.riskpulse.model.halt;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.halt.KillSwitchEvent.FirmResumeRequested;
import io.riskpulse.model.halt.KillSwitchEvent.HaltDispatched;
import io.riskpulse.model.halt.KillSwitchEvent.ScopeHalted;
import io.riskpulse.model.halt.KillSwitchEvent.ScopeResumed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The event-sourced state of the kill switch: what the journal says.
 *
 * <p>Immutable: {@link #apply} returns a new state. Halts are few (a handful in force at any time), so copying
 * the lists on each event costs nothing that matters and keeps the state safe to hand to any thread.
 *
 * @param halts every halt in force, oldest first; at most one per scope
 * @param undispatched ids of halts in force that the OMS gateway has not confirmed yet, oldest first
 * @param firmResumeRequest the first approval of a resume of the FIRM halt, or {@code null}
 */
public record KillSwitchState(List<ActiveHalt> halts, List<String> undispatched,
    FirmResumeRequested firmResumeRequest) implements CborSerializable {

  public static final KillSwitchState EMPTY = new KillSwitchState(List.of(), List.of(), null);

  public KillSwitchState {
    halts = halts == null ? List.of() : List.copyOf(halts);
    undispatched = undispatched == null ? List.of() : List.copyOf(undispatched);
  }

  /** The halt in force for exactly {@code scope}, if any. */
  public Optional<ActiveHalt> haltOf(HaltScope scope) {
    return halts.stream().filter(halt -> halt.scope().equals(scope)).findFirst();
  }

  /** The halt in force with id {@code haltId} if the OMS gateway has not confirmed it yet. */
  public Optional<ActiveHalt> awaitingDispatch(String haltId) {
    if (!undispatched.contains(haltId)) {
      return Optional.empty();
    }
    return halts.stream().filter(halt -> halt.haltId().equals(haltId)).findFirst();
  }

  /** Halts in force the OMS gateway has not confirmed yet, oldest first. */
  public List<ActiveHalt> undispatchedHalts() {
    return halts.stream().filter(halt -> undispatched.contains(halt.haltId())).toList();
  }

  /** Applies one journaled event. The only place state changes. */
  public KillSwitchState apply(KillSwitchEvent event) {
    if (event instanceof ScopeHalted halted) {
      List<ActiveHalt> newHalts = new ArrayList<>(halts);
      newHalts.add(halted.halt());
      List<String> newUndispatched = new ArrayList<>(undispatched);
      newUndispatched.add(halted.halt().haltId());
      return new KillSwitchState(newHalts, newUndispatched, firmResumeRequest);
    } else if (event instanceof HaltDispatched dispatched) {
      List<String> newUndispatched = new ArrayList<>(undispatched);
      newUndispatched.remove(dispatched.haltId());
      return new KillSwitchState(halts, newUndispatched, firmResumeRequest);
    } else if (event instanceof FirmResumeRequested requested) {
      return new KillSwitchState(halts, undispatched, requested);
    } else if (event instanceof ScopeResumed resumed) {
      List<ActiveHalt> newHalts = new ArrayList<>(halts);
      newHalts.removeIf(halt -> halt.haltId().equals(resumed.haltId()));
      List<String> newUndispatched = new ArrayList<>(undispatched);
      newUndispatched.remove(resumed.haltId());
      FirmResumeRequested request = resumed.scope().kind() == ScopeKind.FIRM ? null : firmResumeRequest;
      return new KillSwitchState(newHalts, newUndispatched, request);
    }
    throw new IllegalArgumentException("unknown kill-switch event " + event);
  }
}

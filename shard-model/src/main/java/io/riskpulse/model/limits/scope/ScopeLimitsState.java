package io.riskpulse.model.limits.scope;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeHaltEngaged;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeHaltRequested;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitBreached;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitCleared;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitWarned;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitsSet;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeWarningCleared;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The event-sourced state of a desk's or the firm's limits: what the journal says. Also its snapshot.
 *
 * <p>Immutable: {@link #apply} returns a new state. A scope has at most five limits, so copying the small maps on
 * each event (episodes, not ticks) costs nothing that matters and keeps the state safe to hand to any thread.
 *
 * @param limits the limits in force; {@code null} until the first {@link ScopeLimitsSet}
 * @param setBy who set them, {@code ""} before
 * @param setReason why, as {@code setBy} gave it
 * @param setAtMillis when, epoch milliseconds; 0 before
 * @param activeBreaches open breach episodes, by key (the kind's name)
 * @param activeWarnings open warning episodes, by key
 * @param haltRequestedKeys open breach episodes a halt was already requested for: each episode halts once, so an
 *     operator's release of the halt is not undone while the same episode lasts
 * @param pendingHalt the halt request the kill switch has not confirmed yet, or {@code null}
 * @param haltId the kill-switch halt last confirmed for this scope, {@code ""} when none; it may have been released
 *     since (the kill switch is the authority on halts in force)
 * @param breachCount breach episodes ever started
 */
public record ScopeLimitsState(Limits limits, String setBy, String setReason, long setAtMillis,
    Map<String, LimitBreach> activeBreaches, Map<String, LimitBreach> activeWarnings, Set<String> haltRequestedKeys,
    ScopeHaltRequested pendingHalt, String haltId, long breachCount) implements CborSerializable {

  public static final ScopeLimitsState EMPTY =
      new ScopeLimitsState(null, "", "", 0, Map.of(), Map.of(), Set.of(), null, "", 0);

  public ScopeLimitsState {
    setBy = setBy == null ? "" : setBy;
    setReason = setReason == null ? "" : setReason;
    activeBreaches = sorted(activeBreaches);
    activeWarnings = sorted(activeWarnings);
    haltRequestedKeys = Collections.unmodifiableSet(
        haltRequestedKeys == null ? new TreeSet<>() : new TreeSet<>(haltRequestedKeys));
    haltId = haltId == null ? "" : haltId;
  }

  private static Map<String, LimitBreach> sorted(Map<String, LimitBreach> episodes) {
    return Collections.unmodifiableMap(episodes == null ? new TreeMap<>() : new TreeMap<>(episodes));
  }

  /** The limits in force, {@link Limits#NONE} before any were set. */
  public Limits limitsInForce() {
    return limits == null ? Limits.NONE : limits;
  }

  /** Applies one journaled event. The only place state changes. */
  public ScopeLimitsState apply(ScopeLimitsEvent event) {
    if (event instanceof ScopeLimitsSet set) {
      return new ScopeLimitsState(set.limits(), set.by(), set.reason(), set.atMillis(), activeBreaches,
          activeWarnings, haltRequestedKeys, pendingHalt, haltId, breachCount);
    } else if (event instanceof ScopeLimitBreached breached) {
      Map<String, LimitBreach> breaches = new TreeMap<>(activeBreaches);
      breaches.put(breached.breach().key(), breached.breach());
      return new ScopeLimitsState(limits, setBy, setReason, setAtMillis, breaches, activeWarnings,
          haltRequestedKeys, pendingHalt, haltId, breachCount + 1);
    } else if (event instanceof ScopeLimitCleared cleared) {
      Map<String, LimitBreach> breaches = new TreeMap<>(activeBreaches);
      breaches.remove(cleared.key());
      Set<String> halted = new TreeSet<>(haltRequestedKeys);
      halted.remove(cleared.key());
      return new ScopeLimitsState(limits, setBy, setReason, setAtMillis, breaches, activeWarnings, halted,
          pendingHalt, haltId, breachCount);
    } else if (event instanceof ScopeLimitWarned warned) {
      Map<String, LimitBreach> warnings = new TreeMap<>(activeWarnings);
      warnings.put(warned.warning().key(), warned.warning());
      return new ScopeLimitsState(limits, setBy, setReason, setAtMillis, activeBreaches, warnings,
          haltRequestedKeys, pendingHalt, haltId, breachCount);
    } else if (event instanceof ScopeWarningCleared cleared) {
      Map<String, LimitBreach> warnings = new TreeMap<>(activeWarnings);
      warnings.remove(cleared.key());
      return new ScopeLimitsState(limits, setBy, setReason, setAtMillis, activeBreaches, warnings,
          haltRequestedKeys, pendingHalt, haltId, breachCount);
    } else if (event instanceof ScopeHaltRequested requested) {
      Set<String> halted = new TreeSet<>(haltRequestedKeys);
      requested.breaches().forEach(breach -> halted.add(breach.key()));
      return new ScopeLimitsState(limits, setBy, setReason, setAtMillis, activeBreaches, activeWarnings, halted,
          requested, haltId, breachCount);
    } else if (event instanceof ScopeHaltEngaged engaged) {
      boolean confirmsPending = pendingHalt != null && pendingHalt.requestId().equals(engaged.requestId());
      return new ScopeLimitsState(limits, setBy, setReason, setAtMillis, activeBreaches, activeWarnings,
          haltRequestedKeys, confirmsPending ? null : pendingHalt, engaged.haltId(), breachCount);
    }
    throw new IllegalArgumentException("unknown scope-limits event " + event);
  }
}

package io.riskpulse.model.alert;

import io.riskpulse.model.alert.AlertSignal.Type;
import io.riskpulse.model.halt.HaltScope;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.scope.ScopeLimits;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitBreached;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitCleared;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitWarned;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeWarningCleared;
import java.util.List;
import org.apache.pekko.persistence.typed.PersistenceId;

/**
 * Signals of the desk and firm limits' {@link ScopeLimits#ALERT_TAG} events: breach and warning episodes of a
 * desk's or the firm's aggregated exposure, loss, VaR and ES, correlated exactly as a portfolio's (the scope is
 * {@code DESK:<desk>} or {@code FIRM}). A halt the breach engages arrives through the kill switch's own source.
 * Stateless and thread-safe.
 */
public final class ScopeLimitsAlertSource implements AlertSource {

  @Override
  public String tag() {
    return ScopeLimits.ALERT_TAG;
  }

  @Override
  public List<AlertSignal> signals(String persistenceId, long sequenceNr, Object event) {
    String scope = scopeOf(persistenceId);
    SourceRef source = new SourceRef(persistenceId, sequenceNr);
    if (event instanceof ScopeLimitBreached breached) {
      return List.of(new AlertSignal(Type.LIMIT_BREACHED, scope, breached.breach().key(),
          trigger(breached.breach()), "", source));
    } else if (event instanceof ScopeLimitWarned warned) {
      return List.of(new AlertSignal(Type.LIMIT_WARNED, scope, warned.warning().key(), trigger(warned.warning()),
          "", source));
    } else if (event instanceof ScopeLimitCleared cleared) {
      return List.of(new AlertSignal(Type.LIMIT_CLEARED, scope, cleared.key(),
          Trigger.of(cleared.key(), "back within the limit", cleared.atMillis()), "", source));
    } else if (event instanceof ScopeWarningCleared cleared) {
      return List.of(new AlertSignal(Type.WARNING_CLEARED, scope, cleared.key(),
          Trigger.of(cleared.key(), "back below the warning level", cleared.atMillis()), "", source));
    }
    return List.of();
  }

  private static Trigger trigger(LimitBreach breach) {
    return new Trigger(breach.kind().name(), breach.symbol(), breach.value(), breach.limit(), breach.detail(),
        breach.atMillis());
  }

  /** {@code DESK:macro} from {@code ScopeLimits|desk:macro}, {@code FIRM} from {@code ScopeLimits|firm}. */
  static String scopeOf(String persistenceId) {
    String prefix = ScopeLimits.ENTITY_KEY.name() + PersistenceId.DefaultSeparator();
    String entityId = persistenceId.startsWith(prefix) ? persistenceId.substring(prefix.length()) : persistenceId;
    return entityId.startsWith(ScopeLimits.DESK_ENTITY_PREFIX)
        ? HaltScope.desk(entityId.substring(ScopeLimits.DESK_ENTITY_PREFIX.length())).toString()
        : HaltScope.FIRM.toString();
  }
}

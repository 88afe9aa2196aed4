package io.riskpulse.model.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.riskpulse.model.alert.AlertSignal.Type;
import io.riskpulse.model.limits.LimitBreach;
import io.riskpulse.model.limits.LimitKind;
import io.riskpulse.model.limits.Limits;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitBreached;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitCleared;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitWarned;
import io.riskpulse.model.limits.scope.ScopeLimitsEvent.ScopeLimitsSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Desk and firm limit episodes become alert signals for their scope, with the triggering figures. */
class ScopeLimitsAlertSourceTest {

  private final ScopeLimitsAlertSource source = new ScopeLimitsAlertSource();

  @Test
  void shouldRaiseADeskBreachWithItsNumbersAndClearIt() {
    LimitBreach gross = new LimitBreach("GROSS_EXPOSURE", LimitKind.GROSS_EXPOSURE, "", 12e6, 10e6, 5);
    AlertSignal breached = source.signals("ScopeLimits|desk:macro", 3, new ScopeLimitBreached(gross)).get(0);
    assertEquals(Type.LIMIT_BREACHED, breached.type());
    assertEquals("DESK:macro", breached.scope());
    assertEquals("GROSS_EXPOSURE", breached.subject());
    assertEquals(12e6, breached.trigger().value(), 1e-6);
    assertEquals(10e6, breached.trigger().limit(), 1e-6);
    assertEquals(Type.LIMIT_CLEARED,
        source.signals("ScopeLimits|desk:macro", 4, new ScopeLimitCleared("GROSS_EXPOSURE", 6)).get(0).type());
  }

  @Test
  void shouldNameTheFirmAndIgnoreLimitChanges() {
    LimitBreach var = new LimitBreach("VAR", LimitKind.VAR, "", 9e5, 1e6, 5);
    AlertSignal warned = source.signals("ScopeLimits|firm", 1, new ScopeLimitWarned(var)).get(0);
    assertEquals(Type.LIMIT_WARNED, warned.type());
    assertEquals("FIRM", warned.scope());
    assertEquals(List.of(), source.signals("ScopeLimits|firm", 2, new ScopeLimitsSet(Limits.NONE, "a", "b", 1)));
  }
}

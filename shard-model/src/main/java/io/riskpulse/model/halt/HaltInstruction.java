package io.riskpulse.model.halt;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * What the OMS gateway must make every OMS endpoint do for one halt: cancel all working orders in the scope.
 * Idempotent by {@code haltId}: delivering the same instruction twice must not have a second effect.
 *
 * @param haltId unique id of the halt; used as the FIX ClOrdID stem so that an OMS can recognise a re-send
 * @param scope what is halted
 * @param accounts the portfolios (FIX Account) the scope resolved to when the halt was decided; empty for
 *     {@link ScopeKind#FIRM}, {@link ScopeKind#INSTRUMENT} and {@link ScopeKind#STRATEGY} (which are not
 *     account-bound)
 * @param openOrders working orders in the scope known from the order flow, for OMSs that cannot mass-cancel
 * @param by who decided it (an operator, or the limit monitor)
 * @param reason why, as the operator or the breach described it
 * @param atMillis when the halt was decided, epoch milliseconds
 */
public record HaltInstruction(String haltId, HaltScope scope, List<String> accounts, List<OpenOrder> openOrders,
    String by, String reason, long atMillis) implements CborSerializable {

  public HaltInstruction {
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    openOrders = openOrders == null ? List.of() : List.copyOf(openOrders);
  }
}

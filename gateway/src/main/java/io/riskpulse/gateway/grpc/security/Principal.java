package io.riskpulse.gateway.grpc.security;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling: a name (journaled as the author of every command it makes), a role and the desks it may see
 * and act on. Immutable.
 *
 * @param name the principal's name as the tokens file gives it; never a token
 * @param role what it may do
 * @param desks desk names it may see and act on; {@link #ALL_DESKS} means every desk, including scopes wider than
 *     a desk (the firm, an instrument, a trader, a strategy)
 */
public record Principal(String name, Role role, Set<String> desks) {

  /** The desk entry that grants every desk. */
  public static final String ALL_DESKS = "*";

  public Principal {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a principal needs a name");
    }
    if (role == null) {
      throw new IllegalArgumentException("principal " + name + " needs a role");
    }
    desks = Set.copyOf(desks == null ? Set.of() : desks);
  }

  /** Whether it may see every desk and the scopes wider than one desk. Admins always may. */
  public boolean allDesks() {
    return role == Role.ADMIN || desks.contains(ALL_DESKS);
  }

  /** Whether it may see and act on {@code desk}. */
  public boolean seesDesk(String desk) {
    return allDesks() || desks.contains(desk);
  }

  @Override
  public String toString() {
    return name + " (" + role.configName() + ", desks " + (allDesks() ? "*" : new TreeSet<>(desks)) + ")";
  }
}

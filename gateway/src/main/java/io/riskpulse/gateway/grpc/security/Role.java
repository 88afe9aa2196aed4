package io.riskpulse.gateway.grpc.security;

import java.util.Locale;

/**
 * What a principal may do, each role including the ones before it. Immutable.
 *
 * <ul>
 *   <li>{@link #VIEWER}: read portfolios, desks, halts and alerts, and watch them;
 *   <li>{@link #TRADER}: also pre-trade check orders and run what-ifs;
 *   <li>{@link #RISK_OFFICER}: also set limits, halt, resume, and acknowledge and resolve alerts;
 *   <li>{@link #ADMIN}: everything, on every desk.
 * </ul>
 */
public enum Role {
  VIEWER,
  TRADER,
  RISK_OFFICER,
  ADMIN;

  /** Whether this role includes {@code required}. */
  public boolean includes(Role required) {
    return compareTo(required) >= 0;
  }

  /** Parses {@code viewer}, {@code trader}, {@code risk-officer} or {@code admin} (case and _/- insensitive). */
  public static Role parse(String text) {
    String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Role role : values()) {
      if (role.name().equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + text + "': expected viewer, trader, risk-officer or admin");
  }

  /** The configuration spelling: {@code risk-officer}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

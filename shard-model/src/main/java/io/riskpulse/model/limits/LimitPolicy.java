package io.riskpulse.model.limits;

import io.riskpulse.model.CborSerializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a portfolio's limits are judged: the warning level, the hysteresis that keeps an oscillating value from
 * flapping, and the action each kind of breach takes.
 *
 * <p>Levels, for a limit {@code L}, warning share {@code w} and hysteresis {@code h} (both percent):
 * <ul>
 *   <li>a breach episode starts when the value is not &le; {@code L} (a NaN value breaches: fail closed), and ends
 *       only when the value is &le; {@code L × (1 − h)};
 *   <li>a warning episode starts when the value exceeds {@code L × w} without breaching, and ends when it is
 *       &le; {@code L × w × (1 − h)} (or turns into a breach).
 * </ul>
 * So a value oscillating around {@code L} by less than {@code h} raises one breach, not one per crossing.
 *
 * @param warningPct warning level as a percentage of each limit, (0, 100]; {@code null} means
 *     {@value #DEFAULT_WARNING_PCT}; 100 turns warnings off
 * @param hysteresisPct how far below a level (percent of it) a value must fall before its episode ends, [0, 100);
 *     {@code null} means {@value #DEFAULT_HYSTERESIS_PCT}
 * @param actions action per limit kind; a kind not named takes the default of {@link Limits#haltOnBreach()}
 *     ({@link LimitAction#HALT} when set, else {@link LimitAction#ALERT_ONLY}); {@code null} means none named
 */
public record LimitPolicy(Double warningPct, Double hysteresisPct, Map<LimitKind, LimitAction> actions)
    implements CborSerializable {

  public static final double DEFAULT_WARNING_PCT = 80;
  public static final double DEFAULT_HYSTERESIS_PCT = 5;

  /** Warnings at 80%, 5% hysteresis, every action from {@link Limits#haltOnBreach()}. */
  public static final LimitPolicy DEFAULT = new LimitPolicy(null, null, null);

  public LimitPolicy {
    Map<LimitKind, LimitAction> named = new java.util.EnumMap<>(LimitKind.class);
    if (actions != null) {
      actions.forEach((kind, action) -> {
        if (kind != null && action != null) {
          named.put(kind, action);
        }
      });
    }
    actions = java.util.Collections.unmodifiableMap(named);
  }

  /** Warning share of a limit, 0-1. */
  public double warningShare() {
    return (warningPct == null ? DEFAULT_WARNING_PCT : warningPct) / 100;
  }

  /** Hysteresis share, 0-1. */
  public double hysteresisShare() {
    return (hysteresisPct == null ? DEFAULT_HYSTERESIS_PCT : hysteresisPct) / 100;
  }

  /** The action a breach of {@code kind} takes. */
  public LimitAction action(LimitKind kind, boolean haltOnBreach) {
    LimitAction action = actions.get(kind);
    if (action != null) {
      return action;
    }
    return haltOnBreach ? LimitAction.HALT : LimitAction.ALERT_ONLY;
  }

  /** This policy with {@code kind}'s action replaced. */
  public LimitPolicy withAction(LimitKind kind, LimitAction action) {
    Map<LimitKind, LimitAction> changed = new java.util.EnumMap<>(LimitKind.class);
    changed.putAll(actions);
    changed.put(kind, action);
    return new LimitPolicy(warningPct, hysteresisPct, changed);
  }

  /** Every problem, each naming the field; empty when valid. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (warningPct != null && !(warningPct > 0 && warningPct <= 100)) {
      problems.add("policy.warningPct must be in (0, 100], was " + warningPct);
    }
    if (hysteresisPct != null && !(hysteresisPct >= 0 && hysteresisPct < 100)) {
      problems.add("policy.hysteresisPct must be in [0, 100), was " + hysteresisPct);
    }
    return problems;
  }
}

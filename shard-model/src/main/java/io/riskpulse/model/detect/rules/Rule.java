package io.riskpulse.model.detect.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One compiled rule: {@code when} condition, optional {@code then} step, window and grouping. Immutable; built by
 * {@link RuleParser}, which checks everything the engine relies on (a window where one is needed, counts within
 * caps, no market events in a per-strategy rule).
 *
 * @param name unique within its rule set
 * @param when the first step: a counted event or a threshold
 * @param then the second step of a sequence, or null
 * @param withinMillis the window, milliseconds; 0 when the rule has none (a single-event rule)
 * @param groupBy how events are partitioned before matching
 * @param histories the distinct history aggregates the rule's predicates use, by {@link Expr.History#slot()}
 */
public record Rule(String name, Condition when, EventPattern then, long withinMillis, GroupBy groupBy,
    List<Expr.History> histories) {

  public Rule {
    histories = List.copyOf(histories);
  }

  /** The second step of a sequence, if the rule is one. */
  public Optional<EventPattern> thenStep() {
    return Optional.ofNullable(then);
  }

  /** Whether events of {@code type} can change this rule's state (steps, threshold and history sources). */
  public boolean involves(EventType type) {
    return involved().contains(type);
  }

  private Set<EventType> involved() {
    Set<EventType> types = EnumSet.of(when.event().type());
    if (then != null) {
      types.add(then.type());
    }
    histories.forEach(h -> types.add(h.source().type()));
    return types;
  }

  /**
   * The canonical source of the rule: layout and comments removed, numbers and durations normalised. Two rules
   * with the same text behave identically, which is what lets {@link RuleEngine#replaceRules(RuleSet)} keep
   * their state.
   */
  public String text() {
    StringBuilder s = new StringBuilder("rule ").append(name).append(" { when ").append(when.text());
    if (then != null) {
      s.append(" then ").append(then.text());
    }
    if (withinMillis > 0) {
      s.append(" within ").append(Format.duration(withinMillis));
    }
    if (groupBy != GroupBy.NONE) {
      s.append(" per ").append(groupBy.name().toLowerCase(Locale.ROOT));
    }
    return s.append(" }").toString();
  }
}

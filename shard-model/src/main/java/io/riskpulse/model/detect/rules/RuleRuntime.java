package io.riskpulse.model.detect.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One rule's incremental matcher and its per-group state. Groups are kept in least-recently-active order and
 * capped at {@link #MAX_GROUPS}: a new group beyond the cap drops the least recently active one (its partial
 * matches and norms are lost, so the cap can only miss matches, never invent them); a group left with nothing to
 * remember is dropped at once.
 *
 * <p>After a match the group's first-step window is cleared, so one incident gives one match and the rule re-arms
 * for the next complete pattern; histories (the norms) are kept. Not thread-safe.
 */
final class RuleRuntime {

  /** The most groups one rule keeps. */
  static final int MAX_GROUPS = 1_000;

  private final Rule rule;
  /** The event types that can change this rule's state, worked out once (every event asks). */
  private final Set<EventType> involved = EnumSet.noneOf(EventType.class);
  private final LinkedHashMap<String, GroupRuntime> groups = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, GroupRuntime> eldest) {
      return size() > MAX_GROUPS;
    }
  };

  RuleRuntime(Rule rule) {
    this.rule = rule;
    for (EventType type : EventType.values()) {
      if (rule.involves(type)) {
        involved.add(type);
      }
    }
  }

  Rule rule() {
    return rule;
  }

  /** Feeds one event at engine time {@code nowMillis}; returns the match it completes, or null. */
  RuleMatch onEvent(RuleEvent event, long nowMillis, MarketBook market) {
    if (!involved.contains(event.type())) {
      return null;
    }
    String key = rule.groupBy().keyOf(event);
    GroupRuntime group = groups.get(key);
    if (group == null) {
      group = new GroupRuntime(rule);
      groups.put(key, group);
    }
    group.evict(rule, nowMillis);
    Evaluator evaluator = new Evaluator(event, market, group);
    RuleMatch match;
    if (rule.when() instanceof Condition.Threshold threshold) {
      match = threshold(threshold, event, evaluator, group, key, nowMillis);
    } else if (rule.then() == null) {
      match = occurrences((Condition.Occurrences) rule.when(), evaluator, group, key, nowMillis);
    } else {
      match = sequence((Condition.Occurrences) rule.when(), evaluator, group, key, nowMillis);
    }
    for (int i = 0; i < group.histories.length; i++) {
      Expr.History history = rule.histories().get(i);
      if (evaluator.matches(history.source())) {
        double value = event.number(history.field());
        if (!Double.isNaN(value)) {
          group.histories[i].add(nowMillis, value);
        }
      }
    }
    if (group.isEmpty()) {
      groups.remove(key);
    }
    return match;
  }

  private RuleMatch occurrences(Condition.Occurrences when, Evaluator evaluator, GroupRuntime group, String key,
      long nowMillis) {
    if (!evaluator.matches(when.event())) {
      return null;
    }
    group.window.add(nowMillis, 0);
    int count = group.window.size();
    if (count < when.atLeast()) {
      return null;
    }
    Map<String, Double> figures = new TreeMap<>();
    figures.put(countText(when), (double) count);
    evaluator.figures(when.event(), figures);
    String what = when.atLeast() == 1 && rule.withinMillis() == 0
        ? when.event().text() + " matched"
        : count + " " + when.event().text() + " within " + Format.duration(rule.withinMillis()) + " ("
            + when.atLeast() + " or more required)";
    group.window.clear();
    return match(key, count, when.atLeast(), figures, what, when.event(), evaluator, nowMillis);
  }

  private RuleMatch sequence(Condition.Occurrences when, Evaluator evaluator, GroupRuntime group, String key,
      long nowMillis) {
    int count = group.window.size();
    if (count >= when.atLeast() && evaluator.matches(rule.then())) {
      Map<String, Double> figures = new TreeMap<>();
      figures.put(countText(when), (double) count);
      evaluator.figures(rule.then(), figures);
      String what = count + " " + when.event().text() + " then " + rule.then().text() + " within "
          + Format.duration(rule.withinMillis());
      group.window.clear();
      return match(key, count, when.atLeast(), figures, what, rule.then(), evaluator, nowMillis);
    }
    if (evaluator.matches(when.event())) {
      group.window.add(nowMillis, 0);
    }
    return null;
  }

  private RuleMatch threshold(Condition.Threshold when, RuleEvent event, Evaluator evaluator, GroupRuntime group,
      String key, long nowMillis) {
    if (!evaluator.matches(when.event())) {
      return null;
    }
    double value = when.field() == null ? 0 : event.number(when.field());
    if (Double.isNaN(value)) {
      return null;
    }
    group.window.add(nowMillis, value);
    int n = group.window.size();
    double measured = switch (when.aggregate()) {
      case COUNT -> n;
      case SUM -> group.window.sum();
      default -> group.window.sum() / n;
    };
    double bound = evaluator.eval(when.bound());
    if (!when.op().test(measured, bound)) {
      return null;
    }
    Map<String, Double> figures = new TreeMap<>();
    figures.put(when.measure(), measured);
    String boundText = when.bound() instanceof Expr.Literal ? "" : " = " + Format.figure(bound);
    if (!(when.bound() instanceof Expr.Literal)) {
      figures.put(when.bound().text(), bound);
    }
    String what = when.measure() + " = " + Format.figure(measured) + " " + when.op().symbol() + " "
        + when.bound().text() + boundText + " within " + Format.duration(rule.withinMillis());
    group.window.clear();
    return match(key, measured, bound, figures, what, null, evaluator, nowMillis);
  }

  private RuleMatch match(String key, double score, double threshold, Map<String, Double> figures, String what,
      EventPattern step, Evaluator evaluator, long nowMillis) {
    StringBuilder s = new StringBuilder("rule ").append(rule.name());
    if (rule.groupBy() != GroupBy.NONE) {
      s.append(" (").append(rule.groupBy().name().toLowerCase(Locale.ROOT)).append(' ').append(key).append(')');
    }
    s.append(": ").append(what);
    if (step != null) {
      Map<String, Double> stepFigures = new TreeMap<>();
      evaluator.figures(step, stepFigures);
      List<String> parts = new ArrayList<>();
      stepFigures.forEach((name, value) -> parts.add(name + " = " + Format.figure(value)));
      if (!parts.isEmpty()) {
        s.append("; ").append(String.join(", ", parts));
      }
    }
    return new RuleMatch(rule.name(), key, score, threshold, figures, s.append('.').toString(), nowMillis);
  }

  private static String countText(Condition.Occurrences when) {
    return "count(" + when.event().text() + ")";
  }

  int groupCount() {
    return groups.size();
  }

  int retained() {
    int n = 0;
    for (GroupRuntime group : groups.values()) {
      n += group.retained();
    }
    return n;
  }

  RuleEngineState.RuleState snapshot() {
    List<RuleEngineState.GroupState> states = new ArrayList<>(groups.size());
    groups.forEach((key, group) -> states.add(group.snapshot(key)));
    return new RuleEngineState.RuleState(rule.name(), rule.text(), states);
  }

  /** A runtime for {@code rule} with {@code state}'s groups, in their recorded order. */
  static RuleRuntime restore(Rule rule, RuleEngineState.RuleState state) {
    RuleRuntime runtime = new RuleRuntime(rule);
    for (RuleEngineState.GroupState group : state.groups()) {
      runtime.groups.put(group.group(), GroupRuntime.restore(rule, group));
    }
    return runtime;
  }
}

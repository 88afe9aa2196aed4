package io.riskpulse.model.detect.rules;

import io.riskpulse.model.collect.TimedValues;
import java.util.ArrayList;
import java.util.List;

/**
 * One group's matching state of one rule: the window of the first step (times of counted events, or the
 * threshold's values) and the values of each history aggregate. Bounded: the window keeps at most {@code N}
 * times for {@code N or more} (the newest N decide whether N fall within the window) or {@link
 * RuleParser#MAX_COUNT} values for a threshold; a history keeps its {@code over last N} (default {@link
 * RuleParser#DEFAULT_HISTORY}, at most {@link RuleParser#MAX_HISTORY}). Not thread-safe.
 */
final class GroupRuntime {

  final TimedValues window;
  final TimedValues[] histories;

  GroupRuntime(Rule rule) {
    window = new TimedValues(windowCapacity(rule));
    histories = new TimedValues[rule.histories().size()];
    for (int i = 0; i < histories.length; i++) {
      histories[i] = new TimedValues(rule.histories().get(i).lastN());
    }
  }

  private GroupRuntime(TimedValues window, TimedValues[] histories) {
    this.window = window;
    this.histories = histories;
  }

  static int windowCapacity(Rule rule) {
    return rule.when() instanceof Condition.Occurrences o ? o.atLeast() : RuleParser.MAX_COUNT;
  }

  /** Drops what is older than the rule's window and the histories' windows at {@code nowMillis}. */
  void evict(Rule rule, long nowMillis) {
    if (rule.withinMillis() > 0) {
      window.evictBefore(nowMillis - rule.withinMillis());
    }
    for (int i = 0; i < histories.length; i++) {
      long windowMillis = rule.histories().get(i).windowMillis();
      if (windowMillis > 0) {
        histories[i].evictBefore(nowMillis - windowMillis);
      }
    }
  }

  /** Whether nothing is remembered (the group can be dropped without changing any future match). */
  boolean isEmpty() {
    if (!window.isEmpty()) {
      return false;
    }
    for (TimedValues history : histories) {
      if (!history.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** How many values are held, window and histories together. */
  int retained() {
    int n = window.size();
    for (TimedValues history : histories) {
      n += history.size();
    }
    return n;
  }

  RuleEngineState.GroupState snapshot(String key) {
    List<RuleEngineState.Window> h = new ArrayList<>(histories.length);
    for (TimedValues history : histories) {
      h.add(snapshot(history));
    }
    return new RuleEngineState.GroupState(key, snapshot(window), h);
  }

  private static RuleEngineState.Window snapshot(TimedValues values) {
    List<Long> times = new ArrayList<>(values.size());
    List<Double> list = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      times.add(values.time(i));
      list.add(values.value(i));
    }
    return new RuleEngineState.Window(times, list, values.sum());
  }

  private static TimedValues restore(int capacity, RuleEngineState.Window window) {
    return TimedValues.restore(capacity, window.times(), window.values(), window.sum());
  }

  static GroupRuntime restore(Rule rule, RuleEngineState.GroupState state) {
    TimedValues window = restore(windowCapacity(rule), state.window());
    TimedValues[] histories = new TimedValues[rule.histories().size()];
    for (int i = 0; i < histories.length; i++) {
      int capacity = rule.histories().get(i).lastN();
      histories[i] = i < state.histories().size()
          ? restore(capacity, state.histories().get(i)) : new TimedValues(capacity);
    }
    return new GroupRuntime(window, histories);
  }
}

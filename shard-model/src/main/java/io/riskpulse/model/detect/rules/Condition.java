package io.riskpulse.model.detect.rules;

/** What follows {@code when}: a counted event or a threshold over the window. Immutable. */
public sealed interface Condition permits Condition.Occurrences, Condition.Threshold {

  /** The canonical source. */
  String text();

  /** The events this condition counts or aggregates. */
  EventPattern event();

  /**
   * {@code N or more e} (N = 1 when written as just {@code e}): at least {@code atLeast} matching events within
   * the rule's window.
   */
  record Occurrences(int atLeast, EventPattern event) implements Condition {
    @Override
    public String text() {
      return atLeast == 1 ? event.text() : atLeast + " or more " + event.text();
    }
  }

  /**
   * {@code count(e) >= N}, {@code sum(e.field) > X}, {@code mean(e.field) < X}: an aggregate of the matching events
   * within the rule's window against a bound, judged each time a matching event arrives.
   *
   * @param field the aggregated numeric field, null for {@code count}
   * @param bound evaluated in the context of the arriving event (it may use history aggregates)
   */
  record Threshold(Aggregate aggregate, EventPattern event, Field field, Comparison op, Expr bound)
      implements Condition {
    @Override
    public String text() {
      return measure() + " " + op.symbol() + " " + bound.text();
    }

    /** The measured side: {@code count(order(action = CANCEL))}, {@code sum(fill.quantity)}. */
    public String measure() {
      return aggregate.keyword() + "(" + event.text() + (field == null ? "" : "." + field.ruleName()) + ")";
    }
  }
}

package io.riskpulse.model.detect.rules;

import io.riskpulse.model.collect.TimedValues;
import java.util.Arrays;
import java.util.Map;

/**
 * Evaluates patterns, predicates and expressions against one event, the market state of its symbol and its group's
 * histories. Pure: reading never changes state, so evaluating twice (once to decide, once to report the figures)
 * gives the same numbers. One instance per event and rule; not thread-safe.
 */
final class Evaluator {

  private final RuleEvent event;
  private final MarketBook market;
  private final GroupRuntime group;

  Evaluator(RuleEvent event, MarketBook market, GroupRuntime group) {
    this.event = event;
    this.market = market;
    this.group = group;
  }

  /** Whether the event is of the pattern's type and satisfies all its predicates. */
  boolean matches(EventPattern pattern) {
    if (pattern.type() != event.type()) {
      return false;
    }
    for (Predicate predicate : pattern.predicates()) {
      if (!holds(predicate)) {
        return false;
      }
    }
    return true;
  }

  boolean holds(Predicate predicate) {
    if (predicate instanceof Predicate.Compare c) {
      return c.op().test(eval(c.left()), eval(c.right()));
    }
    Predicate.TextTest t = (Predicate.TextTest) predicate;
    return event.is(t.field(), t.value()) == t.equal();
  }

  double eval(Expr expr) {
    if (expr instanceof Expr.Literal l) {
      return l.value();
    }
    if (expr instanceof Expr.FieldRef f) {
      return event.number(f.field());
    }
    if (expr instanceof Expr.MarketRef m) {
      return market.get(event.symbol(), m.field());
    }
    if (expr instanceof Expr.Negate n) {
      return -eval(n.operand());
    }
    if (expr instanceof Expr.Binary b) {
      double l = eval(b.left());
      double r = eval(b.right());
      return switch (b.op()) {
        case '+' -> l + r;
        case '-' -> l - r;
        case '*' -> l * r;
        default -> l / r;
      };
    }
    Expr.History h = (Expr.History) expr;
    return aggregate(h.aggregate(), group.histories[h.slot()]);
  }

  /** The measured figures of the pattern's numeric predicates, by canonical expression text (literals left out). */
  void figures(EventPattern pattern, Map<String, Double> out) {
    for (Predicate predicate : pattern.predicates()) {
      if (predicate instanceof Predicate.Compare c) {
        if (!(c.left() instanceof Expr.Literal)) {
          out.put(c.left().text(), eval(c.left()));
        }
        if (!(c.right() instanceof Expr.Literal)) {
          out.put(c.right().text(), eval(c.right()));
        }
      }
    }
  }

  /** {@code aggregate} over the values, oldest first; NaN when there are none (or fewer than two for stdev). */
  static double aggregate(Aggregate aggregate, TimedValues values) {
    int n = values.size();
    if (n == 0) {
      return Double.NaN;
    }
    switch (aggregate) {
      case MEDIAN: {
        double[] sorted = values.toArray();
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      }
      case MIN: {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          min = Math.min(min, values.value(i));
        }
        return min;
      }
      case MAX: {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          max = Math.max(max, values.value(i));
        }
        return max;
      }
      case STDEV: {
        if (n < 2) {
          return Double.NaN;
        }
        double mean = sum(values) / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
          double d = values.value(i) - mean;
          squares += d * d;
        }
        return Math.sqrt(squares / (n - 1));
      }
      case MEAN:
        return sum(values) / n;
      case SUM:
        return sum(values);
      default:
        return n;
    }
  }

  /** Summed afresh, oldest first: exact from the values alone. */
  private static double sum(TimedValues values) {
    double sum = 0;
    for (int i = 0; i < values.size(); i++) {
      sum += values.value(i);
    }
    return sum;
  }
}

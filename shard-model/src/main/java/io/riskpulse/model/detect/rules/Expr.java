package io.riskpulse.model.detect.rules;

/**
 * A numeric expression of a predicate or threshold bound: literals, fields of the current event, the market state
 * of its symbol, aggregates of a recent history, and {@code + - * /} between them. Immutable; {@link #text()} is
 * the canonical source (one space around binary operators, fully parenthesised only where needed).
 */
public sealed interface Expr permits Expr.Literal, Expr.FieldRef, Expr.MarketRef, Expr.Negate, Expr.Binary,
    Expr.History {

  /** The canonical source of this expression. */
  String text();

  /** Binding strength for printing: 3 for atoms, 2 for {@code * /}, 1 for {@code + -}. */
  default int precedence() {
    return 3;
  }

  /** A number. */
  record Literal(double value) implements Expr {
    @Override
    public String text() {
      return Format.literal(value);
    }
  }

  /** A numeric field of the current event, written bare: {@code quantity}. */
  record FieldRef(Field field) implements Expr {
    @Override
    public String text() {
      return field.ruleName();
    }
  }

  /**
   * The latest market state of the current event's symbol, before the current event is applied: {@code
   * market.mid}, {@code market.spread}. NaN until the symbol's first market event.
   */
  record MarketRef(Field field) implements Expr {
    @Override
    public String text() {
      return "market." + field.ruleName();
    }
  }

  /** Unary minus. */
  record Negate(Expr operand) implements Expr {
    @Override
    public String text() {
      return "-" + (operand.precedence() < 3 ? "(" + operand.text() + ")" : operand.text());
    }
  }

  /**
   * A binary arithmetic operation; division by zero gives an infinity or NaN (IEEE 754), and a comparison with
   * NaN is false.
   *
   * @param op one of {@code + - * /}
   */
  record Binary(char op, Expr left, Expr right) implements Expr {
    @Override
    public int precedence() {
      return op == '*' || op == '/' ? 2 : 1;
    }

    @Override
    public String text() {
      String l = left.precedence() < precedence() ? "(" + left.text() + ")" : left.text();
      String r = right.precedence() <= precedence() && right.precedence() < 3
          ? "(" + right.text() + ")" : right.text();
      return l + " " + op + " " + r;
    }
  }

  /**
   * An aggregate of a field over the group's recent history of matching events, excluding the current event:
   * {@code median(fill.quantity)}, {@code mean(fill(side = BUY).price over 5m)}, {@code max(fill.quantity over last
   * 20)}. NaN while the history is empty.
   *
   * @param aggregate a history aggregate
   * @param source which events feed the history (its predicates use no aggregates)
   * @param field numeric field of the source events
   * @param lastN keep at most this many latest values (1..{@value RuleParser#MAX_HISTORY})
   * @param windowMillis when &gt; 0, keep only values at most this old, milliseconds (and at most {@code lastN})
   * @param slot index of this history among the rule's histories ({@link Rule#histories()})
   */
  record History(Aggregate aggregate, EventPattern source, Field field, int lastN, long windowMillis, int slot)
      implements Expr {
    @Override
    public String text() {
      return aggregate.keyword() + "(" + sourceText() + ")";
    }

    /** What the history holds, without the aggregate: {@code fill.quantity over last 100}. */
    public String sourceText() {
      String over = windowMillis > 0 ? " over " + Format.duration(windowMillis)
          : lastN == RuleParser.DEFAULT_HISTORY ? "" : " over last " + lastN;
      return source.text() + "." + field.ruleName() + over;
    }
  }
}

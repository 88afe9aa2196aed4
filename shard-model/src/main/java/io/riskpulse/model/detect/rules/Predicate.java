package io.riskpulse.model.detect.rules;

/** One condition inside an event pattern's parentheses. Immutable. */
public sealed interface Predicate permits Predicate.Compare, Predicate.TextTest {

  /** The canonical source. */
  String text();

  /** A numeric comparison: {@code quantity > 5 * median(fill.quantity)}, {@code price > market.mid * 1.01}. */
  record Compare(Expr left, Comparison op, Expr right) implements Predicate {
    @Override
    public String text() {
      return left.text() + " " + op.symbol() + " " + right.text();
    }
  }

  /**
   * A text test: {@code side = BUY}, {@code check = PRICE_COLLAR}, {@code strategy != "manual"}.
   *
   * @param equal true for {@code =}, false for {@code !=}
   * @param value upper case for enumerated fields, as written for strategy and symbol
   */
  record TextTest(Field field, boolean equal, String value) implements Predicate {
    @Override
    public String text() {
      boolean bare = value.matches("[A-Za-z_][A-Za-z0-9_]*");
      return field.ruleName() + (equal ? " = " : " != ") + (bare ? value : '"' + value + '"');
    }
  }
}

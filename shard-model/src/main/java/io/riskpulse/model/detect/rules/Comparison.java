package io.riskpulse.model.detect.rules;

import java.util.Optional;

/**
 * A comparison operator of a predicate or threshold. A comparison with NaN (an unknown figure: no market data yet,
 * an empty history) is false, {@code !=} included, so missing data never makes a rule match.
 */
public enum Comparison {
  EQ("="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  /** How it is written, e.g. {@code >=}. */
  public String symbol() {
    return symbol;
  }

  /** Whether {@code left op right} holds; false when either is NaN. */
  public boolean test(double left, double right) {
    if (Double.isNaN(left) || Double.isNaN(right)) {
      return false;
    }
    return switch (this) {
      case EQ -> left == right;
      case NE -> left != right;
      case LT -> left < right;
      case LE -> left <= right;
      case GT -> left > right;
      case GE -> left >= right;
    };
  }

  /** The operator written {@code symbol}, if any. */
  public static Optional<Comparison> bySymbol(String symbol) {
    for (Comparison c : values()) {
      if (c.symbol.equals(symbol)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}

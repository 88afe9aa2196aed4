package io.riskpulse.model.detect.rules;

import java.util.Optional;

/**
 * An aggregate function. Window aggregates ({@code count}, {@code sum}, {@code mean}) make a threshold over the
 * rule's {@code within} window and are kept incrementally in O(1) per event; history aggregates ({@code median},
 * {@code mean}, {@code min}, {@code max}, {@code sum}, {@code stdev}) give the recent norm of a field inside a
 * predicate. There is deliberately no windowed {@code max}/{@code min}: "max(x) &gt; X within T" is the rule
 * "1 or more e(x &gt; X)", which needs no window state at all.
 */
public enum Aggregate {
  COUNT("count", true, false),
  SUM("sum", true, true),
  MEAN("mean", true, true),
  MEDIAN("median", false, true),
  MIN("min", false, true),
  MAX("max", false, true),
  /** Sample standard deviation (n - 1); NaN with fewer than two values. */
  STDEV("stdev", false, true);

  private final String keyword;
  private final boolean window;
  private final boolean history;

  Aggregate(String keyword, boolean window, boolean history) {
    this.keyword = keyword;
    this.window = window;
    this.history = history;
  }

  /** How it is written, e.g. {@code median}. */
  public String keyword() {
    return keyword;
  }

  /** Whether it can make a threshold over the rule's window ({@code when sum(fill.quantity) > X within T}). */
  public boolean window() {
    return window;
  }

  /** Whether it can aggregate a history inside a predicate ({@code 5 * median(fill.quantity)}). */
  public boolean history() {
    return history;
  }

  /** The aggregate written {@code keyword}, if any. */
  public static Optional<Aggregate> byKeyword(String keyword) {
    for (Aggregate a : values()) {
      if (a.keyword.equals(keyword)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}

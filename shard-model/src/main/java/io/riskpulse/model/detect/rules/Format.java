package io.riskpulse.model.detect.rules;

import java.math.BigDecimal;
import java.math.MathContext;

/** How numbers and durations are written in canonical rule text and in explanations. Stateless. */
final class Format {

  private Format() {}

  /** A literal as written canonically: {@code 1000}, {@code 1.01}. Exact (round-trips). */
  static String literal(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A measured figure for people: six significant digits, {@code NaN} when unknown. */
  static String figure(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  /** A duration in its largest exact unit: {@code 2s}, {@code 1500ms}, {@code 5m}. */
  static String duration(long millis) {
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }
}

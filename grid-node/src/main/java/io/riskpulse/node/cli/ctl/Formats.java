package io.riskpulse.node.cli.ctl;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How {@code riskpulse ctl} writes numbers and times for people: amounts with thousands separators and cents,
 * quantities and prices without needless zeros, instants in UTC to the second. A NaN (a figure the node could
 * not compute, see the .proto) is written {@value #NOT_AVAILABLE}, never as a number. Locale-independent.
 * Stateless; thread-safe (each call makes its own {@link DecimalFormat}, which is not thread-safe).
 */
final class Formats {

  /** How a figure the node could not compute (NaN) is shown. */
  static final String NOT_AVAILABLE = "n/a";

  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

  private Formats() {}

  /** An amount in a currency: {@code 1,234,567.89}. */
  static String amount(double value) {
    return format("#,##0.00", value);
  }

  /** A quantity in instrument units: {@code 1,500} or {@code -0.25}. */
  static String quantity(double value) {
    return format("#,##0.########", value);
  }

  /** A price per unit: at least two decimals, up to six: {@code 100.00}, {@code 1.23456}. */
  static String price(double value) {
    return format("#,##0.00####", value);
  }

  /** A percentage (the number is already in percent): {@code 12.5}. */
  static String percent(double value) {
    return format("#,##0.0", value);
  }

  /** Days (to liquidate): {@code 2.35}. */
  static String days(double value) {
    return format("#,##0.00", value);
  }

  /** Epoch milliseconds as an ISO-8601 UTC instant to the second; {@code -} for 0 (never set). */
  static String instant(long epochMillis) {
    return epochMillis == 0 ? "-" : Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code text}, or {@code -} when it is empty: for optional columns. */
  static String orDash(String text) {
    return text == null || text.isEmpty() ? "-" : text;
  }

  private static String format(String pattern, double value) {
    if (Double.isNaN(value)) {
      return NOT_AVAILABLE;
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    String text = new DecimalFormat(pattern, SYMBOLS).format(value);
    return text.startsWith("-") && text.matches("-[0,.]+") ? text.substring(1) : text; // no "-0.00"
  }
}

package io.riskpulse.model.pretrade;

import io.riskpulse.model.CborSerializable;

/**
 * One check an order failed, with its numbers.
 *
 * @param check which check
 * @param value the figure projected with the order (e.g. gross exposure after it), in the limit's unit; NaN when
 *     the check is not numeric or the figure is unknown
 * @param limit the limit it was judged against; NaN when not numeric
 * @param detail a sentence an operator can act on
 */
public record CheckFailure(PreTradeCheck check, double value, double limit, String detail)
    implements CborSerializable {

  public static CheckFailure of(PreTradeCheck check, String detail) {
    return new CheckFailure(check, Double.NaN, Double.NaN, detail);
  }

  /** One line, e.g. {@code GROSS_EXPOSURE 1,200,000.00 > 1,000,000.00 (after the order)}. */
  public String describe() {
    if (Double.isNaN(limit)) {
      return check + ": " + detail;
    }
    return String.format("%s %,.2f > %,.2f%s", check, value, limit, detail.isEmpty() ? "" : " (" + detail + ")");
  }
}

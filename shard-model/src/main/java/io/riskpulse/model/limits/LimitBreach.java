package io.riskpulse.model.limits;

import io.riskpulse.model.CborSerializable;

/**
 * One limit found beyond its level: what was measured, against which limit, when.
 *
 * @param key identity of the breach episode: the kind, plus {@code :SYMBOL} for per-instrument limits and
 *     {@code :EXECUTION_ID} for per-execution limits
 * @param kind the limit kind
 * @param symbol instrument for per-instrument and per-execution limits, else {@code ""}
 * @param value the measured value, in the kind's unit
 * @param limit the limit it exceeded, same unit
 * @param atMillis when the system saw it, epoch milliseconds
 * @param detail why the value is what it is when that is not obvious, e.g. why a VaR is unknown (NaN);
 *     {@code ""} when none. Absent from breaches journaled before it existed, which read as {@code ""}.
 */
public record LimitBreach(
    String key, LimitKind kind, String symbol, double value, double limit, long atMillis, String detail)
    implements CborSerializable {

  public LimitBreach {
    detail = detail == null ? "" : detail;
  }

  /** A breach without detail. */
  public LimitBreach(String key, LimitKind kind, String symbol, double value, double limit, long atMillis) {
    this(key, kind, symbol, value, limit, atMillis, "");
  }

  /** A one-line human description, e.g. {@code DRAWDOWN 1,250,000 > 1,000,000} or {@code VAR NaN > 1.00 (why)}. */
  public String describe() {
    return String.format("%s%s %,.2f > %,.2f%s", kind, symbol.isEmpty() ? "" : " " + symbol, value, limit,
        detail.isEmpty() ? "" : " (" + detail + ")");
  }
}

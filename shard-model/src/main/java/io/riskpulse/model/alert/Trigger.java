package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;

/**
 * The figures an occurrence of an incident was raised on: what was measured against what.
 *
 * @param kind what was measured: a {@link io.riskpulse.model.limits.LimitKind} name for limits, {@code HALT},
 *     {@code STRATEGY} or {@code OMS_DELIVERY} otherwise
 * @param symbol the instrument for per-instrument and per-execution limits, else {@code ""}
 * @param value the measured value in the kind's unit (for {@code OMS_DELIVERY} the attempt number); NaN when the
 *     signal carries no figure (halts, resumes) or the measurement itself was unknown (a breach says why in detail)
 * @param limit the level it was judged against, same unit; NaN when there is none
 * @param detail the source's words: why the value is what it is, a halt's reason, an OMS's answer; {@code ""} if none
 * @param atMillis when the source decided it, epoch milliseconds of the source node's clock
 */
public record Trigger(String kind, String symbol, double value, double limit, String detail, long atMillis)
    implements CborSerializable {

  public Trigger {
    kind = kind == null ? "" : kind;
    symbol = symbol == null ? "" : symbol;
    detail = detail == null ? "" : detail;
  }

  /** A trigger without figures (a halt, a clear): only what and when. */
  public static Trigger of(String kind, String detail, long atMillis) {
    return new Trigger(kind, "", Double.NaN, Double.NaN, detail, atMillis);
  }
}

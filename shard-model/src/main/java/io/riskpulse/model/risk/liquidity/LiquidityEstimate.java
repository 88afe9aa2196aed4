package io.riskpulse.model.risk.liquidity;

/**
 * A liquidity measure that is either known or explicitly unknown. Immutable.
 *
 * <p>Liquidity inputs (average daily volume, bid-ask spreads) are often missing. A missing input must never
 * read as "perfectly liquid", so every measure here returns {@link #unknown} with the reason instead of a
 * silent zero; callers judging limits on an unknown value should treat it as a breach (fail closed).
 *
 * @param value the measure in the unit its producer documents; NaN when unknown
 * @param known true when {@code value} is a number that can be relied on
 * @param reason why the measure is unknown, {@code ""} when known
 */
public record LiquidityEstimate(double value, boolean known, String reason) {

  public LiquidityEstimate {
    reason = reason == null ? "" : reason;
    if (known && !Double.isFinite(value)) {
      throw new IllegalArgumentException("a known liquidity measure must be finite, was " + value);
    }
    if (!known && reason.isEmpty()) {
      throw new IllegalArgumentException("an unknown liquidity measure needs a reason");
    }
  }

  public static LiquidityEstimate known(double value) {
    return new LiquidityEstimate(value, true, "");
  }

  public static LiquidityEstimate unknown(String reason) {
    return new LiquidityEstimate(Double.NaN, false, reason);
  }
}

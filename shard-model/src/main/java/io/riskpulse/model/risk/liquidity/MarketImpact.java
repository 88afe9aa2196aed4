package io.riskpulse.model.risk.liquidity;

/**
 * The cost of unwinding a position against the market's depth, by the square-root law of market impact
 * (Almgren et al. 2005; Tóth et al. 2011): trading Q units when the market trades ADV a day moves the price
 * by about {@code Y · σ_daily · sqrt(Q / ADV)}, so
 * <pre>cost ≈ Y · σ_daily · sqrt(|Q| / ADV) · |notional|</pre>
 * with Y ≈ 1 (config {@code riskpulse.risk.liquidity.impact-coefficient}). Example: σ = 1%, Q = 1% of ADV →
 * 0.01 × sqrt(0.01) = 0.1% = 10 bp of the notional. Pure and stateless.
 *
 * <p>Fails closed: missing ADV or volatility gives {@link LiquidityEstimate#unknown}, never a zero cost.
 */
public final class MarketImpact {

  private MarketImpact() {}

  /**
   * The impact as a fraction of notional, {@code Y · σ · sqrt(|Q| / ADV)} (0.001 = 10 bp).
   *
   * @param quantity units to trade (sign ignored)
   * @param averageDailyVolume ADV, same units per day; NaN when unknown
   * @param dailyVolatility σ of daily returns, fraction (0.01 = 1%); NaN when unknown
   * @param impactCoefficient Y &gt; 0
   */
  public static LiquidityEstimate costFraction(
      double quantity, double averageDailyVolume, double dailyVolatility, double impactCoefficient) {
    if (!(impactCoefficient > 0) || Double.isInfinite(impactCoefficient)) {
      throw new IllegalArgumentException("impact coefficient must be a positive number, was " + impactCoefficient);
    }
    if (!Double.isFinite(quantity)) {
      return LiquidityEstimate.unknown("quantity is " + quantity);
    }
    if (Double.isNaN(averageDailyVolume)) {
      return LiquidityEstimate.unknown("no average daily volume");
    }
    if (!(averageDailyVolume > 0) || Double.isInfinite(averageDailyVolume)) {
      return LiquidityEstimate.unknown("average daily volume must be positive and finite, was " + averageDailyVolume);
    }
    if (!(dailyVolatility >= 0) || Double.isInfinite(dailyVolatility)) {
      return LiquidityEstimate.unknown("no usable daily volatility (was " + dailyVolatility + ")");
    }
    return LiquidityEstimate.known(
        impactCoefficient * dailyVolatility * Math.sqrt(Math.abs(quantity) / averageDailyVolume));
  }

  /**
   * The impact cost in currency: {@link #costFraction} × |notional|.
   *
   * @param notional value of the position to unwind, currency units (sign ignored)
   */
  public static LiquidityEstimate cost(double notional, double quantity, double averageDailyVolume,
      double dailyVolatility, double impactCoefficient) {
    LiquidityEstimate fraction = costFraction(quantity, averageDailyVolume, dailyVolatility, impactCoefficient);
    if (!fraction.known()) {
      return fraction;
    }
    if (!Double.isFinite(notional)) {
      return LiquidityEstimate.unknown("notional is " + notional);
    }
    return LiquidityEstimate.known(fraction.value() * Math.abs(notional));
  }
}

package io.riskpulse.model.risk.liquidity;

import java.util.Map;
import java.util.TreeMap;

/**
 * Liquidity-adjusted VaR after Bangia, Diebold, Schuermann and Stroughair (1999), "Modeling liquidity risk":
 * selling at the bid costs half the bid-ask spread, and the spread itself widens in bad times, so
 * <pre>LVaR = VaR + ½ · |V| · (μ_spread + a · σ_spread)</pre>
 * with V the position value, μ and σ the mean and standard deviation of the relative spread
 * ((ask − bid) / mid) and a a multiplier (config {@code riskpulse.risk.liquidity.spread-multiplier}). Amounts
 * in the currency of VaR and V; spreads as fractions (0.01 = 1%). Example: constant 1% spread, V = 100,
 * σ = 2%, z = 1.65: VaR 3.30 + spread cost 0.50 = 3.80. Pure and stateless.
 *
 * <p>Fails closed: a missing spread or VaR gives {@link LiquidityEstimate#unknown}, never a zero cost.
 * For a portfolio the spread costs of positions add up (all spreads widen together: conservative, as in
 * Bangia et al.).
 */
public final class LiquidityAdjustedVar {

  private LiquidityAdjustedVar() {}

  /**
   * The exogenous liquidity cost ½·|V|·(μ + a·σ).
   *
   * @param positionValue V, currency units (sign ignored)
   * @param meanRelativeSpread μ, fraction ≥ 0; NaN when unknown
   * @param relativeSpreadSd σ of the relative spread, fraction ≥ 0; NaN when unknown
   * @param spreadMultiplier a ≥ 0
   */
  public static LiquidityEstimate spreadCost(
      double positionValue, double meanRelativeSpread, double relativeSpreadSd, double spreadMultiplier) {
    if (!(spreadMultiplier >= 0) || Double.isInfinite(spreadMultiplier)) {
      throw new IllegalArgumentException("spread multiplier must be a number >= 0, was " + spreadMultiplier);
    }
    if (!Double.isFinite(positionValue)) {
      return LiquidityEstimate.unknown("position value is " + positionValue);
    }
    if (Double.isNaN(meanRelativeSpread) || Double.isNaN(relativeSpreadSd)) {
      return LiquidityEstimate.unknown("no bid-ask spread");
    }
    if (!(meanRelativeSpread >= 0) || !(relativeSpreadSd >= 0)
        || Double.isInfinite(meanRelativeSpread) || Double.isInfinite(relativeSpreadSd)) {
      return LiquidityEstimate.unknown("spread statistics must be finite and >= 0, were mean "
          + meanRelativeSpread + " and sd " + relativeSpreadSd);
    }
    return LiquidityEstimate.known(
        0.5 * Math.abs(positionValue) * (meanRelativeSpread + spreadMultiplier * relativeSpreadSd));
  }

  /** LVaR = VaR + {@link #spreadCost}; unknown when either is. */
  public static LiquidityEstimate of(double var, double positionValue, double meanRelativeSpread,
      double relativeSpreadSd, double spreadMultiplier) {
    LiquidityEstimate cost = spreadCost(positionValue, meanRelativeSpread, relativeSpreadSd, spreadMultiplier);
    return add(var, cost);
  }

  /**
   * LVaR with spread statistics estimated from observed relative spreads: their mean and sample standard
   * deviation (n − 1; 0 for a single observation). Non-finite observations are ignored; with none left the
   * result is unknown.
   */
  public static LiquidityEstimate fromSpreadHistory(
      double var, double positionValue, double[] relativeSpreads, double spreadMultiplier) {
    int n = 0;
    double sum = 0;
    for (double spread : relativeSpreads) {
      if (Double.isFinite(spread)) {
        n++;
        sum += spread;
      }
    }
    if (n == 0) {
      return add(var, LiquidityEstimate.unknown("no bid-ask spread observed"));
    }
    double mean = sum / n;
    double squares = 0;
    for (double spread : relativeSpreads) {
      if (Double.isFinite(spread)) {
        squares += (spread - mean) * (spread - mean);
      }
    }
    double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
    return of(var, positionValue, mean, sd, spreadMultiplier);
  }

  /**
   * Portfolio LVaR: VaR plus the sum of every position's spread cost; unknown, naming the symbol, when any
   * position lacks a value or spread statistics.
   *
   * @param positionValues value per symbol, currency units
   * @param meanRelativeSpreads μ per symbol
   * @param relativeSpreadSds σ per symbol
   */
  public static LiquidityEstimate ofPortfolio(double var, Map<String, Double> positionValues,
      Map<String, Double> meanRelativeSpreads, Map<String, Double> relativeSpreadSds, double spreadMultiplier) {
    double total = 0;
    for (Map.Entry<String, Double> position : new TreeMap<>(positionValues).entrySet()) {
      String symbol = position.getKey();
      Double mean = meanRelativeSpreads.get(symbol);
      Double sd = relativeSpreadSds.get(symbol);
      LiquidityEstimate cost = spreadCost(position.getValue(), mean == null ? Double.NaN : mean,
          sd == null ? Double.NaN : sd, spreadMultiplier);
      if (!cost.known()) {
        return LiquidityEstimate.unknown(symbol + ": " + cost.reason());
      }
      total += cost.value();
    }
    return add(var, LiquidityEstimate.known(total));
  }

  private static LiquidityEstimate add(double var, LiquidityEstimate cost) {
    if (!Double.isFinite(var)) {
      return LiquidityEstimate.unknown("VaR is " + var);
    }
    return cost.known() ? LiquidityEstimate.known(var + cost.value()) : cost;
  }
}

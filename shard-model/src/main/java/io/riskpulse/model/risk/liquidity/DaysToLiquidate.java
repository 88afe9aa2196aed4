package io.riskpulse.model.risk.liquidity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many days it takes to unwind a position trading at most a fixed share of the market's volume:
 * {@code days = |position| / (participationRate × ADV)}, position and ADV in instrument units (shares,
 * contracts) and ADV per day. Pure and stateless.
 *
 * <p>Fails closed: a missing (NaN or absent), zero or negative ADV gives {@link LiquidityEstimate#unknown}, never
 * 0 days.
 */
public final class DaysToLiquidate {

  private DaysToLiquidate() {}

  /**
   * Days to liquidate one position.
   *
   * @param quantity signed position, instrument units
   * @param averageDailyVolume ADV, instrument units per day; NaN when unknown
   * @param participationRate share of ADV traded per day, in (0, 1]
   */
  public static LiquidityEstimate of(double quantity, double averageDailyVolume, double participationRate) {
    if (!(participationRate > 0 && participationRate <= 1)) {
      throw new IllegalArgumentException("participation rate must be in (0, 1], was " + participationRate);
    }
    if (!Double.isFinite(quantity)) {
      return LiquidityEstimate.unknown("position quantity is " + quantity);
    }
    if (Double.isNaN(averageDailyVolume)) {
      return LiquidityEstimate.unknown("no average daily volume");
    }
    if (!(averageDailyVolume > 0) || Double.isInfinite(averageDailyVolume)) {
      return LiquidityEstimate.unknown("average daily volume must be positive and finite, was " + averageDailyVolume);
    }
    return LiquidityEstimate.known(Math.abs(quantity) / (participationRate * averageDailyVolume));
  }

  /**
   * Days to liquidate every non-zero position, in symbol order; a symbol absent from {@code adv} is unknown.
   *
   * @param positions signed quantity per symbol, instrument units
   * @param averageDailyVolume ADV per symbol, instrument units per day
   */
  public static Map<String, LiquidityEstimate> perPosition(
      Map<String, Double> positions, Map<String, Double> averageDailyVolume, double participationRate) {
    Map<String, LiquidityEstimate> days = new LinkedHashMap<>();
    for (Map.Entry<String, Double> position : new TreeMap<>(positions).entrySet()) {
      if (position.getValue() == 0) {
        continue;
      }
      Double adv = averageDailyVolume.get(position.getKey());
      days.put(position.getKey(), adv == null
          ? LiquidityEstimate.unknown("no average daily volume for " + position.getKey())
          : of(position.getValue(), adv, participationRate));
    }
    return Collections.unmodifiableMap(days);
  }

  /**
   * The days to liquidate the whole book when positions unwind in parallel: the longest of them; unknown when any
   * position's is unknown (the reason names it); 0 for an empty book.
   */
  public static LiquidityEstimate longest(Map<String, LiquidityEstimate> perPosition) {
    double longest = 0;
    for (Map.Entry<String, LiquidityEstimate> days : perPosition.entrySet()) {
      if (!days.getValue().known()) {
        return LiquidityEstimate.unknown(days.getKey() + ": " + days.getValue().reason());
      }
      longest = Math.max(longest, days.getValue().value());
    }
    return LiquidityEstimate.known(longest);
  }
}

package io.riskpulse.model.risk.live;

import io.riskpulse.model.CborSerializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live risk figures of one portfolio, as its entity last computed them. Amounts in the reporting currency,
 * losses positive, 1-day horizon, historical simulation over the node's scenario set; liquidity in days.
 * Immutable.
 *
 * <p>Fails closed: a figure that cannot be computed for every open position (an instrument without scenarios,
 * without a price or FX rate, that a stress scenario cannot move, or without an average daily volume) is NaN,
 * never a number computed from the other positions, and {@code problems} says why. A limit judged on NaN
 * breaches.
 *
 * @param valueAtRisk99 99% VaR: the 6th largest loss of 500 scenarios (see
 *     {@link io.riskpulse.model.risk.measure.HistoricalVar} for the quantile rule)
 * @param expectedShortfall975 97.5% expected shortfall: the mean of the 13 largest losses of 500 scenarios
 * @param worstStressLoss loss under the worst configured stress scenario (negative when even that one gains),
 *     0 when flat or none is configured
 * @param worstStressScenario name of that scenario, {@code ""} when none
 * @param varProblems why VaR and expected shortfall are NaN, one line each; empty when they are numbers
 * @param stressProblems why the stress loss is NaN, one line each; empty when it is a number
 * @param scenarioSetId identity of the scenario set the figures come from (see
 *     {@link RiskModel#scenarioSetId()}); vectors of different sets are never added
 * @param scenarioCount scenarios in that set
 * @param asOfMillis when these figures were last confirmed to reflect the positions and prices, epoch ms
 * @param maxDaysToLiquidate days to unwind the least liquid position at the configured participation rate:
 *     max over open positions of |quantity| / (participation rate &times; ADV), ADV from the instrument reference;
 *     0 when flat; NaN when any position's ADV is unknown (see
 *     {@link io.riskpulse.model.risk.liquidity.DaysToLiquidate})
 * @param leastLiquidSymbol the position that takes longest, {@code ""} when flat or unknown
 * @param liquidityProblems why {@code maxDaysToLiquidate} is NaN, one line per position (each naming its
 *     instrument); empty when it is a number
 * @param stressLossByScenario loss under each configured stress scenario (positive = loss), in configuration
 *     order; NaN for a scenario that cannot move every position (see {@code stressProblems}); empty when flat,
 *     when none is configured, or when not computed
 */
public record RiskMeasures(
    double valueAtRisk99,
    double expectedShortfall975,
    double worstStressLoss,
    String worstStressScenario,
    List<String> varProblems,
    List<String> stressProblems,
    String scenarioSetId,
    int scenarioCount,
    long asOfMillis,
    double maxDaysToLiquidate,
    String leastLiquidSymbol,
    List<String> liquidityProblems,
    Map<String, Double> stressLossByScenario)
    implements CborSerializable {

  public RiskMeasures {
    worstStressScenario = worstStressScenario == null ? "" : worstStressScenario;
    varProblems = varProblems == null ? List.of() : List.copyOf(varProblems);
    stressProblems = stressProblems == null ? List.of() : List.copyOf(stressProblems);
    scenarioSetId = scenarioSetId == null ? "" : scenarioSetId;
    leastLiquidSymbol = leastLiquidSymbol == null ? "" : leastLiquidSymbol;
    liquidityProblems = liquidityProblems == null ? List.of() : List.copyOf(liquidityProblems);
    stressLossByScenario = stressLossByScenario == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(stressLossByScenario));
  }

  /** Figures without the per-scenario stress losses (empty). */
  public RiskMeasures(double valueAtRisk99, double expectedShortfall975, double worstStressLoss,
      String worstStressScenario, List<String> varProblems, List<String> stressProblems, String scenarioSetId,
      int scenarioCount, long asOfMillis, double maxDaysToLiquidate, String leastLiquidSymbol,
      List<String> liquidityProblems) {
    this(valueAtRisk99, expectedShortfall975, worstStressLoss, worstStressScenario, varProblems, stressProblems,
        scenarioSetId, scenarioCount, asOfMillis, maxDaysToLiquidate, leastLiquidSymbol, liquidityProblems,
        Map.of());
  }

  /**
   * Figures without liquidity: days to liquidate NaN, "not computed" (the fields before liquidity existed, for
   * callers that judge no liquidity limit).
   */
  public RiskMeasures(double valueAtRisk99, double expectedShortfall975, double worstStressLoss,
      String worstStressScenario, List<String> varProblems, List<String> stressProblems, String scenarioSetId,
      int scenarioCount, long asOfMillis) {
    this(valueAtRisk99, expectedShortfall975, worstStressLoss, worstStressScenario, varProblems, stressProblems,
        scenarioSetId, scenarioCount, asOfMillis, Double.NaN, "", List.of("not computed"));
  }

  /** Nothing could be computed: every figure NaN, for {@code reason}. */
  public static RiskMeasures unavailable(String reason, long asOfMillis) {
    return new RiskMeasures(Double.NaN, Double.NaN, Double.NaN, "", List.of(reason), List.of(reason), "", 0,
        asOfMillis, Double.NaN, "", List.of(reason), Map.of());
  }

  /** The same figures, confirmed current at {@code asOfMillis}. */
  public RiskMeasures withAsOf(long asOfMillis) {
    return new RiskMeasures(valueAtRisk99, expectedShortfall975, worstStressLoss, worstStressScenario,
        varProblems, stressProblems, scenarioSetId, scenarioCount, asOfMillis, maxDaysToLiquidate,
        leastLiquidSymbol, liquidityProblems, stressLossByScenario);
  }

  /** The same figures with the liquidity figures replaced. */
  public RiskMeasures withLiquidity(double maxDaysToLiquidate, String leastLiquidSymbol,
      List<String> liquidityProblems) {
    return new RiskMeasures(valueAtRisk99, expectedShortfall975, worstStressLoss, worstStressScenario,
        varProblems, stressProblems, scenarioSetId, scenarioCount, asOfMillis, maxDaysToLiquidate,
        leastLiquidSymbol, liquidityProblems, stressLossByScenario);
  }

  /** True when every figure is a number. */
  public boolean complete() {
    return varProblems.isEmpty() && stressProblems.isEmpty() && liquidityProblems.isEmpty();
  }

}

package io.riskpulse.model.detect;

import io.riskpulse.model.history.ReturnType;
import io.riskpulse.model.history.ScenarioSet;
import io.riskpulse.model.market.OrderBookView;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * What a portfolio's detectors need from the node: their settings, the node's market surveillance, its books
 * (traded volume for the volume share) and each instrument's daily volatility (for the square-root impact).
 * Shared by every entity on the node; each member is thread-safe.
 *
 * @param dailyVolatility σ of an instrument's daily returns (fraction), NaN when unknown
 */
public record DetectionEnvironment(DetectionSettings settings, MarketConditions market, OrderBookView books,
    ToDoubleFunction<String> dailyVolatility) {

  /** No detection (environments built without a node). */
  public static final DetectionEnvironment OFF = new DetectionEnvironment(DetectionSettings.OFF,
      MarketConditions.NONE, new OrderBookView(), symbol -> Double.NaN);

  public boolean enabled() {
    return settings.enabled();
  }

  /**
   * Each instrument's daily volatility as the standard deviation of its relative daily returns in the scenario
   * set (the risk model's history); NaN for an instrument without one or with absolute (price-difference) returns.
   */
  public static ToDoubleFunction<String> dailyVolatilities(ScenarioSet scenarios) {
    Map<String, Double> sigmas = new HashMap<>();
    if (scenarios != null) {
      for (String symbol : scenarios.symbols()) {
        int index = scenarios.indexOf(symbol);
        double[] shocks = scenarios.shocks(index);
        if (scenarios.returnType(index) == ReturnType.RELATIVE && shocks.length > 1) {
          sigmas.put(symbol, new StandardDeviation().evaluate(shocks));
        }
      }
    }
    Map<String, Double> fixed = Map.copyOf(sigmas);
    return symbol -> fixed.getOrDefault(symbol, Double.NaN);
  }
}

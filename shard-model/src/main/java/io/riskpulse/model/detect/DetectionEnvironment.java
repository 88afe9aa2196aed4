package io.riskpulse.model.detect;

import io.riskpulse.model.market.OrderBookView;
import java.util.function.ToDoubleFunction;

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
}

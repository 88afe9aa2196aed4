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
 * Shared by every entity on the node; thread-safe (each member is, and the pause switch is volatile).
 */
public final class DetectionEnvironment {

  /** No detection (environments built without a node). */
  public static final DetectionEnvironment OFF = new DetectionEnvironment(DetectionSettings.OFF,
      MarketConditions.NONE, new OrderBookView(), symbol -> Double.NaN);

  private final DetectionSettings settings;
  private final MarketConditions market;
  private final OrderBookView books;
  private final ToDoubleFunction<String> dailyVolatility;
  private final CheckpointRestores checkpointRestores;
  private volatile boolean paused;

  /**
   * @param dailyVolatility σ of an instrument's daily returns (fraction), NaN when unknown
   */
  public DetectionEnvironment(DetectionSettings settings, MarketConditions market, OrderBookView books,
      ToDoubleFunction<String> dailyVolatility) {
    this(settings, market, books, dailyVolatility, CheckpointRestores.UNLIMITED);
  }

  /**
   * @param dailyVolatility σ of an instrument's daily returns (fraction), NaN when unknown
   * @param checkpointRestores the node's turns for restoring the detectors' checkpoints
   */
  public DetectionEnvironment(DetectionSettings settings, MarketConditions market, OrderBookView books,
      ToDoubleFunction<String> dailyVolatility, CheckpointRestores checkpointRestores) {
    this.settings = settings;
    this.market = market;
    this.books = books;
    this.dailyVolatility = dailyVolatility;
    this.checkpointRestores = checkpointRestores;
  }

  public DetectionSettings settings() {
    return settings;
  }

  public MarketConditions market() {
    return market;
  }

  public OrderBookView books() {
    return books;
  }

  public ToDoubleFunction<String> dailyVolatility() {
    return dailyVolatility;
  }

  /** The node's turns for restoring the detectors' checkpoints, shared by its portfolios. */
  public CheckpointRestores checkpointRestores() {
    return checkpointRestores;
  }

  /** Whether detectors run: enabled by configuration and not paused. */
  public boolean enabled() {
    return settings.enabled() && !paused;
  }

  /**
   * Pauses or resumes every portfolio's detectors on this node at once (what they see while paused is not
   * learned). The benchmark of detection's per-fill cost alternates the two in one run; open episodes stay open.
   */
  public void paused(boolean paused) {
    this.paused = paused;
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

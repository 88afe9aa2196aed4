package io.riskpulse.model.detect.flow;

import java.util.List;

/**
 * The order-flow features of one strategy at one instant: what the runaway detector judges against the strategy's
 * own norm, and the vector the strategy's anomaly model scores.
 *
 * @param messagesPerSecond new + replace + cancel messages in the current second
 * @param newOrdersPerSecond new orders in the current second
 * @param cancelRatio cancels / new orders over the last 10 seconds (0 without new orders)
 * @param orderToTradeRatio order messages / fills over the last 10 seconds (the messages when no fill)
 * @param oneWayFills |buy fills − sell fills| over the last 10 seconds
 * @param netNotional |bought − sold| notional over the last 60 seconds, price currency
 * @param largestOrderNotional largest new-order notional (quantity × price) in the current second, price currency
 */
public record OrderFlowFeatures(
    double messagesPerSecond,
    double newOrdersPerSecond,
    double cancelRatio,
    double orderToTradeRatio,
    double oneWayFills,
    double netNotional,
    double largestOrderNotional) {

  /** Feature names, in {@link #toArray()} order. */
  public static final List<String> NAMES = List.of("messagesPerSecond", "newOrdersPerSecond", "cancelRatio",
      "orderToTradeRatio", "oneWayFills", "netNotional", "largestOrderNotional");

  public static final OrderFlowFeatures IDLE = new OrderFlowFeatures(0, 0, 0, 0, 0, 0, 0);

  /** The features as a vector, in {@link #NAMES} order. */
  public double[] toArray() {
    return new double[] {messagesPerSecond, newOrdersPerSecond, cancelRatio, orderToTradeRatio, oneWayFills,
        netNotional, largestOrderNotional};
  }
}

package io.riskpulse.model.orderflow;

import io.riskpulse.model.CborSerializable;

/**
 * Order-flow statistics of a portfolio or one of its strategies at one instant.
 *
 * @param openOrders orders sent and neither cancelled, rejected nor filled (an order is filled when fills naming
 *     its ClOrdID add up to its quantity; fills that do not name their order leave it counted until it is
 *     cancelled or forgotten; the tracker keeps at most 10,000)
 * @param messagesLastSecond new + replace + cancel messages in the current second
 * @param messagesLastMinute the same over the last 60 seconds
 * @param ordersLastMinute new orders over the last 60 seconds
 * @param fillsLastSecond executions in the current second
 * @param fillsLastMinute executions over the last 60 seconds
 * @param cancelRatio cancels / new orders over the last minute (0 when no new orders)
 * @param orderToTradeRatio order messages / fills over the last minute (messages when no fills)
 * @param rejectsLastMinute orders rejected by the venue/OMS over the last minute
 * @param ordersLastSecond new orders in the current second
 */
public record OrderFlowView(
    int openOrders,
    long messagesLastSecond,
    long messagesLastMinute,
    long ordersLastMinute,
    long fillsLastSecond,
    long fillsLastMinute,
    double cancelRatio,
    double orderToTradeRatio,
    long rejectsLastMinute,
    long ordersLastSecond)
    implements CborSerializable {

  public static final OrderFlowView EMPTY = new OrderFlowView(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

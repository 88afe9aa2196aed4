package io.riskpulse.model.portfolio;

import io.riskpulse.model.instrument.InstrumentRegistry;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;

/** Edge validation of an order-flow message. Pure; returns a rejection or {@code null} when valid. */
public final class OrderValidation {

  private OrderValidation() {}

  /**
   * The reason portfolio {@code portfolioId} must refuse this message, or {@code null}. New and replace
   * messages need a positive finite quantity and a finite price ≥ 0 (0 = market order); replace and cancel
   * need the order they refer to.
   */
  public static Reply validate(OrderEvent order, String portfolioId, InstrumentRegistry instruments) {
    if (order == null || order.action() == null) {
      return Reply.rejected(RejectReason.INVALID_ORDER, "order action is missing");
    }
    if (ExecutionValidation.isBlank(order.orderId())) {
      return Reply.rejected(RejectReason.INVALID_FIELD, "orderId is missing");
    }
    if (!portfolioId.equals(order.portfolioId())) {
      return Reply.rejected(RejectReason.INVALID_FIELD,
          "portfolioId '" + order.portfolioId() + "' does not match portfolio '" + portfolioId + "'");
    }
    if (!instruments.contains(order.symbol())) {
      return Reply.rejected(RejectReason.UNKNOWN_INSTRUMENT,
          "symbol '" + order.symbol() + "' is not in the instrument reference");
    }
    if (order.side() == null) {
      return Reply.rejected(RejectReason.INVALID_SIDE, "side is missing (BUY or SELL)");
    }
    boolean sizes = order.action() == OrderAction.NEW || order.action() == OrderAction.REPLACE;
    if (sizes && (!(order.quantity() > 0) || Double.isInfinite(order.quantity()))) {
      return Reply.rejected(RejectReason.INVALID_QUANTITY,
          "quantity must be a positive finite number, was " + order.quantity());
    }
    if (sizes && (!(order.price() >= 0) || Double.isInfinite(order.price()))) {
      return Reply.rejected(RejectReason.INVALID_PRICE,
          "price must be a finite number >= 0 (0 = market), was " + order.price());
    }
    boolean refers = order.action() == OrderAction.REPLACE || order.action() == OrderAction.CANCEL;
    if (refers && ExecutionValidation.isBlank(order.origOrderId())) {
      return Reply.rejected(RejectReason.INVALID_ORDER, order.action() + " needs origOrderId");
    }
    return null;
  }
}

package io.riskpulse.model.orderflow;

/** What happened to an order, as seen on the order flow (fills travel separately, as executions). */
public enum OrderAction {
  /** A new order was sent (FIX NewOrderSingle, 35=D). */
  NEW,
  /** An order was amended (FIX OrderCancelReplaceRequest, 35=G). */
  REPLACE,
  /** An order cancel was requested (FIX OrderCancelRequest, 35=F). */
  CANCEL,
  /** The venue or OMS rejected an order (FIX ExecutionReport with ExecType=8). */
  REJECT
}

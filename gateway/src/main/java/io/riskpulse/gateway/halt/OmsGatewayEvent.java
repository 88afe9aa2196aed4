package io.riskpulse.gateway.halt;

import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;

/**
 * The OMS gateway's journal: every step of every delivery (a halt, or a rebalance's orders), so that an auditor
 * sees when each OMS was asked and answered, and a restarted gateway resumes what was in flight. Times are epoch
 * milliseconds of the node's clock. Event classes are never changed incompatibly: add nullable fields.
 */
public sealed interface OmsGatewayEvent extends CborSerializable {

  /** The halt id or rebalance id the event is about. */
  String deliveryId();

  long atMillis();

  /** A halt was handed to the gateway; from here on it is the gateway's to deliver. */
  record HaltRequested(ActiveHalt halt, long atMillis) implements OmsGatewayEvent {
    @Override
    public String deliveryId() {
      return halt.haltId();
    }
  }

  /** The halt's scope was resolved to accounts and working orders: the instruction every endpoint is sent. */
  record HaltResolved(String deliveryId, HaltInstruction instruction, long atMillis) implements OmsGatewayEvent {}

  /** An approved rebalance was handed to the gateway: its orders are entered at every endpoint. */
  record OrdersRequested(RebalanceInstruction orders, long atMillis) implements OmsGatewayEvent {
    @Override
    public String deliveryId() {
      return orders.rebalanceId();
    }
  }

  /** The instruction went to an endpoint (attempt 1, 2, ...). */
  record DeliverySent(String deliveryId, String endpoint, int attempt, long atMillis) implements OmsGatewayEvent {}

  /**
   * The endpoint's OMS acknowledged the whole instruction.
   *
   * @param detail what the OMS answered, e.g. {@code 35=r MassCancelResponse=7 TotalAffectedOrders=3}
   * @param ordersAffected orders the OMS reported cancelled, -1 when it did not say
   */
  record DeliveryAcknowledged(String deliveryId, String endpoint, String detail, int ordersAffected, long atMillis)
      implements OmsGatewayEvent {}

  /**
   * An attempt failed. A retryable failure is retried with backoff (and at once when the endpoint reconnects); a
   * final one ends that endpoint's delivery and needs a person.
   */
  record DeliveryFailed(String deliveryId, String endpoint, int attempt, String reason, boolean retryable,
      long atMillis) implements OmsGatewayEvent {}
}

package io.riskpulse.gateway.halt;

import io.riskpulse.gateway.oms.OmsAck;
import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** Commands of the OMS gateway. {@link Request}, {@link SubmitOrders} and {@link GetDeliveries} come from outside. */
public sealed interface OmsGatewayCommand extends CborSerializable {

  /**
   * Take a halt: answered with success once the gateway has journaled it (and the journal is flushed), so the
   * sender may stop retrying. Idempotent by halt id: a halt already taken is answered with success at once.
   */
  record Request(ActiveHalt halt, ActorRef<StatusReply<Done>> replyTo) implements OmsGatewayCommand {}

  /**
   * Enter an approved rebalance's orders at every endpoint: answered with success once journaled and flushed.
   * Idempotent by rebalance id.
   */
  record SubmitOrders(RebalanceInstruction orders, ActorRef<StatusReply<Done>> replyTo)
      implements OmsGatewayCommand {}

  /** Every halt and rebalance the gateway has taken and where each endpoint stands, oldest first. */
  record GetDeliveries(ActorRef<OmsDeliveries> replyTo) implements OmsGatewayCommand {}

  /** Internal: the scope of halt {@code deliveryId} resolved ({@code failure} is "" then) or could not be resolved. */
  record ScopeResolved(String deliveryId, HaltInstruction instruction, String failure) implements OmsGatewayCommand {}

  /** Internal: an endpoint answered one attempt (of a halt or rebalance), with an acknowledgement or a failure. */
  record EndpointAnswered(String deliveryId, String endpoint, int attempt, OmsAck ack, String failure,
      boolean retryable)
      implements OmsGatewayCommand {}

  /**
   * Internal: try {@code endpoint} again for {@code deliveryId}; with the "" endpoint, resolve a halt's scope or
   * send a ready delivery to every endpoint.
   */
  record Retry(String deliveryId, String endpoint) implements OmsGatewayCommand {}

  /** Internal: {@code endpoint} (re)connected; re-send every halt it has not acknowledged. */
  record EndpointConnected(String endpoint) implements OmsGatewayCommand {}
}

package io.riskpulse.gateway.halt;

import io.riskpulse.gateway.oms.OmsAck;
import io.riskpulse.model.CborSerializable;
import io.riskpulse.model.halt.ActiveHalt;
import io.riskpulse.model.halt.HaltInstruction;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** Commands of the OMS gateway. Only {@link Request} and {@link GetDeliveries} come from outside. */
public sealed interface OmsGatewayCommand extends CborSerializable {

  /**
   * Take a halt: answered with success once the gateway has journaled it (and the journal is flushed), so the
   * sender may stop retrying. Idempotent by halt id: a halt already taken is answered with success at once.
   */
  record Request(ActiveHalt halt, ActorRef<StatusReply<Done>> replyTo) implements OmsGatewayCommand {}

  /** Every halt the gateway has taken and where each endpoint stands, oldest first. */
  record GetDeliveries(ActorRef<HaltDeliveries> replyTo) implements OmsGatewayCommand {}

  /** Internal: the scope of {@code haltId} resolved ({@code failure} is "" then) or could not be resolved. */
  record ScopeResolved(String haltId, HaltInstruction instruction, String failure) implements OmsGatewayCommand {}

  /** Internal: an endpoint answered one attempt, with an acknowledgement or a failure. */
  record EndpointAnswered(String haltId, String endpoint, int attempt, OmsAck ack, String failure, boolean retryable)
      implements OmsGatewayCommand {}

  /** Internal timer: try {@code endpoint} again for {@code haltId}, or resolve the scope again ("" endpoint). */
  record Retry(String haltId, String endpoint) implements OmsGatewayCommand {}

  /** Internal: {@code endpoint} (re)connected; re-send every halt it has not acknowledged. */
  record EndpointConnected(String endpoint) implements OmsGatewayCommand {}
}

package io.riskpulse.gateway.halt;

import io.riskpulse.model.CborSerializable;

/**
 * Where the delivery of one halt to one OMS endpoint stands.
 *
 * @param endpoint the endpoint's name
 * @param status pending (not yet sent, or failed and to be retried), sent (waiting for the answer), acknowledged,
 *     or failed for good
 * @param attempts attempts sent so far
 * @param detail the last answer or failure, {@code ""} before any
 * @param atMillis when the status last changed, epoch milliseconds; 0 before any step
 */
public record EndpointDelivery(String endpoint, Status status, int attempts, String detail, long atMillis)
    implements CborSerializable {

  /** Delivery status of one halt at one endpoint. */
  public enum Status {
    PENDING,
    SENT,
    ACKNOWLEDGED,
    FAILED
  }

  static EndpointDelivery pending(String endpoint) {
    return new EndpointDelivery(endpoint, Status.PENDING, 0, "", 0);
  }

  /** Whether this endpoint still has to acknowledge the halt. */
  public boolean open() {
    return status == Status.PENDING || status == Status.SENT;
  }
}

package io.riskpulse.model.alert;

import io.riskpulse.model.CborSerializable;

/**
 * The journal event an alert signal came from: the source entity's persistence id and the event's sequence number
 * in it. Unique per event, so it is also the idempotency key of a signal.
 *
 * @param persistenceId e.g. {@code Portfolio|P1}, {@code KillSwitch|firm}, {@code OmsGateway}
 * @param sequenceNr the event's sequence number in that journal, from 1
 */
public record SourceRef(String persistenceId, long sequenceNr) implements CborSerializable {

  @Override
  public String toString() {
    return persistenceId + "#" + sequenceNr;
  }
}

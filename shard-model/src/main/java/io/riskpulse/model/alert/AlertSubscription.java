package io.riskpulse.model.alert;

/** A subscription to the alert topic on this node; {@link #close()} ends it. Thread-safe. */
public interface AlertSubscription extends AutoCloseable {

  /** Stops delivering; notifications already on their way may still arrive. Idempotent. */
  @Override
  void close();
}

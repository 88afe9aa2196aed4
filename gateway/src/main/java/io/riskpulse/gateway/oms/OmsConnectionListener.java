package io.riskpulse.gateway.oms;

/**
 * Told when an {@link OmsEndpoint}'s connection to its OMS comes up or goes down. The gateway actor re-sends
 * every halt not yet acknowledged by that endpoint on {@link #onConnected}, because a drop may have lost the
 * request or its acknowledgement (re-sends are idempotent, see {@link OmsEndpoint#cancel}).
 *
 * <p>Called on the endpoint's transport thread (for FIX, the QuickFIX/J session thread): implementations must be
 * thread-safe and must not block (tell an actor, complete a future). An exception thrown here is logged and
 * otherwise ignored.
 */
public interface OmsConnectionListener {

  /**
   * The endpoint is connected and can deliver: for FIX, the session has just logged on (first connect or a
   * reconnect).
   *
   * @param endpoint the endpoint's {@link OmsEndpoint#name() name}
   */
  void onConnected(String endpoint);

  /**
   * The endpoint lost its connection; deliveries in flight have been failed as retryable. The endpoint
   * reconnects by itself (FIX: every ReconnectInterval).
   *
   * @param endpoint the endpoint's {@link OmsEndpoint#name() name}
   * @param reason human-readable cause, e.g. {@code "session logged out"}
   */
  default void onDisconnected(String endpoint, String reason) {}
}

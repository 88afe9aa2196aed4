package io.riskpulse.model.alert;

/**
 * In-process receiver of alert notifications (see {@link AlertSubscribers}). Called on the subscribing actor's
 * thread, one notification at a time, in the order the node received them: return quickly and never block (hand
 * slow work, such as network calls, to another executor). An exception is logged and the next notification still
 * arrives.
 */
@FunctionalInterface
public interface AlertListener {

  void onAlert(AlertNotification notification);
}

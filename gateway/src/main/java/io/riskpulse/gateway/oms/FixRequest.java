package io.riskpulse.gateway.oms;

import java.util.Objects;
import quickfix.Message;

/**
 * One FIX request a halt or a rebalance was split into, ready to send once (build a new one for a re-send:
 * QuickFIX/J stamps the header of a message when it sends it). Not thread-safe because the message is not.
 *
 * @param kind mass cancel (35=q), single-order cancel (35=F) or new order (35=D)
 * @param clOrdId our ClOrdID (11); deterministic per instruction, see {@link FixHaltMapping} and
 *     {@link FixRebalanceMapping}
 * @param origClOrdId for a 35=F, the ClOrdID (41) of the order to cancel; {@code ""} otherwise
 * @param label short description for logs and acknowledgements, e.g. {@code "35=q 530=7 1=P1"}
 * @param message the message to send
 */
record FixRequest(Kind kind, String clOrdId, String origClOrdId, String label, Message message) {

  /** Which FIX request this is. */
  enum Kind {
    /** OrderMassCancelRequest (35=q), acknowledged by an OrderMassCancelReport (35=r). */
    MASS_CANCEL,
    /** OrderCancelRequest (35=F), acknowledged by an ExecutionReport (35=8, 150=4) or OrderCancelReject (35=9). */
    ORDER_CANCEL,
    /**
     * NewOrderSingle (35=D), acknowledged by an ExecutionReport (35=8) that shows the order entered, or rejected as
     * a duplicate of an earlier send.
     */
    NEW_ORDER
  }

  FixRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(clOrdId, "clOrdId");
    Objects.requireNonNull(origClOrdId, "origClOrdId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(message, "message");
  }
}

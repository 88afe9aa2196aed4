package io.riskpulse.gateway.oms;

import io.riskpulse.gateway.oms.OmsDeliveryException.Instruction;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One instruction being delivered over a FIX session (a halt as cancels, or a rebalance as new orders): the
 * requests still waiting for an answer and what the answered ones said. The whole instruction is acknowledged when
 * no request is outstanding.
 *
 * <p>Not thread-safe: every method but {@link #future()} is called under the lock of the owning
 * {@link FixDeliveries}. The future (itself thread-safe) is completed by {@link FixDeliveries}, outside that lock.
 */
final class FixDelivery {

  /** How an ExecutionReport answered a NewOrderSingle that counts as acknowledged. */
  enum NewOrderAnswer {
    /** 150 = 0, A or F, or 39 = 0, 1, 2 or A: the OMS holds the order. */
    ACCEPTED,
    /** 150 = 8 with OrdRejReason 6: a duplicate of an earlier send, which the OMS entered. */
    DUPLICATE,
    /** 39 = 3, 4 or C (done for day, canceled, expired): entered, and already no longer working. */
    ENDED
  }

  private final Instruction instruction;
  private final String id;
  private final HaltInstruction halt;
  private final CompletableFuture<OmsAck> future = new CompletableFuture<>();
  private final Map<String, FixRequest> outstanding = new LinkedHashMap<>();
  private final List<String> massAnswers = new ArrayList<>();
  private final List<Integer> seqNums = new ArrayList<>();
  private FixRequest.Kind kind;
  private int requestCount;
  private String fallbackCause;
  private int ordersAffected;
  private boolean ordersAffectedUnknown;
  private int ordersCanceled;
  private int ordersNotWorking;
  private int ordersAccepted;
  private int ordersDuplicate;
  private int ordersEnded;

  /**
   * A halt.
   *
   * @param fallbackCause why single-order cancels are sent although the endpoint is configured for mass cancel,
   *     or {@code null}
   */
  FixDelivery(HaltInstruction halt, FixRequest.Kind kind, List<FixRequest> requests, String fallbackCause) {
    this.instruction = Instruction.HALT;
    this.id = halt.haltId();
    this.halt = halt;
    this.kind = kind;
    this.fallbackCause = fallbackCause;
    track(requests);
  }

  /** A rebalance: one NewOrderSingle per order. */
  FixDelivery(RebalanceInstruction rebalance, List<FixRequest> newOrders) {
    this.instruction = Instruction.REBALANCE;
    this.id = rebalance.rebalanceId();
    this.halt = null;
    this.kind = FixRequest.Kind.NEW_ORDER;
    track(newOrders);
  }

  /** The key of an instruction among the deliveries in flight: halts and rebalances never join each other. */
  static String key(Instruction instruction, String id) {
    return instruction.label() + ":" + id;
  }

  String key() {
    return key(instruction, id);
  }

  /** The halt being delivered; {@code null} for a rebalance. */
  HaltInstruction halt() {
    return halt;
  }

  /** The halt id or the rebalance id. */
  String id() {
    return id;
  }

  /** For logs: {@code "halt H"} or {@code "rebalance R"}. */
  String describe() {
    return instruction.label() + " " + id;
  }

  /** A failure of this delivery, naming its instruction. */
  OmsDeliveryException failure(String endpoint, boolean retryable, String reason) {
    return new OmsDeliveryException(endpoint, instruction, id, retryable, reason, null);
  }

  CompletableFuture<OmsAck> future() {
    return future;
  }

  FixRequest.Kind kind() {
    return kind;
  }

  /** The request with this ClOrdID if it is still waiting for an answer. */
  FixRequest outstanding(String clOrdId) {
    return outstanding.get(clOrdId);
  }

  Collection<FixRequest> outstandingRequests() {
    return List.copyOf(outstanding.values());
  }

  boolean done() {
    return outstanding.isEmpty();
  }

  /** Remembers the MsgSeqNum a request went out with, to forget it when the delivery ends. */
  void sentWith(int seqNum) {
    seqNums.add(seqNum);
  }

  List<Integer> seqNums() {
    return List.copyOf(seqNums);
  }

  /**
   * Drops the outstanding mass cancels and waits for single-order cancels instead.
   *
   * @param cause what the OMS answered to the mass cancel, for the acknowledgement's detail
   */
  void fallBackToOrderCancels(List<FixRequest> orderCancels, String cause) {
    outstanding.clear();
    massAnswers.clear();
    ordersAffected = 0;
    ordersAffectedUnknown = false;
    kind = FixRequest.Kind.ORDER_CANCEL;
    fallbackCause = cause;
    requestCount = 0;
    track(orderCancels);
  }

  /**
   * An OrderMassCancelReport accepted request {@code clOrdId}.
   *
   * @param answer e.g. {@code "35=r MassCancelResponse=7 TotalAffectedOrders=3"}
   * @param totalAffected TotalAffectedOrders (533), or {@code null} when absent
   */
  void massCancelAcknowledged(String clOrdId, String answer, Integer totalAffected) {
    FixRequest request = outstanding.remove(clOrdId);
    if (request == null) {
      return;
    }
    massAnswers.add(requestCount == 1 ? answer : request.label() + ": " + answer);
    if (totalAffected == null) {
      ordersAffectedUnknown = true;
    } else {
      ordersAffected += totalAffected;
    }
  }

  /**
   * A single-order cancel was answered as done.
   *
   * @param canceled {@code true} for ExecutionReport 150=4 (the order was working and is now canceled),
   *     {@code false} for OrderCancelReject (the order was no longer working)
   */
  void orderCancelAcknowledged(String clOrdId, boolean canceled) {
    if (outstanding.remove(clOrdId) == null) {
      return;
    }
    if (canceled) {
      ordersCanceled++;
    } else {
      ordersNotWorking++;
    }
  }

  /** A NewOrderSingle was answered as entered (or as entered by an earlier send). */
  void newOrderAcknowledged(String clOrdId, NewOrderAnswer answer) {
    if (outstanding.remove(clOrdId) == null) {
      return;
    }
    switch (answer) {
      case ACCEPTED:
        ordersAccepted++;
        break;
      case DUPLICATE:
        ordersDuplicate++;
        break;
      case ENDED:
        ordersEnded++;
        break;
      default:
        throw new IllegalStateException(answer.name());
    }
  }

  /** The acknowledgement of the whole instruction; call when {@link #done()}. */
  OmsAck ack(String endpoint) {
    String detail;
    int affected;
    if (kind == FixRequest.Kind.MASS_CANCEL) {
      detail = requestCount == 1 ? massAnswers.get(0)
          : requestCount + " x 35=q acknowledged: " + String.join("; ", massAnswers);
      affected = ordersAffectedUnknown ? OmsAck.UNKNOWN : ordersAffected;
    } else if (kind == FixRequest.Kind.NEW_ORDER) {
      detail = requestCount + " x 35=D acknowledged: " + ordersAccepted + " accepted (35=8), " + ordersDuplicate
          + " duplicate (35=8 150=8 103=6), " + ordersEnded + " ended (35=8 39=3/4/C)";
      affected = ordersAccepted + ordersEnded;
    } else {
      detail = requestCount + " x 35=F acknowledged: " + ordersCanceled + " canceled (35=8 150=4), "
          + ordersNotWorking + " no longer working (35=9)";
      if (fallbackCause != null) {
        detail = "OMS cannot mass cancel (" + fallbackCause + "), sent " + detail;
      }
      affected = ordersCanceled;
    }
    return new OmsAck(endpoint, id, detail, affected);
  }

  private void track(List<FixRequest> requests) {
    for (FixRequest request : requests) {
      outstanding.put(request.clOrdId(), request);
    }
    requestCount = outstanding.size();
  }
}

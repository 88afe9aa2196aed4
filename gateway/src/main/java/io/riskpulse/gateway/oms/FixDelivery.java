package io.riskpulse.gateway.oms;

import io.riskpulse.model.halt.HaltInstruction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One halt instruction being delivered over a FIX session: the requests still waiting for an answer and what the
 * answered ones said. The whole instruction is acknowledged when no request is outstanding.
 *
 * <p>Not thread-safe: every method but {@link #future()} is called under the lock of the owning
 * {@link FixDeliveries}. The future (itself thread-safe) is completed by {@link FixDeliveries}, outside that lock.
 */
final class FixDelivery {

  private final HaltInstruction instruction;
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

  /**
   * @param fallbackCause why single-order cancels are sent although the endpoint is configured for mass cancel,
   *     or {@code null}
   */
  FixDelivery(HaltInstruction instruction, FixRequest.Kind kind, List<FixRequest> requests, String fallbackCause) {
    this.instruction = instruction;
    this.kind = kind;
    this.fallbackCause = fallbackCause;
    track(requests);
  }

  HaltInstruction instruction() {
    return instruction;
  }

  String haltId() {
    return instruction.haltId();
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

  /** The acknowledgement of the whole instruction; call when {@link #done()}. */
  OmsAck ack(String endpoint) {
    String detail;
    int affected;
    if (kind == FixRequest.Kind.MASS_CANCEL) {
      detail = requestCount == 1 ? massAnswers.get(0)
          : requestCount + " x 35=q acknowledged: " + String.join("; ", massAnswers);
      affected = ordersAffectedUnknown ? OmsAck.UNKNOWN : ordersAffected;
    } else {
      detail = requestCount + " x 35=F acknowledged: " + ordersCanceled + " canceled (35=8 150=4), "
          + ordersNotWorking + " no longer working (35=9)";
      if (fallbackCause != null) {
        detail = "OMS cannot mass cancel (" + fallbackCause + "), sent " + detail;
      }
      affected = ordersCanceled;
    }
    return new OmsAck(endpoint, haltId(), detail, affected);
  }

  private void track(List<FixRequest> requests) {
    for (FixRequest request : requests) {
      outstanding.put(request.clOrdId(), request);
    }
    requestCount = outstanding.size();
  }
}

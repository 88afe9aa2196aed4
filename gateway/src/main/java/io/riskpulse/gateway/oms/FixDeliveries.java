package io.riskpulse.gateway.oms;

import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.ScopeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.BusinessRejectReason;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.CxlRejReason;
import quickfix.field.ExecType;
import quickfix.field.MassCancelRejectReason;
import quickfix.field.MassCancelResponse;
import quickfix.field.MsgType;
import quickfix.field.OrigClOrdID;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.SessionRejectReason;
import quickfix.field.Text;
import quickfix.field.TotalAffectedOrders;

/**
 * The halt deliveries in flight on one FIX session, and the rules that turn the OMS's answers into
 * acknowledgements, failures or a fallback to single-order cancels (the "Acknowledgement" and "Fallback" sections
 * of {@code docs/OMS.md}). Does no I/O: methods return the requests the caller must send.
 *
 * <p>Answers are matched to requests by ClOrdID (11), OrigClOrdID (41) for single-order cancels, or RefSeqNum
 * (45) for rejects, using the MsgSeqNum each request went out with ({@link #sent}).
 *
 * <p>Thread-safe: one lock guards all state; futures are completed after the lock is released, so a caller's
 * continuation can call back in.
 */
final class FixDeliveries {

  private static final Logger LOG = LoggerFactory.getLogger(FixDeliveries.class);

  private final String endpoint;
  private final boolean massCancelConfigured;
  private final Object lock = new Object();
  private final Map<String, FixDelivery> byHalt = new HashMap<>();
  private final Map<String, FixDelivery> byClOrdId = new HashMap<>();
  private final Map<String, FixDelivery> byOrigClOrdId = new HashMap<>();
  private final Map<Integer, String> clOrdIdBySeqNum = new HashMap<>();
  private boolean massCancelUnsupported;

  /**
   * @param endpoint the endpoint's name, for acknowledgements and failures
   * @param massCancelConfigured {@code false} when the OMS is configured as unable to mass cancel
   */
  FixDeliveries(String endpoint, boolean massCancelConfigured) {
    this.endpoint = endpoint;
    this.massCancelConfigured = massCancelConfigured;
  }

  /**
   * What {@link #begin} decided.
   *
   * @param delivery the new delivery, or {@code null} when the stage is already complete or joins one in flight
   * @param stage what to return to the caller of {@link OmsEndpoint#cancel}
   * @param toSend the requests to send now (empty unless {@code delivery} is set)
   */
  record Start(FixDelivery delivery, CompletionStage<OmsAck> stage, List<FixRequest> toSend) {}

  /**
   * Single-order cancels to send because the OMS refused a delivery's mass cancel.
   *
   * @param delivery the delivery that fell back, {@code null} for {@link #NONE}
   * @param toSend the OrderCancelRequests to send now
   */
  record Fallback(FixDelivery delivery, List<FixRequest> toSend) {
    static final Fallback NONE = new Fallback(null, List.of());
  }

  /**
   * Starts delivering an instruction. A delivery of the same halt still in flight is joined (FIX already
   * delivers in order within a session, and a drop fails it), an instruction with nothing to send is
   * acknowledged at once, otherwise the requests are registered before they are sent so no answer can be missed.
   */
  Start begin(HaltInstruction instruction) {
    synchronized (lock) {
      FixDelivery running = byHalt.get(instruction.haltId());
      if (running != null) {
        return new Start(null, running.future().copy(), List.of());
      }
      boolean strategy = instruction.scope().kind() == ScopeKind.STRATEGY;
      boolean perOrder = !massCancelConfigured || massCancelUnsupported || strategy;
      String fallbackCause = massCancelConfigured && massCancelUnsupported && !strategy
          ? "said so earlier in this session" : null;
      List<FixRequest> requests = perOrder ? FixHaltMapping.orderCancels(instruction)
          : FixHaltMapping.massCancels(instruction);
      if (perOrder) {
        warnOutOfScope(instruction);
      }
      if (requests.isEmpty()) {
        return new Start(null, nothingToSend(instruction, perOrder), List.of());
      }
      FixDelivery delivery = new FixDelivery(instruction,
          perOrder ? FixRequest.Kind.ORDER_CANCEL : FixRequest.Kind.MASS_CANCEL, requests, fallbackCause);
      byHalt.put(instruction.haltId(), delivery);
      register(delivery, requests);
      return new Start(delivery, delivery.future().copy(), requests);
    }
  }

  /** A request left with this MsgSeqNum (called from QuickFIX/J's toApp, before the bytes are written). */
  void sent(int seqNum, String clOrdId) {
    synchronized (lock) {
      FixDelivery delivery = byClOrdId.get(clOrdId);
      if (delivery != null) {
        clOrdIdBySeqNum.put(seqNum, clOrdId);
        delivery.sentWith(seqNum);
      }
    }
  }

  /**
   * An application message from the OMS. Returns the single-order cancels to send when it made a delivery fall
   * back from mass cancel, else an empty list.
   */
  Fallback onApplicationMessage(Message message) throws FieldNotFound {
    String msgType = message.getHeader().getString(MsgType.FIELD);
    List<Runnable> completions = new ArrayList<>();
    Fallback toSend;
    synchronized (lock) {
      switch (msgType) {
        case MsgType.ORDER_MASS_CANCEL_REPORT:
          toSend = onMassCancelReport(message, completions);
          break;
        case MsgType.EXECUTION_REPORT:
          onExecutionReport(message, completions);
          toSend = Fallback.NONE;
          break;
        case MsgType.ORDER_CANCEL_REJECT:
          onCancelReject(message, completions);
          toSend = Fallback.NONE;
          break;
        case MsgType.BUSINESS_MESSAGE_REJECT:
          toSend = onBusinessReject(message, completions);
          break;
        default:
          toSend = Fallback.NONE;
      }
    }
    completions.forEach(Runnable::run);
    return toSend;
  }

  /** A session-level Reject (35=3) from the OMS. Returns the single-order cancels to send after a fallback. */
  Fallback onSessionReject(Message reject) {
    List<Runnable> completions = new ArrayList<>();
    Fallback toSend = Fallback.NONE;
    synchronized (lock) {
      Integer refSeqNum = intOrNull(reject, RefSeqNum.FIELD);
      String clOrdId = refSeqNum == null ? null : clOrdIdBySeqNum.get(refSeqNum);
      FixDelivery delivery = clOrdId == null ? null : byClOrdId.get(clOrdId);
      FixRequest request = delivery == null ? null : delivery.outstanding(clOrdId);
      if (request != null) {
        Integer reason = intOrNull(reject, SessionRejectReason.FIELD);
        String cause = "35=3 SessionRejectReason=" + reason + text(reject);
        if (request.kind() == FixRequest.Kind.MASS_CANCEL) {
          // Invalid MsgType: the OMS has no 35=q at all. Anything else (typically Account, tag 1, not defined
          // for 35=q): this form is refused, so go per order for this instruction but try 35=q again next time.
          toSend = fallBack(delivery, cause, reason != null && reason == SessionRejectReason.INVALID_MSGTYPE,
              completions);
        } else {
          fail(delivery, false, "OMS refused " + request.label() + " with " + cause, completions);
        }
      }
    }
    completions.forEach(Runnable::run);
    return toSend;
  }

  /** Fails one delivery (send failed, timeout); no effect if it has already ended. */
  void fail(FixDelivery delivery, boolean retryable, String reason) {
    List<Runnable> completions = new ArrayList<>();
    synchronized (lock) {
      if (byHalt.get(delivery.haltId()) == delivery) {
        fail(delivery, retryable, reason, completions);
      }
    }
    completions.forEach(Runnable::run);
  }

  /** Fails a delivery that got no answer in time; no effect if it has already ended. */
  void timedOut(FixDelivery delivery, long timeoutMillis) {
    List<Runnable> completions = new ArrayList<>();
    synchronized (lock) {
      if (byHalt.get(delivery.haltId()) == delivery) {
        fail(delivery, true, "no acknowledgement within " + timeoutMillis + " ms for "
            + delivery.outstandingRequests().size() + " request(s), e.g. "
            + delivery.outstandingRequests().iterator().next().label(), completions);
      }
    }
    completions.forEach(Runnable::run);
  }

  /** Fails every delivery in flight (disconnect, close). */
  void failAll(boolean retryable, String reason) {
    List<Runnable> completions = new ArrayList<>();
    synchronized (lock) {
      for (FixDelivery delivery : List.copyOf(byHalt.values())) {
        fail(delivery, retryable, reason, completions);
      }
      clOrdIdBySeqNum.clear();
    }
    completions.forEach(Runnable::run);
  }

  /** A new session began (Logon): what the previous session learned about mass cancel no longer holds. */
  void sessionStarted() {
    synchronized (lock) {
      massCancelUnsupported = false;
      clOrdIdBySeqNum.clear();
    }
  }

  /** Whether the OMS has said, during this session, that it does not support OrderMassCancelRequest. */
  boolean massCancelUnsupported() {
    synchronized (lock) {
      return massCancelUnsupported;
    }
  }

  /** Number of deliveries waiting for answers. */
  int inFlight() {
    synchronized (lock) {
      return byHalt.size();
    }
  }

  private Fallback onMassCancelReport(Message report, List<Runnable> completions) throws FieldNotFound {
    String clOrdId = stringOrNull(report, ClOrdID.FIELD);
    FixDelivery delivery = clOrdId == null ? null : byClOrdId.get(clOrdId);
    FixRequest request = delivery == null ? null : delivery.outstanding(clOrdId);
    if (request == null || request.kind() != FixRequest.Kind.MASS_CANCEL) {
      LOG.debug("OMS {}: 35=r for ClOrdID {} matches no request in flight", endpoint, clOrdId);
      return Fallback.NONE;
    }
    char response = report.getChar(MassCancelResponse.FIELD);
    if (response != MassCancelResponse.CANCEL_REQUEST_REJECTED_SEE_MASSCANCELREJECTREASON) {
      Integer affected = intOrNull(report, TotalAffectedOrders.FIELD);
      String answer = "35=r MassCancelResponse=" + response
          + (affected == null ? "" : " TotalAffectedOrders=" + affected);
      delivery.massCancelAcknowledged(clOrdId, answer, affected);
      completeIfDone(delivery, completions);
      return Fallback.NONE;
    }
    Integer reason = intOrNull(report, MassCancelRejectReason.FIELD);
    String cause = "35=r MassCancelResponse=0 MassCancelRejectReason=" + reason + text(report);
    if (reason != null && reason == MassCancelRejectReason.MASS_CANCEL_NOT_SUPPORTED) {
      return fallBack(delivery, cause, true, completions);
    }
    fail(delivery, false, "OMS rejected " + request.label() + ": " + cause, completions);
    return Fallback.NONE;
  }

  private void onExecutionReport(Message report, List<Runnable> completions) throws FieldNotFound {
    if (report.getChar(ExecType.FIELD) != ExecType.CANCELED) {
      return;
    }
    FixRequest request = orderCancelFor(report);
    if (request != null) {
      FixDelivery delivery = byClOrdId.get(request.clOrdId());
      delivery.orderCancelAcknowledged(request.clOrdId(), true);
      completeIfDone(delivery, completions);
    }
  }

  private void onCancelReject(Message reject, List<Runnable> completions) {
    FixRequest request = orderCancelFor(reject);
    if (request == null) {
      return;
    }
    FixDelivery delivery = byClOrdId.get(request.clOrdId());
    Integer reason = intOrNull(reject, CxlRejReason.FIELD);
    if (reason == null || reason == CxlRejReason.TOO_LATE_TO_CANCEL || reason == CxlRejReason.UNKNOWN_ORDER
        || reason == CxlRejReason.ORDER_ALREADY_IN_PENDING_CANCEL_OR_PENDING_REPLACE_STATUS
        || reason == CxlRejReason.DUPLICATE_CLORDID_RECEIVED) {
      // Filled, unknown, already being cancelled, or this very cancel seen before: not working, as wanted.
      delivery.orderCancelAcknowledged(request.clOrdId(), false);
      completeIfDone(delivery, completions);
    } else {
      fail(delivery, false, "OMS refused " + request.label() + ": 35=9 CxlRejReason=" + reason + text(reject)
          + "; the order may still be working", completions);
    }
  }

  private Fallback onBusinessReject(Message reject, List<Runnable> completions) {
    String clOrdId = stringOrNull(reject, BusinessRejectRefID.FIELD);
    if (clOrdId == null || !byClOrdId.containsKey(clOrdId)) {
      Integer refSeqNum = intOrNull(reject, RefSeqNum.FIELD);
      clOrdId = refSeqNum == null ? null : clOrdIdBySeqNum.get(refSeqNum);
    }
    FixDelivery delivery = clOrdId == null ? null : byClOrdId.get(clOrdId);
    FixRequest request = delivery == null ? null : delivery.outstanding(clOrdId);
    if (request == null) {
      LOG.debug("OMS {}: 35=j matches no request in flight: {}", endpoint, reject);
      return Fallback.NONE;
    }
    Integer reason = intOrNull(reject, BusinessRejectReason.FIELD);
    String cause = "35=j RefMsgType=" + stringOrNull(reject, RefMsgType.FIELD) + " BusinessRejectReason=" + reason
        + text(reject);
    if (request.kind() == FixRequest.Kind.MASS_CANCEL && reason != null
        && reason == BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE) {
      return fallBack(delivery, cause, true, completions);
    }
    boolean retryable = reason != null && reason == BusinessRejectReason.APPLICATION_NOT_AVAILABLE;
    fail(delivery, retryable, "OMS rejected " + request.label() + ": " + cause, completions);
    return Fallback.NONE;
  }

  /** The outstanding single-order cancel an ExecutionReport or OrderCancelReject answers, if any. */
  private FixRequest orderCancelFor(Message message) {
    String clOrdId = stringOrNull(message, ClOrdID.FIELD);
    String origClOrdId = stringOrNull(message, OrigClOrdID.FIELD);
    FixRequest request = orderCancel(clOrdId == null ? null : byClOrdId.get(clOrdId), clOrdId);
    if (request == null && origClOrdId != null) {
      request = outstandingFor(byOrigClOrdId.get(origClOrdId), origClOrdId);
    }
    if (request == null && clOrdId != null) {
      // An unsolicited report about the order itself (e.g. canceled by something else), under its own ClOrdID.
      request = outstandingFor(byOrigClOrdId.get(clOrdId), clOrdId);
    }
    return request;
  }

  private static FixRequest orderCancel(FixDelivery delivery, String clOrdId) {
    FixRequest request = delivery == null ? null : delivery.outstanding(clOrdId);
    return request != null && request.kind() == FixRequest.Kind.ORDER_CANCEL ? request : null;
  }

  private static FixRequest outstandingFor(FixDelivery delivery, String origClOrdId) {
    if (delivery == null) {
      return null;
    }
    for (FixRequest request : delivery.outstandingRequests()) {
      if (request.kind() == FixRequest.Kind.ORDER_CANCEL && request.origClOrdId().equals(origClOrdId)) {
        return request;
      }
    }
    return null;
  }

  /**
   * The OMS refused a mass cancel in a way single-order cancels can work around: switch the delivery to them,
   * or fail it when no open order in scope is known.
   *
   * @param remember whether the OMS said it has no mass cancel at all (kept until the next Logon)
   */
  private Fallback fallBack(FixDelivery delivery, String cause, boolean remember,
      List<Runnable> completions) {
    if (remember) {
      massCancelUnsupported = true;
    }
    List<FixRequest> orderCancels = FixHaltMapping.orderCancels(delivery.instruction());
    if (orderCancels.isEmpty()) {
      fail(delivery, false, "OMS cannot mass cancel (" + cause + ") and no open orders are known in scope "
          + delivery.instruction().scope() + ", so there is nothing to cancel one by one", completions);
      return Fallback.NONE;
    }
    LOG.warn("OMS {} refused mass cancel for halt {} ({}); sending {} single-order cancels", endpoint,
        delivery.haltId(), cause, orderCancels.size());
    warnOutOfScope(delivery.instruction());
    unregister(delivery);
    byHalt.put(delivery.haltId(), delivery);
    delivery.fallBackToOrderCancels(orderCancels, cause);
    register(delivery, orderCancels);
    return new Fallback(delivery, orderCancels);
  }

  private OmsAck nothingToSendAck(HaltInstruction instruction, String why) {
    return new OmsAck(endpoint, instruction.haltId(), why + "; nothing sent", 0);
  }

  private CompletionStage<OmsAck> nothingToSend(HaltInstruction instruction, boolean perOrder) {
    if (!perOrder) {
      return CompletableFuture.completedFuture(nothingToSendAck(instruction,
          "scope " + instruction.scope() + " resolved to no accounts"));
    }
    boolean unsupportedNow = massCancelConfigured && massCancelUnsupported
        && instruction.scope().kind() != ScopeKind.STRATEGY;
    if (unsupportedNow) {
      return CompletableFuture.failedFuture(new OmsDeliveryException(endpoint, instruction.haltId(), false,
          "OMS cannot mass cancel (said so earlier in this session) and no open orders are known in scope "
              + instruction.scope() + ", so there is nothing to cancel one by one"));
    }
    return CompletableFuture.completedFuture(nothingToSendAck(instruction,
        "no open orders known in scope " + instruction.scope()));
  }

  private void warnOutOfScope(HaltInstruction instruction) {
    int ignored = instruction.openOrders().size() - FixHaltMapping.inScope(instruction).size();
    if (ignored > 0) {
      LOG.warn("OMS {}: halt {} lists {} open orders outside its scope {}; they are not cancelled", endpoint,
          instruction.haltId(), ignored, instruction.scope());
    }
  }

  private void register(FixDelivery delivery, List<FixRequest> requests) {
    for (FixRequest request : requests) {
      byClOrdId.put(request.clOrdId(), delivery);
      if (request.kind() == FixRequest.Kind.ORDER_CANCEL) {
        byOrigClOrdId.put(request.origClOrdId(), delivery);
      }
    }
  }

  private void unregister(FixDelivery delivery) {
    byHalt.remove(delivery.haltId(), delivery);
    byClOrdId.values().removeIf(d -> d == delivery);
    byOrigClOrdId.values().removeIf(d -> d == delivery);
    for (Integer seqNum : delivery.seqNums()) {
      clOrdIdBySeqNum.remove(seqNum);
    }
  }

  private void completeIfDone(FixDelivery delivery, List<Runnable> completions) {
    if (delivery.done()) {
      unregister(delivery);
      OmsAck ack = delivery.ack(endpoint);
      LOG.info("OMS {} acknowledged halt {}: {}", endpoint, delivery.haltId(), ack.detail());
      completions.add(() -> delivery.future().complete(ack));
    }
  }

  private void fail(FixDelivery delivery, boolean retryable, String reason, List<Runnable> completions) {
    unregister(delivery);
    OmsDeliveryException failure = new OmsDeliveryException(endpoint, delivery.haltId(), retryable, reason);
    LOG.warn("{}", failure.getMessage());
    completions.add(() -> delivery.future().completeExceptionally(failure));
  }

  private static String text(FieldMap message) {
    String text = stringOrNull(message, Text.FIELD);
    return text == null ? "" : " Text=" + text;
  }

  private static String stringOrNull(FieldMap message, int tag) {
    try {
      return message.isSetField(tag) ? message.getString(tag) : null;
    } catch (FieldNotFound e) {
      return null;
    }
  }

  private static Integer intOrNull(FieldMap message, int tag) {
    try {
      return message.isSetField(tag) ? message.getInt(tag) : null;
    } catch (FieldNotFound | RuntimeException e) {
      return null;
    }
  }
}

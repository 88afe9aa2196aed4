package io.riskpulse.gateway.oms;

import io.riskpulse.gateway.oms.OmsDeliveryException.Instruction;
import io.riskpulse.model.halt.HaltInstruction;
import io.riskpulse.model.halt.ScopeKind;
import io.riskpulse.model.risk.rebalance.RebalanceInstruction;
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
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrigClOrdID;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.SessionRejectReason;
import quickfix.field.Text;
import quickfix.field.TotalAffectedOrders;

/**
 * The deliveries in flight on one FIX session (halts as cancels, rebalances as new orders), and the rules that
 * turn the OMS's answers into acknowledgements, failures or a fallback to single-order cancels (the
 * "Acknowledgement", "Fallback" and "Rebalance orders" sections of {@code docs/OMS.md}). Does no I/O: methods
 * return the requests the caller must send.
 *
 * <p>Answers are matched to requests by ClOrdID (11), OrigClOrdID (41) for single-order cancels, or RefSeqNum
 * (45) for rejects, using the MsgSeqNum each request went out with ({@link #sent}). A halt and a rebalance are
 * separate deliveries even if their ids were equal; their ClOrdIDs, though, share one namespace per session, so
 * ids must be unique across both (they are UUIDs).
 *
 * <p>Thread-safe: one lock guards all state; futures are completed after the lock is released, so a caller's
 * continuation can call back in.
 */
final class FixDeliveries {

  private static final Logger LOG = LoggerFactory.getLogger(FixDeliveries.class);

  private final String endpoint;
  private final boolean massCancelConfigured;
  private final Object lock = new Object();
  private final Map<String, FixDelivery> byInstruction = new HashMap<>();
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
   * @param stage what to return to the caller of {@link OmsEndpoint#cancel} or {@link OmsEndpoint#submit}
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
      FixDelivery running = byInstruction.get(FixDelivery.key(Instruction.HALT, instruction.haltId()));
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
      byInstruction.put(delivery.key(), delivery);
      register(delivery, requests);
      return new Start(delivery, delivery.future().copy(), requests);
    }
  }

  /**
   * Starts delivering a rebalance: one NewOrderSingle per order. A delivery of the same rebalance still in flight
   * is joined; an instruction without orders is acknowledged at once, one that cannot be expressed in FIX fails at
   * once (not retryable); otherwise the orders are registered before they are sent so no answer can be missed.
   */
  Start begin(RebalanceInstruction instruction) {
    synchronized (lock) {
      FixDelivery running = byInstruction.get(FixDelivery.key(Instruction.REBALANCE, instruction.rebalanceId()));
      if (running != null) {
        return new Start(null, running.future().copy(), List.of());
      }
      if (instruction.orders().isEmpty()) {
        return new Start(null, CompletableFuture.completedFuture(new OmsAck(endpoint, instruction.rebalanceId(),
            "rebalance has no orders; nothing sent", 0)), List.of());
      }
      String invalid = FixRebalanceMapping.invalid(instruction);
      if (invalid != null) {
        return new Start(null, CompletableFuture.failedFuture(new OmsDeliveryException(endpoint,
            Instruction.REBALANCE, instruction.rebalanceId(), false, "cannot send as FIX orders: " + invalid
                + "; nothing sent", null)), List.of());
      }
      List<FixRequest> requests = FixRebalanceMapping.newOrders(instruction);
      FixDelivery delivery = new FixDelivery(instruction, requests);
      byInstruction.put(delivery.key(), delivery);
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
   * An application message from the OMS. Returns the single-order cancels to send when it made a halt fall back
   * from mass cancel, else an empty list.
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
      if (byInstruction.get(delivery.key()) == delivery) {
        fail(delivery, retryable, reason, completions);
      }
    }
    completions.forEach(Runnable::run);
  }

  /** Fails a delivery that got no answer in time; no effect if it has already ended. */
  void timedOut(FixDelivery delivery, long timeoutMillis) {
    List<Runnable> completions = new ArrayList<>();
    synchronized (lock) {
      if (byInstruction.get(delivery.key()) == delivery) {
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
      for (FixDelivery delivery : List.copyOf(byInstruction.values())) {
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
      return byInstruction.size();
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

  private void onExecutionReport(Message report, List<Runnable> completions) {
    onNewOrderReport(report, completions);
    Character execType = charOrNull(report, ExecType.FIELD);
    if (execType == null || execType != ExecType.CANCELED) {
      return;
    }
    FixRequest request = orderCancelFor(report);
    if (request != null) {
      FixDelivery delivery = byClOrdId.get(request.clOrdId());
      delivery.orderCancelAcknowledged(request.clOrdId(), true);
      completeIfDone(delivery, completions);
    }
  }

  /**
   * An ExecutionReport for an outstanding NewOrderSingle (matched by ClOrdID only: an OMS answers a new order
   * under the ClOrdID it was given). Rejected as a duplicate: the first send was entered, acknowledged; rejected
   * otherwise: fails, not retryable; accepted, or entered and already ended: acknowledged; anything else (never
   * the first answer of a sane OMS) is left for the next report or the timeout.
   */
  private void onNewOrderReport(Message report, List<Runnable> completions) {
    String clOrdId = stringOrNull(report, ClOrdID.FIELD);
    FixDelivery delivery = clOrdId == null ? null : byClOrdId.get(clOrdId);
    FixRequest request = delivery == null ? null : delivery.outstanding(clOrdId);
    if (request == null || request.kind() != FixRequest.Kind.NEW_ORDER) {
      return;
    }
    Character execType = charOrNull(report, ExecType.FIELD);
    Character ordStatus = charOrNull(report, OrdStatus.FIELD);
    FixDelivery.NewOrderAnswer answer;
    if (is(execType, ExecType.REJECTED) || is(ordStatus, OrdStatus.REJECTED)) {
      Integer reason = intOrNull(report, OrdRejReason.FIELD);
      if (reason == null || reason != OrdRejReason.DUPLICATE_ORDER) {
        fail(delivery, false, "OMS rejected " + request.label() + ": 35=8 ExecType=" + execType + " OrdStatus="
            + ordStatus + " OrdRejReason=" + reason + text(report), completions);
        return;
      }
      answer = FixDelivery.NewOrderAnswer.DUPLICATE;
    } else if (is(execType, ExecType.NEW) || is(execType, ExecType.PENDING_NEW) || is(execType, ExecType.TRADE)
        || is(ordStatus, OrdStatus.NEW) || is(ordStatus, OrdStatus.PARTIALLY_FILLED)
        || is(ordStatus, OrdStatus.FILLED) || is(ordStatus, OrdStatus.PENDING_NEW)) {
      answer = FixDelivery.NewOrderAnswer.ACCEPTED;
    } else if (is(ordStatus, OrdStatus.CANCELED) || is(ordStatus, OrdStatus.EXPIRED)
        || is(ordStatus, OrdStatus.DONE_FOR_DAY)) {
      // Entered, then cancelled or expired before any "new": the OMS has the ClOrdID, so a re-send would only be
      // refused as a duplicate (or, at an OMS that forgets ended orders, enter the order a second time).
      LOG.warn("OMS {}: order {} of {} was entered and has already ended: 35=8 ExecType={} OrdStatus={}{}",
          endpoint, clOrdId, delivery.describe(), execType, ordStatus, text(report));
      answer = FixDelivery.NewOrderAnswer.ENDED;
    } else {
      LOG.debug("OMS {}: 35=8 ExecType={} OrdStatus={} for {} neither acknowledges nor rejects it", endpoint,
          execType, ordStatus, request.label());
      return;
    }
    delivery.newOrderAcknowledged(clOrdId, answer);
    completeIfDone(delivery, completions);
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
    List<FixRequest> orderCancels = FixHaltMapping.orderCancels(delivery.halt());
    if (orderCancels.isEmpty()) {
      fail(delivery, false, "OMS cannot mass cancel (" + cause + ") and no open orders are known in scope "
          + delivery.halt().scope() + ", so there is nothing to cancel one by one", completions);
      return Fallback.NONE;
    }
    LOG.warn("OMS {} refused mass cancel for halt {} ({}); sending {} single-order cancels", endpoint,
        delivery.id(), cause, orderCancels.size());
    warnOutOfScope(delivery.halt());
    unregister(delivery);
    byInstruction.put(delivery.key(), delivery);
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
    byInstruction.remove(delivery.key(), delivery);
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
      LOG.info("OMS {} acknowledged {}: {}", endpoint, delivery.describe(), ack.detail());
      completions.add(() -> delivery.future().complete(ack));
    }
  }

  private void fail(FixDelivery delivery, boolean retryable, String reason, List<Runnable> completions) {
    unregister(delivery);
    OmsDeliveryException failure = delivery.failure(endpoint, retryable, reason);
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

  private static Character charOrNull(FieldMap message, int tag) {
    try {
      return message.isSetField(tag) ? message.getChar(tag) : null;
    } catch (FieldNotFound | RuntimeException e) {
      return null;
    }
  }

  private static boolean is(Character value, char expected) {
    return value != null && value == expected;
  }

  private static Integer intOrNull(FieldMap message, int tag) {
    try {
      return message.isSetField(tag) ? message.getInt(tag) : null;
    } catch (FieldNotFound | RuntimeException e) {
      return null;
    }
  }
}

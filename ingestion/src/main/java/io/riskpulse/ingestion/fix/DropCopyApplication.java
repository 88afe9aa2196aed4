package io.riskpulse.ingestion.fix;

import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;
import io.riskpulse.ingestion.event.IngestSink;
import io.riskpulse.ingestion.fix.DropCopyCounters.MessageKind;
import io.riskpulse.ingestion.fix.DropCopyCounters.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.MessageFactory;
import quickfix.MessageUtils;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.BusinessRejectReason;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.MsgType;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.RefTagID;
import quickfix.field.SessionRejectReason;
import quickfix.field.Text;

/**
 * The QuickFIX/J callbacks of the drop-copy acceptor: translate, hand to the sink, answer bad content with a
 * BusinessMessageReject, count everything.
 *
 * <p>Threading: with a {@code ThreadedSocketAcceptor} each session calls {@link #fromApp} on its own dispatcher
 * thread, in sequence-number order. {@link IngestSink#accept} may block that thread for backpressure; QuickFIX/J
 * then stops reading the socket once its per-session queue passes the upper watermark, so TCP pushes back on
 * the counterparty. QuickFIX/J advances the expected incoming sequence number only after {@code fromApp}
 * returns, so a message whose hand-off fails is not consumed: {@code fromApp} throws, QuickFIX/J logs it and the
 * next message (or the next logon) triggers a ResendRequest for it.
 *
 * <p>For the same reason {@code fromApp} returns only once the event is <em>handled</em> (a fill persisted in
 * its portfolio's journal, or refused into the quarantine), waiting at most {@code handledTimeout}: were it to
 * return on enqueue, a crash would lose the messages still in the pipeline, which the counterparty would never
 * resend. The cost is one journal round trip per message per session (about a millisecond); a message not
 * handled in time is left for resend, and a resent fill that was persisted after all is recognised by its
 * execution id.
 */
final class DropCopyApplication implements Application {

  private static final Logger LOG = LoggerFactory.getLogger(DropCopyApplication.class);

  private final IngestSink sink;
  private final DropCopyTranslator translator;
  private final MessageFactory messageFactory;
  private final DropCopyCounters counters;
  private final Duration handledTimeout;
  private final Set<Thread> handingOff = ConcurrentHashMap.newKeySet();
  private final Map<SessionID, String> sourceIds = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  DropCopyApplication(IngestSink sink, DropCopyTranslator translator, MessageFactory messageFactory,
      DropCopyCounters counters, Duration handledTimeout) {
    this.sink = sink;
    this.translator = translator;
    this.messageFactory = messageFactory;
    this.counters = counters;
    this.handledTimeout = handledTimeout;
  }

  /**
   * Refuses further hand-offs and interrupts session threads blocked in the sink, so that stopping never waits
   * for a full pipeline. Messages refused this way are resent by the counterparty after the next logon.
   */
  void beginStop() {
    stopping = true;
    handingOff.forEach(Thread::interrupt);
  }

  @Override
  public void onCreate(SessionID sessionId) {
    LOG.info("FIX drop-copy session {} created", sessionId);
  }

  @Override
  public void onLogon(SessionID sessionId) {
    counters.recordLogon();
    LOG.info("FIX drop-copy session {} logged on", sessionId);
  }

  @Override
  public void onLogout(SessionID sessionId) {
    counters.recordLogout();
    LOG.info("FIX drop-copy session {} logged out", sessionId);
  }

  @Override
  public void toAdmin(Message message, SessionID sessionId) {
    String msgType = msgType(message);
    if (MsgType.RESEND_REQUEST.equals(msgType)) {
      counters.recordResendRequestSent();
    } else if (MsgType.REJECT.equals(msgType)) {
      counters.recordSessionRejectSent();
      reportSessionReject(message, sessionId);
    }
  }

  @Override
  public void fromAdmin(Message message, SessionID sessionId) {
    String msgType = msgType(message);
    if (MsgType.RESEND_REQUEST.equals(msgType)) {
      counters.recordResendRequestReceived();
    } else if (MsgType.SEQUENCE_RESET.equals(msgType)) {
      counters.recordSequenceResetReceived();
    } else if (MsgType.REJECT.equals(msgType)) {
      counters.recordSessionRejectReceived();
    }
  }

  @Override
  public void toApp(Message message, SessionID sessionId) {
    // The acceptor sends only BusinessMessageRejects; nothing to decorate.
  }

  @Override
  public void fromApp(Message message, SessionID sessionId) {
    MessageKind kind = MessageKind.of(msgType(message));
    counters.recordReceived(kind);
    if (stopping) {
      counters.recordOutcome(kind, Outcome.NOT_HANDED_OFF);
      throw new IllegalStateException("drop-copy acceptor is stopping; message left for resend");
    }
    Translation translation = translator.translate(message);
    if (translation instanceof Translation.Accepted accepted) {
      handOff(kind, accepted.event());
      counters.recordOutcome(kind, Outcome.EVENT);
    } else if (translation instanceof Translation.Ignored ignored) {
      counters.recordOutcome(kind, Outcome.IGNORED);
      if ("G".equals(ignored.execType()) || "H".equals(ignored.execType())) {
        counters.recordTradeCorrectionIgnored();
      }
    } else if (translation instanceof Translation.Rejected rejected) {
      counters.recordOutcome(kind, Outcome.REJECTED);
      counters.recordRejected(rejected.reason());
      sink.reject(rejected.sourceId(), rejected.sequence(), rejected.reason(), rejected.detail());
      sendBusinessReject(message, rejected, sessionId);
    }
  }

  private void handOff(MessageKind kind, IngestEvent event) {
    Thread thread = Thread.currentThread();
    handingOff.add(thread);
    try {
      if (stopping) {
        throw new InterruptedException("stopping");
      }
      awaitHandled(event, sink.acceptInSessionOrderTracked(event).toCompletableFuture());
    } catch (InterruptedException e) {
      if (!stopping) {
        // Not our own interrupt (beginStop): keep the status for QuickFIX/J's dispatcher loop.
        thread.interrupt();
      }
      counters.recordOutcome(kind, Outcome.NOT_HANDED_OFF);
      throw new IllegalStateException("interrupted while handing " + event.sourceId() + " #" + event.sequence()
          + " to the sink; message left for resend", e);
    } catch (RuntimeException e) {
      counters.recordOutcome(kind, Outcome.NOT_HANDED_OFF);
      throw e;
    } finally {
      handingOff.remove(thread);
    }
  }

  /** Waits until the pipeline has handled {@code event}; throws (message left for resend) if it does not. */
  private void awaitHandled(IngestEvent event, CompletableFuture<Void> handled) throws InterruptedException {
    try {
      handled.get(handledTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      handled.cancel(false);
      throw new IllegalStateException(event.sourceId() + " #" + event.sequence() + " not handled within "
          + handledTimeout.toMillis() + " ms; message left for resend");
    } catch (ExecutionException e) {
      throw new IllegalStateException(event.sourceId() + " #" + event.sequence() + " could not be handled ("
          + e.getCause().getMessage() + "); message left for resend", e.getCause());
    } catch (InterruptedException e) {
      handled.cancel(false);
      throw e;
    }
  }

  private void sendBusinessReject(Message refused, Translation.Rejected rejected, SessionID sessionId) {
    Message reject = messageFactory.create(sessionId.getBeginString(), MsgType.BUSINESS_MESSAGE_REJECT);
    reject.setString(RefMsgType.FIELD, msgType(refused));
    if (rejected.sequence() > 0) {
      reject.setInt(RefSeqNum.FIELD, (int) rejected.sequence());
    }
    if (!rejected.businessRejectRefId().isEmpty()) {
      reject.setString(BusinessRejectRefID.FIELD, rejected.businessRejectRefId());
    }
    reject.setInt(BusinessRejectReason.FIELD, rejected.businessRejectReason());
    reject.setString(Text.FIELD, rejected.reason().name() + ": " + rejected.detail());
    Session session = Session.lookupSession(sessionId);
    if (session != null && session.send(reject)) {
      counters.recordBusinessRejectSent();
    } else {
      LOG.warn("Could not send BusinessMessageReject for {} #{} on {}", rejected.sourceId(), rejected.sequence(),
          sessionId);
    }
  }

  /**
   * QuickFIX/J's session layer refused an incoming message (dictionary validation: missing required tag,
   * unknown tag, bad value or format) and is sending a Reject (35=3). Report application messages refused this
   * way to the sink too, so every refused drop-copy message is quarantined with a reason.
   */
  private void reportSessionReject(Message reject, SessionID sessionId) {
    String refMsgType = reject.isSetField(RefMsgType.FIELD) ? getOrEmpty(reject, RefMsgType.FIELD) : "";
    if (!refMsgType.isEmpty() && MessageUtils.isAdminMessage(refMsgType)) {
      return;
    }
    long refSeqNum = reject.isSetField(RefSeqNum.FIELD) ? parseLongOr(getOrEmpty(reject, RefSeqNum.FIELD), -1) : -1;
    int reason = reject.isSetField(SessionRejectReason.FIELD)
        ? (int) parseLongOr(getOrEmpty(reject, SessionRejectReason.FIELD), SessionRejectReason.OTHER)
        : SessionRejectReason.OTHER;
    IngestRejection rejection = ingestRejection(reason);
    counters.recordRejected(rejection);
    String detail = "session Reject(35=3) SessionRejectReason(373)=" + reason
        + (reject.isSetField(RefTagID.FIELD) ? " RefTagID(371)=" + getOrEmpty(reject, RefTagID.FIELD) : "")
        + (refMsgType.isEmpty() ? "" : " RefMsgType(372)=" + refMsgType)
        + (reject.isSetField(Text.FIELD) ? " " + getOrEmpty(reject, Text.FIELD) : "");
    sink.reject(sourceId(sessionId), refSeqNum, rejection, detail);
  }

  static IngestRejection ingestRejection(int sessionRejectReason) {
    switch (sessionRejectReason) {
      case SessionRejectReason.VALUE_IS_INCORRECT:
        return IngestRejection.UNKNOWN_ENUM_VALUE;
      case SessionRejectReason.INVALID_MSGTYPE:
        return IngestRejection.UNKNOWN_MESSAGE_TYPE;
      default:
        return IngestRejection.MALFORMED_FIELD;
    }
  }

  private String sourceId(SessionID sessionId) {
    return sourceIds.computeIfAbsent(sessionId, id -> "fix:" + id.getTargetCompID());
  }

  private static String msgType(Message message) {
    return getOrEmpty(message.getHeader(), MsgType.FIELD);
  }

  private static String getOrEmpty(quickfix.FieldMap fields, int tag) {
    try {
      return fields.getString(tag);
    } catch (FieldNotFound e) {
      return "";
    }
  }

  private static long parseLongOr(String value, long otherwise) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}

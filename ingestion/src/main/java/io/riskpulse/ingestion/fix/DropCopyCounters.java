package io.riskpulse.ingestion.fix;

import io.riskpulse.ingestion.event.IngestRejection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import quickfix.field.MsgType;

/**
 * What the drop-copy acceptor did with each message, by FIX message type and outcome, plus session-level
 * events. Thread-safe (LongAdders): written by QuickFIX/J's session threads, read by metrics and tests.
 */
public final class DropCopyCounters {

  /** The application message types the drop copy understands; everything else is {@link #OTHER}. */
  public enum MessageKind {
    EXECUTION_REPORT,
    NEW_ORDER_SINGLE,
    ORDER_CANCEL_REQUEST,
    ORDER_CANCEL_REPLACE_REQUEST,
    OTHER;

    static MessageKind of(String msgType) {
      switch (msgType) {
        case MsgType.EXECUTION_REPORT:
          return EXECUTION_REPORT;
        case MsgType.NEW_ORDER_SINGLE:
          return NEW_ORDER_SINGLE;
        case MsgType.ORDER_CANCEL_REQUEST:
          return ORDER_CANCEL_REQUEST;
        case MsgType.ORDER_CANCEL_REPLACE_REQUEST:
          return ORDER_CANCEL_REPLACE_REQUEST;
        default:
          return OTHER;
      }
    }
  }

  /** What became of an application message that reached the acceptor's application layer. */
  public enum Outcome {
    /** Handed to the sink as an ingest event. */
    EVENT,
    /** Well-formed but nothing to ingest (e.g. ExecutionReport ExecType=0 New). */
    IGNORED,
    /** Refused: reported to the sink and answered with a BusinessMessageReject. */
    REJECTED,
    /** The hand-off to the sink failed or was interrupted; left unconsumed so the counterparty resends it. */
    NOT_HANDED_OFF
  }

  private final LongAdder[][] byKindAndOutcome = new LongAdder[MessageKind.values().length][Outcome.values().length];
  private final LongAdder[] received = new LongAdder[MessageKind.values().length];
  private final Map<IngestRejection, LongAdder> rejected = new EnumMap<>(IngestRejection.class);
  private final LongAdder tradeCorrectionsIgnored = new LongAdder();
  private final LongAdder businessRejectsSent = new LongAdder();
  private final LongAdder sessionRejectsSent = new LongAdder();
  private final LongAdder sessionRejectsReceived = new LongAdder();
  private final LongAdder resendRequestsSent = new LongAdder();
  private final LongAdder resendRequestsReceived = new LongAdder();
  private final LongAdder sequenceResetsReceived = new LongAdder();
  private final LongAdder logons = new LongAdder();
  private final LongAdder logouts = new LongAdder();

  public DropCopyCounters() {
    for (MessageKind kind : MessageKind.values()) {
      received[kind.ordinal()] = new LongAdder();
      for (Outcome outcome : Outcome.values()) {
        byKindAndOutcome[kind.ordinal()][outcome.ordinal()] = new LongAdder();
      }
    }
    for (IngestRejection reason : IngestRejection.values()) {
      rejected.put(reason, new LongAdder());
    }
  }

  void recordReceived(MessageKind kind) {
    received[kind.ordinal()].increment();
  }

  void recordOutcome(MessageKind kind, Outcome outcome) {
    byKindAndOutcome[kind.ordinal()][outcome.ordinal()].increment();
  }

  void recordRejected(IngestRejection reason) {
    rejected.get(reason).increment();
  }

  void recordTradeCorrectionIgnored() {
    tradeCorrectionsIgnored.increment();
  }

  void recordBusinessRejectSent() {
    businessRejectsSent.increment();
  }

  void recordSessionRejectSent() {
    sessionRejectsSent.increment();
  }

  void recordSessionRejectReceived() {
    sessionRejectsReceived.increment();
  }

  void recordResendRequestSent() {
    resendRequestsSent.increment();
  }

  void recordResendRequestReceived() {
    resendRequestsReceived.increment();
  }

  void recordSequenceResetReceived() {
    sequenceResetsReceived.increment();
  }

  void recordLogon() {
    logons.increment();
  }

  void recordLogout() {
    logouts.increment();
  }

  /** Application messages of this type that passed the session layer and reached the acceptor. */
  public long received(MessageKind kind) {
    return received[kind.ordinal()].sum();
  }

  public long count(MessageKind kind, Outcome outcome) {
    return byKindAndOutcome[kind.ordinal()][outcome.ordinal()].sum();
  }

  public long count(Outcome outcome) {
    long sum = 0;
    for (MessageKind kind : MessageKind.values()) {
      sum += count(kind, outcome);
    }
    return sum;
  }

  /**
   * Messages reported to the sink as rejected, per reason: application-level rejections (answered with a
   * BusinessMessageReject) and session-level Rejects (35=3) of application messages.
   */
  public long rejected(IngestRejection reason) {
    return rejected.get(reason).sum();
  }

  /** ExecutionReports with ExecType G (Trade Correct) or H (Trade Cancel): not applied, see docs/FIX.md. */
  public long tradeCorrectionsIgnored() {
    return tradeCorrectionsIgnored.sum();
  }

  /** BusinessMessageRejects (35=j) sent for bad application content or unsupported message types. */
  public long businessRejectsSent() {
    return businessRejectsSent.sum();
  }

  /** Session-level Rejects (35=3) sent by QuickFIX/J (dictionary validation, unknown tags, bad values). */
  public long sessionRejectsSent() {
    return sessionRejectsSent.sum();
  }

  public long sessionRejectsReceived() {
    return sessionRejectsReceived.sum();
  }

  /** ResendRequests (35=2) sent: a sequence gap was detected on the counterparty's messages. */
  public long resendRequestsSent() {
    return resendRequestsSent.sum();
  }

  public long resendRequestsReceived() {
    return resendRequestsReceived.sum();
  }

  /** SequenceResets (35=4), gap fill or reset mode, received from the counterparty. */
  public long sequenceResetsReceived() {
    return sequenceResetsReceived.sum();
  }

  public long logons() {
    return logons.sum();
  }

  public long logouts() {
    return logouts.sum();
  }
}

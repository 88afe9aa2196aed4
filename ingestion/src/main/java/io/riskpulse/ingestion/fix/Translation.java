package io.riskpulse.ingestion.fix;

import io.riskpulse.ingestion.event.IngestEvent;
import io.riskpulse.ingestion.event.IngestRejection;

/** What {@link DropCopyTranslator} made of one FIX application message. */
public sealed interface Translation {

  /** The message maps to an ingest event. */
  record Accepted(IngestEvent event) implements Translation {}

  /**
   * A well-formed message that carries nothing RiskPulse ingests (an ExecutionReport for a new, cancelled or
   * replaced order, a status report...). It is acknowledged by sequence number only.
   *
   * @param execType the ExecutionReport's ExecType (150), {@code ""} for other message types
   * @param detail why, e.g. {@code ExecType(150)=0}
   */
  record Ignored(String sourceId, long sequence, String execType, String detail) implements Translation {}

  /**
   * Bad application content. The acceptor reports it to the sink and answers the counterparty with a
   * BusinessMessageReject (35=j).
   *
   * @param reason the ingest rejection reported to the sink
   * @param businessRejectReason FIX BusinessRejectReason (380) for the BusinessMessageReject
   * @param businessRejectRefId the business id of the refused message (ExecID or ClOrdID) for
   *     BusinessRejectRefID (379), {@code ""} when the message had none
   * @param detail human-readable detail naming the offending tag, e.g. {@code LastQty(32)=0 must be > 0}
   */
  record Rejected(
      String sourceId, long sequence, IngestRejection reason, int businessRejectReason, String businessRejectRefId,
      String detail)
      implements Translation {}
}

package io.riskpulse.ingestion.event;

/**
 * Why the ingestion edge refused a message. Each is counted per reason in metrics and written to the
 * quarantine with the message's source, sequence and a detail; none stops the stream.
 */
public enum IngestRejection {
  /** Fewer bytes than the header or the message type needs. */
  TRUNCATED,
  /** Unknown message type id. */
  UNKNOWN_MESSAGE_TYPE,
  /** Schema version this node does not understand. */
  UNSUPPORTED_VERSION,
  /** The length in the header disagrees with the bytes received or the type's size. */
  LENGTH_MISMATCH,
  /** A text field (symbol, ids) is empty or not printable ASCII. */
  MALFORMED_FIELD,
  /** A side or action code outside its enumeration. */
  UNKNOWN_ENUM_VALUE,
  /** A price or quantity is NaN or infinite. */
  NOT_FINITE,
  /** A price that must be positive is zero or negative. */
  NON_POSITIVE_PRICE,
  /** A quantity that must be positive is zero or negative. */
  NON_POSITIVE_QUANTITY,
  /** quantity × price beyond the supported magnitude. */
  OVERFLOW,
  /** Bid above ask, or book levels out of order. */
  CROSSED_BOOK,
  /** The symbol is not in the instrument reference. */
  UNKNOWN_INSTRUMENT,
  /** The portfolio is not open. */
  UNKNOWN_PORTFOLIO,
  /** Sequence number already seen from this source. */
  DUPLICATE_SEQUENCE,
  /** Sequence number lower than the last one accepted from this source (and not a duplicate). */
  OUT_OF_ORDER,
  /** Execution id already applied by the portfolio. */
  DUPLICATE_EXECUTION,
  /** Order-flow message (action and ClOrdID) already recorded by the portfolio, e.g. sent again by a retry. */
  DUPLICATE_ORDER,
  /** Execution id already applied by the portfolio to a different fill. */
  CONFLICTING_EXECUTION,
  /** The portfolio refused the message for another reason (see the detail). */
  REJECTED_BY_PORTFOLIO
}

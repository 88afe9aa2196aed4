package io.riskpulse.model.portfolio;

import io.riskpulse.model.CborSerializable;

/**
 * A fill reported by a venue or an OMS: it happened, so once valid it is always applied, even to a halted
 * portfolio (halting blocks new orders, it cannot undo trades).
 *
 * <p>Fields are validated by {@link ExecutionValidation} before anything is persisted; this record itself
 * accepts any values so that bad input can reach the validator and be rejected with a specific reason.
 *
 * @param executionId venue/OMS execution id; the idempotency key
 * @param portfolioId portfolio the fill belongs to (the entity id)
 * @param strategy strategy or algorithm that sent the order, {@code ""} when unknown
 * @param symbol instrument symbol
 * @param side buy or sell
 * @param quantity filled quantity in instrument units; finite and &gt; 0
 * @param price fill price in the instrument's currency; finite and &gt; 0
 * @param executedAtMillis venue time of the fill, epoch milliseconds
 * @param orderId ClOrdID of the filled order (FIX tag 11 of the ExecutionReport), {@code ""} when the source does
 *     not say; a fill that names an order the order flow knows as open counts towards it, and the order stops
 *     being open once its quantity is filled. Events journaled before this field existed read as {@code ""}.
 */
public record Execution(
    String executionId,
    String portfolioId,
    String strategy,
    String symbol,
    Side side,
    double quantity,
    double price,
    long executedAtMillis,
    String orderId)
    implements CborSerializable {

  public Execution {
    orderId = orderId == null ? "" : orderId;
  }

  /** A fill that does not name its order. */
  public Execution(String executionId, String portfolioId, String strategy, String symbol, Side side,
      double quantity, double price, long executedAtMillis) {
    this(executionId, portfolioId, strategy, symbol, side, quantity, price, executedAtMillis, "");
  }

  /** Signed quantity: positive for a buy, negative for a sell. */
  public double signedQuantity() {
    return side.sign() * quantity;
  }

  /** Absolute notional of the fill, in the price currency. */
  public double notional() {
    return quantity * price;
  }
}

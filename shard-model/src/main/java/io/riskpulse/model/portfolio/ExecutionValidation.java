package io.riskpulse.model.portfolio;

import io.riskpulse.model.instrument.InstrumentRegistry;
import java.util.function.ToDoubleFunction;

/**
 * Edge validation of an execution before it may be persisted. Pure; returns a rejection or {@code null}.
 *
 * <p>Magnitudes: notionals are held in doubles; anything at or above {@link #MAX_NOTIONAL} (10^15 currency
 * units, a thousand times the largest single trades seen) is refused as an overflow so that sums of positions
 * keep full cent precision and never reach infinity.
 */
public final class ExecutionValidation {

  /** Largest accepted |notional| of a fill or of a resulting position, currency units. */
  public static final double MAX_NOTIONAL = 1e15;

  private ExecutionValidation() {}

  /**
   * The reason this execution must be refused by portfolio {@code portfolioId}, or {@code null} if valid.
   *
   * @param currentQuantity the portfolio's current signed quantity per instrument (asked only for a known
   *     instrument)
   */
  public static Reply validate(Execution execution, String portfolioId, InstrumentRegistry instruments,
      ToDoubleFunction<String> currentQuantity) {
    if (execution == null) {
      return Reply.rejected(RejectReason.INVALID_FIELD, "execution is missing");
    }
    if (isBlank(execution.executionId())) {
      return Reply.rejected(RejectReason.INVALID_FIELD, "executionId is missing");
    }
    if (!portfolioId.equals(execution.portfolioId())) {
      return Reply.rejected(RejectReason.INVALID_FIELD,
          "portfolioId '" + execution.portfolioId() + "' does not match portfolio '" + portfolioId + "'");
    }
    if (!instruments.contains(execution.symbol())) {
      return Reply.rejected(RejectReason.UNKNOWN_INSTRUMENT,
          "symbol '" + execution.symbol() + "' is not in the instrument reference");
    }
    if (execution.side() == null) {
      return Reply.rejected(RejectReason.INVALID_SIDE, "side is missing (BUY or SELL)");
    }
    double quantity = execution.quantity();
    if (!(quantity > 0) || Double.isInfinite(quantity)) {
      return Reply.rejected(RejectReason.INVALID_QUANTITY,
          "quantity must be a positive finite number, was " + quantity);
    }
    double price = execution.price();
    if (!(price > 0) || Double.isInfinite(price)) {
      return Reply.rejected(RejectReason.INVALID_PRICE,
          "price must be a positive finite number, was " + price);
    }
    if (!(quantity * price < MAX_NOTIONAL)) {
      return Reply.rejected(RejectReason.NOTIONAL_OVERFLOW,
          "notional " + quantity * price + " is not below " + MAX_NOTIONAL);
    }
    double resulting = currentQuantity.applyAsDouble(execution.symbol()) + execution.signedQuantity();
    if (!(Math.abs(resulting * price) < MAX_NOTIONAL)) {
      return Reply.rejected(RejectReason.NOTIONAL_OVERFLOW,
          "resulting position notional " + resulting * price + " is not below " + MAX_NOTIONAL);
    }
    return null;
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}

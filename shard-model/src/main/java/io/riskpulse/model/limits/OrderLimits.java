package io.riskpulse.model.limits;

import io.riskpulse.model.CborSerializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Limits on order flow and on single orders (MiFID II RTS 6 Art 15, SEC 15c3-5): message rates, the
 * order-to-trade ratio, the repeated-execution throttle, the price collar, restricted instruments and the credit
 * line. A {@code null} field means "no limit of this kind". Rates are judged on the portfolio's live order flow
 * (see {@link io.riskpulse.model.orderflow.OrderFlowTracker}); in a pre-trade check the order itself counts
 * immediately.
 *
 * @param maxOrdersPerSecond burst limit: new orders in the current second
 * @param maxOrdersPerMinute continuous limit: new orders over the last 60 seconds
 * @param maxMessagesPerSecond burst limit: new + replace + cancel messages in the current second
 * @param maxMessagesPerMinute continuous limit: the same over the last 60 seconds
 * @param maxOrderToTradeRatio order messages per fill over the last minute
 * @param orderToTradeMinMessages messages in the minute below which the ratio is not judged (a handful of orders
 *     without fills is not a runaway); {@code null} means {@value #DEFAULT_OTR_MIN_MESSAGES}
 * @param maxRepeatedExecutions the RTS 6 Art 15(3) throttle: more than this many executions of one strategy in
 *     one direction of one instrument, each within {@code repeatedExecutionWindowMillis} of the first, disables
 *     the strategy until a person re-enables it
 * @param repeatedExecutionWindowMillis window of that count, milliseconds; {@code null} means
 *     {@value #DEFAULT_REPEATED_WINDOW_MILLIS}
 * @param priceCollarPct an order's (or fill's) price may differ from the instrument's reference price (its mark)
 *     by at most this percentage
 * @param restrictedSymbols instruments the portfolio may not trade; empty (or {@code null}) for none
 * @param maxCreditUsed how far cash may go below zero (the credit line), reporting currency
 */
public record OrderLimits(
    Double maxOrdersPerSecond,
    Double maxOrdersPerMinute,
    Double maxMessagesPerSecond,
    Double maxMessagesPerMinute,
    Double maxOrderToTradeRatio,
    Double orderToTradeMinMessages,
    Integer maxRepeatedExecutions,
    Long repeatedExecutionWindowMillis,
    Double priceCollarPct,
    Set<String> restrictedSymbols,
    Double maxCreditUsed)
    implements CborSerializable {

  public static final double DEFAULT_OTR_MIN_MESSAGES = 50;
  public static final long DEFAULT_REPEATED_WINDOW_MILLIS = 10_000;

  /** No order limits at all. */
  public static final OrderLimits NONE =
      new OrderLimits(null, null, null, null, null, null, null, null, null, null, null);

  public OrderLimits {
    TreeSet<String> symbols = new TreeSet<>();
    if (restrictedSymbols != null) {
      for (String symbol : restrictedSymbols) {
        symbols.add(symbol == null ? "" : symbol);
      }
    }
    restrictedSymbols = java.util.Collections.unmodifiableSet(symbols);
  }

  /** Messages in the minute from which the order-to-trade ratio is judged. */
  public double otrMinMessages() {
    return orderToTradeMinMessages == null ? DEFAULT_OTR_MIN_MESSAGES : orderToTradeMinMessages;
  }

  /** Window of the repeated-execution throttle, milliseconds. */
  public long repeatedWindowMillis() {
    return repeatedExecutionWindowMillis == null ? DEFAULT_REPEATED_WINDOW_MILLIS : repeatedExecutionWindowMillis;
  }

  /** Whether any order-flow limit (a rate or the order-to-trade ratio) is set: judged on every order message. */
  public boolean hasRateLimits() {
    return maxOrdersPerSecond != null || maxOrdersPerMinute != null || maxMessagesPerSecond != null
        || maxMessagesPerMinute != null || maxOrderToTradeRatio != null;
  }

  /** Whether {@code symbol} is on the restricted list. */
  public boolean restricted(String symbol) {
    return restrictedSymbols.contains(symbol);
  }

  /** Every problem, each naming the field; empty when valid. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    positive(problems, "maxOrdersPerSecond", maxOrdersPerSecond);
    positive(problems, "maxOrdersPerMinute", maxOrdersPerMinute);
    positive(problems, "maxMessagesPerSecond", maxMessagesPerSecond);
    positive(problems, "maxMessagesPerMinute", maxMessagesPerMinute);
    positive(problems, "maxOrderToTradeRatio", maxOrderToTradeRatio);
    positive(problems, "orderToTradeMinMessages", orderToTradeMinMessages);
    if (maxRepeatedExecutions != null && maxRepeatedExecutions < 1) {
      problems.add("orderLimits.maxRepeatedExecutions must be at least 1, was " + maxRepeatedExecutions);
    }
    if (repeatedExecutionWindowMillis != null && repeatedExecutionWindowMillis < 1) {
      problems.add("orderLimits.repeatedExecutionWindowMillis must be at least 1, was "
          + repeatedExecutionWindowMillis);
    }
    positive(problems, "priceCollarPct", priceCollarPct);
    positive(problems, "maxCreditUsed", maxCreditUsed);
    for (String symbol : restrictedSymbols) {
      if (symbol == null || symbol.isBlank()) {
        problems.add("orderLimits.restrictedSymbols must not contain a blank symbol");
      }
    }
    return problems;
  }

  private static void positive(List<String> problems, String field, Double value) {
    if (value != null && !(value > 0 && value < Double.POSITIVE_INFINITY)) {
      problems.add("orderLimits." + field + " must be a positive finite number, was " + value);
    }
  }
}

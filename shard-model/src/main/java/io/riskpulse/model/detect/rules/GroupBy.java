package io.riskpulse.model.detect.rules;

/**
 * How a rule partitions the events before matching: the pattern is matched within each group on its own, with
 * its own windows and histories, so one strategy's rejects never combine with another strategy's fill.
 */
public enum GroupBy {
  /** One group for the whole portfolio; its key is {@code ""}. */
  NONE,
  /** One group per strategy ({@code per strategy}); market events have no strategy and cannot be used. */
  STRATEGY,
  /** One group per instrument ({@code per symbol}). */
  SYMBOL;

  /** The group {@code event} belongs to. */
  public String keyOf(RuleEvent event) {
    return switch (this) {
      case NONE -> "";
      case STRATEGY -> event.strategy();
      case SYMBOL -> event.symbol();
    };
  }
}

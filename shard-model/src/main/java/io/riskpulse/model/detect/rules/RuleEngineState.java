package io.riskpulse.model.detect.rules;

import io.riskpulse.model.CborSerializable;
import java.util.List;

/**
 * Everything a {@link RuleEngine} remembers, as plain records of lists, strings and numbers (Jackson CBOR
 * friendly), to be stored with the portfolio's snapshot and given back to {@link RuleEngine#restore(RuleSet,
 * RuleEngineState)}. The engine is deterministic, so the same state can also be rebuilt by replaying the events.
 *
 * @param clockMillis the engine's clock: the latest event time seen, epoch milliseconds ({@code Long.MIN_VALUE}
 *     before the first event)
 * @param rules the state of each rule, in rule-set order
 * @param market the latest market state per symbol, least recently updated first
 */
public record RuleEngineState(long clockMillis, List<RuleState> rules, List<MarketState> market)
    implements CborSerializable {

  public RuleEngineState {
    rules = rules == null ? List.of() : List.copyOf(rules);
    market = market == null ? List.of() : List.copyOf(market);
  }

  /**
   * One rule's state; restored only into a rule with the same canonical text.
   *
   * @param rule rule name
   * @param text the rule's canonical text ({@link Rule#text()}) when the state was taken
   * @param groups per group, least recently active first
   */
  public record RuleState(String rule, String text, List<GroupState> groups) {
    public RuleState {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }

  /**
   * One group's state of a rule.
   *
   * @param group the group key ({@code ""} for an ungrouped rule)
   * @param window the counted events of the first step, or the threshold's window
   * @param histories the history aggregates' values, by slot
   */
  public record GroupState(String group, Window window, List<Window> histories) {
    public GroupState {
      histories = histories == null ? List.of() : List.copyOf(histories);
    }
  }

  /**
   * Time-ordered values with their running sum.
   *
   * @param times epoch milliseconds, oldest first
   * @param values one per time
   * @param sum the running sum as kept (not recomputed, so restoring is bit-exact)
   */
  public record Window(List<Long> times, List<Double> values, double sum) {
    public Window {
      times = times == null ? List.of() : List.copyOf(times);
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  /**
   * The latest market state of a symbol.
   *
   * @param symbol instrument symbol
   * @param mid mid price, NaN when unknown
   * @param spread ask minus bid, NaN when unknown
   * @param atMillis engine time of the update, epoch milliseconds
   */
  public record MarketState(String symbol, double mid, double spread, long atMillis) {}
}

package io.riskpulse.model.detect.rules;

import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.PreTradeCheck;
import java.util.ArrayList;
import java.util.List;

/** Short factories of rule events for tests. */
final class RuleEvents {

  static final String COLLAR_THEN_BIG_FILL = """
      rule collar-rejects-then-big-fill {
        when 3 or more reject(check = PRICE_COLLAR)
        then fill(quantity > 5 * median(fill.quantity))
        within 2s
        per strategy
      }
      """;
  static final String CANCEL_STORM = """
      rule cancel-storm {
        when count(order(action = CANCEL)) >= 50 within 1s
        per strategy
      }
      """;
  static final String ONE_WAY_SWEEP = """
      rule one-way-sweep {
        when 5 or more fill(side = BUY) then fill(side = SELL, quantity > 1000) within 10s per symbol
      }
      """;
  static final String EXAMPLES = COLLAR_THEN_BIG_FILL + CANCEL_STORM + ONE_WAY_SWEEP;

  private RuleEvents() {}

  static RuleEvent.Fill fill(String strategy, String symbol, Side side, double quantity, double price, long at) {
    return new RuleEvent.Fill("X" + at, strategy, symbol, side, quantity, price, at);
  }

  static RuleEvent.Fill fill(String strategy, double quantity, long at) {
    return fill(strategy, "SPY", Side.BUY, quantity, 100, at);
  }

  static RuleEvent.Reject reject(String strategy, long at, PreTradeCheck... checks) {
    return new RuleEvent.Reject("O" + at, strategy, "SPY", Side.BUY, 100, 100, List.of(checks), at);
  }

  static RuleEvent.Order order(String strategy, OrderAction action, long at) {
    return new RuleEvent.Order(action, strategy, "O" + at, "SPY", Side.BUY, 100, 100, at);
  }

  static RuleEvent.Market market(String symbol, double mid, double spread, long at) {
    return new RuleEvent.Market(symbol, mid, spread, at);
  }

  /** Feeds every event and returns all matches, in order. */
  static List<RuleMatch> feed(RuleEngine engine, List<? extends RuleEvent> events) {
    List<RuleMatch> matches = new ArrayList<>();
    events.forEach(e -> matches.addAll(engine.onEvent(e)));
    return matches;
  }

  static List<RuleMatch> feed(RuleEngine engine, RuleEvent... events) {
    return feed(engine, List.of(events));
  }
}

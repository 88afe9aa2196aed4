package io.riskpulse.model.detect.rules;

import static io.riskpulse.model.detect.rules.RuleEvents.market;
import static io.riskpulse.model.detect.rules.RuleEvents.order;
import static io.riskpulse.model.detect.rules.RuleEvents.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.PreTradeCheck;
import org.junit.jupiter.api.Test;

class RuleEngineBoundsTest {

  @Test
  void aMillionEventsKeepEveryStateUnderItsCap() {
    RuleEngine engine = new RuleEngine(RuleParser.parse(RuleEvents.EXAMPLES + """
        rule volume { when sum(fill.quantity) > 1_000_000_000 within 1m }
        rule hot { when fill(quantity > 3 * max(fill.quantity over last 1000)) }
        """));
    int strategies = 5_000;
    int symbols = 20_000;
    for (int i = 0; i < 1_000_000; i++) {
      long t = i;
      int n = i / 4;
      String strategy = "s" + n % strategies;
      String symbol = "Y" + n % symbols;
      RuleEvent event = switch (i % 4) {
        case 0 -> order(strategy, OrderAction.CANCEL, t);
        case 1 -> reject(strategy, t, PreTradeCheck.PRICE_COLLAR);
        case 2 -> new RuleEvent.Fill("X" + i, strategy, symbol, Side.BUY, 1, 100, t);
        default -> market(symbol, 100, 0.01, t);
      };
      engine.onEvent(event);
    }

    int maxGroups = RuleRuntime.MAX_GROUPS;
    assertEquals(maxGroups, engine.groupCount("collar-rejects-then-big-fill"));
    assertTrue(engine.retained("collar-rejects-then-big-fill") <= maxGroups * (3 + RuleParser.DEFAULT_HISTORY));
    assertEquals(maxGroups, engine.groupCount("cancel-storm"));
    assertTrue(engine.retained("cancel-storm") <= maxGroups * 50);
    assertEquals(maxGroups, engine.groupCount("one-way-sweep"));
    assertTrue(engine.retained("one-way-sweep") <= maxGroups * 5);
    assertEquals(1, engine.groupCount("volume"));
    assertEquals(RuleParser.MAX_COUNT, engine.retained("volume")); // 250,000 fills within the minute, capped
    assertEquals(RuleParser.MAX_HISTORY, engine.retained("hot"));
    assertEquals(MarketBook.MAX_SYMBOLS, engine.marketSymbols());
  }

  @Test
  void aGroupWithNothingLeftToRememberIsDroppedAtOnce() {
    RuleEngine engine = new RuleEngine(RuleParser.parse(RuleEvents.CANCEL_STORM));
    engine.onEvent(order("a", OrderAction.CANCEL, 0));
    assertEquals(1, engine.groupCount("cancel-storm"));

    engine.onEvent(order("a", OrderAction.NEW, 1_001)); // the cancel left the window

    assertEquals(0, engine.groupCount("cancel-storm"));
  }
}

package io.riskpulse.model.detect.rules;

import static io.riskpulse.model.detect.rules.RuleEvents.feed;
import static io.riskpulse.model.detect.rules.RuleEvents.fill;
import static io.riskpulse.model.detect.rules.RuleEvents.market;
import static io.riskpulse.model.detect.rules.RuleEvents.order;
import static io.riskpulse.model.detect.rules.RuleEvents.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.PreTradeCheck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleEngineStateTest {

  private static final String ALL = RuleEvents.EXAMPLES + """
      rule off-market { when fill(price > market.mid * 1.01) per symbol }
      rule heavy { when sum(fill(side = BUY).quantity) > 20_000 within 5s per symbol }
      rule wide { when market(spread > 3 * mean(market.spread over 10s)) per symbol }
      """;

  /** A seeded mixed stream of 20,000 events with bursts, so that every rule matches now and then. */
  private static List<RuleEvent> stream() {
    Random random = new Random(42);
    String[] strategies = {"a", "b", "c"};
    String[] symbols = {"SPY", "QQQ"};
    List<RuleEvent> events = new ArrayList<>();
    long t = 1_000_000;
    while (events.size() < 20_000) {
      t += random.nextInt(20);
      String strategy = strategies[random.nextInt(strategies.length)];
      String symbol = symbols[random.nextInt(symbols.length)];
      double roll = random.nextDouble();
      if (roll < 0.002) {
        for (int i = 0; i < 60; i++) {
          events.add(order(strategy, OrderAction.CANCEL, t + i));
        }
      } else if (roll < 0.3) {
        OrderAction action = OrderAction.values()[random.nextInt(3)];
        events.add(new RuleEvent.Order(action, strategy, "O" + t, symbol, Side.BUY, 100, 100, t));
      } else if (roll < 0.45) {
        PreTradeCheck check = random.nextBoolean() ? PreTradeCheck.PRICE_COLLAR : PreTradeCheck.ORDER_QUANTITY;
        events.add(reject(strategy, t, check));
      } else if (roll < 0.85) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        double quantity = random.nextDouble() < 0.03 ? 5_000 : 50 + random.nextInt(500);
        double price = 100 * (1 + (random.nextDouble() - 0.5) * 0.025);
        events.add(fill(strategy, symbol, side, quantity, price, t));
      } else {
        double spread = random.nextDouble() < 0.02 ? 0.5 : 0.01 + random.nextDouble() * 0.02;
        events.add(market(symbol, 100 + random.nextGaussian() * 0.2, spread, t));
      }
    }
    return events;
  }

  private static RuleEngineState cborRoundTrip(RuleEngineState state) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new CBORFactory());
    return mapper.readValue(mapper.writeValueAsBytes(state), RuleEngineState.class);
  }

  @Test
  void theSameEventsGiveTheSameMatchesAndTheSameState() {
    RuleSet rules = RuleParser.parse(ALL);
    List<RuleEvent> events = stream();
    RuleEngine first = new RuleEngine(rules);
    RuleEngine second = new RuleEngine(RuleParser.parse(ALL));

    List<RuleMatch> matches = feed(first, events);

    assertEquals(matches, feed(second, events));
    assertEquals(first.snapshot(), second.snapshot());
    Set<String> matched = matches.stream().map(RuleMatch::rule).collect(Collectors.toSet());
    assertEquals(rules.rules().stream().map(Rule::name).collect(Collectors.toSet()), matched,
        "every rule should match at least once in the stream");
  }

  @Test
  void snapshotRestoreAndContinueGivesTheSameMatchesAsAnUninterruptedEngine() throws IOException {
    RuleSet rules = RuleParser.parse(ALL);
    List<RuleEvent> events = stream();
    List<RuleMatch> uninterrupted = feed(new RuleEngine(rules), events);

    List<RuleMatch> interrupted = new ArrayList<>();
    RuleEngine engine = new RuleEngine(rules);
    int[] cuts = {0, 3_333, 7_001, 12_345, events.size()};
    for (int i = 0; i + 1 < cuts.length; i++) {
      interrupted.addAll(feed(engine, events.subList(cuts[i], cuts[i + 1])));
      RuleEngineState state = engine.snapshot();
      RuleEngineState stored = cborRoundTrip(state);
      assertEquals(state, stored);
      engine = RuleEngine.restore(RuleParser.parse(ALL), stored); // as after a restart: rules compiled again
      assertEquals(state, engine.snapshot());
    }

    assertEquals(uninterrupted, interrupted);
  }

  @Test
  void replacingRulesKeepsTheStateOfUnchangedRulesAndStartsNewAndChangedOnesEmpty() {
    RuleEngine engine = new RuleEngine(RuleParser.parse(RuleEvents.EXAMPLES));
    for (int i = 0; i < 30; i++) {
      assertEquals(List.of(), engine.onEvent(order("algo", OrderAction.CANCEL, 1_000 + i)));
    }
    for (int i = 0; i < 5; i++) {
      engine.onEvent(fill("x", "SPY", Side.BUY, 10, 100, 1_100 + i));
    }
    engine.onEvent(reject("algo", 1_200, PreTradeCheck.PRICE_COLLAR));
    assertEquals(2, engine.groupCount("collar-rejects-then-big-fill")); // x: its fills; algo: its reject

    engine.replaceRules(RuleParser.parse("""
        rule cancel-storm {   # same rule, laid out differently
          when count(order(action = CANCEL)) >= 50 within 1000ms per strategy
        }
        rule cancel-storm-copy { when count(order(action = CANCEL)) >= 50 within 1s per strategy }
        rule one-way-sweep {
          when 5 or more fill(side = BUY) then fill(side = SELL, quantity > 999) within 10s per symbol
        }
        """));

    assertEquals(0, engine.groupCount("collar-rejects-then-big-fill")); // removed: state dropped
    assertEquals(0, engine.groupCount("one-way-sweep")); // changed: starts empty
    assertEquals(List.of(), engine.onEvent(fill("x", "SPY", Side.SELL, 2_000, 100, 1_300)));
    List<RuleMatch> matches = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      matches.addAll(engine.onEvent(order("algo", OrderAction.CANCEL, 1_400 + i)));
    }
    assertEquals(1, matches.size()); // 30 before the change + 20 after
    assertEquals("cancel-storm", matches.get(0).rule());
    assertEquals(1_419, matches.get(0).atMillis());
    assertEquals(20, engine.retained("cancel-storm-copy"));
  }

  @Test
  void restoringWithAChangedRuleSetRestoresOnlyTheRulesWhoseTextIsUnchanged() {
    RuleEngine engine = new RuleEngine(RuleParser.parse(RuleEvents.EXAMPLES));
    for (int i = 0; i < 49; i++) {
      engine.onEvent(order("algo", OrderAction.CANCEL, 1_000 + i));
    }
    RuleEngineState state = engine.snapshot();

    RuleEngine same = RuleEngine.restore(RuleParser.parse(RuleEvents.CANCEL_STORM), state);
    assertEquals(1, same.onEvent(order("algo", OrderAction.CANCEL, 1_100)).size());

    RuleEngine changed = RuleEngine.restore(RuleParser.parse(
        "rule cancel-storm { when count(order(action = CANCEL)) >= 49 within 1s per strategy }"), state);
    assertEquals(List.of(), changed.onEvent(order("algo", OrderAction.CANCEL, 1_100)));
    assertEquals(1, changed.retained("cancel-storm"));
  }

  @Test
  void theMarketStateSurvivesASnapshot() {
    RuleSet rules = RuleParser.parse("rule off-market { when fill(price > market.mid * 1.01) per symbol }");
    RuleEngine engine = new RuleEngine(rules);
    engine.onEvent(market("SPY", 100, 0.02, 1));

    RuleEngine restored = RuleEngine.restore(rules, engine.snapshot());

    assertTrue(restored.onEvent(fill("x", "SPY", Side.BUY, 1, 102, 2)).size() == 1);
    assertEquals(1, restored.marketSymbols());
  }
}

package io.riskpulse.model.detect.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleParserTest {

  private static RuleSyntaxException error(String text) {
    return assertThrows(RuleSyntaxException.class, () -> RuleParser.parse(text));
  }

  private static void assertError(String text, int line, int column, String reason) {
    RuleSyntaxException e = error(text);
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
    assertEquals("line " + line + ", column " + column + ": " + reason, e.getMessage());
  }

  @Test
  void parsesTheThreeExampleRulesIntoCanonicalText() {
    RuleSet rules = RuleParser.parse("# the examples of docs/RULES.md\n" + RuleEvents.EXAMPLES);

    assertEquals(List.of("collar-rejects-then-big-fill", "cancel-storm", "one-way-sweep"),
        rules.rules().stream().map(Rule::name).toList());
    assertEquals("rule collar-rejects-then-big-fill { when 3 or more reject(check = PRICE_COLLAR) then"
        + " fill(quantity > 5 * median(fill.quantity)) within 2s per strategy }", rules.rules().get(0).text());
    assertEquals("rule cancel-storm { when count(order(action = CANCEL)) >= 50 within 1s per strategy }",
        rules.rules().get(1).text());
    assertEquals("rule one-way-sweep { when 5 or more fill(side = BUY) then fill(side = SELL, quantity > 1000)"
        + " within 10s per symbol }", rules.rules().get(2).text());
    Rule collar = rules.rules().get(0);
    assertEquals(2_000, collar.withinMillis());
    assertEquals(GroupBy.STRATEGY, collar.groupBy());
    assertEquals(1, collar.histories().size());
    assertEquals(RuleParser.DEFAULT_HISTORY, collar.histories().get(0).lastN());
  }

  @Test
  void canonicalTextIgnoresLayoutCommentsAndNumberSpelling() {
    Rule a = RuleParser.parse("rule r{when count(order(action=cancel))>=50 within 1000ms per strategy}")
        .rules().get(0);
    Rule b = RuleParser.parse("""
        rule r {   # storms
          when count( order( action = CANCEL ) ) >= 5_0
          within 1s
          per strategy
        }""").rules().get(0);
    assertEquals(a.text(), b.text());
    assertEquals(a.text(), RuleParser.parse(a.text()).rules().get(0).text());
  }

  @Test
  void parsesArithmeticHistoriesWindowsMarketJoinsAndQuotedNames() {
    RuleSet rules = RuleParser.parse("""
        rule r1 { when fill(price > market.mid + 2 * market.spread, strategy != "mm-v2") per symbol }
        rule r2 { when order(quantity > (max(order.quantity over last 20) - 1) / 2) within 500ms }
        rule r3 { when fill(quantity > mean(fill(side = BUY).quantity over 5m) + 3 * stdev(fill.quantity)) }
        rule r4 { when market(spread > 4 * median(market.spread)) per symbol }
        rule r5 { when mean(fill.price) < -1 within 1m }
        """);
    assertEquals("rule r1 { when fill(price > market.mid + 2 * market.spread, strategy != \"mm-v2\") per symbol }",
        rules.rules().get(0).text());
    assertEquals("rule r2 { when order(quantity > (max(order.quantity over last 20) - 1) / 2) within 500ms }",
        rules.rules().get(1).text());
    Rule r3 = rules.rules().get(2);
    assertEquals(2, r3.histories().size());
    assertEquals(300_000, r3.histories().get(0).windowMillis());
    assertEquals("rule r5 { when mean(fill.price) < -1 within 1m }", rules.rules().get(4).text());
  }

  @Test
  void anEmptyTextIsAnEmptyRuleSet() {
    assertTrue(RuleParser.parse("  # nothing yet\n").rules().isEmpty());
  }

  @Test
  void reportsAMissingDurationAtItsPosition() {
    assertError("""
        rule a {
          when 3 or more reject(check = PRICE_COLLAR)
          then fill within x
        }""", 3, 20, "expected a duration such as 2s, found 'x'");
  }

  @Test
  void reportsAnUnknownDurationUnit() {
    assertError("rule a { when 2 or more fill within 2h }", 1, 38, "unknown duration unit 'h' in '2h'; use ms, s or m");
  }

  @Test
  void reportsAnUnknownEventType() {
    assertError("rule a {\n  when trade(side = BUY)\n}", 2, 8,
        "unknown event type 'trade'; expected order, fill, reject or market");
  }

  @Test
  void reportsAnUnknownFieldWithTheFieldsOfTheEventType() {
    assertError("rule a { when fill(qty > 1) }", 1, 20,
        "unknown field 'qty' of fill; fields: strategy, symbol, side, quantity, price, notional");
  }

  @Test
  void reportsAnUnknownPreTradeCheckAndAnUnknownAction() {
    assertError("rule a { when reject(check = PRICE_COLAR) }", 1, 30, "unknown pre-trade check 'PRICE_COLAR'");
    assertError("rule a { when order(action = CANCELLED) }", 1, 30,
        "unknown order action 'CANCELLED'; expected NEW, REPLACE, CANCEL, REJECT");
  }

  @Test
  void reportsADuplicateRuleNameAtTheSecondDefinition() {
    assertError("rule a { when fill }\n\nrule a { when order }", 3, 6,
        "duplicate rule name 'a' (first defined at line 1)");
  }

  @Test
  void reportsACountWithoutWindowAtTheClosingBrace() {
    assertError("rule a { when 3 or more fill }", 1, 30,
        "a count, threshold or sequence needs a window: add 'within <duration>' before '}'");
  }

  @Test
  void reportsMarketEventsInAPerStrategyRule() {
    assertError("rule a { when 2 or more fill then market(spread > 1) within 1s per strategy }", 1, 35,
        "market events have no strategy: use 'per symbol' or no grouping, or join the market state with"
            + " market.mid / market.spread");
  }

  @Test
  void reportsTextFieldsUsedAsNumbersAndOrderedComparisonsOfText() {
    assertError("rule a { when fill(side > 1) }", 1, 25, "'side' is text: compare it with = or !=, found '>'");
    assertError("rule a { when fill(quantity > side) }", 1, 31, "'side' is text, not a number: compare it with = or !=");
  }

  @Test
  void reportsAQualifiedFieldOutsideAnAggregate() {
    assertError("rule a { when fill(quantity > fill.quantity) }", 1, 31,
        "'fill.quantity' refers to other events: use an aggregate such as median(fill.quantity), or write the"
            + " current event's field bare");
  }

  @Test
  void reportsNestedAggregatesAndCountInAPredicate() {
    assertError("rule a { when fill(quantity > median(fill(quantity > median(fill.quantity)).quantity)) }", 1, 54,
        "aggregates cannot be nested: a history's events cannot use another aggregate");
    assertError("rule a { when fill(quantity > count(fill)) }", 1, 31,
        "'count' is only a threshold after 'when'; in a predicate use median, mean, min, max, sum or stdev");
  }

  @Test
  void reportsCountsAboveTheCapsAndNonWholeCounts() {
    assertError("rule a { when 1001 or more fill within 1s }", 1, 15,
        "expected a whole number from 1 to 1000, found '1001'");
    assertError("rule a { when 2.5 or more fill within 1s }", 1, 15,
        "expected a whole number from 1 to 1000, found '2.5'");
    assertError("rule a { when count(fill) > 5000 within 1s }", 1, 29,
        "a window counts at most 1000 events, found '5000'");
  }

  @Test
  void reportsAThresholdStartingASequence() {
    assertError("rule a { when count(fill) > 5 then order within 1s }", 1, 31,
        "a threshold cannot start a sequence; write 'N or more <event> then <event>'");
  }

  @Test
  void reportsUnexpectedCharactersAndAMissingClosingBrace() {
    assertError("rule a { when fill(quantity > 1 && price > 2) }", 1, 33,
        "unexpected '&'; predicates are separated by ','");
    assertError("rule a {\n  when fill within 1s", 2, 22, "expected 'then', 'within', 'per' or '}', found end of input");
    assertError("rule a { when fill(side = \"BUY) }", 1, 27, "unterminated string: a closing '\"' is missing on this line");
  }

  @Test
  void reportsAMissingRuleKeywordAndABadGroup() {
    assertError("when fill", 1, 1, "expected 'rule', found 'when'");
    assertError("rule a { when fill per trader }", 1, 24, "expected 'strategy' or 'symbol' after 'per', found 'trader'");
  }
}

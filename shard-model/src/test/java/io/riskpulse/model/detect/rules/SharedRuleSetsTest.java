package io.riskpulse.model.detect.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SharedRuleSetsTest {

  private static final String CANCELS = "rule cancels { when count(order(action = cancel)) >= 50 within 1000ms "
      + "per strategy }";

  @Test
  void shouldHandEveryCallerTheSameParsedRulesForTheSameText() {
    RuleSet first = SharedRuleSets.parse(CANCELS);
    assertSame(first, SharedRuleSets.parse(CANCELS));
    assertEquals(RuleParser.parse(CANCELS), first, "what the parser gives");
    RuleSet other = SharedRuleSets.parse(CANCELS.replace("50", "60"));
    assertNotSame(first, other);
    assertEquals(RuleParser.parse(CANCELS.replace("50", "60")), other);
  }

  @Test
  void shouldRefuseATextThatDoesNotParseEveryTime() {
    assertThrows(RuleSyntaxException.class, () -> SharedRuleSets.parse("rule broken { when"));
    assertThrows(RuleSyntaxException.class, () -> SharedRuleSets.parse("rule broken { when"));
  }

  @Test
  void shouldKeepOnlyTheMostRecentlyUsedTexts() {
    RuleSet kept = SharedRuleSets.parse(CANCELS);
    for (int i = 0; i < SharedRuleSets.CAPACITY; i++) {
      SharedRuleSets.parse(CANCELS.replace("50", Integer.toString(100 + i)));
    }
    RuleSet again = SharedRuleSets.parse(CANCELS);
    assertNotSame(kept, again, "dropped after CAPACITY other texts, parsed again");
    assertEquals(kept, again);
  }
}

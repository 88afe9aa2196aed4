package io.riskpulse.model.detect.rules;

import static io.riskpulse.model.detect.rules.RuleEvents.feed;
import static io.riskpulse.model.detect.rules.RuleEvents.fill;
import static io.riskpulse.model.detect.rules.RuleEvents.market;
import static io.riskpulse.model.detect.rules.RuleEvents.order;
import static io.riskpulse.model.detect.rules.RuleEvents.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.detect.DetectionSignal;
import io.riskpulse.model.detect.Detector;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.PreTradeCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEngineExamplesTest {

  private static final PreTradeCheck COLLAR = PreTradeCheck.PRICE_COLLAR;

  private static RuleEngine engine(String text) {
    return new RuleEngine(RuleParser.parse(text));
  }

  /** Five fills of 100 for {@code strategy}: its median fill is 100, so a big fill is above 500. */
  private static void history(RuleEngine engine, String strategy) {
    for (int i = 0; i < 5; i++) {
      assertEquals(List.of(), engine.onEvent(fill(strategy, 100, i * 10)));
    }
  }

  @Test
  void collarRejectsThenBigFillMatchesWhenTheFillIsExactlyAtTheWindowEdge() {
    RuleEngine engine = engine(RuleEvents.COLLAR_THEN_BIG_FILL);
    history(engine, "algo");
    feed(engine, reject("algo", 10_000, COLLAR), reject("algo", 10_500, COLLAR), reject("algo", 11_000, COLLAR));

    List<RuleMatch> matches = engine.onEvent(fill("algo", 600, 12_000)); // 2,000 ms after the first reject

    assertEquals(1, matches.size());
    RuleMatch match = matches.get(0);
    assertEquals("collar-rejects-then-big-fill", match.rule());
    assertEquals("algo", match.group());
    assertEquals(3, match.score());
    assertEquals(3, match.threshold());
    assertEquals(600, match.figures().get("quantity"));
    assertEquals(500, match.figures().get("5 * median(fill.quantity)"));
    assertEquals(3, match.figures().get("count(reject(check = PRICE_COLLAR))"));
    assertEquals(12_000, match.atMillis());
    assertEquals("rule collar-rejects-then-big-fill (strategy algo): 3 reject(check = PRICE_COLLAR) then"
        + " fill(quantity > 5 * median(fill.quantity)) within 2s; 5 * median(fill.quantity) = 500,"
        + " quantity = 600.", match.explanation());

    DetectionSignal signal = match.toSignal();
    assertEquals(Detector.RULE, signal.detector());
    assertEquals("RULE:collar-rejects-then-big-fill:algo", signal.key());
    assertEquals(3, signal.score());
    assertEquals(3, signal.threshold());
    assertEquals(600, signal.attribution().get("quantity"));
  }

  @Test
  void collarRejectsThenBigFillDoesNotMatchWhenTheFillComesOneMillisecondAfterTheWindow() {
    RuleEngine engine = engine(RuleEvents.COLLAR_THEN_BIG_FILL);
    history(engine, "algo");
    feed(engine, reject("algo", 10_000, COLLAR), reject("algo", 10_500, COLLAR), reject("algo", 11_000, COLLAR));

    assertEquals(List.of(), engine.onEvent(fill("algo", 600, 12_001)));
  }

  @Test
  void twoCollarRejectsAreNotEnough() {
    RuleEngine engine = engine(RuleEvents.COLLAR_THEN_BIG_FILL);
    history(engine, "algo");
    feed(engine, reject("algo", 10_000, COLLAR), reject("algo", 10_500, COLLAR));

    assertEquals(List.of(), engine.onEvent(fill("algo", 600, 11_000)));
  }

  @Test
  void rejectsForOtherChecksDoNotCountButARejectFailingSeveralChecksIncludingTheCollarDoes() {
    RuleEngine engine = engine(RuleEvents.COLLAR_THEN_BIG_FILL);
    history(engine, "algo");
    feed(engine, reject("algo", 10_000, COLLAR), reject("algo", 10_100, PreTradeCheck.ORDER_QUANTITY),
        reject("algo", 10_200, COLLAR));
    assertEquals(List.of(), engine.onEvent(fill("algo", 600, 10_300)));

    engine.onEvent(reject("algo", 10_400, PreTradeCheck.ORDER_QUANTITY, COLLAR));
    assertEquals(1, engine.onEvent(fill("algo", 600, 10_500)).size());
  }

  @Test
  void aFillNotAboveFiveTimesTheMedianDoesNotMatchAndTheRejectsStayArmed() {
    RuleEngine engine = engine(RuleEvents.COLLAR_THEN_BIG_FILL);
    history(engine, "algo");
    feed(engine, reject("algo", 10_000, COLLAR), reject("algo", 10_500, COLLAR), reject("algo", 11_000, COLLAR));

    assertEquals(List.of(), engine.onEvent(fill("algo", 500, 11_100))); // 500 is not > 5 * 100
    // median of 100,100,100,100,100,500 is still 100
    assertEquals(1, engine.onEvent(fill("algo", 501, 11_200)).size());
  }

  @Test
  void aMatchResetsTheSequenceSoTheNextBigFillDoesNotMatchAgain() {
    RuleEngine engine = engine(RuleEvents.COLLAR_THEN_BIG_FILL);
    history(engine, "algo");
    feed(engine, reject("algo", 10_000, COLLAR), reject("algo", 10_500, COLLAR), reject("algo", 11_000, COLLAR));
    assertEquals(1, engine.onEvent(fill("algo", 600, 11_100)).size());

    assertEquals(List.of(), engine.onEvent(fill("algo", 900, 11_200)));
  }

  @Test
  void oneStrategysRejectsDoNotCombineWithAnotherStrategysFill() {
    RuleEngine engine = engine(RuleEvents.COLLAR_THEN_BIG_FILL);
    history(engine, "a");
    history(engine, "b");
    feed(engine, reject("a", 10_000, COLLAR), reject("a", 10_500, COLLAR), reject("b", 11_000, COLLAR));

    assertEquals(List.of(), engine.onEvent(fill("b", 600, 11_100)));
    assertEquals(List.of(), engine.onEvent(fill("a", 600, 11_200)));
    engine.onEvent(reject("a", 11_300, COLLAR));
    List<RuleMatch> matches = engine.onEvent(fill("a", 600, 11_400));
    assertEquals(1, matches.size());
    assertEquals("a", matches.get(0).group());
  }

  @Test
  void aBigFillWithoutAnyFillHistoryDoesNotMatchBecauseTheMedianIsUnknown() {
    RuleEngine engine = engine(RuleEvents.COLLAR_THEN_BIG_FILL);
    feed(engine, reject("algo", 10_000, COLLAR), reject("algo", 10_500, COLLAR), reject("algo", 11_000, COLLAR));

    assertEquals(List.of(), engine.onEvent(fill("algo", 1_000_000, 11_100)));
  }

  @Test
  void cancelStormMatchesOnTheFiftiethCancelWithinOneSecondAndReArms() {
    RuleEngine engine = engine(RuleEvents.CANCEL_STORM);
    for (int i = 0; i < 49; i++) {
      assertEquals(List.of(), engine.onEvent(order("algo", OrderAction.CANCEL, 1_000 + i * 20)));
      engine.onEvent(order("algo", OrderAction.NEW, 1_000 + i * 20)); // new orders do not count
    }
    List<RuleMatch> matches = engine.onEvent(order("algo", OrderAction.CANCEL, 2_000)); // exactly 1s after the first
    assertEquals(1, matches.size());
    assertEquals(50, matches.get(0).score());
    assertEquals(50, matches.get(0).threshold());
    assertEquals("RULE:cancel-storm:algo", matches.get(0).toSignal().key());
    assertEquals("rule cancel-storm (strategy algo): count(order(action = CANCEL)) = 50 >= 50 within 1s.",
        matches.get(0).explanation());

    assertEquals(List.of(), engine.onEvent(order("algo", OrderAction.CANCEL, 2_001))); // re-armed: starts from 0
  }

  @Test
  void cancelStormDoesNotMatchFiftyCancelsSpreadOverMoreThanOneSecond() {
    RuleEngine engine = engine(RuleEvents.CANCEL_STORM);
    for (int i = 0; i < 49; i++) {
      engine.onEvent(order("algo", OrderAction.CANCEL, 1_000 + i * 20));
    }
    assertEquals(List.of(), engine.onEvent(order("algo", OrderAction.CANCEL, 2_001)));
  }

  @Test
  void cancelStormCountsEachStrategyOnItsOwn() {
    RuleEngine engine = engine(RuleEvents.CANCEL_STORM);
    for (int i = 0; i < 30; i++) {
      engine.onEvent(order("a", OrderAction.CANCEL, 1_000 + i));
      engine.onEvent(order("b", OrderAction.CANCEL, 1_000 + i));
    }
    assertEquals(List.of(), engine.onEvent(order("a", OrderAction.CANCEL, 1_100)));
  }

  @Test
  void oneWaySweepMatchesFiveBuysThenALargeSellOfTheSameSymbol() {
    RuleEngine engine = engine(RuleEvents.ONE_WAY_SWEEP);
    for (int i = 0; i < 5; i++) {
      engine.onEvent(fill("x", "SPY", Side.BUY, 10, 100, 1_000 + i * 1_000));
    }
    assertEquals(List.of(), engine.onEvent(fill("x", "QQQ", Side.SELL, 5_000, 100, 6_000))); // other symbol
    assertEquals(List.of(), engine.onEvent(fill("x", "SPY", Side.SELL, 1_000, 100, 7_000))); // not > 1000
    List<RuleMatch> matches = engine.onEvent(fill("y", "SPY", Side.SELL, 1_001, 100, 11_000)); // edge: 10s
    assertEquals(1, matches.size());
    assertEquals("SPY", matches.get(0).group());
    assertEquals("RULE:one-way-sweep:SPY", matches.get(0).toSignal().key());
    assertEquals(1_001, matches.get(0).figures().get("quantity"));
  }

  @Test
  void oneWaySweepNeedsFiveBuysWithinTenSecondsOfTheSell() {
    RuleEngine engine = engine(RuleEvents.ONE_WAY_SWEEP);
    for (int i = 0; i < 5; i++) {
      engine.onEvent(fill("x", "SPY", Side.BUY, 10, 100, 1_000 + i * 1_000));
    }
    assertEquals(List.of(), engine.onEvent(fill("x", "SPY", Side.SELL, 2_000, 100, 11_001))); // first buy too old
    engine.onEvent(fill("x", "SPY", Side.BUY, 10, 100, 11_002));
    assertEquals(1, engine.onEvent(fill("x", "SPY", Side.SELL, 2_000, 100, 11_003)).size());
  }

  @Test
  void fourBuysAreNotASweep() {
    RuleEngine engine = engine(RuleEvents.ONE_WAY_SWEEP);
    for (int i = 0; i < 4; i++) {
      engine.onEvent(fill("x", "SPY", Side.BUY, 10, 100, 1_000 + i));
    }
    assertEquals(List.of(), engine.onEvent(fill("x", "SPY", Side.SELL, 2_000, 100, 1_010)));
  }

  @Test
  void aFillIsJoinedWithTheMarketStateOfItsSymbol() {
    RuleEngine engine = engine("rule off-market { when fill(price > market.mid * 1.01) per symbol }");
    assertEquals(List.of(), engine.onEvent(fill("x", "SPY", Side.BUY, 10, 150, 1))); // no market data yet
    engine.onEvent(market("SPY", 100, 0.02, 2));
    engine.onEvent(market("QQQ", 200, 0.02, 3));
    assertEquals(List.of(), engine.onEvent(fill("x", "SPY", Side.BUY, 10, 101, 4)));
    List<RuleMatch> matches = engine.onEvent(fill("x", "SPY", Side.BUY, 10, 101.5, 5));
    assertEquals(1, matches.size());
    assertEquals(101.0, matches.get(0).figures().get("market.mid * 1.01"), 1e-9);
    assertEquals(1, matches.get(0).score());
    assertEquals(List.of(), engine.onEvent(fill("x", "QQQ", Side.BUY, 10, 201, 6)));
  }

  @Test
  void aMarketEventComparesWithThePreviousMarketStateOfItsSymbol() {
    RuleEngine engine = engine("rule gap { when market(mid > market.mid * 1.05) per symbol }");
    engine.onEvent(market("SPY", 100, 0.02, 1));
    assertEquals(List.of(), engine.onEvent(market("SPY", 104, 0.02, 2)));
    assertEquals(1, engine.onEvent(market("SPY", 110, 0.02, 3)).size());
  }

  @Test
  void aSumThresholdMatchesWhenTheWindowTotalCrossesTheBound() {
    RuleEngine engine = engine("rule heavy { when sum(fill(side = BUY).quantity) > 10_000 within 1m per symbol }");
    assertEquals(List.of(), engine.onEvent(fill("x", "SPY", Side.BUY, 6_000, 100, 0)));
    assertEquals(List.of(), engine.onEvent(fill("x", "SPY", Side.SELL, 6_000, 100, 1)));
    assertEquals(List.of(), engine.onEvent(fill("x", "SPY", Side.BUY, 6_000, 100, 60_001))); // first one expired
    List<RuleMatch> matches = engine.onEvent(fill("x", "SPY", Side.BUY, 4_001, 100, 60_002));
    assertEquals(1, matches.size());
    assertEquals(10_001, matches.get(0).score());
    assertEquals(10_000, matches.get(0).threshold());
  }

  @Test
  void aCountOfOneWithoutWindowMatchesEveryMatchingEvent() {
    RuleEngine engine = engine("rule big { when fill(notional >= 1_000_000) }");
    assertEquals(1, engine.onEvent(fill("x", "SPY", Side.BUY, 10_000, 100, 1)).size());
    assertEquals(1, engine.onEvent(fill("x", "SPY", Side.BUY, 10_000, 100, 2)).size());
    assertEquals(List.of(), engine.onEvent(fill("x", "SPY", Side.BUY, 9_999, 100, 3)));
    assertTrue(engine.onEvent(fill("x", "SPY", Side.BUY, 10_000, 100, 4)).get(0).toSignal().key()
        .equals("RULE:big"));
  }

  @Test
  void anEventStampedBeforeTheLatestSeenIsTakenAsHappeningAtTheLatestTime() {
    RuleEngine engine = engine(RuleEvents.CANCEL_STORM);
    engine.onEvent(order("algo", OrderAction.CANCEL, 5_000));
    int matched = 0;
    for (int i = 0; i < 49; i++) {
      for (RuleMatch match : engine.onEvent(order("algo", OrderAction.CANCEL, 1_000))) { // late: counts at 5,000
        assertEquals(5_000, match.atMillis());
        matched++;
      }
    }
    assertEquals(1, matched);
    assertEquals(0, engine.groupCount("cancel-storm")); // matched on the 50th and re-armed: nothing left
  }
}

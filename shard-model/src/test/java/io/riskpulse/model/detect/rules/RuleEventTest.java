package io.riskpulse.model.detect.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import io.riskpulse.model.pretrade.CheckFailure;
import io.riskpulse.model.pretrade.OrderRequest;
import io.riskpulse.model.pretrade.PreTradeCheck;
import io.riskpulse.model.pretrade.PreTradeDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEventTest {

  @Test
  void buildsRuleEventsFromTheDomainTypesWithTheirFieldsByName() {
    RuleEvent.Order order = RuleEvent.of(new OrderEvent(OrderAction.CANCEL, "P", "algo", "C1", "O1", "SPY",
        Side.SELL, 10, 0, 1_000));
    assertEquals(EventType.ORDER, order.type());
    assertTrue(order.is(Field.ACTION, "CANCEL"));
    assertTrue(order.is(Field.SIDE, "SELL"));
    assertEquals(1_000, order.atMillis());

    RuleEvent.Fill fill = RuleEvent.of(new Execution("E1", "P", "algo", "SPY", Side.BUY, 10, 101, 2_000));
    assertEquals(1_010, fill.number(Field.NOTIONAL));
    assertEquals("algo", fill.strategy());
    assertEquals(Double.NaN, fill.number(Field.MID));

    OrderRequest request = new OrderRequest("P", "algo", "O2", "SPY", Side.BUY, 5, 130);
    PreTradeDecision decision = PreTradeDecision.of(request, List.of(
        CheckFailure.of(PreTradeCheck.PRICE_COLLAR, "30% from mark"),
        CheckFailure.of(PreTradeCheck.ORDER_QUANTITY, "")), 3_000);
    RuleEvent.Reject reject = RuleEvent.of(request, decision);
    assertTrue(reject.is(Field.CHECK, "PRICE_COLLAR"));
    assertTrue(reject.is(Field.CHECK, "ORDER_QUANTITY"));
    assertFalse(reject.is(Field.CHECK, "CREDIT"));
    assertEquals("PRICE_COLLAR,ORDER_QUANTITY", reject.text(Field.CHECK));
    assertEquals(3_000, reject.atMillis());

    RuleEvent.Market market = RuleEvent.of(new Quote("SPY", 100.5, 99.9, 100.1, 4_000));
    assertEquals(100.0, market.mid(), 1e-9);
    assertEquals(0.2, market.spread(), 1e-9);
    RuleEvent.Market lastOnly = RuleEvent.of(Quote.lastTrade("SPY", 100.5, 5_000));
    assertEquals(100.5, lastOnly.mid());
    assertTrue(Double.isNaN(lastOnly.spread()));
  }
}

package io.riskpulse.model.orderflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.portfolio.Side;
import org.junit.jupiter.api.Test;

class OrderFlowTrackerTest {

  private static OrderEvent order(OrderAction action, String strategy, String id, String orig) {
    return new OrderEvent(action, "P", strategy, id, orig, "SPY", Side.BUY, 100, 10, 0);
  }

  @Test
  void shouldCountAMessageSentAgainOnce() {
    OrderFlowTracker tracker = new OrderFlowTracker();
    assertTrue(tracker.record(order(OrderAction.NEW, "algo", "O1", ""), 1_000));
    assertFalse(tracker.record(order(OrderAction.NEW, "algo", "O1", ""), 1_001));
    assertTrue(tracker.record(order(OrderAction.REJECT, "algo", "O1", ""), 1_002)); // same id, another message
    assertTrue(tracker.record(order(OrderAction.NEW, "algo", "O2", ""), 1_003));
    assertEquals(2, tracker.view(1_010).ordersLastMinute());
    assertEquals(3, tracker.view(1_010).messagesLastMinute() + tracker.view(1_010).rejectsLastMinute());
    assertEquals(2, tracker.viewByStrategy(1_010).get("algo").ordersLastMinute());
  }

  @Test
  void shouldCountRatesRatiosAndOpenOrdersPerPortfolioAndStrategy() {
    OrderFlowTracker tracker = new OrderFlowTracker();
    long t0 = 1_000_000;
    for (int i = 0; i < 10; i++) {
      tracker.record(order(OrderAction.NEW, i < 6 ? "algo" : "manual", "O" + i, ""), t0 + i * 100);
    }
    tracker.record(order(OrderAction.CANCEL, "algo", "C1", "O1"), t0 + 1_500);
    tracker.record(order(OrderAction.CANCEL, "algo", "C2", "O2"), t0 + 1_600);
    tracker.record(order(OrderAction.REPLACE, "algo", "R3", "O3"), t0 + 1_700);
    tracker.record(order(OrderAction.REJECT, "manual", "O9", ""), t0 + 1_800);
    tracker.recordFill("algo", t0 + 1_900);
    tracker.recordFill("algo", t0 + 1_950);

    OrderFlowView view = tracker.view(t0 + 1_999);
    assertEquals(7, view.openOrders()); // 10 new - 2 cancelled - 1 rejected; the replace swaps O3 for R3
    assertEquals(13, view.messagesLastMinute()); // 10 new + 2 cancels + 1 replace
    assertEquals(3, view.messagesLastSecond()); // second t0+1s: two cancels and the replace
    assertEquals(10, view.ordersLastMinute());
    assertEquals(2, view.fillsLastSecond());
    assertEquals(0.2, view.cancelRatio(), 1e-12);
    assertEquals(6.5, view.orderToTradeRatio(), 1e-12);
    assertEquals(1, view.rejectsLastMinute());

    OrderFlowView algo = tracker.viewByStrategy(t0 + 1_999).get("algo");
    assertEquals(6, algo.ordersLastMinute());
    assertEquals(2.0 / 6, algo.cancelRatio(), 1e-12);
    assertEquals(2, algo.fillsLastMinute());
    assertEquals(0, tracker.viewByStrategy(t0 + 1_999).get("manual").fillsLastMinute());
  }

  @Test
  void shouldForgetMessagesOlderThanAMinute() {
    OrderFlowTracker tracker = new OrderFlowTracker();
    tracker.record(order(OrderAction.NEW, "a", "O1", ""), 0);
    tracker.recordFill("a", 500);
    assertEquals(1, tracker.view(59_999).messagesLastMinute());
    assertEquals(0, tracker.view(60_000).messagesLastMinute());
    assertEquals(0, tracker.view(60_000).fillsLastMinute());
    assertEquals(1, tracker.view(60_000).openOrders()); // still open: nothing cancelled it
  }
}

package io.riskpulse.model.orderflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskpulse.model.halt.OpenOrder;
import io.riskpulse.model.portfolio.Side;
import java.util.List;
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

  @Test
  void shouldCountAStrategysOpenOrdersUntilCancelledReplacedOrForgotten() {
    OrderFlowTracker tracker = new OrderFlowTracker();
    tracker.record(order(OrderAction.NEW, "a", "A0", ""), 0);
    tracker.record(order(OrderAction.NEW, "b", "B0", ""), 1);
    tracker.record(order(OrderAction.REPLACE, "b", "A1", "A0"), 2); // the order stays a's, whoever replaces it
    assertEquals(1, tracker.viewByStrategy(10).get("a").openOrders());
    assertEquals(1, tracker.viewByStrategy(10).get("b").openOrders());
    assertEquals("a", tracker.openOrders().get(1).strategy());
    tracker.record(order(OrderAction.CANCEL, "b", "X1", "A1"), 3);
    assertEquals(0, tracker.viewByStrategy(10).get("a").openOrders());
    for (int i = 1; i <= OrderFlowTracker.MAX_OPEN_ORDERS; i++) {
      tracker.record(order(OrderAction.NEW, "c", "C" + i, ""), 10 + i);
    }
    // B0 was the oldest: forgotten, and no longer counted for b
    assertEquals(OrderFlowTracker.MAX_OPEN_ORDERS, tracker.view(20_000).openOrders());
    assertEquals(0, tracker.viewByStrategy(20_000).get("b").openOrders());
    assertEquals(OrderFlowTracker.MAX_OPEN_ORDERS, tracker.viewByStrategy(20_000).get("c").openOrders());
    assertEquals("C1", tracker.openOrders().get(0).clOrdId());
  }

  @Test
  void shouldRecogniseARepeatOnlyForTheLastTenThousandClOrdIds() {
    OrderFlowTracker tracker = new OrderFlowTracker();
    tracker.record(order(OrderAction.NEW, "a", "FIRST", ""), 0);
    assertTrue(tracker.seen(OrderAction.NEW, "FIRST"));
    assertFalse(tracker.seen(OrderAction.CANCEL, "FIRST"));
    for (int i = 0; i < OrderFlowTracker.MAX_RECENT_MESSAGES - 1; i++) {
      tracker.record(order(OrderAction.NEW, "a", "N" + i, ""), 1);
    }
    assertTrue(tracker.seen(OrderAction.NEW, "FIRST"));
    tracker.record(order(OrderAction.NEW, "a", "LAST", ""), 2);
    assertFalse(tracker.seen(OrderAction.NEW, "FIRST"));
    assertTrue(tracker.seen(OrderAction.NEW, "N0"));
  }

  /** An open order keeps its own ClOrdID, not three more strings per order decoded from the wire. */
  @Test
  void shouldShareAccountStrategyAndSymbolStringsBetweenOpenOrders() {
    OrderFlowTracker tracker = new OrderFlowTracker();
    for (int i = 0; i < 3; i++) {
      tracker.record(new OrderEvent(OrderAction.NEW, new String("P"), new String("algo"), "O" + i, "",
          new String("SPY"), Side.BUY, 100, 10, 0), i);
    }
    List<OpenOrder> open = tracker.openOrders();
    assertEquals(3, open.size());
    for (OpenOrder order : open) {
      assertSame(open.get(0).account(), order.account());
      assertSame(open.get(0).strategy(), order.strategy());
      assertSame(open.get(0).symbol(), order.symbol());
    }
  }

  @Test
  void shouldCloseAnOrderOnceFillsNamingItAddUpToItsQuantity() {
    OrderFlowTracker tracker = new OrderFlowTracker();
    tracker.record(order(OrderAction.NEW, "algo", "O1", ""), 0); // 100 units
    tracker.record(order(OrderAction.NEW, "algo", "O2", ""), 1);
    tracker.recordFill("algo", "O1", 40, 2);
    assertEquals(2, tracker.view(10).openOrders());
    assertEquals(40, tracker.openOrders().get(0).filledQuantity(), 1e-12);
    assertEquals(60, tracker.openOrders().get(0).leavesQuantity(), 1e-12);
    tracker.record(order(OrderAction.REPLACE, "algo", "O1b", "O1"), 3); // CumQty carries over to the replacement
    assertEquals(40, tracker.openOrders().get(1).filledQuantity(), 1e-12);
    tracker.recordFill("algo", "O1", 60, 4); // names the replaced ClOrdID: only counted in the rates
    assertEquals(2, tracker.view(10).openOrders());
    tracker.recordFill("algo", "O1b", 0.1 + 0.2, 5);
    tracker.recordFill("algo", "O1b", 59.7, 6); // 40 + 0.30000000000000004 + 59.7: filled within rounding
    assertEquals(List.of("O2"), tracker.openOrders().stream().map(OpenOrder::clOrdId).toList());
    assertEquals(1, tracker.viewByStrategy(10).get("algo").openOrders());
    tracker.recordFill("algo", "", 100, 7); // names no order
    tracker.recordFill("algo", "UNKNOWN", 100, 8);
    assertEquals(1, tracker.view(10).openOrders());
    assertEquals(6, tracker.view(10).fillsLastMinute());
  }

  @Test
  void shouldCountACheckedOrderOnceWhenTheOrderFlowReportsIt() {
    OrderFlowTracker tracker = new OrderFlowTracker();
    assertTrue(tracker.recordChecked(order(OrderAction.NEW, "algo", "O1", ""), 0));
    assertTrue(tracker.seen(OrderAction.NEW, "O1"));
    assertFalse(tracker.recordChecked(order(OrderAction.NEW, "algo", "O1", ""), 1)); // checked twice
    assertFalse(tracker.confirmChecked(order(OrderAction.CANCEL, "algo", "O1", "")));
    assertTrue(tracker.confirmChecked(order(OrderAction.NEW, "algo", "O1", "")));
    assertFalse(tracker.confirmChecked(order(OrderAction.NEW, "algo", "O1", ""))); // reported twice
    assertFalse(tracker.record(order(OrderAction.NEW, "algo", "O1", ""), 2));
    assertEquals(1, tracker.view(10).ordersLastMinute());
    assertEquals(1, tracker.view(10).openOrders());

    assertTrue(tracker.record(order(OrderAction.NEW, "algo", "O2", ""), 3)); // seen on the flow first
    assertFalse(tracker.confirmChecked(order(OrderAction.NEW, "algo", "O2", "")));
    assertFalse(tracker.recordChecked(order(OrderAction.NEW, "algo", "O2", ""), 4));
    assertEquals(2, tracker.view(10).ordersLastMinute());
  }
}

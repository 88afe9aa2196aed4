package io.riskpulse.model.orderflow;

import io.riskpulse.model.halt.OpenOrder;
import io.riskpulse.model.orderflow.RateWindow.Kind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Live order-flow state of one portfolio, in total and per strategy: open orders, message and fill rates,
 * cancel and order-to-trade ratios over a one-minute window. Feeds the order-rate limits and the runaway
 * detectors.
 *
 * <p>Transient by design: order messages are far more numerous than fills and their statistics only matter
 * over the last minute, so they are kept in memory rather than journaled; after a restart the window refills
 * within a minute. Not thread-safe: owned by one portfolio entity.
 */
public final class OrderFlowTracker {

  /** Open orders remembered per tracker; the oldest is forgotten beyond this. */
  static final int MAX_OPEN_ORDERS = 10_000;

  /** Order-flow messages remembered to recognise a repeat. */
  static final int MAX_RECENT_MESSAGES = 10_000;

  private final RateWindow window = new RateWindow();
  private final Map<String, OpenOrder> openOrders = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, OpenOrder> eldest) {
      return size() > MAX_OPEN_ORDERS;
    }
  };
  /** Order-flow messages recorded recently, keyed by action and ClOrdID; the oldest forgotten beyond the cap. */
  private final Map<String, Boolean> recentMessages = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > MAX_RECENT_MESSAGES;
    }
  };
  private final Map<String, OrderFlowTracker> byStrategy;
  /** The latest time a message or fill was recorded at, epoch ms; {@code Long.MIN_VALUE} before the first. */
  private long lastRecordedMillis = Long.MIN_VALUE;

  public OrderFlowTracker() {
    this(true);
  }

  private OrderFlowTracker(boolean withStrategies) {
    this.byStrategy = withStrategies ? new HashMap<>() : null;
  }

  /**
   * Records an order-flow message at {@code nowMillis}, unless the same message (action and ClOrdID, which
   * FIX makes unique per message) was recorded among the last {@value #MAX_RECENT_MESSAGES}: a message sent
   * again by a retry or a replay must not count twice in the rates.
   *
   * @return false when the message was a repeat and nothing was recorded
   */
  public boolean record(OrderEvent order, long nowMillis) {
    if (recentMessages.put(order.action().name() + ' ' + order.orderId(), Boolean.TRUE) != null) {
      return false;
    }
    apply(order, nowMillis);
    if (byStrategy != null) {
      byStrategy.computeIfAbsent(order.strategy(), s -> new OrderFlowTracker(false)).apply(order, nowMillis);
    }
    return true;
  }

  /** Records a fill of {@code strategy} at {@code nowMillis}. */
  public void recordFill(String strategy, long nowMillis) {
    window.record(Kind.FILL, nowMillis);
    lastRecordedMillis = Math.max(lastRecordedMillis, nowMillis);
    if (byStrategy != null) {
      byStrategy.computeIfAbsent(strategy, s -> new OrderFlowTracker(false)).window.record(Kind.FILL, nowMillis);
    }
  }

  private void apply(OrderEvent order, long nowMillis) {
    lastRecordedMillis = Math.max(lastRecordedMillis, nowMillis);
    switch (order.action()) {
      case NEW:
        openOrders.put(order.orderId(), open(order));
        window.record(Kind.NEW, nowMillis);
        break;
      case REPLACE:
        OpenOrder replaced = openOrders.remove(order.origOrderId());
        openOrders.put(order.orderId(), replaced == null ? open(order)
            : new OpenOrder(order.orderId(), replaced.account(), replaced.strategy(), replaced.symbol(),
                replaced.side(), order.quantity()));
        window.record(Kind.REPLACE, nowMillis);
        break;
      case CANCEL:
        openOrders.remove(order.origOrderId());
        openOrders.remove(order.orderId());
        window.record(Kind.CANCEL, nowMillis);
        break;
      case REJECT:
        openOrders.remove(order.orderId());
        window.record(Kind.REJECT, nowMillis);
        break;
      default:
        throw new IllegalArgumentException(String.valueOf(order.action()));
    }
  }

  private static OpenOrder open(OrderEvent order) {
    return new OpenOrder(order.orderId(), order.portfolioId(), order.strategy(), order.symbol(), order.side(),
        order.quantity());
  }

  /**
   * Whether an order-flow message with this action and ClOrdID is among the last {@value #MAX_RECENT_MESSAGES}
   * recorded: a pre-trade check of a ClOrdID already used is a duplicate order.
   */
  public boolean seen(OrderAction action, String orderId) {
    return recentMessages.containsKey(action.name() + ' ' + orderId);
  }

  /** Working orders as the order flow shows them (at most {@value #MAX_OPEN_ORDERS}), oldest first. */
  public List<OpenOrder> openOrders() {
    return List.copyOf(openOrders.values());
  }

  /**
   * Whether every rate of {@link #view} read at {@code millis} or later is zero until the next record: nothing
   * was recorded within the longest window (60 s, in whole-second buckets, hence a second more) before it.
   */
  public boolean silentFrom(long millis) {
    return lastRecordedMillis < millis - 61_000L;
  }

  /** The portfolio's statistics at {@code nowMillis}. */
  public OrderFlowView view(long nowMillis) {
    long news = window.count(Kind.NEW, 60, nowMillis);
    long cancels = window.count(Kind.CANCEL, 60, nowMillis);
    long fills = window.count(Kind.FILL, 60, nowMillis);
    long messages = window.messages(60, nowMillis);
    return new OrderFlowView(
        openOrders.size(),
        window.messages(1, nowMillis),
        messages,
        news,
        window.count(Kind.FILL, 1, nowMillis),
        fills,
        news == 0 ? 0 : (double) cancels / news,
        fills == 0 ? messages : (double) messages / fills,
        window.count(Kind.REJECT, 60, nowMillis),
        window.count(Kind.NEW, 1, nowMillis));
  }

  /** Per-strategy statistics at {@code nowMillis}, by strategy name. */
  public Map<String, OrderFlowView> viewByStrategy(long nowMillis) {
    Map<String, OrderFlowView> views = new TreeMap<>();
    if (byStrategy != null) {
      byStrategy.forEach((strategy, tracker) -> views.put(strategy, tracker.view(nowMillis)));
    }
    return views;
  }
}

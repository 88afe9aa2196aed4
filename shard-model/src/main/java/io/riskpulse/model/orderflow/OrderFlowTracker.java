package io.riskpulse.model.orderflow;

import io.riskpulse.model.collect.BoundedInsertionMap;
import io.riskpulse.model.halt.OpenOrder;
import io.riskpulse.model.orderflow.RateWindow.Kind;
import java.util.HashMap;
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
 *
 * <p>Memory: open orders and recent ClOrdIDs are kept in {@link BoundedInsertionMap}s (no object per entry, and
 * nothing the collector has to scan per order: see there). An open order keeps its own ClOrdID string; its
 * account, strategy and symbol are the first-seen instances of those strings, so an order decoded from the wire
 * does not keep three more strings alive. A strategy keeps only its rate window and a count of its open orders.
 *
 * <p>An order stops being open when it is cancelled, rejected, replaced (the replacement is open instead, with the
 * quantity already filled carried over, as FIX's CumQty is), filled by fills that name it, or forgotten as the
 * oldest of more than {@value #MAX_OPEN_ORDERS}. Fills that do not name their order leave it open.
 */
public final class OrderFlowTracker {

  /** Open orders remembered; the oldest is forgotten beyond this. */
  static final int MAX_OPEN_ORDERS = 10_000;

  /** ClOrdIDs whose messages are remembered to recognise a repeat; the oldest is forgotten beyond this. */
  static final int MAX_RECENT_MESSAGES = 10_000;

  /** Bit of a ClOrdID's actions: a new order counted by an accepted pre-trade check (see {@link #recordChecked}). */
  private static final int CHECKED = 1 << 4;
  private static final int NEW = 1 << OrderAction.NEW.ordinal();

  /** Distinct symbols and accounts whose strings are shared between open orders; beyond this, not shared. */
  private static final int MAX_SHARED_NAMES = 4_096;

  private final RateWindow window = new RateWindow();
  private final BoundedInsertionMap<OpenOrder> openOrders =
      new BoundedInsertionMap<>(MAX_OPEN_ORDERS, this::forgotten);
  /** Per recent ClOrdID, the bit set of the actions (by ordinal) recorded with it. */
  private final BoundedInsertionMap<Byte> recentMessages = new BoundedInsertionMap<>(MAX_RECENT_MESSAGES, b -> { });
  private final Map<String, StrategyFlow> byStrategy = new HashMap<>();
  /** First-seen instance of each symbol and account string of an open order. */
  private final Map<String, String> sharedNames = new HashMap<>();
  /** The latest time a message or fill was recorded at, epoch ms; {@code Long.MIN_VALUE} before the first. */
  private long lastRecordedMillis = Long.MIN_VALUE;

  /** One strategy's rates and the number of open orders it sent. */
  private static final class StrategyFlow {
    final String name;
    final RateWindow window = new RateWindow();
    int openOrders;

    StrategyFlow(String name) {
      this.name = name;
    }
  }

  /**
   * Records an order-flow message at {@code nowMillis}, unless the same message (action and ClOrdID, which
   * FIX makes unique per message) was recorded with one of the last {@value #MAX_RECENT_MESSAGES} ClOrdIDs: a
   * message sent again by a retry or a replay must not count twice in the rates.
   *
   * @return false when the message was a repeat and nothing was recorded
   */
  public boolean record(OrderEvent order, long nowMillis) {
    return record(order, 1 << order.action().ordinal(), nowMillis);
  }

  /**
   * Records the new order {@code order} that a pre-trade check has just accepted, as {@link #record} would (it
   * counts in the rates at once, and is open), remembering that it came from a check: when the same order then
   * arrives on the order flow ({@link #confirmChecked}), it is not counted again.
   *
   * @return false when the ClOrdID was already used by a new order, checked or not, and nothing was recorded
   */
  public boolean recordChecked(OrderEvent order, long nowMillis) {
    if (order.action() != OrderAction.NEW) {
      throw new IllegalArgumentException("only a new order is checked: " + order.action());
    }
    return record(order, CHECKED, nowMillis);
  }

  /**
   * Whether {@code order} is the order flow's report of a new order a pre-trade check accepted here (a NEW whose
   * ClOrdID {@link #recordChecked} recorded, not yet reported): if so, it is taken as that order, already counted,
   * and its open order takes the quantity the order flow reports; a later NEW with the same ClOrdID is a repeat.
   */
  public boolean confirmChecked(OrderEvent order) {
    if (order.action() != OrderAction.NEW) {
      return false;
    }
    Byte actions = recentMessages.get(order.orderId());
    int seen = actions == null ? 0 : actions;
    if ((seen & CHECKED) == 0 || (seen & NEW) != 0) {
      return false;
    }
    recentMessages.put(order.orderId(), (byte) (seen | NEW));
    OpenOrder open = openOrders.get(order.orderId());
    if (open != null && open.quantity() != order.quantity()) {
      openOrders.put(order.orderId(), open.withQuantity(order.quantity()));
    }
    return true;
  }

  /** Records {@code order} under action bit {@code bit}; a new order's ClOrdID is taken once, checked or not. */
  private boolean record(OrderEvent order, int bit, long nowMillis) {
    Byte actions = recentMessages.get(order.orderId());
    int seen = actions == null ? 0 : actions;
    int taken = bit == NEW || bit == CHECKED ? NEW | CHECKED : bit;
    if ((seen & taken) != 0) {
      return false;
    }
    recentMessages.put(order.orderId(), (byte) (seen | bit));
    StrategyFlow strategy = strategy(order.strategy());
    lastRecordedMillis = Math.max(lastRecordedMillis, nowMillis);
    Kind kind = apply(order, strategy);
    window.record(kind, nowMillis);
    strategy.window.record(kind, nowMillis);
    return true;
  }

  /** Records a fill of {@code strategy} at {@code nowMillis} that does not name its order. */
  public void recordFill(String strategy, long nowMillis) {
    recordFill(strategy, "", 0, nowMillis);
  }

  /**
   * Records a fill of {@code strategy} at {@code nowMillis}. When it names an open order ({@code orderId}, its
   * current ClOrdID), {@code quantity} counts towards that order, which stops being open once it is filled (within
   * a billionth of its quantity, for quantities that do not add up exactly in binary). A fill naming no open order
   * (unknown, already filled, cancelled, or forgotten) only counts in the rates.
   *
   * @param orderId ClOrdID of the filled order, {@code ""} when the fill does not say
   * @param quantity filled quantity, instrument units (finite and &gt; 0: the fill was validated)
   */
  public void recordFill(String strategy, String orderId, double quantity, long nowMillis) {
    window.record(Kind.FILL, nowMillis);
    lastRecordedMillis = Math.max(lastRecordedMillis, nowMillis);
    strategy(strategy).window.record(Kind.FILL, nowMillis);
    OpenOrder order = orderId.isEmpty() ? null : openOrders.get(orderId);
    if (order == null) {
      return;
    }
    double filled = order.filledQuantity() + quantity;
    if (filled >= order.quantity() * (1 - 1e-9)) {
      close(orderId);
    } else {
      openOrders.put(orderId, order.withFilledQuantity(filled));
    }
  }

  private StrategyFlow strategy(String name) {
    return byStrategy.computeIfAbsent(name, StrategyFlow::new);
  }

  /** Updates the open orders for {@code order}; returns what the message counts as. */
  private Kind apply(OrderEvent order, StrategyFlow strategy) {
    switch (order.action()) {
      case NEW:
        open(order.orderId(), fresh(order, strategy));
        return Kind.NEW;
      case REPLACE:
        OpenOrder replaced = close(order.origOrderId());
        open(order.orderId(), replaced == null ? fresh(order, strategy)
            : replaced.replacedBy(order.orderId(), order.quantity()));
        return Kind.REPLACE;
      case CANCEL:
        close(order.origOrderId());
        close(order.orderId());
        return Kind.CANCEL;
      case REJECT:
        close(order.orderId());
        return Kind.REJECT;
      default:
        throw new IllegalArgumentException(String.valueOf(order.action()));
    }
  }

  /** The open order {@code order} starts, nothing filled, with the shared strings. */
  private OpenOrder fresh(OrderEvent order, StrategyFlow strategy) {
    return new OpenOrder(order.orderId(), shared(order.portfolioId()), strategy.name, shared(order.symbol()),
        order.side(), order.quantity());
  }

  private void open(String clOrdId, OpenOrder order) {
    OpenOrder previous = openOrders.put(clOrdId, order);
    if (previous != null) {
      strategy(previous.strategy()).openOrders--;
    }
    strategy(order.strategy()).openOrders++;
  }

  private OpenOrder close(String clOrdId) {
    OpenOrder closed = clOrdId == null || clOrdId.isEmpty() ? null : openOrders.remove(clOrdId);
    if (closed != null) {
      strategy(closed.strategy()).openOrders--;
    }
    return closed;
  }

  /** An open order forgotten because more than {@value #MAX_OPEN_ORDERS} were open. */
  private void forgotten(OpenOrder order) {
    strategy(order.strategy()).openOrders--;
  }

  private String shared(String name) {
    String first = sharedNames.get(name);
    if (first != null) {
      return first;
    }
    if (sharedNames.size() < MAX_SHARED_NAMES) {
      sharedNames.put(name, name);
    }
    return name;
  }

  /**
   * Whether an order-flow message with this action and ClOrdID was recorded with one of the last
   * {@value #MAX_RECENT_MESSAGES} ClOrdIDs (for NEW, also by an accepted pre-trade check): a pre-trade check of a
   * ClOrdID already used is a duplicate order.
   */
  public boolean seen(OrderAction action, String orderId) {
    Byte actions = recentMessages.get(orderId);
    int bits = action == OrderAction.NEW ? NEW | CHECKED : 1 << action.ordinal();
    return actions != null && (actions & bits) != 0;
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
    return view(window, openOrders.size(), nowMillis);
  }

  /** Per-strategy statistics at {@code nowMillis}, by strategy name. */
  public Map<String, OrderFlowView> viewByStrategy(long nowMillis) {
    Map<String, OrderFlowView> views = new TreeMap<>();
    byStrategy.forEach((name, strategy) -> views.put(name, view(strategy.window, strategy.openOrders, nowMillis)));
    return views;
  }

  private static OrderFlowView view(RateWindow window, int openOrders, long nowMillis) {
    long news = window.count(Kind.NEW, 60, nowMillis);
    long cancels = window.count(Kind.CANCEL, 60, nowMillis);
    long fills = window.count(Kind.FILL, 60, nowMillis);
    long messages = window.messages(60, nowMillis);
    return new OrderFlowView(
        openOrders,
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
}

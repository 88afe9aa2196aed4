package io.riskpulse.model.detect.flow;

import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.portfolio.Side;
import java.util.Arrays;

/**
 * One strategy's order flow in one-second buckets over the last minute, from which its
 * {@link OrderFlowFeatures} are read at any instant.
 *
 * <p>Time is the events' own (epoch milliseconds), never the wall clock, so a replay computes the same features.
 * An event older than the current second is counted in the current second (order flow arrives in order per
 * portfolio; a late message must still count). Not thread-safe: owned by one detector.
 */
final class StrategyFlow {

  static final int SECONDS = 60;
  private static final int RATIO_SECONDS = 10;

  private final long[] second = new long[SECONDS];
  private final int[] news = new int[SECONDS];
  private final int[] replaces = new int[SECONDS];
  private final int[] cancels = new int[SECONDS];
  private final int[] fills = new int[SECONDS];
  private final double[] signedNotional = new double[SECONDS];
  private final double[] largestOrder = new double[SECONDS];
  private final int[] buyFills = new int[SECONDS];
  private final int[] sellFills = new int[SECONDS];
  private long currentSecond = Long.MIN_VALUE;

  StrategyFlow() {
    Arrays.fill(second, Long.MIN_VALUE);
  }

  /** The second (epoch seconds) the latest event fell in; {@link Long#MIN_VALUE} before any. */
  long currentSecond() {
    return currentSecond;
  }

  void recordOrder(OrderAction action, double quantity, double price, long atMillis) {
    int slot = slot(atMillis);
    switch (action) {
      case NEW:
        news[slot]++;
        largestOrder[slot] = Math.max(largestOrder[slot], Math.abs(quantity * price));
        break;
      case REPLACE:
        replaces[slot]++;
        largestOrder[slot] = Math.max(largestOrder[slot], Math.abs(quantity * price));
        break;
      case CANCEL:
        cancels[slot]++;
        break;
      default:
        break; // a venue reject is no message of the strategy's
    }
  }

  void recordFill(Side side, double quantity, double price, long atMillis) {
    int slot = slot(atMillis);
    fills[slot]++;
    signedNotional[slot] += (side == Side.BUY ? 1 : -1) * quantity * price;
    if (side == Side.BUY) {
      buyFills[slot]++;
    } else {
      sellFills[slot]++;
    }
  }

  /** Moves the current second to {@code atMillis}'s (never back) and returns its slot, cleared when new. */
  private int slot(long atMillis) {
    long s = Math.max(Math.floorDiv(atMillis, 1000), currentSecond);
    currentSecond = s;
    int slot = (int) Math.floorMod(s, SECONDS);
    if (second[slot] != s) {
      second[slot] = s;
      news[slot] = 0;
      replaces[slot] = 0;
      cancels[slot] = 0;
      fills[slot] = 0;
      signedNotional[slot] = 0;
      largestOrder[slot] = 0;
      buyFills[slot] = 0;
      sellFills[slot] = 0;
    }
    return slot;
  }

  /** The features as of the end of second {@code s} (epoch seconds), from the buckets still held. */
  OrderFlowFeatures featuresAt(long s) {
    int now = (int) Math.floorMod(s, SECONDS);
    boolean live = second[now] == s;
    double messages = live ? news[now] + replaces[now] + cancels[now] : 0;
    double newOrders = live ? news[now] : 0;
    double largest = live ? largestOrder[now] : 0;
    long newsWindow = 0;
    long cancelsWindow = 0;
    long messagesWindow = 0;
    long fillsWindow = 0;
    long oneWay = 0;
    double net = 0;
    for (int back = 0; back < SECONDS; back++) {
      long t = s - back;
      int slot = (int) Math.floorMod(t, SECONDS);
      if (second[slot] != t) {
        continue;
      }
      if (back < RATIO_SECONDS) {
        newsWindow += news[slot];
        cancelsWindow += cancels[slot];
        messagesWindow += news[slot] + replaces[slot] + cancels[slot];
        fillsWindow += fills[slot];
        oneWay += buyFills[slot] - sellFills[slot];
      }
      net += signedNotional[slot];
    }
    double cancelRatio = newsWindow == 0 ? 0 : (double) cancelsWindow / newsWindow;
    double orderToTrade = fillsWindow == 0 ? messagesWindow : (double) messagesWindow / fillsWindow;
    return new OrderFlowFeatures(messages, newOrders, cancelRatio, orderToTrade, Math.abs(oneWay), Math.abs(net),
        largest);
  }
}

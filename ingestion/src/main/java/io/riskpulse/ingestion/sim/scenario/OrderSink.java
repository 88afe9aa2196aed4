package io.riskpulse.ingestion.sim.scenario;

import io.riskpulse.model.orderflow.OrderAction;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;
import io.riskpulse.model.portfolio.Side;
import java.util.function.Consumer;

/**
 * Where the simulated strategies send their order flow: numbers orders and fills uniquely within the day
 * ({@code <date>-<portfolio>-<strategy>-<n>}) and emits every fill also as a trade on the instrument's tape
 * (the portfolios' trades are part of the market's volume), unless the instrument's feed is in a gap. Confined to
 * one thread.
 */
final class OrderSink {

  private final String dayPrefix;
  private final Consumer<ScenarioEvent> out;
  private final MarketStress stress;
  private long sequence;

  OrderSink(String dayPrefix, Consumer<ScenarioEvent> out, MarketStress stress) {
    this.dayPrefix = dayPrefix;
    this.out = out;
    this.stress = stress;
  }

  private String id(String portfolio, String strategy) {
    return dayPrefix + '-' + portfolio + '-' + strategy + '-' + (++sequence);
  }

  /** Sends a new limit order at {@code atMillis}; returns its id. */
  String newOrder(long atMillis, String portfolio, String strategy, String symbol, Side side, double quantity,
      double price) {
    String id = id(portfolio, strategy);
    out.accept(new ScenarioEvent.Order(new OrderEvent(OrderAction.NEW, portfolio, strategy, id, "", symbol, side,
        quantity, price, atMillis)));
    return id;
  }

  /** Cancels order {@code orderId} at {@code atMillis}. */
  void cancel(long atMillis, String portfolio, String strategy, String orderId, String symbol, Side side) {
    out.accept(new ScenarioEvent.Order(new OrderEvent(OrderAction.CANCEL, portfolio, strategy,
        id(portfolio, strategy), orderId, symbol, side, 0, 0, atMillis)));
  }

  /** A fill at {@code atMillis}, also printed on the tape (when its feed is not in a gap). */
  void fill(long atMillis, String portfolio, String strategy, String symbol, Side side, double quantity,
      double price) {
    out.accept(new ScenarioEvent.Fill(new Execution("X" + id(portfolio, strategy), portfolio, strategy, symbol,
        side, quantity, price, atMillis)));
    if (!stress.silent(symbol, atMillis)) {
      out.accept(new ScenarioEvent.Trade(symbol, price, quantity, atMillis));
    }
  }
}

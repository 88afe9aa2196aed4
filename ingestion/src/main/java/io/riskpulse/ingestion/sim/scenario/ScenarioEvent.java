package io.riskpulse.ingestion.sim.scenario;

import io.riskpulse.model.market.Quote;
import io.riskpulse.model.orderflow.OrderEvent;
import io.riskpulse.model.portfolio.Execution;

/** One event of a scenario, stamped with its event time (epoch milliseconds). */
public sealed interface ScenarioEvent {

  /** When it happened, epoch milliseconds. */
  long atMillis();

  /** A top-of-book quote of an instrument. */
  record QuoteUpdate(Quote quote) implements ScenarioEvent {
    @Override
    public long atMillis() {
      return quote.timestampMillis();
    }
  }

  /**
   * A level-2 book of an instrument: prices best first, quantities in instrument units.
   */
  record BookUpdate(String symbol, double[] bidPrices, double[] bidQuantities, double[] askPrices,
      double[] askQuantities, long atMillis) implements ScenarioEvent {}

  /**
   * A trade on the tape (the market's, including the simulated portfolios' own fills).
   *
   * @param price price currency
   * @param quantity instrument units
   */
  record Trade(String symbol, double price, double quantity, long atMillis) implements ScenarioEvent {}

  /** An order-flow message of a portfolio. */
  record Order(OrderEvent order) implements ScenarioEvent {
    @Override
    public long atMillis() {
      return order.timestampMillis();
    }
  }

  /** A fill of a portfolio. */
  record Fill(Execution execution) implements ScenarioEvent {
    @Override
    public long atMillis() {
      return execution.executedAtMillis();
    }
  }
}
